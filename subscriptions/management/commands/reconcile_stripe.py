"""Daily: catch up with Stripe when webhooks went missing.

1. Events Stripe could not deliver (the last 30 days Stripe keeps) are applied.
2. Events stored here whose application failed are applied again.
3. Subscriptions still granting access after their paid period ended are
   re-fetched and saved as Stripe holds them.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from subscriptions import services
from subscriptions.gateway import get_gateway
from subscriptions.models import StripeEvent, Subscription


class Command(BaseCommand):
    help = "Apply undelivered or failed Stripe events; re-fetch stale subscriptions."

    def handle(self, *args, **options):
        gateway = get_gateway()
        applied = failed = 0
        for event in gateway.undelivered_events(sorted(services.HANDLED)):
            applied, failed = self._apply(event, applied, failed)
        for record in StripeEvent.objects.filter(outcome=StripeEvent.Outcome.FAILED):
            applied, failed = self._apply(record.payload, applied, failed)
        stale = Subscription.objects.filter(
            status__in=Subscription.ENTITLING,
            stripe_subscription_id__isnull=False,
            current_period_end__lt=timezone.now() - datetime.timedelta(days=1),
        )
        refreshed = 0
        for subscription in stale:
            try:
                with transaction.atomic():
                    services.sync_subscription(subscription.stripe_subscription_id)
            except Exception as error:
                self.stderr.write(f"{subscription.stripe_subscription_id}: {error}")
            else:
                refreshed += 1
        self.stdout.write(
            f"events applied: {applied}, failed: {failed}; "
            f"subscriptions re-fetched: {refreshed}"
        )
        if failed:
            raise SystemExit(1)

    def _apply(self, event, applied, failed):
        try:
            services.receive_event(event)
        except Exception as error:
            self.stderr.write(f"{event.get('id')}: {error}")
            return applied, failed + 1
        return applied + 1, failed
