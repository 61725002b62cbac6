"""reconcile_stripe catches up when webhooks went missing."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from subscriptions.factories import SubscriptionFactory
from subscriptions.models import StripeEvent, Subscription
from tests.subscriptions.fake_stripe import event, subscription


@pytest.mark.django_db
def test_undelivered_events_and_stale_subscriptions_are_caught_up(
    customer, plan, stripe_http
):
    # sub_2 ended at Stripe, but the event never reached us.
    stale = SubscriptionFactory(
        account=customer,
        plan=plan,
        stripe_subscription_id="sub_2",
        current_period_end=timezone.now() - datetime.timedelta(days=3),
    )
    stripe_http.route(
        "get", "/v1/subscriptions/sub_2", subscription("sub_2", status="canceled")
    )
    # sub_1 was created at Stripe; its event is in Stripe's undelivered list.
    stripe_http.route("get", "/v1/subscriptions/sub_1", subscription("sub_1"))
    missed = event("customer.subscription.created", subscription("sub_1"))
    stripe_http.route(
        "get",
        "/v1/events",
        {"object": "list", "data": [missed], "has_more": False, "url": "/v1/events"},
    )

    call_command("reconcile_stripe")

    stale.refresh_from_db()
    assert stale.status == "canceled"
    assert Subscription.objects.get(stripe_subscription_id="sub_1").status == "active"
    assert StripeEvent.objects.get(id=missed["id"]).outcome == "applied"
    listed = stripe_http.calls_to("get", "/v1/events")[0]["query"]
    assert listed["delivery_success"] == ["false"]
    assert listed["types[1]"] == ["customer.subscription.created"]
