"""The storm's Stripe account sends only what Stripe could send: every event of
every life cycle is whole and valid for the pinned API version."""

from tests.stripe_fake.objects import validate
from tests.stripe_fake.world import World, price


def test_every_event_of_every_life_cycle_is_whole_and_valid():
    world = World()
    world.add_customer("cus_1", email="lea@example.org", user_id=1)
    monthly = price("price_monthly", amount=499)
    first = world.subscribe("cus_1", monthly, metadata={"user_id": "1"})
    world.renew(first)
    world.fail_renewal(first, attempts=2)
    world.recover(first)
    world.require_action(first)
    world.recover(first)
    world.change_price(first, price("price_other", amount=1990))
    world.cancel_at_period_end(first, True)
    world.cancel_at_period_end(first, False)
    world.pause(first)
    world.resume(first)
    world.fail_renewal(first, attempts=3, then="unpaid")
    world.end(first)
    second = world.subscribe("cus_1", monthly, status="incomplete")
    world.expire_incomplete(second)

    problems = {
        event["id"]: errors
        for event in world.events
        if (errors := validate("event", event))
    }

    assert problems == {}
    assert {event["type"] for event in world.events} >= {
        "customer.subscription.created",
        "customer.subscription.updated",
        "customer.subscription.deleted",
        "customer.subscription.paused",
        "customer.subscription.resumed",
        "invoice.paid",
        "invoice.payment_failed",
        "invoice.payment_action_required",
        "checkout.session.completed",
    }
    assert world.failed_attempts[:2] == [
        (world.failed_attempts[0][0], 1),
        (world.failed_attempts[0][0], 2),
    ]
    assert world.subscription(first)["status"] == "canceled"
    assert world.subscription(second)["status"] == "incomplete_expired"


def test_an_event_carries_the_object_as_it_stood_then():
    world = World()
    world.add_customer("cus_1", email="lea@example.org", user_id=1)
    sub_id = world.subscribe("cus_1", price("price_monthly", amount=499))
    created = world.events[0]

    world.end(sub_id)

    assert created["data"]["object"]["status"] == "active"
    assert world.events[-1]["data"]["object"]["status"] == "canceled"
    assert world.events[-1]["data"]["previous_attributes"]["status"] == "active"
