"""Catching up with Stripe when webhooks went missing or failed here.

1. Events Stripe could not deliver (it keeps them 30 days) that were never
   applied here are applied: those of every room registered with
   ``payments.handlers`` (subscriptions, seat orders, institutions' invoices).
2. Events stored here whose application failed are applied again.
3. Every subscription Stripe holds for one of our readers is compared with ours,
   and re-read and saved where they differ (paused, cancelled, renewed or any
   other change whose event was lost).

Run hourly by the scheduler (``subscriptions.tasks.reconcile_stripe``) and by
hand with ``manage.py reconcile_stripe``; both call ``reconcile``. Running it
twice, or twice at once, changes nothing more: an event already applied is
skipped (``payments.events.receive_event`` records each once) and a
subscription that no longer differs is left alone.
"""

import dataclasses
import logging

from django.db import transaction

from payments import handlers
from payments.events import receive_event
from payments.gateway import GatewayError, get_gateway
from payments.models import StripeEvent
from subscriptions import services
from subscriptions.models import BillingAccount, Subscription

logger = logging.getLogger(__name__)


class StripeUnreachable(Exception):
    """Stripe could not be asked what it holds; nothing was changed."""


@dataclasses.dataclass
class Report:
    applied: int = 0
    retried: int = 0
    repaired: int = 0
    errors: list[str] = dataclasses.field(default_factory=list)

    @property
    def failures(self) -> int:
        return len(self.errors)

    def __str__(self) -> str:
        return (
            f"undelivered events applied: {self.applied}; failed events applied: "
            f"{self.retried}; subscriptions repaired: {self.repaired}; "
            f"failures: {self.failures}"
        )


def stripe_enabled() -> bool:
    """In demo mode there is no Stripe account to catch up with."""
    return not get_gateway().demo


def reconcile() -> Report:
    """Apply what Stripe could not deliver or what failed here, then repair the
    subscriptions that differ. Raises ``StripeUnreachable`` when Stripe cannot
    be listed; what could not be applied is in the report's ``errors``."""
    gateway = get_gateway()
    report = Report()
    try:
        undelivered = gateway.undelivered_events(sorted(handlers.handled_types()))
        remote_subscriptions = gateway.list_subscriptions()
    except GatewayError as error:
        raise StripeUnreachable(str(error)) from error
    report.applied = _apply_events(undelivered, report)
    report.retried = _apply_events(
        (
            record.payload
            for record in StripeEvent.objects.filter(outcome=StripeEvent.Outcome.FAILED)
        ),
        report,
    )
    report.repaired = _repair(remote_subscriptions, report)
    return report


def _apply_events(events, report: Report) -> int:
    """How many events this run applied that had not been applied before."""
    count = 0
    for event in events:
        known = (
            StripeEvent.objects.filter(id=event["id"])
            .values_list("outcome", flat=True)
            .first()
        )
        if known in StripeEvent.DONE:
            continue
        try:
            record = receive_event(event)
        except Exception as error:
            logger.warning("Stripe event %s not applied: %s", event.get("id"), error)
            report.errors.append(f"{event.get('id')}: {error}")
            continue
        count += record.outcome == StripeEvent.Outcome.APPLIED
    return count


def _repair(remote_subscriptions, report: Report) -> int:
    ours = set(
        BillingAccount.objects.exclude(stripe_customer_id=None).values_list(
            "stripe_customer_id", flat=True
        )
    )
    local = {
        row.stripe_subscription_id: row
        for row in Subscription.objects.exclude(stripe_subscription_id=None)
    }
    repaired = 0
    for remote in remote_subscriptions:
        customer = services.stripe_ref(remote.get("customer"))
        if customer not in ours:
            continue
        row = local.get(remote["id"])
        if row is not None and not _differs(row, remote):
            continue
        try:
            with transaction.atomic():
                sync = services.sync_subscription(remote["id"], customer_id=customer)
        except Exception as error:
            logger.warning("Subscription %s not repaired: %s", remote["id"], error)
            report.errors.append(f"{remote['id']}: {error}")
            continue
        repaired += sync.changed
    return repaired


def _differs(row: Subscription, remote: dict) -> bool:
    """Whether the listed subscription says something ours does not."""
    items = (remote.get("items") or {}).get("data") or []
    return (
        row.status != remote.get("status")
        or row.cancel_at_period_end != bool(remote.get("cancel_at_period_end"))
        or _ts(row.cancel_at) != remote.get("cancel_at")
        or _ts(row.ended_at) != remote.get("ended_at")
        or (
            bool(items)
            and _ts(row.current_period_end) != items[0].get("current_period_end")
        )
        or row.stripe_prices
        != " ".join(services.stripe_ref(i.get("price")) or "" for i in items)
    )


def _ts(moment) -> int | None:
    return int(moment.timestamp()) if moment else None
