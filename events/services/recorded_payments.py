"""Money that arrived for an invoice: Stripe's ``invoice.*`` events, or a bank
transfer an editor saw on the statement. Once per invoice; the receipt is owed
with it, and Stripe is told after commit when the money came another way."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Invoice, StripeOperation
from events.services import stripe_sync
from events.services.booking_state import (
    BookingError,
    State,
    lock_booking,
    move_booking,
    owe_contact,
)

logger = logging.getLogger(__name__)


@transaction.atomic
def record_payment(
    invoice: Invoice,
    *,
    method: str,
    reference: str = "",
    paid_at: datetime.datetime | None = None,
    actor=None,
) -> Invoice:
    """Money arrived (Stripe's event, or a transfer an editor saw on the bank
    statement). Once per invoice; the receipt is owed with it."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.is_credit_note:
        raise BookingError(_("A credit note is not paid."))
    if invoice.paid_at is not None:
        raise BookingError(_("This invoice is already paid."))
    booking = lock_booking(invoice.booking)
    if booking.state != State.INVOICED:
        raise BookingError(_("This invoice is cancelled: it cannot be paid."))
    invoice.paid_at = paid_at or timezone.now()
    invoice.payment_method = method
    invoice.payment_reference = reference.strip()[:120]
    invoice.paid_recorded_by = (
        actor if actor is not None and actor.is_authenticated else None
    )
    invoice.save(
        update_fields=[
            "paid_at",
            "payment_method",
            "payment_reference",
            "paid_recorded_by",
        ]
    )
    move_booking(
        booking, State.PAID, actor=actor, action="paid", note=invoice.payment_reference
    )
    if method != "stripe" and not stripe_sync.withdraw_creation(invoice):
        # Our books are right either way; Stripe would only keep reminding the
        # buyer of an invoice already settled.
        stripe_sync.owe_stripe(invoice, StripeOperation.Action.MARK_PAID)
    owe_contact(
        "receipt", booking, key=f"receipt:{invoice.number}", invoice_id=invoice.pk
    )
    return invoice


def apply_invoice_event(event: dict) -> bool:
    """Stripe's ``invoice.*`` events about a booking's invoice."""
    remote = event["data"]["object"]
    invoice = (
        Invoice.objects.select_related("booking")
        .filter(stripe_invoice_id=remote.get("id"), kind=Invoice.Kind.INVOICE)
        .first()
    ) or stripe_sync.tie_remote_invoice(remote)
    if invoice is None:
        return False
    kind = event["type"]
    if kind == "invoice.paid" and invoice.paid_at is None:
        if invoice.booking.state == State.INVOICED:
            paid = (remote.get("status_transitions") or {}).get("paid_at")
            record_payment(
                invoice,
                method="stripe",
                reference=remote.get("id", ""),
                paid_at=(
                    datetime.datetime.fromtimestamp(paid, tz=datetime.UTC)
                    if paid
                    else None
                ),
            )
        else:
            logger.error("Invoice %s paid at Stripe but cancelled here", invoice.number)
    elif kind == "invoice.finalized" and remote.get("hosted_invoice_url"):
        invoice.hosted_invoice_url = remote["hosted_invoice_url"]
        invoice.save(update_fields=["hosted_invoice_url"])
    return True
