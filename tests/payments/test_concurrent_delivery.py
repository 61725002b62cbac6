"""Stripe delivering the same event twice at the same instant (PostgreSQL): the
state changes once and one email goes."""

import threading

import pytest
from django.core import mail
from django.db import connection

from core.models import OutgoingEmail
from payments.events import receive_event
from payments.models import StripeEvent
from subscriptions.models import Subscription
from tests.subscriptions.fake_stripe import event, subscription

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent transactions and row locks are PostgreSQL's",
    ),
    pytest.mark.django_db(transaction=True),
]


def test_a_duplicate_delivered_concurrently_is_applied_once(
    customer, plan, stripe_http
):
    stripe_http.route("get", "/v1/subscriptions/sub_1", subscription())
    payload = event(
        "customer.subscription.created", subscription(), event_id="evt_twice"
    )
    barrier = threading.Barrier(4)
    errors = []

    def deliver():
        try:
            barrier.wait()
            receive_event(payload)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert StripeEvent.objects.get(id="evt_twice").outcome == "applied"
    assert StripeEvent.objects.get(id="evt_twice").attempts == 1
    assert Subscription.objects.count() == 1
    assert OutgoingEmail.objects.filter(key="welcome:sub_1").count() == 1
    assert len(mail.outbox) == 1


def test_a_slow_fetch_for_an_older_event_never_overwrites_a_newer_state(
    customer, plan, stripe_http
):
    """Event A's fetch is slow and answers what Stripe held then (active); by the
    time it lands, Stripe has cancelled and event B arrived. The reader's row is
    locked before asking Stripe, so B waits for A, then reads what Stripe holds
    after A: the state saved last is Stripe's latest."""
    truth = {"sub": subscription()}
    first_fetch_started = threading.Event()
    release_first_fetch = threading.Event()
    fetches = []

    def answer(form):
        seen = truth["sub"]
        fetches.append(seen["status"])
        if len(fetches) == 1:
            first_fetch_started.set()
            release_first_fetch.wait(timeout=20)
        return seen

    stripe_http.route("get", "/v1/subscriptions/sub_1", answer)
    errors = []

    def deliver(payload):
        try:
            receive_event(payload)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    older = threading.Thread(
        target=deliver,
        args=(event("customer.subscription.updated", subscription()),),
    )
    older.start()
    assert first_fetch_started.wait(timeout=20)
    truth["sub"] = subscription(status="canceled")
    newer = threading.Thread(
        target=deliver,
        args=(event("customer.subscription.deleted", truth["sub"]),),
    )
    newer.start()
    newer.join(timeout=1)  # it waits on the reader's lock, without asking Stripe
    assert newer.is_alive()
    assert fetches == ["active"]
    release_first_fetch.set()
    older.join(timeout=30)
    newer.join(timeout=30)

    assert errors == []
    assert fetches == ["active", "canceled"]
    assert Subscription.objects.get(stripe_subscription_id="sub_1").status == "canceled"
