import re

import pytest
from django.core import mail

from accounts.factories import UserFactory

LOGIN_URL = "/compte/login/"


@pytest.mark.django_db
def test_a_verified_reader_logs_in_with_password_and_lands_on_mon_compte(
    client, home_page, reader
):
    response = client.post(
        LOGIN_URL, {"login": "lea@example.org", "password": "versus-demo"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/compte/"
    assert client.get("/compte/").context["user"] == reader


@pytest.mark.django_db
def test_a_reader_who_chose_english_lands_on_the_english_account_page(
    client, home_page
):
    UserFactory(email="sam@example.org", language="en", verified=True)

    response = client.post(
        LOGIN_URL, {"login": "sam@example.org", "password": "versus-demo"}
    )

    assert response["Location"] == "/en/compte/"


@pytest.mark.django_db
def test_a_wrong_password_is_refused_with_a_french_message(client, home_page, reader):
    response = client.post(LOGIN_URL, {"login": "lea@example.org", "password": "nope"})

    assert response.status_code == 200
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_unverified_reader_must_verify_before_logging_in(client, home_page):
    UserFactory(email="pas-encore@example.org")

    response = client.post(
        LOGIN_URL, {"login": "pas-encore@example.org", "password": "versus-demo"}
    )

    assert "_auth_user_id" not in client.session
    assert response["Location"] == "/compte/confirm-email/"
    assert mail.outbox[0].to == ["pas-encore@example.org"]


@pytest.mark.django_db
def test_a_reader_logs_in_with_a_code_sent_by_email(client, home_page, reader):
    response = client.post("/compte/login/code/", {"email": "lea@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[0].body, re.M).group(1)

    response = client.post(response["Location"], {"code": code})

    assert response.status_code == 302
    assert client.get("/compte/").context["user"] == reader


@pytest.mark.django_db
def test_a_wrong_code_does_not_log_in(client, home_page, reader):
    response = client.post("/compte/login/code/", {"email": "lea@example.org"})

    response = client.post(response["Location"], {"code": "ZZZZ-ZZZZ"})

    assert response.status_code == 200
    assert "Code incorrect." in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_reset_sends_a_link_that_sets_a_new_password(
    client, home_page, reader
):
    client.post("/compte/password/reset/", {"email": "lea@example.org"})
    link = re.search(
        r"https?://[^/]+(/compte/password/reset/key/\S+/)", mail.outbox[0].body
    )

    form_page = client.get(link.group(1), follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "Nouveau-mot-de-passe-7", "password2": "Nouveau-mot-de-passe-7"},
    )

    reader.refresh_from_db()
    assert reader.check_password("Nouveau-mot-de-passe-7")


@pytest.mark.django_db
def test_logout_ends_the_session(client, home_page, reader):
    client.force_login(reader)

    client.post("/compte/logout/")

    assert "_auth_user_id" not in client.session
