"""What the several-servers benchmark (``tests.bench.cluster``) reads and writes:
debates free and premium, polls, a conference on sale, readers with a session,
and three accounts that sign in with a password.

Built through the factories (it is small), once Django is set up with the
benchmark's settings.
"""

import random
from dataclasses import dataclass

from tests.bench.polls import Poll, Voter, open_sessions, seed_readers
from tests.bench.seats import Conference

PASSWORD = "mot-de-passe-du-banc-7"
LOGIN_ACCOUNTS = ("session", "cible", "tiers")


@dataclass(frozen=True)
class Debate:
    pk: int
    url: str
    marker: str  # only in the text past the teaser (premium) or in the headline


@dataclass(frozen=True)
class Site:
    free: Debate
    premium: list[Debate]
    quota: int
    polls: list[Poll]
    conference: Conference
    voters: list[Voter]
    metered: Voter  # a registered reader with a verified address, no subscription
    accounts: dict[str, str]  # role -> email, password PASSWORD


def seed(*, voters: int, capacity: int, rng: random.Random) -> Site:
    from accounts.factories import UserFactory
    from core.models import SiteSettings
    from debates.factories import (
        DebateIndexPageFactory,
        DebatePageFactory,
        PollIndexPageFactory,
        TopicPollPageFactory,
    )
    from events.factories import ConferencePageFactory, EventIndexPageFactory
    from home.models import HomePage

    home = HomePage.objects.get()
    index = DebateIndexPageFactory(parent=home)
    free = DebatePageFactory(
        parent=index,
        title="Faut-il ouvrir les bibliothèques le dimanche ?",
        pour_headline="Oui, et voici pourquoi",
    )
    quota = SiteSettings.load().premium_quota
    premium = []
    for n in range(quota + 1):
        marker = f"reserve-aux-lecteurs-{n}"
        page = DebatePageFactory(
            parent=index,
            title=f"Faut-il trancher la question réservée n° {n + 1} ?",
            premium=True,
            pour_body=[
                ("paragraph", f"<p>Le début, public.</p><p>Et la suite, {marker}.</p>")
            ],
        )
        premium.append(Debate(page.pk, page.url, marker))

    poll_index = PollIndexPageFactory(parent=home)
    polls = []
    for n in range(3):
        page = TopicPollPageFactory(
            parent=poll_index,
            title=f"Sondage des serveurs n° {n + 1}",
            options=[f"Question {n + 1}.{m + 1} ?" for m in range(rng.randint(3, 5))],
        )
        polls.append(
            Poll(
                pk=page.pk,
                url=page.url,
                options=tuple(page.options.order_by("pk").values_list("pk", flat=True)),
                choices_allowed=page.choices_allowed,
            )
        )

    events = EventIndexPageFactory(parent=home)
    page = ConferencePageFactory(
        parent=events,
        title="La ruée des deux serveurs",
        slug="ruee-deux-serveurs",
        capacity=capacity,
        prices=[
            ("individual", "Plein tarif", 800, 1),
            ("institution", "Pack établissement (15 places)", 9000, 15),
        ],
    )
    prices = dict(page.prices.values_list("category", "pk"))
    conference = Conference(
        pk=page.pk,
        url=page.url,
        capacity=capacity,
        seat_price=prices["individual"],
        pack_price=prices["institution"],
    )

    readers = open_sessions(seed_readers(voters + 1))
    accounts = {}
    for role in LOGIN_ACCOUNTS:
        email = f"{role}@bench.example.org"
        user = UserFactory(email=email, verified=True)
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
        accounts[role] = email
    return Site(
        free=Debate(free.pk, free.url, ""),
        premium=premium,
        quota=quota,
        polls=polls,
        conference=conference,
        voters=readers[1:],
        metered=readers[0],
        accounts=accounts,
    )
