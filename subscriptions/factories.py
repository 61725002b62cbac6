"""Test and demo data for subscriptions."""

import factory

from subscriptions.models import BillingAccount, Plan, Subscription


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("name",)

    name = "Abonnement mensuel"
    price_cents = 499
    currency = "EUR"
    interval = Plan.Interval.MONTH
    stripe_price_id = ""
    benefits = (
        "Tous les débats, sans limite\n"
        "Les éditions papier en PDF\n"
        "Sans engagement : résiliable en trois clics"
    )


class BillingAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BillingAccount
        django_get_or_create = ("user",)

    user = factory.SubFactory("accounts.factories.UserFactory", verified=True)


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """An active Stripe subscription by default."""

    class Meta:
        model = Subscription

    account = factory.SubFactory(BillingAccountFactory)
    plan = factory.SubFactory(PlanFactory)
    stripe_subscription_id = factory.Sequence(lambda n: f"sub_test{n:06d}")
    status = Subscription.Status.ACTIVE
