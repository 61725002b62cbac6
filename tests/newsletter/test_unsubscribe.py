"""RFC 8058 one-click unsubscription: a POST without cookies or CSRF token."""

import pytest
from django.test import Client
from django.urls import reverse

from newsletter import tokens
from newsletter.factories import SubscriptionFactory
from newsletter.models import ConsentEvent, Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscription(weekly_list):
    return SubscriptionFactory(subscriber__email="ines@example.org")


def _url(subscription) -> str:
    token = tokens.unsubscribe_token(
        subscriber_id=subscription.subscriber_id,
        newsletter_id=subscription.newsletter_id,
    )
    return reverse("newsletter:unsubscribe", args=[token])


def test_one_post_without_cookies_unsubscribes(subscription):
    mail_client = Client(enforce_csrf_checks=True)  # no session, no CSRF cookie
    response = mail_client.post(_url(subscription), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    event = ConsentEvent.objects.get()
    assert (event.kind, event.source, event.address) == (
        "unsubscribed",
        "one_click",
        "ines@example.org",
    )
    # A client that posts twice changes nothing more.
    mail_client.post(_url(subscription), {"List-Unsubscribe": "One-Click"})
    assert ConsentEvent.objects.count() == 1


def test_the_link_shows_a_button_and_only_the_button_unsubscribes(subscription):
    client = Client()
    url = _url(subscription)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ne plus envoyer « La semaine des débats » à ines@example.org" in html
    assert f'action="{url}"' in html
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.ACTIVE
    done = client.post(url)
    assert "Vous ne recevrez plus" in done.content.decode()
    assert ConsentEvent.objects.get().source == "link"


def test_a_tampered_unsubscribe_link_gets_a_clear_page(subscription):
    url = _url(subscription)
    tampered = url[:-3] + ("x" if url[-3] != "x" else "y") + url[-2:]
    for response in (Client().get(tampered), Client().post(tampered)):
        assert response.status_code == 400
        assert "Ce lien n’est pas valide" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.ACTIVE


def test_an_expired_unsubscribe_link_says_so(subscription, settings):
    settings.NEWSLETTER_UNSUBSCRIBE_MAX_AGE = -1
    response = Client().post(_url(subscription))
    assert response.status_code == 400
    assert "Ce lien a expiré" in response.content.decode()
