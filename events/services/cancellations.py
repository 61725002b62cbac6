"""Cancelling a booking at any stage before the conference is held. An issued
invoice is never touched: a credit note, numbered in its own sequence, cancels
it, and Stripe's copy is voided (unpaid) or credited (paid) after commit."""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events.document_data import Kind
from events.models import Booking, Invoice, InvoiceLine, Quote, StripeOperation
from events.services import document_files, stripe_sync
from events.services.booking_state import (
    BookingError,
    State,
    lock_booking,
    log_step,
    move_booking,
    owe_contact,
)
from events.services.document_contents import credit_note_mentions
from events.services.numbering import next_number
from events.services.seat_stock import give_back_seats
from events.services.waiting_list import offer_freed_seats


@transaction.atomic
def cancel_booking(booking: Booking, *, reason: str, actor=None) -> Invoice | None:
    """Cancel at any stage before the conference is held. An issued invoice is
    never touched: a credit note (its own sequence) cancels it."""
    booking = lock_booking(booking)
    if not reason.strip():
        raise BookingError(_("Say why the booking is cancelled."))
    move_booking(booking, State.CANCELLED, actor=actor, action="cancelled", note=reason)
    booking.quotes.filter(status=Quote.Status.SENT).update(
        status=Quote.Status.CANCELLED
    )
    if booking.seats_taken:
        give_back_seats(booking.conference_id, booking.seats)
        booking.seats_taken = False
        booking.save(update_fields=["seats_taken"])
        offer_freed_seats(booking.conference)
    invoice = (
        booking.invoices.filter(kind=Invoice.Kind.INVOICE, credit_note__isnull=True)
        .select_for_update(of=("self",))
        .first()
    )
    if invoice is None:
        return None
    return _issue_credit_note(invoice, actor=actor)


def _issue_credit_note(invoice: Invoice, *, actor=None) -> Invoice:
    booking = invoice.booking
    today = timezone.localdate()
    with translation.override(booking.language):
        mentions = credit_note_mentions(invoice=invoice)
    # The number last: the sequence's row stays locked until commit.
    credit = Invoice.objects.create(
        kind=Invoice.Kind.CREDIT_NOTE,
        booking=booking,
        quote=invoice.quote,
        refers=invoice,
        number=next_number(Kind.CREDIT_NOTE, on=today),
        issued_on=today,
        service_on=invoice.service_on,
        buyer_reference=invoice.buyer_reference,
        service_code=invoice.service_code,
        seller=invoice.seller,
        buyer=invoice.buyer,
        mentions=mentions,
        net_cents=invoice.net_cents,
        vat_cents=invoice.vat_cents,
        gross_cents=invoice.gross_cents,
    )
    InvoiceLine.objects.bulk_create(
        InvoiceLine(
            invoice=credit,
            description=line.description,
            quantity=line.quantity,
            unit_price_cents=line.unit_price_cents,
            vat_rate=line.vat_rate,
            position=line.position,
        )
        for line in invoice.lines.all()
    )
    log_step(booking, "credit_note", actor=actor, note=credit.number)
    document_files.render_after_commit(credit)
    if not stripe_sync.withdraw_creation(invoice):
        paid = invoice.paid_at is not None
        action = StripeOperation.Action.CREDIT if paid else StripeOperation.Action.VOID
        stripe_sync.owe_stripe(invoice, action)
    owe_contact(
        "credit_note", booking, key=f"credit-note:{credit.number}", credit_id=credit.pk
    )
    return credit
