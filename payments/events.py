"""Stripe events come in one way: ``receive_event`` stores each one once (its id
is the primary key) before it is applied, so a duplicate is recognised and a
failure leaves its trace (Stripe then retries). Applying is the registered
room's business (``payments.handlers``); it runs in the transaction that marks
the event applied, so either both happen or neither does.

The webhook, reconciliation and the demo gateway all come through here.
https://docs.stripe.com/webhooks#handle-duplicate-events
"""

import datetime
import json
import traceback

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from payments.handlers import dispatch
from payments.models import StripeEvent

__all__ = ["receive_event"]


def _created(event: dict) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(event["created"], tz=datetime.UTC)


def receive_event(event: dict, *, body: str | bytes | None = None) -> StripeEvent:
    """Store the event once, then apply it. Raises if applying failed, after
    recording why, so that the webhook answers 500 and Stripe retries.

    ``body`` is the payload exactly as it was verified (the webhook's); events
    that did not come through the webhook (reconcile, demo) are stored as their
    JSON. Whatever the source, the handlers read the plain JSON parsed from it,
    never the SDK's objects (which hold ``Decimal`` values JSON cannot store)."""
    if body is None:
        body = json.dumps(event, sort_keys=True)
    elif isinstance(body, bytes):
        body = body.decode()
    event = json.loads(body)
    try:
        with transaction.atomic():
            record, _created_now = StripeEvent.objects.get_or_create(
                id=event["id"],
                defaults={
                    "type": event["type"],
                    "livemode": bool(event.get("livemode")),
                    "api_version": event.get("api_version") or "",
                    "created": _created(event),
                    "body": body,
                    "payload": event,
                },
            )
    except IntegrityError:  # the same event, delivered twice at once
        record = StripeEvent.objects.get(id=event["id"])
    if record.outcome in StripeEvent.DONE:
        return record
    try:
        with transaction.atomic():
            # Locked: a concurrent delivery of the same event waits, then sees it done.
            record = StripeEvent.objects.select_for_update().get(pk=record.pk)
            if record.outcome in StripeEvent.DONE:
                return record
            applied = dispatch(event)
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
            attempts=F("attempts") + 1,
            error=traceback.format_exc()[-8000:],
        )
        raise
    return record
