"""Starting a subscription: our customer first, then Checkout; nothing granted
until Stripe's event is applied."""

import pytest
import stripe
from django.core import mail

from subscriptions import services
from subscriptions.access import has_reader_access
from subscriptions.factories import SubscriptionFactory
from subscriptions.models import BillingAccount, Subscription
from tests.stripe_fake.objects import build
from tests.subscriptions.fake_stripe import checkout_session


@pytest.fixture
def stripe_checkout(stripe_http, reader):
    stripe_http.route("post", "/v1/customers", build("customer", id="cus_new"))
    stripe_http.route(
        "post",
        "/v1/checkout/sessions",
        checkout_session(customer="cus_new", user_id=reader.pk),
    )
    return stripe_http


@pytest.mark.django_db
def test_checkout_creates_our_customer_once_then_the_session(
    client, reader, plan, stripe_checkout
):
    client.force_login(reader)

    first = client.post(f"/abonnement/commander/{plan.pk}/")
    second = client.post(f"/abonnement/commander/{plan.pk}/")

    assert first.status_code == second.status_code == 302
    assert first["Location"] == "https://checkout.stripe.com/c/pay/cs_test_1"
    created = stripe_checkout.calls_to("post", "/v1/customers")
    assert len(created) == 1
    assert created[0]["headers"]["Idempotency-Key"] == f"customer-create:{reader.pk}"
    assert created[0]["form"]["metadata[user_id]"] == [str(reader.pk)]
    assert BillingAccount.objects.get(user=reader).stripe_customer_id == "cus_new"
    session = stripe_checkout.calls_to("post", "/v1/checkout/sessions")[0]["form"]
    assert session["mode"] == ["subscription"]
    assert session["customer"] == ["cus_new"]
    assert session["client_reference_id"] == [str(reader.pk)]
    assert session["line_items[0][price]"] == ["price_versus_monthly"]
    assert session["metadata[user_id]"] == [str(reader.pk)]
    # The way back grants nothing by itself.
    assert not Subscription.objects.exists()
    assert not has_reader_access(reader)


@pytest.mark.django_db
def test_a_timeout_is_retried_with_the_same_idempotency_key(
    client, reader, plan, stripe_checkout
):
    stripe_checkout.failures = [
        stripe.APIConnectionError("timed out", should_retry=True)
    ]
    client.force_login(reader)

    response = client.post(f"/abonnement/commander/{plan.pk}/")

    assert response.status_code == 302
    attempts = stripe_checkout.calls_to("post", "/v1/customers")
    assert len(attempts) == 2
    assert {a["headers"]["Idempotency-Key"] for a in attempts} == {
        f"customer-create:{reader.pk}"
    }


@pytest.mark.django_db
def test_a_stripe_error_shows_a_clear_message_and_creates_nothing_half_done(
    client, reader, plan, stripe_http
):
    stripe_http.route(
        "post",
        "/v1/customers",
        {"error": {"message": "Invalid API Key", "type": "invalid_request_error"}},
        status=401,
    )
    client.force_login(reader)

    response = client.post(f"/abonnement/commander/{plan.pk}/", follow=True)

    assert "Le paiement est momentanément indisponible" in response.content.decode()
    assert not BillingAccount.objects.filter(stripe_customer_id__isnull=False).exists()
    assert not stripe_http.calls_to("post", "/v1/checkout/sessions")


@pytest.mark.django_db
def test_no_second_subscription_while_one_grants_access(reader, plan, stripe_checkout):
    SubscriptionFactory(account__user=reader, plan=plan)

    with pytest.raises(services.CheckoutError):
        services.start_checkout(reader, plan, success_url="/", cancel_url="/")
    assert not stripe_checkout.calls


@pytest.mark.django_db
def test_a_canceled_reader_may_subscribe_again(reader, plan, stripe_checkout):
    SubscriptionFactory(account__user=reader, plan=plan, status="canceled")

    url = services.start_checkout(reader, plan, success_url="/", cancel_url="/")

    assert url.startswith("https://checkout.stripe.com/")


# --- Demo mode --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_checkout_subscribes_through_the_same_events(
    client, reader, settings, django_capture_on_commit_callbacks
):
    from subscriptions.factories import PlanFactory

    settings.STRIPE_DEMO_MODE = True
    plan = PlanFactory()
    client.force_login(reader)

    start = client.post(f"/abonnement/commander/{plan.pk}/")
    page = client.get(start["Location"])
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(start["Location"], {"action": "pay"}, follow=True)

    assert "Mode démo" in page.content.decode()
    assert done.redirect_chain[-1][0].endswith("/abonnement/bienvenue/")
    assert has_reader_access(reader)
    subscription = Subscription.objects.get()
    assert subscription.stripe_subscription_id.startswith("sub_demo")
    assert subscription.account.payments.get().amount_cents == 499
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_with_keys_set_the_demo_checkout_is_unreachable(client, reader, stripe_http):
    client.force_login(reader)

    assert client.get("/abonnement/demo/anything/").status_code == 404
