"""Nobody learns from our answers whether an address has an account: who reads a
political debate title is sensitive. Each form that takes an address answers a
known one and an unknown one alike; the difference is only in the mailbox."""

import re

import pytest
from django.core import mail

from accounts.factories import UserFactory

KNOWN = "lea@example.org"
UNKNOWN = "personne@example.org"
STRONG = "Débat-contradictoire-2026"


def _page(response, address) -> str:
    """What a visitor sees, without what differs on every request anyway, and with
    the address they typed (echoed back to them) put aside."""
    html = response.content.decode().replace(address, "<address>")
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


def _answer(client, url, data):
    response = client.post(url, data)
    followed = client.get(response["Location"]) if response.status_code == 302 else None
    return (
        response.status_code,
        response.get("Location"),
        _page(followed or response, data["email"]),
    )


@pytest.fixture
def known(db, home_page):
    return UserFactory(email=KNOWN, verified=True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/compte/signup/", {"password1": STRONG, "password2": STRONG}),
        ("/compte/password/reset/", {}),
        ("/compte/login/code/", {}),
        ("/en/compte/signup/", {"password1": STRONG, "password2": STRONG}),
        ("/en/compte/password/reset/", {}),
    ],
)
def test_a_known_and_an_unknown_address_get_the_same_answer(client, known, url, data):
    for_known = _answer(client, url, {"email": KNOWN, **data})
    client.cookies.clear()
    for_unknown = _answer(client, url, {"email": UNKNOWN, **data})

    assert for_known[0] in {200, 302}
    assert for_known == for_unknown


@pytest.mark.django_db
def test_the_owner_is_told_someone_tried_to_sign_up_with_the_address(client, known):
    client.post(
        "/compte/signup/", {"email": KNOWN, "password1": STRONG, "password2": STRONG}
    )

    (message,) = mail.outbox
    assert message.to == [KNOWN]
    assert "Ce compte existe déjà" in message.subject
    assert "/compte/password/reset/" in message.body


@pytest.mark.django_db
def test_a_reset_asked_for_an_unknown_address_says_so_to_that_address_only(
    client, known
):
    client.post("/compte/password/reset/", {"email": UNKNOWN})

    (message,) = mail.outbox
    assert message.to == [UNKNOWN]
    assert "/compte/password/reset/key/" not in message.body


@pytest.mark.django_db
def test_a_code_asked_for_an_unknown_address_logs_nobody_in(client, known):
    response = client.post("/compte/login/code/", {"email": UNKNOWN})
    response = client.post(response["Location"], {"code": "ABCD-EFGH"})

    assert "_auth_user_id" not in client.session
    assert [m.to for m in mail.outbox] == [[UNKNOWN]]
    assert not re.search(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$", mail.outbox[0].body, re.M)
