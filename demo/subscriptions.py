"""The demo subscriber, subscribed through the demo gateway's checkout."""

from django.conf import settings
from django.contrib.auth import get_user_model

from payments.demo_gateway import DemoGateway
from payments.events import receive_event
from subscriptions import services
from subscriptions.factories import PlanFactory
from subscriptions.models import Subscription


def seed_subscriptions(*, stdout=None) -> None:
    """The €4.99 plan, and abonne@example.org subscribed through the demo checkout,
    so that the same events as a real subscriber's built their state."""
    plan = PlanFactory()
    user = get_user_model().objects.filter(email="abonne@example.org").first()
    if user is None or Subscription.objects.filter(account__user=user).exists():
        return
    if not settings.STRIPE_DEMO_MODE:
        if stdout is not None:
            stdout.write("  Stripe keys are set: abonne@example.org is not subscribed.")
        return

    gateway = DemoGateway()
    account = services.ensure_customer(user, gateway)
    checkout = {
        "user": user.pk,
        "plan": plan.pk,
        "customer": account.stripe_customer_id,
    }
    for demo_event in gateway.complete_checkout(checkout, plan):
        receive_event(demo_event)
    if stdout is not None:
        stdout.write("  subscriber: abonne@example.org (demo checkout)")
