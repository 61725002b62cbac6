import pytest

from accounts.factories import UserFactory
from debates.factories import PollIndexPageFactory, TopicPollPageFactory
from newsroom.factories import ThemeFactory


@pytest.fixture
def poll_index(home_page):
    return PollIndexPageFactory(parent=home_page)


@pytest.fixture
def poll(poll_index):
    return TopicPollPageFactory(parent=poll_index, title="Le sujet de décembre")


@pytest.fixture
def society(db):
    return ThemeFactory(name="Société", slug="societe")


@pytest.fixture
def make_reader(db):
    def make(n: int, **kwargs):
        return UserFactory(email=f"lecteur{n}@example.org", verified=True, **kwargs)

    return make


@pytest.fixture
def editor(db):
    return UserFactory(email="redaction@example.org", editor=True)
