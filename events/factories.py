"""Test and demo data for events."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from events.models import ConferencePage, ConferenceSpeaker, EventIndexPage, SeatPrice


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Événements"
    slug = "evenements"
    intro = "Des débats contradictoires en public, près de chez vous."


class ConferencePageFactory(wagtail_factories.PageFactory):
    """A conference in a fortnight, with a moderator and two seat prices."""

    class Meta:
        model = ConferencePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Débat public n° {n}")
    question = "Faut-il rendre les transports en commun gratuits ?"
    # 18:30 in Paris, whatever the server's clock says.
    starts_at = factory.LazyFunction(
        lambda: timezone.localtime(
            timezone.now() + datetime.timedelta(days=14)
        ).replace(hour=18, minute=30, second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda c: c.starts_at + datetime.timedelta(hours=2))
    venue = "Salle des fêtes"
    street = "12 rue de la République"
    postcode = "35000"
    city = "Rennes"
    capacity = 120

    @factory.post_generation
    def speakers(conference, create, extracted, **kwargs):
        if not create:
            return
        for order, (role, who) in enumerate(
            extracted or [("moderator", "Camille Rédaction")]
        ):
            if isinstance(who, str):
                ConferenceSpeaker.objects.create(
                    conference=conference, role=role, name=who, sort_order=order
                )
            else:
                ConferenceSpeaker.objects.create(
                    conference=conference, role=role, contributor=who, sort_order=order
                )

    @factory.post_generation
    def prices(conference, create, extracted, **kwargs):
        if not create:
            return
        for order, (category, label, cents, seats) in enumerate(
            extracted
            or [
                ("individual", "Plein tarif", 800, 1),
                ("reduced", "Étudiants, demandeurs d'emploi", 400, 1),
            ]
        ):
            SeatPrice.objects.create(
                conference=conference,
                category=category,
                label=label,
                price_cents=cents,
                seats=seats,
                sort_order=order,
            )
