"""The registry that routes each Stripe event to the room that owns it."""

import pytest

from payments import handlers
from payments.events import receive_event
from payments.models import StripeEvent
from tests.subscriptions.fake_stripe import event


def test_every_room_that_sells_is_registered_with_its_event_types():
    types = handlers.handled_types()

    # Readers' subscriptions and their invoices.
    assert {"customer.subscription.updated", "invoice.paid"} <= types
    # Seat orders paid through Checkout, institutions' invoices.
    assert {"checkout.session.expired", "invoice.overdue"} <= types


def test_a_seat_order_session_is_claimed_by_events_and_a_readers_by_subscriptions():
    seat = event(
        "checkout.session.completed",
        {"id": "cs_1", "mode": "payment", "metadata": {"seat_order": "7"}},
    )
    reader = event(
        "checkout.session.completed",
        {"id": "cs_2", "mode": "subscription", "subscription": "sub_1"},
    )

    def claimants(payload):
        return [
            handler.room
            for handler in handlers._handlers.values()
            if payload["type"] in handler.types and handler.claims(payload)
        ]

    assert claimants(seat) == ["events"]
    assert claimants(reader) == ["subscriptions"]


@pytest.mark.django_db
def test_an_event_no_room_claims_is_stored_and_ignored():
    payload = event("charge.refunded", {"id": "ch_1", "object": "charge"})

    record = receive_event(payload)

    assert record.outcome == StripeEvent.Outcome.IGNORED
    assert StripeEvent.objects.get(id=payload["id"]).type == "charge.refunded"


def test_dispatch_hands_the_event_to_the_claiming_room_only(monkeypatch):
    seen = []
    monkeypatch.setattr(handlers, "_handlers", {})
    handlers.register(
        "first",
        types={"invoice.paid"},
        claims=lambda e: e["data"]["object"]["metadata"].get("room") == "first",
        apply=lambda e: seen.append("first") or True,
    )
    handlers.register(
        "second",
        types={"invoice.paid"},
        apply=lambda e: seen.append("second") or True,
    )

    assert handlers.dispatch(event("invoice.paid", {"metadata": {"room": "second"}}))
    assert seen == ["second"]
    assert not handlers.dispatch(event("invoice.voided", {"metadata": {}}))
