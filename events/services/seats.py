"""Seats at public conferences: hold, pay by card, confirm, release, waiting list.

Seats are taken from ``SeatStock`` by one conditional UPDATE
(``taken = taken + n WHERE taken + n <= capacity``): the database row lock makes
concurrent buyers queue on that row, and the check constraint refuses anything
that would still slip past. A hold lasts as long as its Stripe Checkout session
(``expires_at``), so Stripe cannot take a payment for seats we have released.
Seats become tickets only when the ``checkout.session.completed`` event is applied.
Emails are owed in the transaction of the change (``core.outbox``) and sent after
it commits.
"""

import datetime
import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.errors import DomainError
from core.outbox import owe_email
from events.models import (
    ConferencePage,
    SeatOrder,
    SeatPrice,
    SeatStock,
    Ticket,
    WaitingListEntry,
)

logger = logging.getLogger(__name__)

# Stripe Checkout sessions last between 30 minutes and 24 hours.
CHECKOUT_MINUTES = 35
OFFER_HOURS = 24
MAX_UNITS = 10


class SeatError(DomainError):
    """Seats we cannot sell as asked; the message is for the buyer."""


class SeatsAvailable(SeatError):
    """A waiting-list request while enough seats are free (some were released
    after the page showed « sold out »): the buyer can book them instead."""


# --- Stock ---------------------------------------------------


def _stock(conference: ConferencePage) -> SeatStock:
    stock, _created = SeatStock.objects.get_or_create(
        conference_id=conference.pk, defaults={"capacity": conference.capacity}
    )
    return stock


def take_seats(conference: ConferencePage, seats: int) -> bool:
    """Take ``seats`` if that many are left; False (and nothing taken) otherwise."""
    _stock(conference)
    return bool(
        SeatStock.objects.filter(
            conference_id=conference.pk, taken__lte=F("capacity") - seats
        ).update(taken=F("taken") + seats)
    )


def give_back_seats(conference_id: int, seats: int) -> None:
    SeatStock.objects.filter(conference_id=conference_id, taken__gte=seats).update(
        taken=F("taken") - seats
    )


def seats_left(conference: ConferencePage) -> int:
    return _stock(conference).left


def _check_on_sale(conference: ConferencePage) -> None:
    if not conference.live or conference.starts_at <= timezone.now():
        raise SeatError(_("Seats for this conference are no longer on sale."))


def _check_quantity(quantity) -> int:
    if not isinstance(quantity, int) or quantity < 1:
        raise SeatError(_("Choose at least one seat."))
    if quantity > MAX_UNITS:
        raise SeatError(
            _("At most %(max)s per order; for a group, ask for a quote.")
            % {"max": MAX_UNITS}
        )
    return quantity


def _not_enough(left: int) -> SeatError:
    if left == 0:
        return SeatError(_("This conference is sold out. Join the waiting list."))
    return SeatError(
        ngettext("Only %(left)s seat is left.", "Only %(left)s seats are left.", left)
        % {"left": left}
    )


# --- Holding and paying ---------------------------------------------------


@transaction.atomic
def hold_seats(
    conference: ConferencePage,
    *,
    price: SeatPrice,
    quantity: int,
    name: str,
    email: str,
    user=None,
    language: str = "fr",
    minutes: int = CHECKOUT_MINUTES,
    waiting_entry: WaitingListEntry | None = None,
) -> SeatOrder:
    """Hold seats for a checkout. The price is the server's, never the form's."""
    _check_on_sale(conference)
    quantity = _check_quantity(quantity)
    if price.conference_id != conference.pk:
        raise SeatError(_("This price is not one of this conference's."))
    seats = quantity * price.seats
    if not take_seats(conference, seats):
        raise _not_enough(seats_left(conference))
    return SeatOrder.objects.create(
        conference=conference,
        price=price,
        category=price.category,
        label=price.label,
        unit_price_cents=price.price_cents,
        seats_per_unit=price.seats,
        quantity=quantity,
        seats=seats,
        amount_cents=quantity * price.price_cents,
        name=name.strip(),
        email=email.strip().lower(),
        user=user if user is not None and user.is_authenticated else None,
        language=language,
        held_until=timezone.now() + datetime.timedelta(minutes=minutes),
        waiting_entry=waiting_entry,
    )


