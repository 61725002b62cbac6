"""Subscriptions change in one place: ``receive_event`` applies a Stripe event.

Each event is stored once (its id is the primary key) before it is applied, so a
duplicate is recognised and a failure leaves its trace (Stripe then retries). An
event is a notification that something changed: the subscription is re-fetched
from Stripe and saved as Stripe holds it, under a lock on the reader's billing
row, so duplicates are no-ops and the order of delivery does not matter. Emails
go after commit, once per business key (``BillingNotice``).
"""

import datetime
import logging
import traceback

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from config.errors import DomainError
from subscriptions import emails
from subscriptions.access import entitling_subscription
from subscriptions.gateway import GatewayError, get_gateway
from subscriptions.models import (
    BillingAccount,
    BillingNotice,
    Payment,
    Plan,
    StripeEvent,
    Subscription,
)

logger = logging.getLogger(__name__)

SUBSCRIPTION_EVENTS = {
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
    "customer.subscription.paused",
    "customer.subscription.resumed",
}
INVOICE_EVENTS = {
    "invoice.paid",
    "invoice.payment_failed",
    "invoice.payment_action_required",
}
HANDLED = SUBSCRIPTION_EVENTS | INVOICE_EVENTS | {"checkout.session.completed"}


class CheckoutError(DomainError):
    """A checkout we cannot start; the message is for the reader."""


class SubscriptionError(DomainError):
    """A change to a subscription we cannot make; the message is for the reader."""


class EventNotApplicable(Exception):
    """The event cannot be applied yet (e.g. an unknown customer): Stripe retries."""


# --- Customers and Checkout -------------------------------------------------------


def ensure_customer(user, gateway=None) -> BillingAccount:
    """The reader's billing account with its Stripe customer, created once."""
    account, _created = BillingAccount.objects.get_or_create(user=user)
    if account.stripe_customer_id:
        return account
    gateway = gateway or get_gateway()
    with transaction.atomic():
        account = BillingAccount.objects.select_for_update().get(pk=account.pk)
        if not account.stripe_customer_id:
            account.stripe_customer_id = gateway.create_customer(user)
            account.save(update_fields=["stripe_customer_id"])
    return account


def start_checkout(user, plan: Plan, *, success_url: str, cancel_url: str) -> str:
    """The URL of the checkout for ``plan``; nothing is granted until Stripe says
    the subscription exists."""
    if not plan.is_active:
        raise CheckoutError(_("This offer is no longer on sale."))
    if entitling_subscription(user) is not None:
        raise CheckoutError(_("You already have a subscription that gives access."))
    gateway = get_gateway()
    if not gateway.demo and not plan.stripe_price_id:
        raise CheckoutError(_("This offer cannot be paid online yet."))
    try:
        account = ensure_customer(user, gateway)
        return gateway.create_checkout_session(
            customer_id=account.stripe_customer_id,
            user=user,
            plan=plan,
            success_url=success_url,
            cancel_url=cancel_url,
        )
    except GatewayError:
        logger.exception("Stripe refused to start a checkout for user %s", user.pk)
        raise CheckoutError(
            _(
                "Payment is unavailable at the moment; nothing was charged. "
                "Please try again in a few minutes."
            )
        ) from None


# --- Events -----------------------------------------------------------------------


def _created(event: dict) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(event["created"], tz=datetime.UTC)


def receive_event(event: dict) -> StripeEvent:
    """Store the event once, then apply it. Raises if applying failed, after
    recording why, so that the webhook answers 500 and Stripe retries."""
    try:
        with transaction.atomic():
            record, _created_now = StripeEvent.objects.get_or_create(
                id=event["id"],
                defaults={
                    "type": event["type"],
                    "livemode": bool(event.get("livemode")),
                    "api_version": event.get("api_version") or "",
                    "created": _created(event),
                    "payload": event,
                },
            )
    except IntegrityError:  # the same event, delivered twice at once
        record = StripeEvent.objects.get(id=event["id"])
    if record.outcome in (StripeEvent.Outcome.APPLIED, StripeEvent.Outcome.IGNORED):
        return record
    try:
        with transaction.atomic():
            # Locked: a concurrent delivery of the same event waits, then sees it done.
            record = StripeEvent.objects.select_for_update().get(pk=record.pk)
            if record.outcome in (
                StripeEvent.Outcome.APPLIED,
                StripeEvent.Outcome.IGNORED,
            ):
                return record
            applied = apply_stripe_event(event)
            record.outcome = (
                StripeEvent.Outcome.APPLIED if applied else StripeEvent.Outcome.IGNORED
            )
            record.processed_at = timezone.now()
            record.attempts += 1
            record.error = ""
            record.save(update_fields=["outcome", "processed_at", "attempts", "error"])
    except Exception:
        StripeEvent.objects.filter(pk=record.pk).update(
            outcome=StripeEvent.Outcome.FAILED,
            attempts=record.attempts + 1,
            error=traceback.format_exc()[-8000:],
        )
        raise
    return record


