import pytest

from accounts.factories import UserFactory
from debates import services
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from newsroom.factories import ThemeFactory


@pytest.fixture
def debate_index(home_page):
    return DebateIndexPageFactory(parent=home_page)


@pytest.fixture
def health(db):
    return ThemeFactory(name="Santé", slug="sante")


@pytest.fixture
def debate(debate_index, health):
    return DebatePageFactory(
        parent=debate_index,
        title="Faut-il rendre la vaccination obligatoire ?",
        themes=[health],
    )


@pytest.fixture
def voter(db):
    """A verified reader who has consented to have their stance recorded."""
    user = UserFactory(email="votant@example.org", verified=True)
    services.give_stance_consent(user)
    return user


@pytest.fixture
def make_voter(db):
    def make(n: int):
        user = UserFactory(email=f"votant{n}@example.org", verified=True)
        services.give_stance_consent(user)
        return user

    return make
