"""Stripe's events as Stripe sends them: whole objects, decimal amounts as
strings, prices the site does not sell, a provider that refuses emails."""

import json

import pytest
import stripe
from django.core import mail

from core.models import OutgoingEmail
from payments.models import StripeEvent
from subscriptions.access import has_reader_access
from subscriptions.factories import SubscriptionFactory
from subscriptions.models import Payment, Subscription
from tests.conftest import WEBHOOK_SECRET
from tests.core.provider import owed_then_sent_once
from tests.subscriptions.fake_stripe import (
    PRICE,
    event,
    invoice,
    price,
    signed,
    subscription,
)

URL = "/stripe/webhook/"


def post(client, payload):
    body, header = signed(payload, WEBHOOK_SECRET)
    return client.post(
        URL, body, content_type="application/json", headers={"Stripe-Signature": header}
    ), body


@pytest.fixture
def remote(stripe_http, plan):
    """What Stripe holds, changeable by the test."""
    state = {"sub_1": subscription(), "in_1": invoice()}
    stripe_http.route("get", "/v1/subscriptions/sub_1", lambda form: state["sub_1"])
    stripe_http.route("get", "/v1/invoices/in_1", lambda form: state["in_1"])
    return state


def access(account) -> bool:
    """Asked afresh: the answer is kept on the user object for one request."""
    from accounts.models import User

    return has_reader_access(User.objects.get(pk=account.user_id))


def on_price(sub: dict, *price_ids: str) -> dict:
    """The subscription billed on these prices, one item each."""
    item = sub["items"]["data"][0]
    sub["items"]["data"] = [
        {**item, "id": f"si_{n}", "price": price(price_id)}
        for n, price_id in enumerate(price_ids)
    ]
    return sub


@pytest.mark.parametrize(
    "kind",
    [
        "customer.subscription.created",
        "customer.subscription.updated",
        "customer.subscription.deleted",
        "customer.subscription.paused",
        "customer.subscription.resumed",
    ],
)
@pytest.mark.django_db
def test_a_whole_subscription_event_is_stored_as_sent_and_applied(
    client, customer, remote, kind
):
    payload = event(kind, remote["sub_1"])

    response, body = post(client, payload)

    assert response.status_code == 200
    record = StripeEvent.objects.get()
    assert record.outcome == "applied"
    assert record.body == body  # the bytes Stripe signed, kept as they came
    stored = record.payload["data"]["object"]["items"]["data"][0]
    assert stored["price"]["unit_amount_decimal"] == "499"
    assert stored["plan"]["amount_decimal"] == "499"
    assert Subscription.objects.get().status == "active"


@pytest.mark.parametrize("kind", ["invoice.paid", "invoice.payment_failed"])
@pytest.mark.django_db
def test_a_whole_invoice_event_is_applied_and_recorded(client, customer, remote, kind):
    if kind == "invoice.payment_failed":
        remote["in_1"] = invoice(status="open")
    payload = event(kind, remote["in_1"])
    assert payload["data"]["object"]["lines"]["data"][0]["pricing"][
        "unit_amount_decimal"
    ] == ("499")

    response, _body = post(client, payload)

    assert response.status_code == 200
    assert StripeEvent.objects.get().outcome == "applied"
    payment = Payment.objects.get()
    assert payment.status == remote["in_1"]["status"]
    assert payment.amount_cents == remote["in_1"]["total"]


@pytest.mark.django_db
def test_a_body_that_is_not_an_event_is_refused_without_being_stored(
    client, stripe_http
):
    body = json.dumps(["not", "an", "event"])
    header = stripe.WebhookSignature.generate_signature_header(body, WEBHOOK_SECRET)

    response = client.post(
        URL, body, content_type="application/json", headers={"Stripe-Signature": header}
    )

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


# --- Prices we do not sell ------------------------------------------------------------


@pytest.mark.django_db
def test_a_held_subscription_moved_to_a_price_not_ours_is_followed_to_its_end(
    client, customer, remote, plan
):
    local = SubscriptionFactory(
        account=customer, plan=plan, stripe_subscription_id="sub_1", status="active"
    )
    remote["sub_1"] = on_price(subscription(), "price_made_in_the_dashboard")

    post(client, event("customer.subscription.updated", remote["sub_1"]))

    local.refresh_from_db()
    assert local.status == "active"
    assert local.to_check == "unknown_price"
    assert local.stripe_prices == "price_made_in_the_dashboard"
    assert local.plan == plan  # what it was sold as
    assert access(customer)

    remote["sub_1"] = on_price(
        subscription(status="canceled"), "price_made_in_the_dashboard"
    )
    post(client, event("customer.subscription.deleted", remote["sub_1"]))

    local.refresh_from_db()
    assert local.status == "canceled"
    assert local.ended_at is not None
    assert not access(customer)


