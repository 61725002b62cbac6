import pytest

from subscriptions.factories import BillingAccountFactory, PlanFactory
from tests.subscriptions.fake_stripe import PRICE


@pytest.fixture
def plan(db):
    return PlanFactory(stripe_price_id=PRICE)


@pytest.fixture
def customer(reader):
    """The reader, with the Stripe customer we created for them."""
    return BillingAccountFactory(user=reader, stripe_customer_id="cus_1")
