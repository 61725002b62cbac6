"""Test and demo data for the newsletter; ``seed_demo`` builds on these too."""

import factory
import wagtail_factories
from django.utils import timezone

from newsletter.models import (
    Newsletter,
    NewsletterIndexPage,
    NewsletterIssuePage,
    Subscriber,
    Subscription,
)

WEEKLY = "semaine-des-debats"
POLL_RESULTS = "resultats-des-votes"


def weekly() -> Newsletter:
    """The weekly list, as the migration seeds it (rebuilt after a flush)."""
    newsletter, _created = Newsletter.objects.get_or_create(
        slug=WEEKLY,
        defaults={"name": "La semaine des débats", "is_default": True, "sort_order": 1},
    )
    return newsletter


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"lecteur{n}@example.org")


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed subscription to the weekly list, by default."""

    class Meta:
        model = Subscription

    subscriber = factory.SubFactory(SubscriberFactory)
    newsletter = factory.LazyFunction(weekly)
    status = Subscription.Status.ACTIVE
    requested_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)

    class Params:
        pending = factory.Trait(status=Subscription.Status.PENDING, confirmed_at=None)


class NewsletterIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsletterIndexPage

    title = "La lettre"
    slug = "lettre"
    intro = "<p>Les numéros passés de nos lettres.</p>"


class NewsletterIssuePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsletterIssuePage

    title = factory.Sequence(lambda n: f"La semaine des débats n° {n}")
    slug = factory.Sequence(lambda n: f"semaine-{n}")
    subject = factory.LazyAttribute(lambda page: page.title)
    newsletter = factory.LazyFunction(weekly)
    editorial = "<p>Cette semaine, une question qui divise.</p>"
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Le débat de la semaine"}),
            (
                "paragraph",
                "<p>Premier paragraphe, public.</p><p>Second, pour les abonnés.</p>",
            ),
        ]
    )

    class Params:
        # Every block that fills itself from the site, with nothing chosen.
        filled_from_site = factory.Trait(
            body=factory.LazyFunction(
                lambda: [
                    (
                        "paragraph",
                        "<p>Premier paragraphe, public.</p>"
                        "<p>Second, pour les abonnés.</p>",
                    ),
                    ("week_debates", {"debates": []}),
                    ("open_poll", {"poll": None}),
                    ("next_conferences", {"count": 3, "conferences": []}),
                    ("latest_edition", {"edition": None}),
                ]
            )
        )