def start_checkout(order: SeatOrder, *, success_url: str, cancel_url: str) -> str:
    """The URL of the card payment for a held order. If Stripe refuses, a
    checkout's hold is released at once (nothing is charged and nobody waits for
    those seats); a waiting-list offer keeps its time, to be tried again."""
    from payments.gateway import GatewayError, get_gateway

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
        _refund(order)
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
    _owe("tickets", order, key=f"tickets:{order.pk}")
    return True


def _owe(builder: str, order: SeatOrder, *, key: str, **params) -> None:
    """The email to the buyer, owed with the change: a provider outage delays it
    and never undoes the payment; ``key`` keeps a Stripe event delivered twice to
    one email."""
    owe_email(
        f"events.emails.{builder}",
        to=order.email,
        language=order.language,
        key=key,
        order_id=order.pk,
        **params,
    )


def _refund(order: SeatOrder, *, note: str = "", late: bool = True) -> None:
    """Refund in full through Stripe (idempotent per order, so a retried event
    or a second click cannot refund twice); a refusal raises and nothing moves."""
    from payments.gateway import get_gateway

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
    _owe("refund", order, key=f"refund:seat-order:{order.pk}", late=late)


@transaction.atomic
def refund_order(order: SeatOrder, *, reason: str) -> SeatOrder:
    """An editor cancels a paid order before the conference: the money goes
    back, the tickets stop being valid, the seats go to the waiting list."""
    from payments.gateway import GatewayError

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


# --- Waiting list ---------------------------------------------------


@transaction.atomic
def join_waiting_list(
    conference: ConferencePage,
    *,
    price: SeatPrice,
    quantity: int,
    name: str,
    email: str,
    language: str = "fr",
) -> WaitingListEntry:
    _check_on_sale(conference)
    quantity = _check_quantity(quantity)
    if price.conference_id != conference.pk:
        raise SeatError(_("This price is not one of this conference's."))
    seats = quantity * price.seats
    left = seats_left(conference)
    if left >= seats:
        raise SeatsAvailable(_("Seats are available: you can book them now."))
    email = email.strip().lower()
    live = WaitingListEntry.objects.filter(
        conference=conference,
        email=email,
        status__in=[WaitingListEntry.Status.WAITING, WaitingListEntry.Status.OFFERED],
    )
    # Someone already waiting keeps their place, and the answer is the one a new
    # entry gets: the page must not tell a stranger who is on the list.
    if (entry := live.order_by("created_at").first()) is not None:
        return entry
    return WaitingListEntry.objects.create(
        conference=conference,
        price=price,
        quantity=quantity,
        seats=seats,
        name=name.strip(),
        email=email,
        language=language,
    )


def offer_freed_seats(conference: ConferencePage) -> list[SeatOrder]:
    """Offer free seats to the waiting list, first come first served, skipping
    entries that want more than is free. Each offer is a hold in the person's name
    for ``OFFER_HOURS``; its link leads to the payment."""
    offers = []
    with transaction.atomic():
        # One offering at a time per conference.
        stock = (
            SeatStock.objects.select_for_update()
            .filter(conference_id=conference.pk)
            .first()
        )
        if (
            stock is None
            or not conference.live
            or conference.starts_at <= timezone.now()
        ):
            return offers
        for entry in WaitingListEntry.objects.filter(
            conference=conference, status=WaitingListEntry.Status.WAITING
        ).select_related("price"):
            stock.refresh_from_db()
            if stock.left == 0:
                break
            if entry.seats > stock.left or entry.price is None:
                continue
            order = hold_seats(
                conference,
                price=entry.price,
                quantity=entry.quantity,
                name=entry.name,
                email=entry.email,
                language=entry.language,
                minutes=OFFER_HOURS * 60,
                waiting_entry=entry,
            )
            entry.status = WaitingListEntry.Status.OFFERED
            entry.offered_at = timezone.now()
            entry.save(update_fields=["status", "offered_at"])
            offers.append(order)
            _owe("waiting_offer", order, key=f"waiting-offer:{order.pk}")
    return offers


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
