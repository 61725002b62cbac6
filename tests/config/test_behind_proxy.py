"""Behind the production proxy, every limit counts the reader, not the proxy.

The settings that decide it are read from ``config/settings.py`` as production
loads it (in a subprocess, see test_production_settings), then applied here: every
request reaches Django from the proxy's address with the reader's address in
X-Forwarded-For, as the README's TLS-terminating proxy sends it.
"""

import re

import pytest
from django.core import mail

from accounts.factories import UserFactory
from core.client import client_address
from events.models import SeatOrder
from tests.clients import CommittingClient
from tests.config.test_production_settings import production_environ, read_settings

PROXY = "10.0.0.2"
NAMES = [
    "TRUSTED_PROXY_COUNT",
    "CLIENT_IP_HEADER",
    "ALLAUTH_TRUSTED_PROXY_COUNT",
    "ALLAUTH_TRUSTED_CLIENT_IP_HEADER",
    "ACCOUNT_RATE_LIMITS",
    "RATE_LIMITS",
]


@pytest.fixture(scope="module")
def production_limits(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    env = production_environ(folder, folder / "prod.sqlite3")
    return read_settings(
        env,
        f"""
        import json
        from django.conf import settings
        print(json.dumps({{name: getattr(settings, name) for name in {NAMES!r}}}))
        """,
    )


@pytest.fixture
def behind_proxy(settings, production_limits):
    for name, value in production_limits.items():
        if name == "RATE_LIMITS":  # JSON turned the (limit, seconds) pairs to lists
            value = {key: tuple(pair) for key, pair in value.items()}
        setattr(settings, name, value)
    return production_limits


def from_reader(address: str) -> dict:
    """What a request carries once it crossed the proxy."""
    return {
        "REMOTE_ADDR": PROXY,
        "HTTP_X_FORWARDED_FOR": address,
        "HTTP_X_FORWARDED_PROTO": "https",
        "secure": True,
    }


def test_production_trusts_one_proxy_by_default(behind_proxy):
    assert behind_proxy["TRUSTED_PROXY_COUNT"] == 1
    assert behind_proxy["ALLAUTH_TRUSTED_PROXY_COUNT"] == 1


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("203.0.113.7", "203.0.113.7"),
        # Whatever the client wrote itself comes first; the proxy appends the truth.
        ("1.2.3.4, 203.0.113.7", "203.0.113.7"),
        ("2001:db8::1", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("198.51.100.3:51234", "198.51.100.3"),
        # Not an address, or no header at all: the connection's own.
        ("not-an-address", PROXY),
        ("", PROXY),
    ],
)
def test_the_readers_address_is_the_one_the_proxy_appended(
    rf, behind_proxy, forwarded, expected
):
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_a_platform_header_wins_when_configured(rf, settings):
    settings.CLIENT_IP_HEADER = "CF-Connecting-IP"
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get(
        "/",
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="1.2.3.4, 10.9.9.9",
        HTTP_CF_CONNECTING_IP="203.0.113.9",
    )
    assert client_address(request) == "203.0.113.9"


def test_in_development_the_connection_is_the_reader(rf):
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_address(request) == "127.0.0.1"


# --- Logins --------------------------------------------------------------------------


