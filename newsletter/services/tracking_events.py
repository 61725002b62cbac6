"""The provider's tracking events (Anymail's ``tracking`` signal), applied to the
suppression list, the soft-bounce streaks and the deliveries.

Anymail's webhook view checks the basic-auth secret (``ANYMAIL_WEBHOOK_SECRET``)
and normalises each provider's payload; this module only decides:

* a hard bounce or a complaint suppresses the address at once;
* a soft bounce adds one to the address's streak, and the third in a row
  suppresses it; a delivery resets the streak;
* an unsubscription made at the provider unsubscribes the address from every list.

Events may come twice (providers retry): suppressing is idempotent, and a streak
does not count the same event id twice. An exception here makes Anymail answer
500, so that the provider retries. https://anymail.dev/en/stable/sending/tracking/
"""

import logging

from anymail.signals import EventType, RejectReason
from django.db import transaction
from django.db.models import F

from newsletter.models import (
    SOFT_BOUNCES_BEFORE_SUPPRESSION,
    ConsentEvent,
    Delivery,
    SoftBounceStreak,
    Subscriber,
    Subscription,
    Suppression,
)
from newsletter.services.consent import normalise, unsubscribe_address

logger = logging.getLogger(__name__)

HARD, SOFT, COMPLAINT, DELIVERED, UNSUBSCRIBED = (
    "hard",
    "soft",
    "complaint",
    "delivered",
    "unsubscribed",
)
# Postmark's bounce types that are temporary (https://postmarkapp.com/developer/
# api/bounce-api#bounce-types); Brevo names its event "soft_bounce".
SOFT_BOUNCE_TYPES = {"SoftBounce", "Transient", "DnsError"}
DELIVERY_STATUS = {
    HARD: Delivery.Status.BOUNCED,
    SOFT: Delivery.Status.BOUNCED,
    COMPLAINT: Delivery.Status.COMPLAINED,
    DELIVERED: Delivery.Status.DELIVERED,
}


def classify(event) -> str | None:
    """What the event means for the address, whatever the provider."""
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    soft = raw.get("Type") in SOFT_BOUNCE_TYPES or raw.get("event") == "soft_bounce"
    if event.event_type == EventType.COMPLAINED:
        return COMPLAINT
    if event.event_type == EventType.DELIVERED:
        return DELIVERED
    if event.event_type == EventType.UNSUBSCRIBED:
        return UNSUBSCRIBED
    if event.event_type == EventType.BOUNCED:
        return SOFT if soft else HARD
    if event.event_type == EventType.DEFERRED and soft and raw.get("RecordType"):
        # Postmark reports a final temporary bounce as a Bounce record.
        return SOFT
    if (
        event.event_type == EventType.REJECTED
        and event.reject_reason == RejectReason.INVALID
    ):
        return HARD
    return None


def suppress(address: str, *, reason: str, event_id: str = "", note: str = ""):
    """Put the address on the list (idempotent) and log it against every list it
    is subscribed to."""
    address = normalise(address)
    suppression, created = Suppression.objects.get_or_create(
        address=address,
        defaults={"reason": reason, "source_event_id": event_id[:200], "note": note},
    )
    if created:
        subscribers = Subscriber.objects.filter(email__iexact=address) | (
            Subscriber.objects.filter(user__email__iexact=address)
        )
        for subscription in Subscription.objects.filter(
            subscriber__in=subscribers, status=Subscription.Status.ACTIVE
        ).select_related("subscriber__user"):
            ConsentEvent.objects.create(
                subscriber=subscription.subscriber,
                newsletter_id=subscription.newsletter_id,
                kind=ConsentEvent.Kind.SUPPRESSED,
                source=ConsentEvent.Source.PROVIDER
                if event_id
                else ConsentEvent.Source.ADMIN,
                address=address,
                at=suppression.created_at,
                detail=reason,
            )
    return suppression


def _soft_bounce(address: str, event_id: str) -> None:
    streak, _created = SoftBounceStreak.objects.select_for_update().get_or_create(
        address=address, defaults={"count": 0, "last_event_id": ""}
    )
    if event_id and streak.last_event_id == event_id:
        return  # the same event, delivered again
    SoftBounceStreak.objects.filter(pk=streak.pk).update(
        count=F("count") + 1, last_event_id=event_id[:200]
    )
    streak.refresh_from_db()
    if streak.count >= SOFT_BOUNCES_BEFORE_SUPPRESSION:
        suppress(address, reason=Suppression.Reason.SOFT_BOUNCES, event_id=event_id)


@transaction.atomic
def apply_event(event) -> str | None:
    meaning = classify(event)
    if meaning is None or not event.recipient:
        return None
    address = normalise(event.recipient)
    event_id = str(event.event_id or "")
    if meaning == HARD:
        suppress(address, reason=Suppression.Reason.HARD_BOUNCE, event_id=event_id)
    elif meaning == COMPLAINT:
        suppress(address, reason=Suppression.Reason.COMPLAINT, event_id=event_id)
    elif meaning == SOFT:
        _soft_bounce(address, event_id)
    elif meaning == DELIVERED:
        SoftBounceStreak.objects.filter(address=address).update(count=0)
    elif meaning == UNSUBSCRIBED:
        # The issue whose email the reader left from, when the event names it.
        issue_id = (
            Delivery.objects.filter(
                esp_message_id=str(event.message_id), address=address
            )
            .values_list("issue_id", flat=True)
            .first()
            if event.message_id
            else None
        )
        unsubscribe_address(
            address,
            source=ConsentEvent.Source.PROVIDER,
            detail=event_id,
            issue_id=issue_id,
        )
    if event.message_id and meaning in DELIVERY_STATUS:
        Delivery.objects.filter(esp_message_id=str(event.message_id)).update(
            status=DELIVERY_STATUS[meaning]
        )
    return meaning


def on_tracking_event(sender, event, esp_name, **kwargs):
    meaning = apply_event(event)
    if meaning:
        logger.info("%s tracking event: %s", esp_name, meaning)
