"""The demo events, from ``conferences.yaml``, ``offers.yaml`` and
``bookings.yaml``: « Événements » with its conferences, the offer to
institutions, and bookings made through the events' services."""

import datetime

from django.utils import timezone

from events import services
from events.factories import (
    ConferenceOfferPageFactory,
    ConferencePageFactory,
    EventIndexPageFactory,
)
from events.models import EventIndexPage
from newsroom.models import Contributor, Theme

__all__ = ["seed_events"]


def _at(days_from_today: int, time: datetime.time) -> datetime.datetime:
    """That hour, on the site's clock, on a day counted from today."""
    day = timezone.localdate() + datetime.timedelta(days=days_from_today)
    return timezone.make_aware(datetime.datetime.combine(day, time))


def seed_events(home, data: dict, *, stdout) -> None:
    """The events index, its conferences, offers and bookings, unless the index is
    there."""
    if EventIndexPage.objects.exists():
        return
    index = EventIndexPageFactory(parent=home, **data["sections"]["events"])
    experts = {expert.slug: expert for expert in Contributor.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for spec in data["conferences"]:
        ConferencePageFactory(
            parent=index,
            title=spec["title"],
            question=spec["question"],
            city=spec["city"],
            venue=spec["venue"],
            street=spec["street"],
            postcode=spec["postcode"],
            capacity=spec["capacity"],
            starts_at=_at(spec["date"], spec["starts_at"]),
            ends_at=_at(spec["date"], spec["ends_at"]),
            theme=themes.get(spec["theme"]),
            programme=spec["programme"],
            speakers=[
                (speaker["role"], experts.get(speaker["expert"]) or speaker["name"])
                for speaker in spec["speakers"]
            ],
            # price_eur is read in cents (demo.schema.Euros).
            prices=[
                (price["category"], price["label"], price["price_eur"], price["seats"])
                for price in spec["prices"]
            ],
        )
    offers = {}
    for spec in data["offers"]:
        offers[spec["slug"]] = ConferenceOfferPageFactory(
            parent=index,
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            included=spec["included"],
            formats=[
                (item["name"], item["description"], item["duration"], item["price_eur"])
                for item in spec["formats"]
            ],
            options=[
                (item["name"], item["description"], item["price_eur"])
                for item in spec["options"]
            ],
        )
    for spec in data["bookings"]:
        _book(offers[spec["offer"]], spec)
    slugs = ", ".join(f"/{index.slug}/{slug}/" for slug in offers)
    stdout.write(f"  events /{index.slug}/, offer {slugs}")


def _book(offer, spec: dict) -> None:
    """A request through the form's service; then the quote, if it was sent."""
    booking = services.request_booking(
        buyer=spec["buyer"],
        offer=offer,
        format_id=offer.formats.get(name=spec["format"]).pk,
        option_ids=list(
            offer.options.filter(name__in=spec["options"]).values_list("pk", flat=True)
        ),
        preferred_date=timezone.localdate()
        + datetime.timedelta(days=spec["preferred_date"]),
        preferred_dates=spec["preferred_dates"],
    )
    if spec["quote_sent"]:
        services.send_quote(booking)
