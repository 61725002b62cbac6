"""Demo events for ``seed_demo``: « Événements » with two conferences to come and
one past."""

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

CONFERENCES = [
    # (title, question, city, venue, street, postcode, days from now, theme slug)
    (
        "Gratuité des transports : le débat à Rennes",
        "Faut-il rendre les transports en commun gratuits ?",
        "Rennes",
        "Les Champs Libres",
        "10 cours des Alliés",
        "35000",
        16,
        "environnement",
    ),
    (
        "Le vote obligatoire en question, à Lyon",
        "Faut-il rendre le vote obligatoire ?",
        "Lyon",
        "Hôtel de Ville, salle des délibérations",
        "1 place de la Comédie",
        "69001",
        37,
        "societe",
    ),
    (
        "Les écrans à l'école : soirée débat à Nantes",
        "Faut-il interdire les écrans à l'école maternelle ?",
        "Nantes",
        "Le Lieu Unique",
        "2 quai Ferdinand-Favre",
        "44000",
        -20,
        "education",
    ),
]


def seed_events(home, *, stdout=None) -> None:
    if EventIndexPage.objects.exists():
        return
    index = EventIndexPageFactory(parent=home)
    experts = list(Contributor.objects.filter(live=True).order_by("pk")[:6])
    now = timezone.localtime()
    for n, (title, question, city, venue, street, postcode, days, theme) in enumerate(
        CONFERENCES
    ):
        starts = (now + datetime.timedelta(days=days)).replace(
            hour=18, minute=30, second=0, microsecond=0
        )
        speakers = [("moderator", "Camille Rédaction")]
        if len(experts) >= 2 * (n + 1):
            speakers = [
                ("pour", experts[2 * n]),
                ("contre", experts[2 * n + 1]),
                *speakers,
            ]
        ConferencePageFactory(
            parent=index,
            title=title,
            question=question,
            city=city,
            venue=venue,
            street=street,
            postcode=postcode,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            theme=Theme.objects.filter(slug=theme).first(),
            programme="<ul><li>18:30 Accueil</li><li>18:45 Les deux exposés</li>"
            "<li>19:30 Questions du public</li><li>20:15 Vote de la salle</li></ul>",
            speakers=speakers,
            prices=[
                ("individual", "Plein tarif", 800, 1),
                ("reduced", "Étudiants, demandeurs d'emploi", 400, 1),
                ("institution", "Pack établissement (15 places)", 9000, 15),
            ],
        )
    offer = ConferenceOfferPageFactory(parent=index)
    seed_bookings(offer)
    if stdout is not None:
        stdout.write(f"  events /{index.slug}/, offer /{index.slug}/{offer.slug}/")


def seed_bookings(offer) -> None:
    """Two institutions in the pipeline, through the services: a town hall
    waiting for its quote, and a lycée that has received one."""
    chosen = offer.formats.order_by("sort_order")
    in_spring = timezone.localdate() + datetime.timedelta(days=90)
    services.request_booking(
        buyer={
            "buyer_type": "local_authority",
            "legal_name": "Commune de Saint-Débat",
            "siret": "21350001000011",
            "vat_number": "",
            "street": "1 place de la Mairie",
            "postcode": "35000",
            "city": "Rennes",
            "contact_name": "Louise Martin",
            "contact_role": "Directrice de la culture",
            "email": "culture@saint-debat.example",
            "phone": "02 99 00 00 00",
            "service_code": "CULTURE",
            "commitment_number": "",
            "po_required": True,
        },
        offer=offer,
        format_id=chosen[0].pk,
        option_ids=list(offer.options.values_list("pk", flat=True)[:1]),
        preferred_date=in_spring,
        preferred_dates="un mardi ou un jeudi soir",
    )
    school = services.request_booking(
        buyer={
            "buyer_type": "school",
            "legal_name": "Lycée Jean-Macé",
            "siret": "19350023800012",
            "vat_number": "",
            "street": "10 rue Jean-Macé",
            "postcode": "35700",
            "city": "Rennes",
            "contact_name": "Paul Durand",
            "contact_role": "Professeur documentaliste",
            "email": "cdi@lycee-jean-mace.example",
            "phone": "02 99 11 22 33",
            "service_code": "",
            "commitment_number": "",
            "po_required": False,
        },
        offer=offer,
        format_id=chosen[1].pk,
        option_ids=[],
        preferred_date=in_spring + datetime.timedelta(days=14),
    )
    services.send_quote(school)
