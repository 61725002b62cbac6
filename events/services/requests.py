"""An institution's request: seats at a public conference, or a conference
organised for it from the catalogue of an offer page. Prices come later, from
the catalogue, never from what a form posted."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.outbox import owe_email
from events.models import Booking, ConferenceOfferPage, ConferencePage, SellerSettings
from events.services.booking_state import BookingError, log_step, owe_contact
from events.services.seat_stock import seats_left

MAX_SEATS = 500


@transaction.atomic
def request_booking(
    *,
    buyer: dict,
    conference: ConferencePage | None = None,
    seats: int | None = None,
    offer: ConferenceOfferPage | None = None,
    format_id: int | None = None,
    option_ids: list[int] = (),
    preferred_date: datetime.date | None = None,
    preferred_dates: str = "",
    notes: str = "",
    language: str = "fr",
) -> Booking:
    """Record an institution's request. ``buyer`` holds the validated identity
    fields of ``Booking`` (legal name, SIRET, address, contact...)."""
    fields = {}
    if conference is not None:
        if not conference.live or conference.starts_at <= timezone.now():
            raise BookingError(_("This conference has already taken place."))
        if not isinstance(seats, int) or seats < 1:
            raise BookingError(_("Ask for at least one seat."))
        if seats > min(seats_left(conference), MAX_SEATS):
            raise BookingError(
                _("Only %(left)s seats are left for this conference.")
                % {"left": seats_left(conference)}
            )
        fields.update(conference=conference, seats=seats)
    elif offer is not None:
        if not offer.live:
            raise BookingError(_("This offer does not exist."))
        if preferred_date is None or preferred_date <= timezone.localdate():
            raise BookingError(_("Choose a date in the future."))
        chosen = offer.formats.filter(pk=format_id).first()
        if chosen is None:
            raise BookingError(_("Choose one of the formats on offer."))
        options = list(offer.options.filter(pk__in=list(option_ids)))
        if len(options) != len(set(option_ids)):
            raise BookingError(_("One of the options chosen does not exist."))
        fields.update(
            offer=offer,
            offer_format=chosen,
            format_name=chosen.name,
            options=[
                {"name": option.name, "price_cents": option.price_cents}
                for option in options
            ],
        )
    else:
        raise BookingError(_("Choose a conference or a format."))
    booking = Booking.objects.create(
        **buyer,
        **fields,
        preferred_date=preferred_date,
        preferred_dates=preferred_dates.strip(),
        notes=notes.strip(),
        language=language,
    )
    log_step(booking, "requested")
    owe_contact("request_received", booking, booking_id=booking.pk)
    owe_email(
        "events.emails.staff_new_request",
        to=SellerSettings.load().billing_email,
        language=settings.LANGUAGE_CODE,
        booking_id=booking.pk,
    )
    return booking
