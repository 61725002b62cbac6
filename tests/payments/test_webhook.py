"""The webhook: verified, stored once, applied by re-fetching from Stripe."""

import time

import pytest
from django.core import mail

from payments.models import StripeEvent
from subscriptions.access import has_reader_access
from subscriptions.models import Payment, Subscription
from tests.conftest import WEBHOOK_SECRET
from tests.stripe_fake.objects import build
from tests.subscriptions.fake_stripe import (
    checkout_session,
    event,
    invoice,
    signed,
    subscription,
)

URL = "/stripe/webhook/"


def post(client, payload, *, secret=WEBHOOK_SECRET, timestamp=None):
    body, header = signed(payload, secret, timestamp=timestamp)
    return client.post(
        URL, body, content_type="application/json", headers={"Stripe-Signature": header}
    )


@pytest.fixture
def remote(stripe_http, plan):
    """What Stripe holds for sub_1, changeable by the test."""
    state = {"sub": subscription()}
    stripe_http.route("get", "/v1/subscriptions/sub_1", lambda form: state["sub"])
    stripe_http.route("get", "/v1/invoices/in_1", invoice())
    return state


@pytest.mark.django_db
def test_a_bad_signature_is_refused_and_changes_nothing(client, customer, remote):
    response = post(
        client,
        event("customer.subscription.created", remote["sub"]),
        secret="whsec_wrong",
    )

    assert response.status_code == 400
    assert response.content == b"invalid payload"
    assert not StripeEvent.objects.exists()
    assert not Subscription.objects.exists()


@pytest.mark.django_db
def test_a_stale_signature_is_refused(client, customer, remote):
    response = post(
        client,
        event("customer.subscription.created", remote["sub"]),
        timestamp=int(time.time()) - 3600,
    )

    assert response.status_code == 400
    assert not Subscription.objects.exists()


@pytest.mark.django_db
def test_checkout_completed_grants_access_from_the_refetched_subscription(
    client, customer, remote, stripe_http, django_capture_on_commit_callbacks
):
    # The payload's own subscription id is all that is read from it.
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, event("checkout.session.completed", checkout_session()))

    assert response.status_code == 200
    local = Subscription.objects.get(stripe_subscription_id="sub_1")
    assert local.status == "active"
    assert local.account == customer
    assert has_reader_access(customer.user)
    assert stripe_http.calls_to("get", "/v1/subscriptions/sub_1")
    assert stripe_http.calls[0]["headers"]["Stripe-Version"] == "2026-10-28.endive"
    assert [m.subject for m in mail.outbox] == ["[Versus] Bienvenue parmi les abonnés"]


@pytest.mark.django_db
def test_the_same_event_twice_changes_state_once_and_sends_one_email(
    client, customer, remote, django_capture_on_commit_callbacks
):
    payload = event("customer.subscription.created", remote["sub"], event_id="evt_same")

    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, payload)
        second = post(client, payload)

    assert (first.status_code, second.status_code) == (200, 200)
    assert StripeEvent.objects.get(id="evt_same").outcome == "applied"
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_events_in_any_order_end_in_the_state_stripe_holds(client, customer, remote):
    # Stripe now says: cancelled. The older "updated" event arrives last.
    remote["sub"] = subscription(status="canceled")
    post(client, event("customer.subscription.deleted", remote["sub"]))
    post(client, event("customer.subscription.updated", subscription(status="active")))

    local = Subscription.objects.get()
    assert local.status == "canceled"
    assert not has_reader_access(customer.user)


@pytest.mark.parametrize(
    ("status", "access"),
    [
        ("active", True),
        ("trialing", True),
        ("past_due", True),
        ("incomplete", False),
        ("incomplete_expired", False),
        ("unpaid", False),
        ("canceled", False),
        ("paused", False),
    ],
)
@pytest.mark.django_db
def test_every_status_transition_from_active(client, customer, remote, status, access):
    post(client, event("customer.subscription.created", remote["sub"]))
    remote["sub"] = subscription(status=status)

    post(client, event("customer.subscription.updated", remote["sub"]))

    assert Subscription.objects.get().status == status
    assert has_reader_access(customer.user) is access


@pytest.mark.django_db
def test_a_price_that_is_not_ours_is_ignored(client, customer, remote):
    remote["sub"] = subscription(price="price_someone_else")

    response = post(client, event("customer.subscription.created", remote["sub"]))

    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert StripeEvent.objects.get().outcome == "ignored"


