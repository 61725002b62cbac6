"""The steps an editor takes from a booking's page, each through its service:
validate its form, call the service, and come back to the page, with the
service's refusal shown there when it refuses."""

import datetime

from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from events import services
from events.admin.access import CHANGE, require
from events.admin.booking_page import (
    FORMS,
    booking_page,
    get_booking,
    open_invoice,
    pending_quote,
    to_deposit,
)
from events.models import StripeOperation


def _act(request, pk: int, run, *, form: str = ""):
    """Take one step: validate its form, call the service, and come back to the
    file, with the service's refusal shown there when it refuses."""
    require(request, CHANGE)
    booking = get_booking(pk)
    bound = FORMS[form](request.POST, prefix=form) if form else None
    if bound is not None and not bound.is_valid():
        messages.error(request, _("Nothing was changed: correct the form."))
        return booking_page(request, booking, bound={form: bound}, status=400)
    try:
        done = run(booking, bound.cleaned_data if bound else {})
    except services.BookingError as error:
        messages.error(request, error.message)
        return booking_page(
            request, booking, bound={form: bound} if form else None, status=400
        )
    messages.success(request, done)
    return redirect("events_bookings:detail", pk)


@require_POST
def send_quote(request, pk: int):
    def run(booking, data):
        quote = services.send_quote(booking, actor=request.user)
        return _("Quote %(number)s is sent to %(email)s.") % {
            "number": quote.number,
            "email": booking.email,
        }

    return _act(request, pk, run)


@require_POST
def record_acceptance(request, pk: int):
    def run(booking, data):
        quote = pending_quote(booking.quotes.order_by("-pk"))
        if quote is None:
            raise services.BookingError(
                _("This booking has no quote awaiting an answer.")
            )
        invoice = services.accept_quote(
            quote, po_number=data["po_number"], actor=request.user
        )
        return _("Acceptance recorded: invoice %(number)s is issued and sent.") % {
            "number": invoice.number
        }

    return _act(request, pk, run, form="accept")


def _paid_at(day: datetime.date) -> datetime.datetime:
    if day == timezone.localdate():
        return timezone.now()
    # A bank statement gives a day, not a time: noon in Paris keeps it on that
    # day in the books, whatever timezone later reads it.
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@require_POST
def record_payment(request, pk: int):
    def run(booking, data):
        invoice = open_invoice(list(booking.invoices.all()))
        if invoice is None:
            raise services.BookingError(
                _("This booking has no invoice awaiting payment.")
            )
        services.record_payment(
            invoice,
            method=data["method"],
            reference=data["reference"],
            paid_at=_paid_at(data["received_on"]),
            actor=request.user,
        )
        return _("Payment of invoice %(number)s recorded; the receipt is sent.") % {
            "number": invoice.number
        }

    return _act(request, pk, run, form="payment")


@require_POST
def mark_done(request, pk: int):
    def run(booking, data):
        services.mark_done(booking, actor=request.user)
        return _("The booking is marked as done.")

    return _act(request, pk, run)


@require_POST
def cancel(request, pk: int):
    def run(booking, data):
        credit_note = services.cancel_booking(
            booking, reason=data["reason"], actor=request.user
        )
        if credit_note is None:
            return _("The booking is cancelled.")
        return _("The booking is cancelled; credit note %(number)s is issued.") % {
            "number": credit_note.number
        }

    return _act(request, pk, run, form="cancel")


@require_POST
def record_chorus_deposit(request, pk: int):
    def run(booking, data):
        document = to_deposit(booking, list(booking.invoices.order_by("pk")))
        if document is None:
            raise services.BookingError(_("Nothing is waiting to go on Chorus Pro."))
        services.record_chorus_deposit(
            document,
            deposited_on=data["deposited_on"],
            number=data["number"],
            actor=request.user,
        )
        return _("%(number)s is recorded as deposited on Chorus Pro.") % {
            "number": document.number
        }

    return _act(request, pk, run, form="chorus")


@require_POST
def retry_stripe(request, pk: int, operation_id: int):
    """Try Stripe again now for an operation that waits or was given up."""
    require(request, CHANGE)
    operation = get_object_or_404(
        StripeOperation.objects.select_related("invoice"),
        pk=operation_id,
        invoice__booking_id=pk,
    )
    services.retry_stripe_operation(operation)
    # The attempt runs after this answer (a task): the page shows what came of it.
    messages.success(
        request,
        _("Stripe is asked again for %(number)s.")
        % {"number": operation.invoice.number},
    )
    return redirect("events_bookings:detail", pk)
