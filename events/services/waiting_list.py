"""The waiting list of a sold-out conference: joining it, and offering seats
that free up, first come first served."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import (
    ConferencePage,
    SeatOrder,
    SeatPrice,
    SeatStock,
    WaitingListEntry,
)
from events.services.seat_stock import (
    OFFER_HOURS,
    SeatError,
    SeatsAvailable,
    check_on_sale,
    check_quantity,
    hold_seats,
    owe_buyer,
    seats_left,
)


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
    check_on_sale(conference)
    quantity = check_quantity(quantity)
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
            owe_buyer("waiting_offer", order, key=f"waiting-offer:{order.pk}")
    return offers
