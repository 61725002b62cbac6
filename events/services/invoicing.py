"""Invoices: issued from an accepted quote, reminded when overdue, and deposited
on Chorus Pro by an editor for public buyers.

Issuing is one short transaction: it takes the next number under the numbering
lock and writes the frozen invoice (copies of seller and buyer, lines, totals,
mentions), moves the booking and owes the email. Everything slow or remote comes
after commit, as tasks: the Factur-X PDF (``document_files``) and, with Stripe
configured, the same invoice at Stripe so that the buyer can pay by card or bank
transfer on Stripe's hosted page (``stripe_sync``). A Stripe outage therefore
never undoes an issue nor gives a number back: the invoice keeps its number and
goes to Stripe when Stripe answers.
https://docs.stripe.com/invoicing/integration
"""

import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events import selectors
from events.document_data import Kind, Line
from events.models import (
    Booking,
    Invoice,
    InvoiceLine,
    Quote,
    SellerSettings,
    StripeOperation,
)
from events.services import document_files, stripe_sync
from events.services.booking_state import (
    BookingError,
    State,
    lock_booking,
    log_step,
    move_booking,
    owe_contact,
)
from events.services.document_contents import (
    buyer_copy,
    invoice_mentions,
    save_lines,
    seller_copy,
    service_on,
    totals,
)
from events.services.numbering import next_number


@transaction.atomic
def issue_invoice(booking: Booking, *, quote: Quote, actor=None) -> Invoice:
    """Number and freeze the invoice of an accepted quote; its PDF and its copy
    at Stripe follow once this commits."""
    booking = lock_booking(booking)
    today = timezone.localdate()
    seller = SellerSettings.load()
    due_on = today + datetime.timedelta(days=seller.payment_days)
    lines = [
        Line(
            description=line.description,
            quantity=line.quantity,
            unit_price_cents=line.unit_price_cents,
            vat_rate=line.vat_rate,
        )
        for line in quote.lines.all()
    ]
    with translation.override(booking.language):
        mentions = invoice_mentions(due_on=due_on)
    frozen = {
        "service_on": service_on(booking),
        "seller": seller_copy(),
        "buyer": buyer_copy(booking),
        **totals(lines),
    }
    # The number last: the sequence's row stays locked until commit.
    invoice = Invoice.objects.create(
        kind=Invoice.Kind.INVOICE,
        booking=booking,
        quote=quote,
        number=next_number(Kind.INVOICE, on=today),
        issued_on=today,
        due_on=due_on,
        buyer_reference=booking.buyer_reference,
        service_code=booking.service_code,
        iban=seller.iban,
        bic=seller.bic,
        mentions=mentions,
        **frozen,
    )
    save_lines(InvoiceLine, "invoice", invoice, lines)
    move_booking(
        booking, State.INVOICED, actor=actor, action="invoiced", note=invoice.number
    )
    document_files.render_after_commit(invoice)
    stripe_sync.owe_stripe(invoice, StripeOperation.Action.CREATE)
    owe_contact(
        "invoice", booking, key=f"invoice:{invoice.number}", invoice_id=invoice.pk
    )
    return invoice


@transaction.atomic
def record_chorus_deposit(
    invoice: Invoice, *, deposited_on: datetime.date, number: str, actor=None
) -> Invoice:
    """An editor deposited the invoice (or credit note) on Chorus Pro."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.chorus_deposited_on is not None:
        raise BookingError(
            _("%(number)s is already recorded as deposited on Chorus Pro.")
            % {"number": invoice.number}
        )
    if deposited_on > timezone.localdate() or deposited_on < invoice.issued_on:
        raise BookingError(
            _("The deposit date must lie between the issue date and today.")
        )
    if not number.strip():
        raise BookingError(_("Enter the deposit number Chorus Pro gave."))
    invoice.chorus_deposited_on = deposited_on
    invoice.chorus_deposit_number = number.strip()
    invoice.save(update_fields=["chorus_deposited_on", "chorus_deposit_number"])
    log_step(
        invoice.booking,
        "chorus_deposit",
        actor=actor,
        note=f"{invoice.number} · {invoice.chorus_deposit_number}",
    )
    return invoice


def remind_overdue(*, today: datetime.date | None = None, every_days: int = 7) -> int:
    """Owe a reminder to the contact of each overdue invoice, at most once a
    week; returns how many. The outbox sends them, and tries again an address
    the provider refuses for now."""
    today = today or timezone.localdate()
    since = timezone.now() - datetime.timedelta(days=every_days)
    reminded = 0
    for overdue in selectors.overdue_invoices(today=today):
        with transaction.atomic():
            # Two runs at once wait here, and the second sees the first's
            # reminded_at.
            invoice = (
                Invoice.objects.select_for_update(of=("self",))
                .select_related("booking")
                .get(pk=overdue.pk)
            )
            if invoice.reminded_at and invoice.reminded_at > since:
                continue
            owed = owe_contact(
                "reminder",
                invoice.booking,
                key=f"reminder:{invoice.number}:{today.isoformat()}",
                invoice_id=invoice.pk,
            )
            if owed is None:
                # Already reminded today, whatever the interval asked for.
                continue
            invoice.reminded_at = timezone.now()
            invoice.save(update_fields=["reminded_at"])
            log_step(invoice.booking, "reminded", note=invoice.number)
        reminded += 1
    return reminded
