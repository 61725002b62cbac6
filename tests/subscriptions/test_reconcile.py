"""reconcile_stripe catches up when webhooks went missing, and says truthfully
what it changed."""

import pytest
from django.core.management import CommandError, call_command

from payments.events import receive_event
from payments.gateway import GatewayError
from payments.models import StripeEvent
from subscriptions.factories import SubscriptionFactory
from subscriptions.models import Subscription
from tests.subscriptions.fake_stripe import event, subscription


def listing(*objects, url="/v1/subscriptions"):
    return {"object": "list", "data": list(objects), "has_more": False, "url": url}


def reconcile(capsys) -> str:
    call_command("reconcile_stripe")
    return capsys.readouterr().out.strip()


@pytest.fixture
def stripe_lists(stripe_http):
    """What Stripe lists: its subscriptions, and the events it could not deliver."""
    state = {"subscriptions": [], "events": []}
    stripe_http.route(
        "get", "/v1/subscriptions", lambda form: listing(*state["subscriptions"])
    )
    stripe_http.route(
        "get", "/v1/events", lambda form: listing(*state["events"], url="/v1/events")
    )
    return state


@pytest.mark.django_db
def test_an_undelivered_event_is_applied_once_and_counted_once(
    customer, plan, stripe_http, stripe_lists, capsys
):
    remote = subscription("sub_1")
    stripe_http.route("get", "/v1/subscriptions/sub_1", remote)
    missed = event("customer.subscription.created", remote)
    stripe_lists["events"] = [missed]
    stripe_lists["subscriptions"] = [remote]

    first = reconcile(capsys)
    second = reconcile(capsys)

    assert first == (
        "undelivered events applied: 1; failed events applied: 0; "
        "subscriptions repaired: 0; failures: 0"
    )
    assert second == (
        "undelivered events applied: 0; failed events applied: 0; "
        "subscriptions repaired: 0; failures: 0"
    )
    assert Subscription.objects.get(stripe_subscription_id="sub_1").status == "active"
    assert StripeEvent.objects.get(id=missed["id"]).outcome == "applied"
    listed = stripe_http.calls_to("get", "/v1/events")[0]["query"]
    assert listed["delivery_success"] == ["false"]
    assert "customer.subscription.created" in [
        value[0] for name, value in listed.items() if name.startswith("types[")
    ]


@pytest.mark.parametrize("status", ["paused", "canceled", "unpaid"])
@pytest.mark.django_db
def test_a_subscription_that_stopped_at_stripe_is_repaired_and_reported(
    customer, plan, stripe_http, stripe_lists, capsys, status
):
    local = SubscriptionFactory(
        account=customer, plan=plan, stripe_subscription_id="sub_2", status="active"
    )
    remote = subscription("sub_2", status=status)
    stripe_http.route("get", "/v1/subscriptions/sub_2", remote)
    stripe_lists["subscriptions"] = [remote]

    first = reconcile(capsys)
    second = reconcile(capsys)

    local.refresh_from_db()
    assert local.status == status
    assert not local.grants_access()
    assert "subscriptions repaired: 1;" in first
    assert "subscriptions repaired: 0;" in second
    # Nothing differed the second time: no subscription was fetched again.
    assert len(stripe_http.calls_to("get", "/v1/subscriptions/sub_2")) == 1


@pytest.mark.django_db
def test_subscriptions_of_other_customers_are_left_alone(
    customer, plan, stripe_http, stripe_lists, capsys
):
    stripe_lists["subscriptions"] = [subscription("sub_9", customer="cus_other")]

    output = reconcile(capsys)

    assert "subscriptions repaired: 0;" in output
    assert not Subscription.objects.exists()
    assert not stripe_http.calls_to("get", "/v1/subscriptions/sub_9")


@pytest.mark.django_db
def test_a_failed_event_is_applied_again(
    customer, plan, stripe_http, stripe_lists, capsys
):
    remote = subscription("sub_1")
    payload = event("customer.subscription.created", remote, event_id="evt_failed")
    stripe_http.failures = [500, 500, 500]
    with pytest.raises(GatewayError, match="boom"):
        receive_event(payload)
    assert StripeEvent.objects.get(id="evt_failed").outcome == "failed"
    stripe_http.route("get", "/v1/subscriptions/sub_1", remote)
    stripe_lists["subscriptions"] = [remote]

    output = reconcile(capsys)

    assert "failed events applied: 1;" in output
    assert StripeEvent.objects.get(id="evt_failed").outcome == "applied"
    assert Subscription.objects.get().status == "active"


@pytest.mark.django_db
def test_stripe_unreachable_is_a_failure(customer, stripe_http, stripe_lists):
    stripe_http.failures = [500, 500, 500]

    with pytest.raises(CommandError, match="Stripe could not be reached"):
        call_command("reconcile_stripe")
