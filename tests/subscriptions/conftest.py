import pytest

from subscriptions import gateway
from subscriptions.factories import BillingAccountFactory, PlanFactory
from tests.subscriptions.fake_stripe import PRICE, FakeStripeHTTP

WEBHOOK_SECRET = "whsec_test_versus"


@pytest.fixture
def stripe_http(settings, monkeypatch):
    """Stripe mode, with the SDK talking to an offline fake."""
    settings.STRIPE_SECRET_KEY = "sk_test_versus"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_DEMO_MODE = False
    fake = FakeStripeHTTP()
    monkeypatch.setattr(gateway, "http_client", fake)
    return fake


@pytest.fixture
def plan(db):
    return PlanFactory(stripe_price_id=PRICE)


@pytest.fixture
def customer(reader):
    """The reader, with the Stripe customer we created for them."""
    return BillingAccountFactory(user=reader, stripe_customer_id="cus_1")
