"""Print-edition PDFs: subscribers and the newsroom download them, through the
view that checks access; readers without a subscription are sent to subscribe."""

import datetime

import pytest
from django.utils import timezone

from newsroom.factories import EditionFactory
from subscriptions.factories import SubscriptionFactory
from subscriptions.models import Subscription


@pytest.fixture
def edition(premium):
    return EditionFactory(
        number=7,
        published_on=timezone.localdate() - datetime.timedelta(days=3),
        debates=[premium],
    )


def pdf_bytes(response) -> bytes:
    body = b"".join(response.streaming_content)
    response.close()
    return body


@pytest.mark.django_db
def test_a_subscriber_downloads_the_pdf_uncached(client, edition, subscriber):
    client.force_login(subscriber)

    page = client.get("/editions/7/").content.decode()
    response = client.get("/editions/7/pdf/")

    assert "Télécharger le PDF" in page
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert pdf_bytes(response).startswith(b"%PDF-")


@pytest.mark.parametrize(
    "status", [Subscription.Status.CANCELED, Subscription.Status.UNPAID]
)
@pytest.mark.django_db
def test_an_ended_subscription_no_longer_downloads(client, edition, status):
    client.force_login(SubscriptionFactory(status=status).account.user)

    response = client.get("/editions/7/pdf/")

    assert response.status_code == 403
    assert b"%PDF-" not in response.content


@pytest.mark.django_db
def test_a_reader_with_free_reads_gets_no_pdf_and_is_told_how_to(
    client, edition, verified_reader
):
    client.force_login(verified_reader)

    page = client.get("/editions/7/").content.decode()
    response = client.get("/editions/7/pdf/")

    assert edition.get_pdf_url() not in page
    assert 'href="/abonnement/"' in page
    assert response.status_code == 403
    assert b"%PDF-" not in response.content
    assert 'href="/abonnement/"' in response.content.decode()


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in(client, edition):
    response = client.get("/editions/7/pdf/")

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")


@pytest.mark.django_db
def test_the_pdf_has_no_public_url(edition):
    with pytest.raises(ValueError, match="no URL"):
        edition.pdf.storage.url(edition.pdf.name)
    assert edition.pdf.url == "/editions/7/pdf/"