@pytest.mark.django_db
def test_other_event_types_are_acknowledged_and_ignored(client, customer, remote):
    response = post(client, event("customer.created", build("customer", id="cus_1")))

    assert response.status_code == 200
    assert StripeEvent.objects.get().outcome == "ignored"


@pytest.mark.django_db
def test_a_customer_we_did_not_create_is_ignored_not_retried_for_ever(
    client, remote, stripe_http
):
    # Ours are created and committed before their first checkout: an unknown
    # customer belongs to something else sold on the same Stripe account.
    response = post(client, event("customer.subscription.created", remote["sub"]))

    assert response.status_code == 200
    assert StripeEvent.objects.get().outcome == "ignored"
    assert not Subscription.objects.exists()
    assert not stripe_http.calls


@pytest.mark.django_db
def test_a_stripe_outage_during_the_refetch_answers_500_and_a_retry_applies(
    client, customer, remote, stripe_http
):
    payload = event(
        "customer.subscription.created", remote["sub"], event_id="evt_retry"
    )
    stripe_http.failures = [500, 500, 500]  # the SDK retries twice, then gives up

    failed = post(client, payload)
    applied = post(client, payload)

    assert (failed.status_code, applied.status_code) == (500, 200)
    assert StripeEvent.objects.get(id="evt_retry").attempts == 2
    assert Subscription.objects.get().status == "active"


@pytest.mark.django_db
def test_invoice_paid_records_the_payment_with_its_vat(client, customer, remote):
    post(client, event("invoice.paid", invoice()))

    payment = Payment.objects.get()
    assert (payment.amount_cents, payment.tax_cents) == (499, 10)
    assert payment.amount_display == "4,99\u00a0€"
    assert payment.hosted_invoice_url == "https://invoice.stripe.com/i/in_1"


@pytest.mark.django_db
def test_a_failed_payment_emails_the_fix_link_once_per_attempt(
    client, customer, remote, stripe_http, django_capture_on_commit_callbacks
):
    post(client, event("customer.subscription.created", remote["sub"]))
    mail.outbox.clear()
    remote["sub"] = subscription(status="past_due")
    stripe_http.route("get", "/v1/invoices/in_1", invoice(status="open", attempt=1))
    failed = event("invoice.payment_failed", invoice(status="open"))

    with django_capture_on_commit_callbacks(execute=True):
        post(client, failed)
        post(client, {**failed, "id": "evt_redelivered_as_new"})

    assert [m.subject for m in mail.outbox] == [
        "[Versus] Votre paiement n'est pas passé"
    ]
    assert "https://invoice.stripe.com/i/in_1" in mail.outbox[0].body
    assert has_reader_access(customer.user)  # past_due keeps access while retrying


@pytest.mark.django_db
def test_a_second_paid_subscription_raises_the_alarm(
    client, customer, remote, stripe_http, caplog
):
    post(client, event("customer.subscription.created", remote["sub"]))
    stripe_http.route("get", "/v1/subscriptions/sub_2", subscription("sub_2"))

    post(client, event("customer.subscription.created", subscription("sub_2")))

    assert Subscription.objects.filter(status="active").count() == 2
    alarms = [r for r in caplog.records if r.levelname == "ERROR"]
    assert "pays twice: sub_2 and sub_1" in alarms[-1].getMessage()


@pytest.mark.django_db
def test_3d_secure_and_the_end_each_send_their_email_once(
    client, customer, remote, stripe_http, django_capture_on_commit_callbacks
):
    post(client, event("customer.subscription.created", remote["sub"]))
    mail.outbox.clear()
    stripe_http.route("get", "/v1/invoices/in_1", invoice(status="open"))
    action = event("invoice.payment_action_required", invoice(status="open"))
    ended = event("customer.subscription.deleted", subscription(status="canceled"))

    with django_capture_on_commit_callbacks(execute=True):
        post(client, action)
        post(client, action)
        remote["sub"] = subscription(status="canceled")
        post(client, ended)
        post(client, ended)

    assert [m.subject for m in mail.outbox] == [
        "[Versus] Votre banque vous demande de confirmer le paiement",
        "[Versus] Votre abonnement a pris fin",
    ]
    assert "https://invoice.stripe.com/i/in_1" in mail.outbox[0].body
    assert mail.outbox[0].alternatives[0][1] == "text/html"


@pytest.mark.django_db
def test_emails_speak_the_readers_language(
    client, customer, remote, django_capture_on_commit_callbacks
):
    customer.user.language = "en"
    customer.user.save()

    with django_capture_on_commit_callbacks(execute=True):
        post(client, event("customer.subscription.created", remote["sub"]))

    assert mail.outbox[0].subject == "[Versus] Welcome, subscriber"
