"""The demo plans and subscribers, from ``plans.yaml`` and ``accounts.yaml``.

A subscriber is subscribed through the demo gateway's checkout, so that the same
Stripe-shaped events as a real subscriber's build their state."""

from django.conf import settings

from payments.demo_gateway import DemoGateway
from payments.events import receive_event
from subscriptions import services
from subscriptions.factories import PlanFactory
from subscriptions.models import Subscription

__all__ = ["seed_subscriptions"]


def seed_subscriptions(plans: list[dict], *, subscribers: list, stdout) -> None:
    """The plans, and each subscriber not subscribed yet on the first plan."""
    if not plans:
        return
    plan, *_others = [
        PlanFactory(
            name=spec["name"],
            price_cents=spec["price_eur"],  # in cents: demo.schema.Euros
            interval=spec["interval"],
            benefits="\n".join(spec["benefits"]),
        )
        for spec in plans
    ]
    for user in subscribers:
        if Subscription.objects.filter(account__user=user).exists():
            continue
        if not settings.STRIPE_DEMO_MODE:
            stdout.write(f"  Stripe keys are set: {user.email} is not subscribed.")
            continue
        gateway = DemoGateway()
        account = services.ensure_customer(user, gateway)
        checkout = {
            "user": user.pk,
            "plan": plan.pk,
            "customer": account.stripe_customer_id,
        }
        for demo_event in gateway.complete_checkout(checkout, plan):
            receive_event(demo_event)
        stdout.write(f"  subscriber: {user.email} (demo checkout)")