def apply_stripe_event(event: dict) -> bool:
    """Apply one event inside the caller's transaction; False if it is not ours."""
    from events import services as events

    if events.handles(event):  # seats and institutions' invoices
        return events.apply_stripe_event(event)
    kind = event["type"]
    obj = event["data"]["object"]
    if kind not in HANDLED:
        return False
    if kind == "checkout.session.completed":
        if obj.get("mode") != "subscription" or not obj.get("subscription"):
            return False
        return sync_subscription(obj["subscription"], customer_id=obj.get("customer"))
    if kind in SUBSCRIPTION_EVENTS:
        return sync_subscription(obj["id"], customer_id=obj.get("customer"))
    subscription_id = _invoice_subscription(obj)
    if subscription_id is None:
        return False  # an invoice that is not a subscription's (e.g. a conference)
    if not sync_subscription(subscription_id, customer_id=obj.get("customer")):
        return False
    _record_invoice(obj["id"], kind)
    return True


def _invoice_subscription(invoice: dict) -> str | None:
    parent = invoice.get("parent") or {}
    details = parent.get("subscription_details") or {}
    return details.get("subscription")


def _account_for(customer_id: str | None) -> BillingAccount:
    account = (
        BillingAccount.objects.select_for_update()
        .select_related("user")
        .filter(stripe_customer_id=customer_id)
        .first()
    )
    if account is None:
        # Our customers are created before their first checkout; an unknown one
        # is either not ours or not yet committed: let Stripe retry.
        raise EventNotApplicable(f"No billing account for customer {customer_id}")
    return account


def _ts(value) -> datetime.datetime | None:
    if not value:
        return None
    return datetime.datetime.fromtimestamp(value, tz=datetime.UTC)


def sync_subscription(subscription_id: str, *, customer_id=None, data=None) -> bool:
    """Save the subscription as Stripe holds it now; False if it is not ours."""
    remote = data or get_gateway().retrieve_subscription(subscription_id)
    items = (remote.get("items") or {}).get("data") or []
    if len(items) != 1:
        return False
    price_id = (items[0].get("price") or {}).get("id", "")
    plan = _plan_for(price_id)
    if plan is None:
        return False
    account = _account_for(remote.get("customer") or customer_id)
    local = (
        Subscription.objects.select_for_update()
        .filter(stripe_subscription_id=remote["id"])
        .first()
    )
    before = local.status if local else None
    cancel_before = (local.cancel_at_period_end, local.cancel_at) if local else None
    if local is None:
        local = Subscription(account=account, stripe_subscription_id=remote["id"])
    local.plan = plan
    local.status = remote["status"]
    local.current_period_end = _ts(items[0].get("current_period_end"))
    local.cancel_at_period_end = bool(remote.get("cancel_at_period_end"))
    local.cancel_at = _ts(remote.get("cancel_at"))
    local.ended_at = _ts(remote.get("ended_at"))
    local.save()
    _notify_changes(local, account.user, before, cancel_before)
    if local.status in Subscription.ENTITLING:
        _warn_if_paying_twice(account, local)
    return True


def _warn_if_paying_twice(account, local) -> None:
    """Two paid subscriptions at once (two Checkout tabs): the newsroom must
    cancel and refund one; Stripe holds both, so we only raise the alarm."""
    others = (
        account.subscriptions.filter(status__in=Subscription.ENTITLING)
        .exclude(pk=local.pk)
        .exclude(stripe_subscription_id__isnull=True)
        .values_list("stripe_subscription_id", flat=True)
    )
    if others:
        logger.error(
            "Reader %s pays twice: %s and %s; cancel and refund one in Stripe.",
            account.user_id,
            local.stripe_subscription_id,
            ", ".join(others),
        )


def _plan_for(price_id: str) -> Plan | None:
    if price_id.startswith("demo_plan_"):
        return Plan.objects.filter(pk=price_id.removeprefix("demo_plan_")).first()
    if not price_id:
        return None
    return Plan.objects.filter(stripe_price_id=price_id).first()


