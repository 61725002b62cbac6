"""Checkout sessions of the offline Stripe, served over HTTP and reached through
the site's own gateway: whole objects of the pinned API version, carrying every
field the site reads."""

import datetime
from types import SimpleNamespace

import pytest

from payments.gateway import GatewayError, StripeGateway
from tests.stripe_fake.objects import schemas, validate
from tests.stripe_fake.server import SECRET_KEY, StripeServer, nested
from tests.stripe_fake.world import CHECKOUT_PAGE, World, price

# What the site reads of a session: after creating one (payments.gateway and
# events.services.seat_orders.start_checkout), and in the checkout.session
# events it applies (events.services: handles, confirm_paid_session,
# expire_session; subscriptions.services: claims, apply_stripe_event).
READ_BY_THE_SITE = {
    "id",
    "url",
    "mode",
    "status",
    "payment_status",
    "metadata",
    "customer",
    "subscription",
    "payment_intent",
}

SESSION = schemas()["checkout.session"]["properties"]


@pytest.fixture
def world():
    return World()


@pytest.fixture
def gateway(settings, world):
    with StripeServer(world) as server:
        settings.STRIPE_SECRET_KEY = SECRET_KEY
        settings.STRIPE_API_BASE = server.url
        yield StripeGateway()


def seat_order(pk=7, **changes):
    """What the gateway reads of a held seat order."""
    return SimpleNamespace(
        pk=pk,
        email="lea@example.org",
        unit_price_cents=800,
        quantity=2,
        label="2 places",
        conference=SimpleNamespace(title="Petite salle"),
        language="fr",
        held_until="2026-12-03T12:00:00+00:00",
        **changes,
    )


def open_seat_checkout(gateway, order=None):
    return gateway.create_seat_checkout(
        order=order or seat_order(),
        expires_at=datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC),
        success_url="https://versus.example/merci/",
        cancel_url="https://versus.example/billetterie/",
    )


@pytest.mark.parametrize("field", sorted(READ_BY_THE_SITE))
def test_every_field_the_site_reads_is_one_stripe_always_sends(field):
    assert field in SESSION
    assert not SESSION[field].get("optional")


def test_a_seat_checkout_is_a_whole_open_session_at_its_hosted_page(gateway, world):
    session = open_seat_checkout(gateway)

    assert validate("checkout.session", session) == []
    assert session["url"] == CHECKOUT_PAGE + session["id"]
    assert (session["mode"], session["status"], session["payment_status"]) == (
        "payment",
        "open",
        "unpaid",
    )
    assert session["metadata"] == {"seat_order": "7"}
    assert session["customer_email"] == "lea@example.org"
    assert session["client_reference_id"] == "seat-order-7"
    assert session["amount_total"] == 1600
    assert session["expires_at"] == int(
        datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC).timestamp()
    )
    assert (session["payment_intent"], session["subscription"]) == (None, None)
    assert world.checkout_session(session["id"]) == session


def test_a_session_is_retrieved_as_it_stands(gateway, world):
    session = open_seat_checkout(gateway)

    retrieved = gateway._call(
        gateway.client.v1.checkout.sessions.retrieve, session["id"]
    )

    assert retrieved == session


def test_paying_completes_the_session_with_its_payment_intent(gateway, world):
    session = open_seat_checkout(gateway)

    event = world.complete_checkout(session["id"])

    assert validate("event", event) == []
    assert event["type"] == "checkout.session.completed"
    paid = event["data"]["object"]
    assert (paid["status"], paid["payment_status"]) == ("complete", "paid")
    assert paid["payment_intent"].startswith("pi_")
    assert paid["url"] is None
    assert paid["metadata"] == {"seat_order": "7"}


def test_an_unpaid_session_expires_once(gateway, world):
    session = open_seat_checkout(gateway)

    expired = world.expire_checkout(session["id"])

    assert validate("event", expired) == []
    assert expired["data"]["object"]["status"] == "expired"
    assert world.expire_checkout(session["id"]) is None
    assert [e["type"] for e in world.events] == ["checkout.session.expired"]


def test_a_subscription_checkout_makes_the_subscription_when_paid(gateway, world):
    world.prices["price_monthly"] = price("price_monthly", amount=499)
    world.add_customer("cus_1", email="lea@example.org", user_id=3)
    url = gateway.create_checkout_session(
        customer_id="cus_1",
        user=SimpleNamespace(pk=3, language="en"),
        plan=SimpleNamespace(pk=1, stripe_price_id="price_monthly"),
        success_url="https://versus.example/merci/",
        cancel_url="https://versus.example/abonnement/",
    )
    [session] = world.checkouts.values()
    assert url == CHECKOUT_PAGE + session["id"]
    assert session["amount_total"] == 499

    event = world.complete_checkout(session["id"])

    paid = event["data"]["object"]
    subscription = world.subscription(paid["subscription"])
    assert validate("event", event) == []
    assert subscription["customer"] == "cus_1"
    assert subscription["metadata"] == {"user_id": "3", "plan_id": "1"}
    assert paid["metadata"] == {"user_id": "3", "plan_id": "1"}


def test_a_retry_with_the_same_idempotency_key_gets_the_same_session(gateway, world):
    first = open_seat_checkout(gateway)
    again = open_seat_checkout(gateway)
    other = open_seat_checkout(gateway, seat_order(pk=8))

    assert again == first
    assert other["id"] != first["id"]
    assert len(world.checkouts) == 2


def test_an_unknown_session_is_stripes_resource_missing(gateway):
    with pytest.raises(GatewayError, match=r"No such checkout\.session: 'cs_nope'"):
        gateway._call(gateway.client.v1.checkout.sessions.retrieve, "cs_nope")


def test_the_form_the_sdk_sends_reads_back_as_its_parameters():
    form = {
        "mode": ["payment"],
        "metadata[seat_order]": ["7"],
        "line_items[0][price_data][unit_amount]": ["800"],
        "line_items[0][quantity]": ["2"],
        "line_items[1][price]": ["price_x"],
        "payment_method_types[0]": ["card"],
    }

    assert nested(form) == {
        "mode": "payment",
        "metadata": {"seat_order": "7"},
        "line_items": [
            {"price_data": {"unit_amount": "800"}, "quantity": "2"},
            {"price": "price_x"},
        ],
        "payment_method_types": ["card"],
    }