@pytest.mark.django_db
def test_a_subscription_with_several_items_is_followed_and_flagged(
    client, customer, remote
):
    remote["sub_1"] = on_price(subscription(status="past_due"), PRICE, "price_addon")

    post(client, event("customer.subscription.created", remote["sub_1"]))

    local = Subscription.objects.get()
    assert local.status == "past_due"
    assert local.to_check == "several_items"
    assert local.stripe_prices == f"{PRICE} price_addon"
    assert access(customer)


@pytest.mark.django_db
def test_a_new_subscription_on_a_price_not_ours_is_ignored(client, customer, remote):
    remote["sub_1"] = on_price(subscription(), "price_other_product")

    response, _body = post(
        client, event("customer.subscription.created", remote["sub_1"])
    )

    assert response.status_code == 200
    assert StripeEvent.objects.get().outcome == "ignored"
    assert not Subscription.objects.exists()
    assert not access(customer)


@pytest.mark.django_db
def test_a_subscription_from_our_checkout_is_ours_even_first_seen_on_another_price(
    client, customer, remote, plan
):
    # Its first events were delayed; by the time one arrives its price changed.
    remote["sub_1"] = on_price(subscription(), "price_made_in_the_dashboard")
    remote["sub_1"]["metadata"] = {
        "user_id": str(customer.user_id),
        "plan_id": str(plan.pk),
    }

    post(client, event("customer.subscription.updated", remote["sub_1"]))

    local = Subscription.objects.get()
    assert local.plan == plan
    assert local.to_check == "unknown_price"
    assert access(customer)


@pytest.mark.django_db
def test_the_newsroom_sees_the_subscriptions_to_check(
    admin_client, customer, plan, django_assert_max_num_queries
):
    SubscriptionFactory(
        account=customer,
        plan=plan,
        stripe_subscription_id="sub_odd",
        to_check="unknown_price",
        stripe_prices="price_made_in_the_dashboard",
    )
    SubscriptionFactory(account=customer, plan=plan, stripe_subscription_id="sub_ok")

    with django_assert_max_num_queries(30):
        listing = admin_client.get(
            "/admin/snippets/subscriptions/subscription/?to_check=unknown_price"
        )
    dashboard = admin_client.get("/admin/").content.decode()

    assert listing.status_code == 200
    assert [row.stripe_subscription_id for row in listing.context["object_list"]] == [
        "sub_odd"
    ]
    assert "Prix non vendu ici" in listing.content.decode()
    assert "À vérifier dans Stripe" in dashboard
    assert "?ordering=-to_check" in dashboard


# --- Emails -------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_provider_outage_never_fails_the_webhook_and_the_email_goes_later(
    client, home_page, customer, remote, provider
):
    provider.script = ["refuse"]
    payload = event("customer.subscription.created", remote["sub_1"])

    response, _body = post(client, payload)
    again, _body = post(client, payload)  # Stripe delivers it a second time

    assert (response.status_code, again.status_code) == (200, 200)
    assert StripeEvent.objects.get().outcome == "applied"
    assert access(customer)
    assert mail.outbox == []

    owed_then_sent_once("welcome:sub_1")
    assert [m.subject for m in mail.outbox] == ["[Versus] Bienvenue parmi les abonnés"]
    assert OutgoingEmail.objects.count() == 1


@pytest.mark.django_db
def test_each_failed_attempt_owes_one_email_keyed_by_the_events_attempt(
    client, customer, remote, django_capture_on_commit_callbacks
):
    remote["sub_1"] = subscription(status="past_due")
    remote["in_1"] = invoice(status="open", attempt=2)  # Stripe has tried twice now
    first = event("invoice.payment_failed", invoice(status="open", attempt=1))
    second = event("invoice.payment_failed", invoice(status="open", attempt=2))

    with django_capture_on_commit_callbacks(execute=True):
        post(client, second)
        post(client, first)  # arrives late
        post(client, second)

    keys = set(
        OutgoingEmail.objects.filter(key__startswith="payment_failed").values_list(
            "key", flat=True
        )
    )
    assert keys == {"payment_failed:in_1:1", "payment_failed:in_1:2"}
    failed = [m for m in mail.outbox if "paiement n'est pas passé" in m.subject]
    assert len(failed) == 2, [m.subject for m in mail.outbox]


@pytest.mark.django_db
def test_a_failure_already_settled_when_it_arrives_sends_nothing(
    client, customer, remote, django_capture_on_commit_callbacks
):
    remote["in_1"] = invoice(status="paid")  # the retry went through since

    with django_capture_on_commit_callbacks(execute=True):
        response, _body = post(
            client, event("invoice.payment_failed", invoice(status="open", attempt=1))
        )

    assert response.status_code == 200
    assert Payment.objects.get().status == "paid"
    assert not OutgoingEmail.objects.filter(key__startswith="payment_failed").exists()
