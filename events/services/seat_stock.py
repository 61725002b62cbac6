"""Seats of a public conference as the database counts them, and holding them
for a buyer.

Seats are taken from ``SeatStock`` by one conditional UPDATE
(``taken = taken + n WHERE taken + n <= capacity``): the database row lock makes
concurrent buyers queue on that row, and the check constraint refuses anything
that would still slip past. Emails are owed in the transaction of the change
(``core.outbox``) and sent after it commits.
"""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import pagepurge
from core.errors import DomainError
from core.outbox import owe_email
from events.models import (
    ConferencePage,
    SeatOrder,
    SeatPrice,
    SeatStock,
    WaitingListEntry,
)
from events.pagecache import SEATS

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
    taken = SeatStock.objects.filter(
        conference_id=conference.pk, taken__lte=F("capacity") - seats
    ).update(taken=F("taken") + seats)
    if taken:
        # The seats left, as the conference page shows them, after commit.
        pagepurge.changed(SEATS, conference.pk)
    return bool(taken)


def give_back_seats(conference_id: int, seats: int) -> None:
    if SeatStock.objects.filter(conference_id=conference_id, taken__gte=seats).update(
        taken=F("taken") - seats
    ):
        pagepurge.changed(SEATS, conference_id)


def seats_left(conference: ConferencePage) -> int:
    return _stock(conference).left


def check_on_sale(conference: ConferencePage) -> None:
    if not conference.live or conference.starts_at <= timezone.now():
        raise SeatError(_("Seats for this conference are no longer on sale."))


def check_quantity(quantity) -> int:
    if not isinstance(quantity, int) or quantity < 1:
        raise SeatError(_("Choose at least one seat."))
    if quantity > MAX_UNITS:
        raise SeatError(
            _("At most %(max)s per order; for a group, ask for a quote.")
            % {"max": MAX_UNITS}
        )
    return quantity


def not_enough(left: int) -> SeatError:
    if left == 0:
        return SeatError(_("This conference is sold out. Join the waiting list."))
    return SeatError(
        ngettext("Only %(left)s seat is left.", "Only %(left)s seats are left.", left)
        % {"left": left}
    )


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
    check_on_sale(conference)
    quantity = check_quantity(quantity)
    if price.conference_id != conference.pk:
        raise SeatError(_("This price is not one of this conference's."))
    seats = quantity * price.seats
    if not take_seats(conference, seats):
        raise not_enough(seats_left(conference))
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


def owe_buyer(builder: str, order: SeatOrder, *, key: str, **params) -> None:
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
