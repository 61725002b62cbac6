"""Stripe delivering the same event twice at the same instant (PostgreSQL): the
state changes once and one email goes."""

import threading

import pytest
from django.core import mail
from django.db import connection

from subscriptions import services
from subscriptions.models import BillingNotice, StripeEvent, Subscription
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
            services.receive_event(payload)
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
    assert BillingNotice.objects.filter(key="welcome:sub_1").count() == 1
    assert len(mail.outbox) == 1