def log_in(client, email, password, address):
    return client.post(
        "/compte/login/", {"login": email, "password": password}, **from_reader(address)
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_strangers_failing_on_other_accounts_never_keep_the_owner_out(
    client, home_page, behind_proxy
):
    UserFactory(email="abonnee@example.org", verified=True)

    for n in range(30):
        refused = log_in(client, f"inconnu{n}@example.org", "faux", f"198.51.100.{n}")
        assert refused.status_code == 200
    client.cookies.clear()

    response = log_in(client, "abonnee@example.org", "versus-demo", "203.0.113.50")

    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
def test_one_address_failing_is_stopped_without_stopping_the_others(
    client, home_page, behind_proxy
):
    UserFactory(email="abonnee@example.org", verified=True)

    for n in range(11):
        response = log_in(client, f"inconnu{n}@example.org", "faux", "198.51.100.66")
    assert "Trop de tentatives" in response.content.decode()

    response = log_in(client, "abonnee@example.org", "versus-demo", "203.0.113.50")
    assert response.status_code == 302


@pytest.mark.django_db
def test_strangers_guessing_the_owners_password_leave_the_emailed_code_open(
    home_page, behind_proxy
):
    """Guesses at one account from many addresses stop password guesses on that
    account for a few minutes; its owner still signs in, with a code by email."""
    client = CommittingClient()
    UserFactory(email="abonnee@example.org", verified=True)
    for n in range(20):
        log_in(client, "abonnee@example.org", f"essai-{n}", f"198.51.100.{n}")
    client.cookies.clear()

    guessed = log_in(client, "abonnee@example.org", "versus-demo", "198.51.100.99")
    assert "avec un code reçu par e-mail" in guessed.content.decode()
    assert not logged_in(client)

    owner = from_reader("203.0.113.50")
    asked = client.post(
        "/compte/login/code/", {"email": "abonnee@example.org"}, **owner
    )
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[-1].body, re.M)
    client.post(asked["Location"], {"code": code.group(1)}, **owner)

    assert logged_in(client)


# --- Seats ---------------------------------------------------------------------------


@pytest.fixture
def index(home_page):
    from events.factories import EventIndexPageFactory

    return EventIndexPageFactory(parent=home_page)


@pytest.mark.django_db
def test_thirty_buyers_from_thirty_addresses_all_hold_seats(
    client, index, behind_proxy
):
    from events.factories import ConferencePageFactory

    conference = ConferencePageFactory(parent=index, capacity=100)
    price = conference.prices.get(category="individual")
    for n in range(30):
        response = client.post(
            conference.url + "reserver/",
            {
                "price": price.pk,
                "quantity": 1,
                "name": f"Lecteur {n}",
                "email": f"lecteur{n}@example.org",
            },
            **from_reader(f"203.0.113.{n + 1}"),
        )
        assert response.status_code == 302, response.content.decode()[:2000]

    assert SeatOrder.objects.count() == 30


@pytest.mark.django_db
def test_one_address_ordering_seats_over_and_over_is_stopped(
    client, index, behind_proxy
):
    from events.factories import ConferencePageFactory

    conference = ConferencePageFactory(parent=index, capacity=100)
    price = conference.prices.get(category="individual")
    limit, _seconds = behind_proxy["RATE_LIMITS"]["seat_order"]
    answers = [
        client.post(
            conference.url + "reserver/",
            {"price": price.pk, "quantity": 1, "name": "Bot", "email": "b@example.org"},
            **from_reader("198.51.100.7"),
        ).status_code
        for _ in range(limit + 1)
    ]

    assert answers == [302] * limit + [400]
    assert SeatOrder.objects.count() == limit


@pytest.mark.django_db
def test_the_admin_sign_in_counts_failures_like_the_site(
    client, home_page, behind_proxy
):
    UserFactory(email="redaction@example.org", verified=True, is_superuser=True)

    def admin_log_in(password, address):
        return client.post(
            "/admin/login/",
            {"username": "redaction@example.org", "password": password},
            **from_reader(address),
        )

    for n in range(5):
        assert admin_log_in(f"essai-{n}", f"198.51.100.{n}").status_code == 200
    guessed = admin_log_in("versus-demo", "198.51.100.99")

    assert guessed.status_code == 200
    assert "avec un code reçu par e-mail" in guessed.content.decode()
    assert not logged_in(client)


@pytest.mark.django_db
def test_an_editor_with_the_right_password_gets_into_the_admin(
    client, home_page, behind_proxy
):
    UserFactory(email="redaction@example.org", verified=True, is_superuser=True)

    response = client.post(
        "/admin/login/",
        {"username": "redaction@example.org", "password": "versus-demo"},
        **from_reader("203.0.113.8"),
    )

    assert response.status_code == 302
    assert logged_in(client)


def test_the_admin_password_reset_is_the_limited_one(client):
    response = client.get("/admin/password_reset/")

    assert response.status_code == 302
    assert response["Location"] == "/compte/password/reset/"
