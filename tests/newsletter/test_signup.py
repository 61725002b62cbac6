"""« Recevoir la lettre »: an address alone, double opt-in, no enumeration."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsletter import tokens
from newsletter.models import ConsentEvent, Subscriber, Subscription
from newsletter.services import consent

pytestmark = pytest.mark.django_db

SIGNUP = "/lettre/inscription/"


def _signup(client, email, place="debate", **extra):
    return client.post(SIGNUP, {"email": email, "place": place, "website": "", **extra})


def _confirm_link(message) -> str:
    return re.search(r"https?://[^\s]+/lettre/confirmer/[^\s/]+/", message.body).group(
        0
    )


def test_the_form_posts_to_a_view_that_needs_no_csrf_token(home_page, weekly_list):
    page = Client().get("/")
    html = page.content.decode()
    form = html[html.index('action="/lettre/inscription/"') :]
    form = form[: form.index("</form>")]
    assert 'name="email"' in form
    assert "csrfmiddlewaretoken" not in form
    strict = Client(enforce_csrf_checks=True)
    assert _signup(strict, "ines@example.org", place="home").status_code == 200
    assert Subscriber.objects.filter(email="ines@example.org").exists()


def test_asking_sends_one_confirmation_and_subscribes_nobody_yet(client, weekly_list):
    response = _signup(client, "  Ines@Example.org ")
    assert response.status_code == 200
    assert "Vérifiez votre boîte" in response.content.decode()
    subscription = Subscription.objects.get(subscriber__email="ines@example.org")
    assert subscription.status == Subscription.Status.PENDING
    [message] = mail.outbox
    assert message.to == ["ines@example.org"]
    event = ConsentEvent.objects.get()
    assert (event.kind, event.source, event.address) == (
        "requested",
        "debate",
        "ines@example.org",
    )


def test_following_the_link_shows_a_button_and_posting_it_confirms(client, weekly_list):
    _signup(client, "ines@example.org")
    link = _confirm_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert Subscription.objects.get().status == Subscription.Status.PENDING
    done = client.post(link)
    assert done.status_code == 200
    assert "La semaine des débats" in done.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.confirmed_at is not None
    kinds = list(ConsentEvent.objects.values_list("kind", "source", "detail"))
    assert kinds == [("requested", "debate", ""), ("confirmed", "link", "debate")]
    # Followed again: the same thanks, nothing logged twice.
    assert client.post(link).status_code == 200
    assert ConsentEvent.objects.count() == 2


def test_an_address_already_subscribed_gets_the_same_answer_and_no_email(
    client, weekly_list
):
    new = _signup(client, "ines@example.org").content
    link = _confirm_link(mail.outbox[0])
    client.post(link)
    mail.outbox.clear()
    again = _signup(client, "ines@example.org").content
    assert again == new
    assert mail.outbox == []
    assert Subscription.objects.get().status == Subscription.Status.ACTIVE


def test_no_second_confirmation_within_an_hour(client, weekly_list):
    _signup(client, "ines@example.org")
    _signup(client, "ines@example.org")
    assert len(mail.outbox) == 1
    later = timezone.now() + datetime.timedelta(hours=1, minutes=1)
    consent.request_subscription("ines@example.org", source="footer", now=later)
    # Owed in the service's transaction; the test's transaction holds it, so the
    # row tells.
    from core.models import OutgoingEmail

    assert OutgoingEmail.objects.filter(recipient="ines@example.org").count() == 2


def test_the_honeypot_answers_alike_and_stores_nothing(client, weekly_list):
    response = _signup(client, "bot@example.org", website="http://spam.example")
    assert response.status_code == 200
    assert "Vérifiez votre boîte" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_one_address_is_limited_per_hour(client, weekly_list, settings):
    settings.NEWSLETTER_SIGNUPS_PER_ADDRESS = (2, 3600)
    assert _signup(client, "ines@example.org").status_code == 200
    assert _signup(client, "ines@example.org").status_code == 200
    refused = _signup(client, "ines@example.org")
    assert refused.status_code == 429
    assert "Trop de demandes" in refused.content.decode()


def test_one_connection_is_limited_per_hour(client, weekly_list, settings):
    settings.NEWSLETTER_SIGNUPS_PER_IP = (2, 3600)
    _signup(client, "a@example.org")
    _signup(client, "b@example.org")
    assert _signup(client, "c@example.org").status_code == 429
    assert not Subscriber.objects.filter(email="c@example.org").exists()


def test_a_bad_address_is_explained_next_to_the_field(client, weekly_list):
    response = _signup(client, "pas-une-adresse")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'id="signup-email-errors"' in html
    assert "Saisissez une adresse e-mail valide" in html


def test_in_english_too(client, weekly_list):
    response = client.post(
        "/en/lettre/inscription/", {"email": "x", "place": "footer", "website": ""}
    )
    assert "Enter a valid email address" in response.content.decode()


def test_a_tampered_link_gets_a_clear_page(client, weekly_list):
    _signup(client, "ines@example.org")
    link = _confirm_link(mail.outbox[0])
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    for response in (client.get(tampered), client.post(tampered)):
        assert response.status_code == 400
        assert "Ce lien n’est pas valide" in response.content.decode()
    assert Subscription.objects.get().status == Subscription.Status.PENDING


def test_an_expired_link_gets_a_clear_page(client, weekly_list, settings):
    subscriber = Subscriber.objects.create(email="ines@example.org")
    token = tokens.confirmation_token(
        subscriber_id=subscriber.pk, email=subscriber.email, source="home"
    )
    settings.NEWSLETTER_CONFIRM_MAX_AGE = -1
    response = client.get(reverse("newsletter:confirm", args=[token]))
    assert response.status_code == 400
    assert "Ce lien a expiré" in response.content.decode()


def test_a_link_signed_for_another_purpose_is_refused(client, weekly_list):
    token = signing.dumps({"s": 1, "e": "x@example.org", "src": "home"})
    assert client.get(reverse("newsletter:confirm", args=[token])).status_code == 400
