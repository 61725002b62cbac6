import pytest
from django.core import mail

from newsletter.factories import (
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    weekly,
)
from tests.clients import CommittingClient


@pytest.fixture
def client():
    return CommittingClient()


@pytest.fixture
def esp(settings):
    """Anymail's test backend: it records each message with the parameters a
    real provider would be sent (``anymail_test_params``: merge data, headers,
    tracking), and answers « sent » for every recipient."""
    settings.MAILERS = {"default": {"BACKEND": "anymail.backends.test.EmailBackend"}}
    settings.NEWSLETTER_BATCH_SIZE = 3
    settings.NEWSLETTER_SEND_RATE = 1000
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def weekly_list(db):
    return weekly()


@pytest.fixture
def archive(home_page):
    return NewsletterIndexPageFactory(parent=home_page)


@pytest.fixture
def issue(archive, weekly_list):
    return NewsletterIssuePageFactory(parent=archive, newsletter=weekly_list)
