"""A seat order after its hold: paying by card through Stripe Checkout, the
Stripe events that confirm or expire it, refunds, releases, and the door.

A hold lasts as long as its Stripe Checkout session (``expires_at``), so Stripe
cannot take a payment for seats we have released. Seats become tickets only when
the ``checkout.session.completed`` event is applied.
"""

import datetime
import logging
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import SeatOrder, Ticket, WaitingListEntry
from events.services.seat_stock import (
    SeatError,
    give_back_seats,
    owe_buyer,
    take_seats,
)
from events.services.waiting_list import offer_freed_seats
from payments.gateway import GatewayError, get_gateway

logger = logging.getLogger(__name__)


def start_checkout(order: SeatOrder, *, success_url: str, cancel_url: str) -> str:
    """The URL of the card payment for a held order. If Stripe refuses, a
    checkout's hold is released at once (nothing is charged and nobody waits for
    those seats); a waiting-list offer keeps its time, to be tried again."""
    now = timezone.now()
    if order.status != SeatOrder.Status.HELD or order.held_until <= now:
        raise SeatError(_("This reservation has expired. Please book again."))
    # Stripe wants a session to last 30 minutes at least and 24 hours at most.
    expires_at = min(
        max(order.held_until, now + datetime.timedelta(minutes=31)),
        now + datetime.timedelta(hours=23, minutes=59),
    )
    try:
        session = get_gateway().create_seat_checkout(
            order=order,
            expires_at=expires_at,
            success_url=success_url,
            cancel_url=cancel_url,
        )
    except GatewayError:
        logger.exception("Stripe refused a checkout for seat order %s", order.pk)
        if order.waiting_entry_id is None:
            release_order(order.pk)
        raise SeatError(
            _(
                "Payment is unavailable at the moment; nothing was charged. "
                "Please try again in a few minutes."
            )
        ) from None
    SeatOrder.objects.filter(pk=order.pk).update(
        stripe_session_id=session["id"], held_until=max(order.held_until, expires_at)
    )
    return session["url"]


def confirm_paid_session(session: dict) -> bool:
    """``checkout.session.completed``: the order is paid; seats become tickets.
    Runs inside the webhook's transaction; idempotent."""
    order_id = (session.get("metadata") or {}).get("seat_order")
    order = SeatOrder.objects.select_for_update().filter(pk=order_id).first()
    if order is None:
        return False
    if session.get("payment_status") != "paid" or order.status in (
        SeatOrder.Status.PAID,
        SeatOrder.Status.REFUNDED,
    ):
        return True
    order.stripe_payment_intent = session.get("payment_intent") or ""
    # Paid after we released the seats (should not happen: the session expires
    # with the hold)? Take them again if they are still free; if not, the
    # capacity wins and the money goes back.
    if order.status != SeatOrder.Status.HELD and not take_seats(
        order.conference, order.seats
    ):
        _owe_late_refund(order)
        return True
    order.status = SeatOrder.Status.PAID
    order.paid_at = timezone.now()
    order.stripe_session_id = session.get("id") or order.stripe_session_id
    order.stripe_payment_intent = session.get("payment_intent") or ""
    order.save(
        update_fields=[
            "status",
            "paid_at",
            "stripe_session_id",
            "stripe_payment_intent",
        ]
    )
    Ticket.objects.bulk_create(
        Ticket(order=order, number=number) for number in range(1, order.seats + 1)
    )
    if order.waiting_entry_id:
        WaitingListEntry.objects.filter(pk=order.waiting_entry_id).update(
            status=WaitingListEntry.Status.BOOKED
        )
    owe_buyer("tickets", order, key=f"tickets:{order.pk}")
    return True


def _owe_late_refund(order: SeatOrder) -> None:
    """Paid after its seats went: the order is refunded, and the money goes back
    after commit (``events.tasks.refund_seat_order``), not while Stripe waits
    for the webhook's answer. Until Stripe has taken the refund, the order is
    « refunded » with no ``refunded_at``; housekeeping tries again if needed."""
    order.status = SeatOrder.Status.REFUNDED
    order.refunded_at = None
    order.save(update_fields=["status", "stripe_payment_intent", "refunded_at"])
    logger.warning("Seat order %s paid after its seats went: refunded", order.pk)
    transaction.on_commit(partial(_enqueue_refund, order.pk), robust=True)


def _enqueue_refund(order_id: int) -> None:
    # Imported here: events.tasks imports this module.
    from events.tasks import refund_seat_order

    refund_seat_order.enqueue(order_id)


def complete_late_refund(order_id: int) -> bool:
    """Give back the money of an order refunded after a late payment, then owe
    the buyer the email; False when there was nothing left to do. Safe twice,
    and twice at once: Stripe's idempotency key is the order's, and only the
    run that sets ``refunded_at`` owes the email (keyed as well). A refusal
    raises ``GatewayError`` and leaves the refund owed."""
    owed = SeatOrder.objects.filter(
        pk=order_id, status=SeatOrder.Status.REFUNDED, refunded_at__isnull=True
    )
    order = owed.first()
    if order is None:
        return False
    gateway = get_gateway()
    if not gateway.demo and order.stripe_payment_intent:
        gateway.refund_payment(
            order.stripe_payment_intent, idempotency_key=f"refund:seat-order:{order.pk}"
        )
    with transaction.atomic():
        if not owed.update(refunded_at=timezone.now()):
            return False
        owe_buyer("refund", order, key=f"refund:seat-order:{order.pk}", late=True)
    return True


