"""Billing emails, HTML and text. Each is a builder for the outgoing queue
(``core.outbox``): owed by ``services`` when Stripe's state changes, built and
sent after commit in the reader's language."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _

from core.links import absolute_url
from core.outbox import compose
from subscriptions.models import Subscription


def _account_url() -> str:
    return absolute_url(reverse("subscriptions:account"))


def _message(subject, template, *, user_id, **context):
    user = get_user_model().objects.get(pk=user_id)
    return compose(
        subject=subject,
        template=f"subscriptions/email/{template}",
        context={"user": user, "account_url": _account_url(), **context},
        to=[user.email],
    )


def welcome(*, user_id: int, subscription_id: int):
    return _message(
        _("[Versus] Welcome, subscriber"),
        "welcome",
        user_id=user_id,
        subscription=Subscription.objects.get(pk=subscription_id),
    )


def payment_failed(*, user_id: int, fix_url: str):
    return _message(
        _("[Versus] Your payment did not go through"),
        "payment_failed",
        user_id=user_id,
        fix_url=fix_url or _account_url(),
    )


def action_required(*, user_id: int, fix_url: str):
    return _message(
        _("[Versus] Your bank asks you to confirm the payment"),
        "action_required",
        user_id=user_id,
        fix_url=fix_url or _account_url(),
    )


def cancellation_confirmed(*, user_id: int, subscription_id: int):
    return _message(
        _("[Versus] Your cancellation is confirmed"),
        "cancellation_confirmed",
        user_id=user_id,
        subscription=Subscription.objects.get(pk=subscription_id),
    )


def subscription_ended(*, user_id: int, subscription_id: int):
    return _message(
        _("[Versus] Your subscription has ended"),
        "subscription_ended",
        user_id=user_id,
        subscription=Subscription.objects.get(pk=subscription_id),
    )
