"""Daily: catch up with Stripe when webhooks went missing or failed here.

1. Events Stripe could not deliver (it keeps them 30 days) that were never
   applied here are applied: those of every room registered with
   ``payments.handlers`` (subscriptions, seat orders, institutions' invoices).
2. Events stored here whose application failed are applied again.
3. Every subscription Stripe holds for one of our readers is compared with ours,
   and re-read and saved where they differ (paused, cancelled, renewed or any
   other change whose event was lost).

It says what it changed, 0 when nothing did, and exits non-zero only when
something could not be applied or Stripe could not be reached.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from payments import handlers
from payments.events import receive_event
from payments.gateway import GatewayError, get_gateway
from payments.models import StripeEvent
from subscriptions import services
from subscriptions.models import BillingAccount, Subscription


class Command(BaseCommand):
    help = (
        "Apply undelivered or failed Stripe events; repair subscriptions that differ."
    )

    def handle(self, *args, **options):
        gateway = get_gateway()
        self.failures = 0
        try:
            undelivered = gateway.undelivered_events(sorted(handlers.handled_types()))
            remote_subscriptions = gateway.list_subscriptions()
        except GatewayError as error:
            raise CommandError(f"Stripe could not be reached: {error}") from error
        applied = self._apply_events(undelivered)
        retried = self._apply_events(
            record.payload
            for record in StripeEvent.objects.filter(outcome=StripeEvent.Outcome.FAILED)
        )
        repaired = self._repair(remote_subscriptions)
        self.stdout.write(
            f"undelivered events applied: {applied}; failed events applied: "
            f"{retried}; subscriptions repaired: {repaired}; failures: {self.failures}"
        )
        if self.failures:
            raise CommandError(f"{self.failures} could not be applied (see above).")

    def _apply_events(self, events) -> int:
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
                self.failures += 1
                self.stderr.write(f"{event.get('id')}: {error}")
                continue
            count += record.outcome == StripeEvent.Outcome.APPLIED
        return count

    def _repair(self, remote_subscriptions) -> int:
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
                    sync = services.sync_subscription(
                        remote["id"], customer_id=customer
                    )
            except Exception as error:
                self.failures += 1
                self.stderr.write(f"{remote['id']}: {error}")
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
