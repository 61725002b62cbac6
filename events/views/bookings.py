"""Public views for institutions: the quote request from an offer page, seats on
quote for a public conference, the booking's own page (reached by a secret link:
``noindex``, never cached) where the quote is accepted, and its documents."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.storage import private_file_response
from events import services
from events.forms import AcceptQuoteForm, GroupBookingForm, QuoteRequestForm
from events.models import Booking, Invoice, Quote
from events.services.document_contents import quote_document
from events.views.common import NOINDEX, current_language, limited, private


def request_quote(request, offer):
    """POST from the offer page: « Demander un devis »."""
    form = QuoteRequestForm(request.POST, offer=offer)
    if form.is_from_a_bot():
        return redirect(offer.url)
    context = offer.get_context(request) | {"form": form}
    if not form.is_valid():
        return TemplateResponse(
            request, offer.get_template(request), context, status=400
        )
    if limited(request, "booking_request"):
        form.add_error(None, _("Too many requests; please wait a few minutes."))
        return TemplateResponse(
            request, offer.get_template(request), context, status=429
        )
    try:
        booking = services.request_booking(
            buyer=form.buyer(),
            offer=offer,
            format_id=form.cleaned_data["offer_format"],
            option_ids=form.cleaned_data["options"],
            preferred_date=form.cleaned_data["preferred_date"],
            preferred_dates=form.cleaned_data["preferred_dates"],
            notes=form.cleaned_data["notes"],
            language=current_language(),
        )
    except services.BookingError as error:
        form.add_error(None, error.message)
        return TemplateResponse(
            request, offer.get_template(request), context, status=400
        )
    messages.success(
        request, _("Thank you: your request is recorded. A quote follows shortly.")
    )
    return redirect("events:booking", key=booking.access_key)


def group_booking(request, conference):
    """GET/POST: an institution's seats at a public conference, on quote."""
    form = GroupBookingForm(request.POST or None)
    template = "events/group_booking.html"
    context = {"page": conference, "conference": conference, "form": form}
    if request.method != "POST":
        return TemplateResponse(request, template, context)
    if form.is_from_a_bot():
        return redirect(conference.url)
    if not form.is_valid():
        return TemplateResponse(request, template, context, status=400)
    if limited(request, "booking_request"):
        form.add_error(None, _("Too many requests; please wait a few minutes."))
        return TemplateResponse(request, template, context, status=429)
    try:
        booking = services.request_booking(
            buyer=form.buyer(),
            conference=conference,
            seats=form.cleaned_data["seats"],
            notes=form.cleaned_data["notes"],
            language=current_language(),
        )
    except services.BookingError as error:
        form.add_error("seats", error.message)
        return TemplateResponse(request, template, context, status=400)
    messages.success(
        request, _("Thank you: your request is recorded. A quote follows shortly.")
    )
    return redirect("events:booking", key=booking.access_key)


@never_cache
@require_http_methods(["GET", "POST"])
def booking(request, key: str):
    """The institution's page: its quote to accept, its invoice to download."""
    record = get_object_or_404(
        Booking.objects.select_related("conference", "offer"), access_key=key
    )
    quote = record.quotes.exclude(status=Quote.Status.SUPERSEDED).first()
    # Bound on every POST, even an empty one: the acceptance below reads its data.
    form = AcceptQuoteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if quote is None:
            raise Http404
        # A quote no longer pending is the service's to answer whatever the form
        # holds (it never accepts one): a second acceptance finds its invoice.
        if form.is_valid() or quote.status != Quote.Status.SENT:
            typed = form.cleaned_data.get("po_number", "")
            try:
                services.accept_quote(quote, po_number=typed, actor=None)
            except services.QuoteAlreadyAccepted as error:
                messages.info(request, _already_accepted(record, error.quote, typed))
                return redirect(request.path)
            except services.BookingError as error:
                if not _open_to_acceptance(record, quote):
                    # The form is gone from the page: say it above.
                    messages.error(request, error.message)
                    return redirect(request.path)
                form.add_error("po_number", error.message)
            else:
                messages.success(
                    request,
                    _("Quote accepted. Your invoice has been emailed to you."),
                )
                return redirect(request.path)
    invoices = list(
        record.invoices.select_related("refers").order_by("issued_on", "pk")
    )
    return private(
        render(
            request,
            "events/booking.html",
            {
                "booking": record,
                "quote": quote,
                "document": quote_document(quote) if quote else None,
                "invoices": invoices,
                "form": form,
            },
            status=400 if form.errors else 200,
        )
    )


def _open_to_acceptance(record: Booking, quote: Quote) -> bool:
    """Whether the booking page still shows the acceptance form."""
    record.refresh_from_db(fields=["state"])
    quote.refresh_from_db(fields=["status"])
    return (
        record.state == Booking.State.QUOTED
        and quote.status == Quote.Status.SENT
        and not quote.expired
    )


def _already_accepted(record: Booking, quote: Quote, typed_po: str) -> str:
    """What a second acceptance is told: when the first one was, and where its
    invoice is; and if a different purchase order number came with it, how to
    have it changed, since an issued invoice is never edited."""
    from events.models import SellerSettings

    record.refresh_from_db(fields=["po_number"])
    said = _(
        "This quote was already accepted on %(date)s: there is nothing more to "
        "do. Your invoice is below; it was also emailed to %(email)s."
    ) % {
        "date": date_format(timezone.localtime(quote.accepted_at), "j F Y"),
        "email": record.email,
    }
    typed_po = typed_po.strip()
    if typed_po and typed_po != record.po_number:
        said += " " + _(
            "The invoice does not carry the purchase order number you have just "
            "entered (%(po_number)s): to have it added, write to %(contact)s."
        ) % {"po_number": typed_po, "contact": SellerSettings.load().billing_email}
    return said


@never_cache
def quote_pdf(request, key: str, number: str):
    from events.pdf import render_pdf

    quote = get_object_or_404(Quote, booking__access_key=key, number=number)
    pdf = render_pdf(quote_document(quote), language=quote.booking.language)
    response = HttpResponse(pdf, content_type="application/pdf", headers=NOINDEX)
    response["Content-Disposition"] = f'inline; filename="{quote.number}.pdf"'
    return response


@never_cache
def invoice_pdf(request, key: str, number: str):
    """An issued invoice or credit note: the stored Factur-X file, as issued. Its
    file is made just after the issue; asked for before that, it is made now,
    so the buyer who follows the email's link at once gets it all the same."""
    from events.services.document_files import store_invoice_pdf

    invoice = get_object_or_404(Invoice, booking__access_key=key, number=number)
    if not invoice.pdf:
        invoice = store_invoice_pdf(invoice.pk)
    return private_file_response(
        invoice.pdf,
        filename=f"{invoice.number}.pdf",
        content_type="application/pdf",
        as_attachment=False,
        headers=NOINDEX,
    )