def complete_late_refunds() -> int:
    """The late refunds Stripe has not taken yet (it was down when the task
    ran, or the task was lost); returns how many went through."""
    done = 0
    owed = SeatOrder.objects.filter(
        status=SeatOrder.Status.REFUNDED, refunded_at__isnull=True
    ).values_list("pk", flat=True)
    for pk in list(owed):
        try:
            done += complete_late_refund(pk)
        except GatewayError:
            logger.exception("Stripe refused the late refund of seat order %s", pk)
    return done


def _refund(order: SeatOrder, *, note: str = "", late: bool = True) -> None:
    """Refund in full through Stripe (idempotent per order, so a retried event
    or a second click cannot refund twice); a refusal raises and nothing moves."""
    gateway = get_gateway()
    if not gateway.demo and order.stripe_payment_intent:
        gateway.refund_payment(
            order.stripe_payment_intent, idempotency_key=f"refund:seat-order:{order.pk}"
        )
    order.status = SeatOrder.Status.REFUNDED
    order.refunded_at = timezone.now()
    order.refund_note = note[:300]
    order.save(
        update_fields=["status", "stripe_payment_intent", "refunded_at", "refund_note"]
    )
    if late:
        logger.warning("Seat order %s paid after its seats went: refunded", order.pk)
    owe_buyer("refund", order, key=f"refund:seat-order:{order.pk}", late=late)


@transaction.atomic
def refund_order(order: SeatOrder, *, reason: str) -> SeatOrder:
    """An editor cancels a paid order before the conference: the money goes
    back, the tickets stop being valid, the seats go to the waiting list."""
    order = (
        SeatOrder.objects.select_for_update()
        .select_related("conference")
        .get(pk=order.pk)
    )
    if order.status != SeatOrder.Status.PAID:
        raise SeatError(_("Only a paid order can be refunded."))
    if order.conference.starts_at <= timezone.now():
        raise SeatError(
            _("The conference has started: the order can no longer be refunded here.")
        )
    if not reason.strip():
        raise SeatError(_("Say why the order is refunded."))
    try:
        _refund(order, note=reason.strip(), late=False)
    except GatewayError:
        logger.exception("Stripe refused to refund seat order %s", order.pk)
        raise SeatError(
            _("Stripe is unavailable: nothing was refunded. Please try again shortly.")
        ) from None
    give_back_seats(order.conference_id, order.seats)
    offer_freed_seats(order.conference)
    return order


def expire_session(session: dict) -> bool:
    """``checkout.session.expired``: the buyer did not pay; free the seats."""
    order_id = (session.get("metadata") or {}).get("seat_order")
    if not SeatOrder.objects.filter(pk=order_id).exists():
        return False
    release_order(order_id)
    return True


@transaction.atomic
def release_order(order_id: int) -> bool:
    """Give a held order's seats back, then offer them to the waiting list."""
    order = SeatOrder.objects.select_for_update().filter(pk=order_id).first()
    if order is None or order.status != SeatOrder.Status.HELD:
        return False
    order.status = SeatOrder.Status.RELEASED
    order.save(update_fields=["status"])
    give_back_seats(order.conference_id, order.seats)
    if order.waiting_entry_id:
        WaitingListEntry.objects.filter(
            pk=order.waiting_entry_id, status=WaitingListEntry.Status.OFFERED
        ).update(status=WaitingListEntry.Status.LAPSED)
    offer_freed_seats(order.conference)
    return True


def release_expired_holds(*, now: datetime.datetime | None = None) -> int:
    """Free every hold whose time is up (run by ``events_housekeeping``)."""
    now = now or timezone.now()
    expired = SeatOrder.objects.filter(
        status=SeatOrder.Status.HELD, held_until__lt=now
    ).values_list("pk", flat=True)
    return sum(release_order(pk) for pk in list(expired))


# --- At the door ------------------------------------------------------------------


@transaction.atomic
def check_in(ticket_code: str) -> Ticket:
    """Let a ticket in once. A second scan of the same code is refused, so a
    copied QR code lets in one person, not two."""
    ticket = (
        Ticket.objects.select_for_update(of=("self",))
        .select_related("order__conference")
        .get(code=ticket_code)
    )
    if ticket.order.status != SeatOrder.Status.PAID:
        raise SeatError(_("This ticket is not valid."))
    if ticket.checked_in_at is not None:
        raise SeatError(
            _("Already used: this ticket came in at %(time)s.")
            % {"time": timezone.localtime(ticket.checked_in_at).strftime("%H:%M")}
        )
    ticket.checked_in_at = timezone.now()
    ticket.save(update_fields=["checked_in_at"])
    return ticket
