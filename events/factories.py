"""Test and demo data for events."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from events.models import (
    ConferenceOfferPage,
    ConferencePage,
    ConferenceSpeaker,
    EventIndexPage,
    OfferFormat,
    OfferOption,
    SeatPrice,
)


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


class ConferenceOfferPageFactory(wagtail_factories.PageFactory):
    """« Organiser un débat chez vous », with two formats and three options."""

    class Meta:
        model = ConferenceOfferPage
        skip_postgeneration_save = True

    title = "Organiser un débat chez vous"
    slug = "organiser-un-debat"
    intro = (
        "Une mairie, un lycée, une entreprise ou une association peut accueillir un "
        "débat Versus : deux experts citoyens, un pour, un contre, et un modérateur "
        "de la rédaction. Le public vote avant et après."
    )
    included = (
        "<ul><li>La préparation du sujet avec vous</li><li>Deux experts citoyens et "
        "un modérateur</li><li>Le vote du public avant et après, sur téléphone</li>"
        "<li>Les affiches et le visuel à diffuser</li></ul>"
    )

    @factory.post_generation
    def formats(offer, create, extracted, **kwargs):
        if not create:
            return
        for order, (name, description, duration, cents) in enumerate(
            extracted
            or [
                (
                    "Débat contradictoire",
                    "Deux experts, un pour, un contre, et un modérateur ; "
                    "questions du public et vote avant/après.",
                    "2 h",
                    180000,
                ),
                (
                    "Atelier scolaire",
                    "Un débat adapté aux lycéens, préparé avec l'équipe "
                    "pédagogique, en classe ou en amphithéâtre.",
                    "1 h 30",
                    95000,
                ),
            ]
        ):
            OfferFormat.objects.create(
                offer=offer,
                name=name,
                description=description,
                duration=duration,
                price_cents=cents,
                sort_order=order,
            )

    @factory.post_generation
    def options(offer, create, extracted, **kwargs):
        if not create:
            return
        for order, (name, description, cents) in enumerate(
            extracted
            or [
                (
                    "Déplacement hors Île-de-France",
                    "Train et hôtel des intervenants",
                    35000,
                ),
                ("Captation vidéo", "Film du débat, monté, sous 15 jours", 60000),
                ("Compte rendu écrit", "Synthèse des arguments et du vote", 25000),
            ]
        ):
            OfferOption.objects.create(
                offer=offer,
                name=name,
                description=description,
                price_cents=cents,
                sort_order=order,
            )
