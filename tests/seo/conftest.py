from datetime import UTC, datetime

import pytest

from debates.factories import DebateIndexPageFactory, DebatePageFactory
from debates.models import DebatePage
from newsroom.factories import ContributorFactory, ThemeFactory

# A sentence that only a side's argument contains: it must never leave the page.
SECRET = "Cette phrase ne figure que dans l'argument réservé aux abonnés."


@pytest.fixture
def debate_index(home_page):
    return DebateIndexPageFactory(parent=home_page)


@pytest.fixture
def health(db):
    return ThemeFactory(name="Santé", slug="sante")


@pytest.fixture
def work(db):
    return ThemeFactory(name="Travail", slug="travail")


@pytest.fixture
def nurse(db):
    return ContributorFactory(name="Inès Morel", slug="ines-morel")


@pytest.fixture
def doctor(db):
    return ContributorFactory(name="Paul Garnier", slug="paul-garnier")


def published_on(page, first: datetime, last: datetime | None = None):
    """Factories create live pages without publication dates: give them some."""
    DebatePage.objects.filter(pk=page.pk).update(
        first_published_at=first, last_published_at=last or first
    )
    page.refresh_from_db()
    return page


@pytest.fixture
def make_debate(debate_index, nurse, doctor):
    def make(title, *, published, updated=None, **kwargs):
        kwargs.setdefault("pour_contributor", nurse)
        kwargs.setdefault("contre_contributor", doctor)
        page = DebatePageFactory(parent=debate_index, title=title, **kwargs)
        return published_on(page, published, updated)

    return make


@pytest.fixture
def premium_debate(make_debate, health):
    return make_debate(
        "Faut-il rembourser les médecines douces ?",
        published=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
        premium=True,
        themes=[health],
        context="<p>La Sécurité sociale rembourse l'homéopathie jusqu'en 2021.</p>",
        pour_headline="Oui, pour le libre choix",
        pour_body=[("paragraph", f"<p>{SECRET}<sup>1</sup></p>")],
        contre_headline="Non, sans preuve d'efficacité",
        contre_body=[("paragraph", f"<p>{SECRET} Contre.</p>")],
    )