def _record_invoice(invoice_id: str, kind: str) -> None:
    invoice = get_gateway().retrieve_invoice(invoice_id)
    account = _account_for(invoice.get("customer"))
    tax = sum(t.get("amount", 0) for t in invoice.get("total_taxes") or [])
    Payment.objects.update_or_create(
        stripe_invoice_id=invoice["id"],
        defaults={
            "account": account,
            "status": invoice.get("status") or "",
            "amount_cents": invoice.get("amount_paid") or invoice.get("total") or 0,
            "tax_cents": tax,
            "currency": (invoice.get("currency") or "eur").upper(),
            "hosted_invoice_url": invoice.get("hosted_invoice_url") or "",
            "invoice_pdf": invoice.get("invoice_pdf") or "",
            "period_start": _ts(invoice.get("period_start")),
            "period_end": _ts(invoice.get("period_end")),
            "created": _ts(invoice.get("created")) or timezone.now(),
        },
    )
    user = account.user
    if kind == "invoice.payment_failed":
        key = f"payment_failed:{invoice['id']}:{invoice.get('attempt_count', 0)}"
        _notify(key, emails.send_payment_failed, user, invoice=invoice)
    elif kind == "invoice.payment_action_required":
        key = f"action_required:{invoice['id']}"
        _notify(key, emails.send_action_required, user, invoice=invoice)


def _notify_changes(local, user, before, cancel_before) -> None:
    grants = local.grants_access()
    if grants and before not in Subscription.ENTITLING:
        _notify(
            f"welcome:{local.stripe_subscription_id}",
            emails.send_welcome,
            user,
            subscription=local,
        )
    if (
        local.ends_on
        and grants
        and (local.cancel_at_period_end, local.cancel_at) != (cancel_before)
    ):
        _notify(
            f"cancel:{local.stripe_subscription_id}:{local.ends_on:%Y-%m-%d}",
            emails.send_cancellation_confirmed,
            user,
            subscription=local,
        )
    if local.status == Subscription.Status.CANCELED and before != local.status:
        _notify(
            f"ended:{local.stripe_subscription_id}",
            emails.send_subscription_ended,
            user,
            subscription=local,
        )


def _notify(key: str, send, user, **context) -> None:
    """Send once per key, after commit, in the reader's language."""
    try:
        with transaction.atomic():
            BillingNotice.objects.create(key=key)
    except IntegrityError:
        return

    def deliver():
        with translation.override(user.language):
            send(user=user, **context)

    transaction.on_commit(deliver)


# --- The reader's own changes -----------------------------------------------------


def cancel(user) -> Subscription:
    """Cancel at period end (no refund, no commitment); the email goes at once."""
    return _set_cancel(user, True)


def resume(user) -> Subscription:
    """Undo a cancellation before its end date."""
    return _set_cancel(user, False)


def _set_cancel(user, cancel: bool) -> Subscription:
    subscription = entitling_subscription(user)
    if subscription is None or not subscription.stripe_subscription_id:
        raise SubscriptionError(_("You have no subscription to change."))
    if subscription.cancel_at_period_end == cancel:
        return subscription
    try:
        remote = get_gateway().set_cancel_at_period_end(
            subscription.stripe_subscription_id, cancel
        )
    except GatewayError:
        logger.exception("Stripe refused a cancellation change for user %s", user.pk)
        raise SubscriptionError(
            _("Stripe could not be reached; nothing changed. Please try again.")
        ) from None
    # Stripe's answer is the new state: apply it now (the event that follows will
    # find it already there), so the reader sees the change and gets the email.
    with transaction.atomic():
        sync_subscription(subscription.stripe_subscription_id, data=remote)
    subscription.refresh_from_db()
    return subscription


def portal_url(user, return_url: str) -> str:
    account = BillingAccount.objects.filter(user=user).first()
    if account is None or not account.stripe_customer_id:
        raise SubscriptionError(_("You have no payment method on file."))
    try:
        return get_gateway().create_portal_session(
            customer_id=account.stripe_customer_id, return_url=return_url
        )
    except GatewayError:
        raise SubscriptionError(
            _("Stripe could not be reached. Please try again.")
        ) from None


# --- Complimentary subscriptions (press, partners) ---------------------------------


def grant_complimentary(*, email: str, until, editor, note: str = "") -> Subscription:
    """Access without Stripe until ``until``, for a reader who has an account."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise SubscriptionError(_("No reader has an account with this address."))
    if until < timezone.localdate():
        raise SubscriptionError(_("The end date is already past."))
    account, _created = BillingAccount.objects.get_or_create(user=user)
    return Subscription.objects.create(
        account=account,
        status=Subscription.Status.COMPLIMENTARY,
        complimentary_until=until,
        granted_by=editor,
        note=note[:200],
    )
