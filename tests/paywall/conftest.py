import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.factories import UserFactory
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from newsroom.factories import ThemeFactory
from subscriptions.factories import SubscriptionFactory
from subscriptions.models import PremiumRead
from subscriptions.paywall import month_of

# Sentences only the subscribers' part of the arguments contains. They must never
# reach a reader without access, whatever the channel.
MARKER = "Le chiffre caché des abonnés tient en trois mots : zéphyr, quinconce, ocelot."
SOURCE_MARKER = "Rapport confidentiel sur les ocelots"
# Words of the marker a search would use.
MARKER_WORDS = ("zéphyr", "quinconce", "ocelot")
# What stays public: the first paragraph of each side.
POUR_TEASER = "Le premier paragraphe pour reste lisible par tous."
CONTRE_TEASER = "Le premier paragraphe contre reste lisible par tous."


@pytest.fixture(autouse=True)
def _page_cache_on(page_cache):
    """The paywall holds with the page cache on, as in production: a page kept
    for visitors without an account must never carry what only some may read,
    and a reader with an account never gets that copy."""
    return page_cache


@pytest.fixture
def debate_index(home_page):
    return DebateIndexPageFactory(parent=home_page)


@pytest.fixture
def premium(debate_index):
    """A premium debate whose marker sits after the teaser in every possible way:
    in the first block's second paragraph, in later blocks, in a quote placed
    before the first paragraph, and in a source."""
    return DebatePageFactory(
        parent=debate_index,
        title="Faut-il taxer les résidences secondaires ?",
        slug="faut-il-taxer-les-residences-secondaires",
        premium=True,
        themes=[ThemeFactory(name="Logement", slug="logement")],
        context="<p>Un logement sur dix est une résidence secondaire.</p>",
        pour_body=[
            ("paragraph", f"<p>{POUR_TEASER}<sup>1</sup></p><p>{MARKER}</p>"),
            ("quote", {"text": MARKER, "attribution": "Un maire"}),
            ("paragraph", f"<p>{MARKER}</p>"),
        ],
        pour_sources=[
            (
                "source",
                {"title": SOURCE_MARKER, "publisher": "Insee", "year": 2024},
            )
        ],
        contre_body=[
            ("quote", {"text": MARKER, "attribution": "Une propriétaire"}),
            ("paragraph", f"<p>{CONTRE_TEASER}</p>"),
            ("figure", {"value": "12 %", "label": MARKER, "source": "Insee"}),
        ],
    )


@pytest.fixture
def verified_reader(db):
    return UserFactory(email="metre@example.org", verified=True)


@pytest.fixture
def subscriber(db):
    return SubscriptionFactory(
        account__user=UserFactory(email="abonne@example.org", verified=True)
    ).account.user


@pytest.fixture
def editor(db):
    user = UserFactory(email="plume@example.org", verified=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def other_premium_debates(debate_index):
    return [
        DebatePageFactory(parent=debate_index, premium=True, title=f"Autre n° {n} ?")
        for n in range(3)
    ]


@pytest.fixture
def over_quota_reader(verified_reader, other_premium_debates):
    """A verified reader who has opened this month's three free debates."""
    month = month_of(timezone.localdate())
    for debate in other_premium_debates:
        PremiumRead.objects.create(user=verified_reader, debate=debate, month=month)
    return verified_reader
