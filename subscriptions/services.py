"""Subscriptions change in one place: ``apply_stripe_event``, which
``payments.events.receive_event`` calls for the events this room registered
(``SubscriptionsConfig.ready``), once each. An event is a notification that
something changed: the subscription is re-fetched
from Stripe and saved as Stripe holds it, under a lock on the reader's billing
row, so duplicates are no-ops and the order of delivery does not matter. Emails
are owed in the same transaction, once per cause, and go after commit
(``core.outbox``).
"""

import datetime
import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from core.outbox import owe_email
from payments.gateway import GatewayError, get_gateway
from subscriptions.access import entitling_subscription
from subscriptions.models import (
    BillingAccount,
    Payment,
    Plan,
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
# An invoice in one of these states asks nothing more of the reader.
SETTLED = {"paid", "void"}


class CheckoutError(DomainError):
    """A checkout we cannot start; the message is for the reader."""


class SubscriptionError(DomainError):
    """A change to a subscription we cannot make; the message is for the reader."""


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


def claims(event: dict) -> bool:
    """Whether the event is about a reader's subscription: a conference's
    checkout or invoice is not (it has no subscription)."""
    obj = event["data"]["object"]
    if event["type"] == "checkout.session.completed":
        return obj.get("mode") == "subscription"
    if event["type"] in INVOICE_EVENTS:
        return _invoice_subscription(obj) is not None
    return event["type"] in SUBSCRIPTION_EVENTS


def apply_stripe_event(event: dict) -> bool:
    """Apply one event inside the caller's transaction; False if it is not ours."""
    kind = event["type"]
    obj = event["data"]["object"]
    if kind not in HANDLED:
        return False
    if kind == "checkout.session.completed":
        if obj.get("mode") != "subscription" or not obj.get("subscription"):
            return False
        return sync_subscription(
            stripe_ref(obj["subscription"]), customer_id=stripe_ref(obj.get("customer"))
        ).followed
    if kind in SUBSCRIPTION_EVENTS:
        return sync_subscription(
            obj["id"], customer_id=stripe_ref(obj.get("customer"))
        ).followed
    subscription_id = _invoice_subscription(obj)
    if subscription_id is None:
        return False  # an invoice that is not a subscription's (e.g. a conference)
    if not sync_subscription(
        subscription_id, customer_id=stripe_ref(obj.get("customer"))
    ).followed:
        return False
    _record_invoice(obj, kind)
    return True


def stripe_ref(value) -> str | None:
    """A reference as Stripe sends it: an id, or the object when expanded."""
    if isinstance(value, dict):
        return value.get("id")
    return value or None


def _invoice_subscription(invoice: dict) -> str | None:
    parent = invoice.get("parent") or {}
    details = parent.get("subscription_details") or {}
    return stripe_ref(details.get("subscription"))


def _lock_account(customer_id: str | None) -> BillingAccount | None:
    """The reader's billing row, locked until the transaction ends: every change
    about one reader is applied one at a time, in the order the locks are taken.
    None for a customer we did not create (ours are created, and committed,
    before their first checkout, so an unknown one is not a reader's)."""
    if not customer_id:
        return None
    return (
        BillingAccount.objects.select_for_update()
        .select_related("user")
        .filter(stripe_customer_id=customer_id)
        .first()
    )


def _ts(value) -> datetime.datetime | None:
    if not value:
        return None
    return datetime.datetime.fromtimestamp(value, tz=datetime.UTC)


@dataclass(frozen=True)
class Sync:
    """What ``sync_subscription`` did: ``followed`` if the subscription is one
    of ours (saved as Stripe holds it), ``changed`` if that changed anything."""

    followed: bool
    changed: bool = False


def sync_subscription(subscription_id: str, *, customer_id: str | None) -> Sync:
    """Save the subscription as Stripe holds it now.

    The reader's row is locked *before* Stripe is asked, so that two events
    about one reader are applied one after the other, each with what Stripe
    said after the previous one was saved: the last state written is Stripe's
    latest, whatever the order and speed of deliveries.

    A subscription we hold is followed whatever its price (access depends on
    its status alone); a price or a set of items we do not sell is flagged for
    the newsroom to check. One we have never seen is taken only if one of its
    prices is ours or our Checkout made it (its metadata names the reader): the
    Stripe account may sell other things."""
    account = _lock_account(customer_id)
    if account is None:
        logger.info(
            "Subscription %s: customer %s is not a reader's",
            subscription_id,
            customer_id,
        )
        return Sync(followed=False)
    remote = get_gateway().retrieve_subscription(subscription_id)
    if stripe_ref(remote.get("customer")) != account.stripe_customer_id:
        logger.warning(
            "Subscription %s belongs to %s, not to %s: ignored",
            subscription_id,
            stripe_ref(remote.get("customer")),
            account.stripe_customer_id,
        )
        return Sync(followed=False)
    items = (remote.get("items") or {}).get("data") or []
    price_ids = [stripe_ref(item.get("price")) or "" for item in items]
    plans = [plan for plan in map(_plan_for, price_ids) if plan is not None]
    local = (
        Subscription.objects.select_for_update()
        .filter(stripe_subscription_id=remote["id"])
        .first()
    )
    if local is None and not plans and not _made_by_our_checkout(remote, account):
        logger.info("Subscription %s is not on a price of ours: ignored", remote["id"])
        return Sync(followed=False)
    if local is None:
        local = Subscription(account=account, stripe_subscription_id=remote["id"])
        before = None
    else:
        before = _fields(local)
    previous_status = local.status or None
    cancel_before = (
        (local.cancel_at_period_end, local.cancel_at) if before is not None else None
    )
    if plans:
        local.plan = plans[0]
    elif local.plan_id is None:
        # First seen on a price not ours: the plan our Checkout sold, if known.
        plan_id = str(_metadata(remote).get("plan_id", ""))
        local.plan = (
            Plan.objects.filter(pk=plan_id).first() if plan_id.isdigit() else None
        )
    local.status = remote["status"]
    # Periods live on the items (API 2025-03-31 and later); with several items,
    # access lasts as long as the first one Stripe lists.
    local.current_period_end = (
        _ts(items[0].get("current_period_end")) if items else None
    )
    local.cancel_at_period_end = bool(remote.get("cancel_at_period_end"))
    local.cancel_at = _ts(remote.get("cancel_at"))
    local.ended_at = _ts(remote.get("ended_at"))
    local.stripe_prices = " ".join(price_ids)[:300]
    local.to_check = _review(price_ids, plans)
    if local.to_check and (before is None or before["to_check"] != local.to_check):
        logger.warning(
            "Subscription %s (reader %s) to check: prices %s",
            remote["id"],
            account.user_id,
            ", ".join(price_ids) or "none",
        )
    changed = before is None or _fields(local) != before
    if changed:
        local.save()
    _notify_changes(local, account.user, previous_status, cancel_before)
    if changed and local.status in Subscription.ENTITLING:
        _warn_if_paying_twice(account, local)
    return Sync(followed=True, changed=changed)


def _metadata(remote: dict) -> dict:
    return remote.get("metadata") or {}


def _made_by_our_checkout(remote: dict, account: BillingAccount) -> bool:
    """Our Checkout writes the reader's id into the subscription's metadata: a
    subscription first seen after its price was changed is still known as ours
    (events may arrive in any order)."""
    return _metadata(remote).get("user_id") == str(account.user_id)


def _review(price_ids: list[str], plans: list[Plan]) -> str:
    if len(price_ids) != 1:
        return Subscription.Review.SEVERAL_ITEMS
    if not plans:
        return Subscription.Review.UNKNOWN_PRICE
    return ""


_SYNCED = (
    "plan_id",
    "status",
    "current_period_end",
    "cancel_at_period_end",
    "cancel_at",
    "ended_at",
    "stripe_prices",
    "to_check",
)


def _fields(subscription: Subscription) -> dict:
    return {name: getattr(subscription, name) for name in _SYNCED}


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
        pk = price_id.removeprefix("demo_plan_")
        return Plan.objects.filter(pk=pk).first() if pk.isdigit() else None
    if not price_id:
        return None
    return Plan.objects.filter(stripe_price_id=price_id).first()


def _record_invoice(event_invoice: dict, kind: str) -> None:
    """The invoice as Stripe holds it, in the reader's payment history; the
    reader's row is already locked by ``sync_subscription``."""
    invoice = get_gateway().retrieve_invoice(event_invoice["id"])
    account = _lock_account(stripe_ref(invoice.get("customer")))
    if account is None:
        return
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
    fix_url = invoice.get("hosted_invoice_url") or ""
    if invoice.get("status") in SETTLED:
        # Paid (or voided) since: the reader has nothing left to do.
        return
    if kind == "invoice.payment_failed":
        # Which attempt failed is the event's fact; the invoice now may count more.
        attempt = event_invoice.get("attempt_count", invoice.get("attempt_count", 0))
        _notify(
            f"payment_failed:{invoice['id']}:{attempt}",
            "payment_failed",
            user,
            fix_url=fix_url,
        )
    elif kind == "invoice.payment_action_required":
        _notify(
            f"action_required:{invoice['id']}",
            "action_required",
            user,
            fix_url=fix_url,
        )


def _notify_changes(local, user, before, cancel_before) -> None:
    grants = local.grants_access()
    if grants and before not in Subscription.ENTITLING:
        _notify(
            f"welcome:{local.stripe_subscription_id}",
            "welcome",
            user,
            subscription_id=local.pk,
        )
    if (
        local.ends_on
        and grants
        and (local.cancel_at_period_end, local.cancel_at) != (cancel_before)
    ):
        _notify(
            f"cancel:{local.stripe_subscription_id}:{local.ends_on:%Y-%m-%d}",
            "cancellation_confirmed",
            user,
            subscription_id=local.pk,
        )
    if local.status == Subscription.Status.CANCELED and before != local.status:
        _notify(
            f"ended:{local.stripe_subscription_id}",
            "subscription_ended",
            user,
            subscription_id=local.pk,
        )


def _notify(key: str, builder: str, user, **params) -> None:
    """Owe the email in this transaction, once per key; it goes after commit, in
    the reader's language, and a provider outage only delays it."""
    owe_email(
        f"subscriptions.emails.{builder}",
        to=user.email,
        language=user.language,
        key=key,
        user_id=user.pk,
        **params,
    )


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
        get_gateway().set_cancel_at_period_end(
            subscription.stripe_subscription_id, cancel
        )
    except GatewayError:
        logger.exception("Stripe refused a cancellation change for user %s", user.pk)
        raise SubscriptionError(
            _("Stripe could not be reached; nothing changed. Please try again.")
        ) from None
    # Apply it now (the event that follows will find it already there), so the
    # reader sees the change at once. Read again under the lock rather than
    # saving the answer: an event applied meanwhile may hold a newer state.
    with transaction.atomic():
        sync_subscription(
            subscription.stripe_subscription_id,
            customer_id=subscription.account.stripe_customer_id,
        )
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
