import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.factories import UserFactory

User = get_user_model()
SIGNUP_URL = "/compte/signup/"
STRONG = "Débat-contradictoire-2026"


def sign_up(client, url=SIGNUP_URL, **overrides):
    data = {"email": "nouveau@example.org", "password1": STRONG, "password2": STRONG}
    data.update(overrides)
    return client.post(url, data)


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


@pytest.mark.django_db
def test_sign_up_creates_an_unverified_reader_and_sends_the_link_in_french(
    client, home_page
):
    response = sign_up(client)

    assert response.status_code == 302
    user = User.objects.get(email="nouveau@example.org")
    assert user.language == "fr"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nouveau@example.org"]
    assert message.subject == "[Versus] Confirmez votre adresse e-mail"
    assert "Bonjour, c'est Versus !" in message.body
    assert re.search(r"/compte/confirm-email/[^/\s]+/", message.body)


@pytest.mark.django_db
def test_sign_up_on_the_english_site_keeps_english(client, home_page):
    sign_up(client, url="/en" + SIGNUP_URL)

    user = User.objects.get(email="nouveau@example.org")
    assert user.language == "en"
    assert mail.outbox[0].subject == "[Versus] Please Confirm Your Email Address"
    assert "/en/compte/confirm-email/" in mail.outbox[0].body


@pytest.mark.django_db
def test_an_email_already_used_gets_the_answer_a_new_one_gets_and_its_owner_is_told(
    client, home_page
):
    UserFactory(email="lea@example.org", verified=True)

    response = sign_up(client, email="Lea@Example.org")

    # Nothing on the page says the address is taken: the owner is told by email.
    assert response.status_code == 302
    assert response["Location"] == "/compte/confirm-email/"
    assert User.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["lea@example.org"]]
    assert "Ce compte existe déjà" in mail.outbox[0].subject


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"email": "pas-une-adresse"},
            "email",
            "Saisissez une adresse de courriel valide.",
        ),
        ({"email": ""}, "email", "Champ requis."),
        (
            {"password1": "azerty", "password2": "azerty"},
            "password1",
            "Ce mot de passe est trop court. Il doit contenir au minimum 10 caractères.",
        ),
        (
            {"password1": "1234567890123", "password2": "1234567890123"},
            "password1",
            "Ce mot de passe est entièrement numérique.",
        ),
        (
            {"password2": STRONG + "x"},
            "password2",
            "Vous devez saisir deux fois le même mot de passe.",
        ),
    ],
    ids=["malformed-email", "empty-email", "short", "numeric", "mismatch"],
)
@pytest.mark.django_db
def test_bad_sign_up_input_gets_a_french_message_and_creates_nothing(
    client, home_page, overrides, field, message
):
    response = sign_up(client, **overrides)

    assert response.status_code == 200
    assert message in field_errors(response, field)
    assert message in response.content.decode()
    assert User.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_bad_sign_up_input_is_explained_in_english_on_the_english_site(
    client, home_page
):
    response = sign_up(client, url="/en" + SIGNUP_URL, email="not-an-address")

    assert field_errors(response, "email") == ["Enter a valid email address."]
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_the_honeypot_field_stops_a_bot_without_creating_anything(client, home_page):
    response = sign_up(client, website="http://spam.example")

    assert User.objects.count() == 0
    assert mail.outbox == []
    assert response.status_code in {200, 302}


@pytest.mark.django_db
def test_the_verification_link_verifies_the_address(client, home_page):
    sign_up(client)
    link = re.search(
        r"https?://[^/]+(/compte/confirm-email/[^\s]+/)", mail.outbox[0].body
    )

    page = client.get(link.group(1))
    assert page.status_code == 200
    client.post(link.group(1))

    assert EmailAddress.objects.get(email="nouveau@example.org").verified


@pytest.mark.django_db
def test_a_tampered_verification_link_verifies_nothing(client, home_page):
    sign_up(client)
    link = re.search(
        r"https?://[^/]+(/compte/confirm-email/[^\s]+/)", mail.outbox[0].body
    )
    tampered = link.group(1)[:-4] + "XXXX/"

    page = client.get(tampered)
    client.post(tampered)

    assert (
        "Ce lien de confirmation d'adresse e-mail a expiré ou n'est pas valide"
        in page.content.decode()
    )
    assert not EmailAddress.objects.get(email="nouveau@example.org").verified
