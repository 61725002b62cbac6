"""A booking's page in the admin: the institution, its request, its documents,
what Stripe still has to take, its history, and the forms of its next steps."""

from django import forms
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.money import money
from events.admin.access import BOOKINGS, CHANGE, VIEW, require
from events.forms import (
    CancelBookingForm,
    ChorusDepositForm,
    RecordAcceptanceForm,
    RecordPaymentForm,
)
from events.models import Booking, Invoice, Quote, StripeOperation
from events.services import TRANSITIONS

State = Booking.State

# What BookingLog.action holds, as the history table says it.
LOG_ACTIONS = {
    "requested": gettext_lazy("Request received"),
    "quote_sent": gettext_lazy("Quote sent"),
    "quote_accepted": gettext_lazy("Quote accepted online"),
    "quote_recorded": gettext_lazy("Acceptance recorded by an editor"),
    "invoiced": gettext_lazy("Invoice issued"),
    "paid": gettext_lazy("Payment received"),
    "reminded": gettext_lazy("Payment reminder sent"),
    "done": gettext_lazy("Marked as done"),
    "cancelled": gettext_lazy("Cancelled"),
    "credit_note": gettext_lazy("Credit note issued"),
    "chorus_deposit": gettext_lazy("Deposited on Chorus Pro"),
}


class PaymentForm(RecordPaymentForm):
    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A payment cannot arrive in the future."))
        return day


PAYMENT_METHODS = {
    **dict(RecordPaymentForm.base_fields["method"].choices),
    "stripe": "Stripe",
}

FORMS = {
    "accept": RecordAcceptanceForm,
    "payment": PaymentForm,
    "cancel": CancelBookingForm,
    "chorus": ChorusDepositForm,
}


def to_deposit(booking: Booking, invoices: list[Invoice]) -> Invoice | None:
    """A public buyer's oldest invoice or credit note not yet on Chorus Pro."""
    if not booking.is_public_buyer:
        return None
    return next(
        (document for document in invoices if document.chorus_deposited_on is None),
        None,
    )


def get_booking(pk) -> Booking:
    return get_object_or_404(
        Booking.objects.select_related("conference", "offer"), pk=pk
    )


def pending_quote(quotes):
    return next((quote for quote in quotes if quote.status == Quote.Status.SENT), None)


def open_invoice(invoices):
    """The invoice still to be paid: issued, unpaid, not cancelled."""
    credited = {document.refers_id for document in invoices}
    return next(
        (
            document
            for document in invoices
            if document.kind == Invoice.Kind.INVOICE
            and document.paid_at is None
            and document.pk not in credited
        ),
        None,
    )


def booking_page(request, booking: Booking, *, bound=None, status=200):
    quotes = list(booking.quotes.order_by("-pk"))
    invoices = list(booking.invoices.order_by("pk"))
    numbers = {document.pk: document.number for document in invoices}
    credit_notes = {
        document.refers_id: document for document in invoices if document.refers_id
    }
    # The buyer's links, in the language of the buyer's emails and documents.
    with translation.override(booking.language):
        public_page = reverse("events:booking", args=[booking.access_key])
        quote_urls = [
            reverse("events:quote_pdf", args=[booking.access_key, quote.number])
            for quote in quotes
        ]
        pdf_urls = [
            reverse("events:invoice_pdf", args=[booking.access_key, document.number])
            for document in invoices
        ]
    documents = [
        {
            "document": document,
            "pdf_url": pdf_url,
            "credit_note": credit_notes.get(document.pk),
            "cancels": numbers.get(document.refers_id),
            "overdue": document.overdue and document.pk not in credit_notes,
            "method": PAYMENT_METHODS.get(
                document.payment_method, document.payment_method
            ),
        }
        for document, pdf_url in zip(invoices, pdf_urls, strict=True)
    ]
    allowed = TRANSITIONS[booking.state] if request.user.has_perm(CHANGE) else set()
    actions = {
        "send_quote": State.QUOTED in allowed,
        "record_acceptance": State.ACCEPTED in allowed
        and pending_quote(quotes) is not None,
        "record_payment": State.PAID in allowed and open_invoice(invoices) is not None,
        "mark_done": State.DONE in allowed,
        "cancel": State.CANCELLED in allowed,
        "chorus": request.user.has_perm(CHANGE)
        and to_deposit(booking, invoices) is not None,
    }
    bound = bound or {}
    initial = {
        "accept": {"po_number": booking.po_number},
        "payment": {"received_on": timezone.localdate()},
        "chorus": {"deposited_on": timezone.localdate()},
    }
    step_forms = {
        name: bound.get(name) or form_class(prefix=name, initial=initial.get(name))
        for name, form_class in FORMS.items()
    }
    history = [
        (entry, LOG_ACTIONS.get(entry.action, entry.action))
        for entry in booking.log.select_related("actor")
    ]
    # What Stripe has not taken yet: the invoice is issued here whatever
    # Stripe says, so this waits to be retried, never blocks a step.
    stripe_waiting = list(
        StripeOperation.objects.filter(
            invoice__booking=booking,
            status__in=[StripeOperation.Status.PENDING, StripeOperation.Status.FAILED],
        ).select_related("invoice")
    )
    title = booking.legal_name
    return TemplateResponse(
        request,
        "events/admin/booking_detail.html",
        {
            "booking": booking,
            "options": [
                (option["name"], money(option["price_cents"]))
                for option in booking.options
            ],
            "public_page": public_page,
            "quotes": list(zip(quotes, quote_urls, strict=True)),
            "documents": documents,
            "history": history,
            "actions": actions,
            "any_action": any(actions.values()),
            "open_invoice": open_invoice(invoices),
            "pending_quote": pending_quote(quotes),
            "accept_form": step_forms["accept"],
            "payment_form": step_forms["payment"],
            "cancel_form": step_forms["cancel"],
            "chorus_form": step_forms["chorus"],
            "to_deposit": to_deposit(booking, invoices),
            "stripe_waiting": stripe_waiting,
            "can_retry_stripe": request.user.has_perm(CHANGE),
            "header_title": title,
            "header_icon": "clipboard-list",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {
                    "url": reverse("events_booking_list:index"),
                    "label": BOOKINGS,
                },
                {"url": "", "label": title},
            ],
        },
        status=status,
    )


def detail(request, pk: int):
    require(request, VIEW, CHANGE)
    return booking_page(request, get_booking(pk))
