"""Billing emails, HTML and text, in the active language (the reader's: the
caller sets it). Each is sent once per cause, after commit (``services``)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from config.emails import send_templated


def _account_url() -> str:
    from debates.polls.selectors import absolute

    return absolute(reverse("subscriptions:account"))


def _send(subject, template, *, user, **context):
    send_templated(
        subject=subject,
        template=f"subscriptions/email/{template}",
        context={"user": user, "account_url": _account_url(), **context},
        to=[user.email],
    )


def send_welcome(*, user, subscription):
    _send(
        _("[Versus] Welcome, subscriber"),
        "welcome",
        user=user,
        subscription=subscription,
    )


def send_payment_failed(*, user, invoice):
    _send(
        _("[Versus] Your payment did not go through"),
        "payment_failed",
        user=user,
        fix_url=invoice.get("hosted_invoice_url") or _account_url(),
    )


def send_action_required(*, user, invoice):
    _send(
        _("[Versus] Your bank asks you to confirm the payment"),
        "action_required",
        user=user,
        fix_url=invoice.get("hosted_invoice_url") or _account_url(),
    )


def send_cancellation_confirmed(*, user, subscription):
    _send(
        _("[Versus] Your cancellation is confirmed"),
        "cancellation_confirmed",
        user=user,
        subscription=subscription,
    )


def send_subscription_ended(*, user, subscription):
    _send(
        _("[Versus] Your subscription has ended"),
        "subscription_ended",
        user=user,
        subscription=subscription,
    )
