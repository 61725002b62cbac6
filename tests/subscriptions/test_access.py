"""Which subscriptions give access: one table, as Stripe's statuses go."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from core.money import vat_inside
from subscriptions.access import has_reader_access
from subscriptions.factories import PlanFactory, SubscriptionFactory
from subscriptions.models import Subscription

S = Subscription.Status


@pytest.mark.parametrize(
    ("status", "access"),
    [
        (S.ACTIVE, True),
        (S.TRIALING, True),
        (S.PAST_DUE, True),
        (S.INCOMPLETE, False),
        (S.INCOMPLETE_EXPIRED, False),
        (S.UNPAID, False),
        (S.CANCELED, False),
        (S.PAUSED, False),
    ],
)
@pytest.mark.django_db
def test_access_follows_the_stripe_status(status, access):
    subscription = SubscriptionFactory(status=status)

    assert has_reader_access(subscription.account.user) is access


@pytest.mark.django_db
def test_a_complimentary_subscription_gives_access_until_its_end_date():
    today = datetime.date(2026, 11, 27)
    subscription = SubscriptionFactory(
        status=S.COMPLIMENTARY,
        stripe_subscription_id=None,
        complimentary_until=today,
    )
    user = subscription.account.user

    assert has_reader_access(user, today=today) is True
    assert has_reader_access(user, today=today + datetime.timedelta(days=1)) is False


@pytest.mark.parametrize(
    ("status", "days_left"),
    [
        (status, days_left)
        for status in S
        for days_left in (None, -1, 0, 1)
        # A complimentary subscription always has an end (a database constraint).
        if not (status == S.COMPLIMENTARY and days_left is None)
    ],
)
@pytest.mark.django_db
def test_the_query_answers_what_the_subscription_says(status, days_left):
    # has_reader_access asks the database; Subscription.grants_access decides on
    # a row in hand: both must agree, whatever the status and end date.
    today = datetime.date(2026, 12, 8)
    until = None if days_left is None else today + datetime.timedelta(days=days_left)
    subscription = SubscriptionFactory(
        status=status, stripe_subscription_id=None, complimentary_until=until
    )

    assert has_reader_access(subscription.account.user, today=today) is (
        subscription.grants_access(today)
    )


@pytest.mark.django_db
def test_an_ended_subscription_does_not_hide_a_newer_one():
    old = SubscriptionFactory(status=S.CANCELED)
    SubscriptionFactory(account=old.account, status=S.ACTIVE)

    assert has_reader_access(old.account.user) is True


def test_anonymous_visitors_have_no_access():
    assert has_reader_access(AnonymousUser()) is False


@pytest.mark.parametrize(
    ("gross", "rate", "vat"),
    [(499, Decimal("2.10"), 10), (499, Decimal("20"), 83), (1000, Decimal("0"), 0)],
)
def test_the_vat_inside_a_price_is_rounded_to_the_cent(gross, rate, vat):
    # 4.99 / 1.021 = 4.8874 -> net 4.89, VAT 0.10; 4.99 / 1.2 = 4.1583 -> 4.16, 0.83.
    assert vat_inside(gross, rate) == vat


@pytest.mark.django_db
def test_the_plan_shows_its_price_and_vat():
    plan = PlanFactory()

    assert str(plan.price) == "4.99"
    assert plan.vat_cents == 10
    assert plan.benefit_list[0] == "Tous les débats, sans limite"
