"""Bounces and complaints from Postmark's tracking webhooks, posted as Postmark
posts them (payloads from https://postmarkapp.com/developer/webhooks/
bounce-webhook, .../spam-complaint-webhook, .../delivery-webhook and
.../subscription-change-webhook), with the basic-auth secret, through Anymail's
own webhook view."""

import base64
import json

import pytest
from django.test import Client
from django.utils import timezone

from newsletter.factories import SubscriptionFactory
from newsletter.models import (
    ConsentEvent,
    Delivery,
    SoftBounceStreak,
    Subscription,
    Suppression,
)

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.newsletter.urls")]

URL = "/anymail/postmark/tracking/"
SECRET = "postmark:webhook-secret-versus"


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": SECRET}


def _post(payload, secret=SECRET):
    auth = base64.b64encode(secret.encode()).decode()
    return Client().post(
        URL,
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {auth}",
    )


def bounce(email, *, kind="HardBounce", event_id=4323372036854775807):
    names = {"HardBounce": ("Hard bounce", 1), "SoftBounce": ("Soft bounce", 4096)}
    name, code = names[kind]
    return {
        "RecordType": "Bounce",
        "MessageStream": "broadcast",
        "ID": event_id,
        "Type": kind,
        "TypeCode": code,
        "Name": name,
        "Tag": "newsletter",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Metadata": {"versus_issue": "12"},
        "ServerID": 23,
        "Description": "The server was unable to deliver your message "
        "(ex: unknown user, mailbox not found).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach "
        "does not exist.",
        "Email": email,
        "From": "bonjour@versus.example",
        "BouncedAt": "2026-11-05T16:33:54.9070259Z",
        "DumpAvailable": True,
        "Inactive": kind == "HardBounce",
        "CanActivate": True,
        "Subject": "La semaine des débats",
        "Content": "Return-Path: <>",
    }


def complaint(email):
    return {
        "RecordType": "SpamComplaint",
        "MessageStream": "broadcast",
        "ID": 42,
        "Type": "SpamComplaint",
        "TypeCode": 512,
        "Name": "Spam complaint",
        "Tag": "newsletter",
        "MessageID": "00000000-0000-0000-0000-000000000042",
        "Metadata": {},
        "ServerID": 1234,
        "Description": "The subscriber explicitly marked this message as spam.",
        "Details": "Test spam complaint details",
        "Email": email,
        "From": "bonjour@versus.example",
        "BouncedAt": "2026-11-05T16:33:54.9070259Z",
        "DumpAvailable": True,
        "Inactive": True,
        "CanActivate": False,
        "Subject": "La semaine des débats",
    }


def delivery(email, message_id="00000000-0000-0000-0000-000000000001"):
    return {
        "RecordType": "Delivery",
        "ServerID": 23,
        "MessageStream": "broadcast",
        "MessageID": message_id,
        "Recipient": email,
        "Tag": "newsletter",
        "DeliveredAt": "2026-11-05T16:34:52Z",
        "Details": "Test delivery webhook details",
        "Metadata": {},
    }


def subscription_change(email):
    return {
        "RecordType": "SubscriptionChange",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "ServerID": 123456,
        "MessageStream": "broadcast",
        "ChangedAt": "2026-11-05T10:53:34.416071Z",
        "Recipient": email,
        "Origin": "Recipient",
        "SuppressSending": True,
        "SuppressionReason": "ManualSuppression",
        "Tag": "newsletter",
        "Metadata": {},
    }


def test_without_the_secret_nothing_happens(weekly_list):
    response = _post(bounce("ines@example.org"), secret="postmark:wrong")
    assert response.status_code == 400
    assert not Suppression.objects.exists()


def test_a_hard_bounce_suppresses_at_once_and_is_logged(weekly_list):
    SubscriptionFactory(subscriber__email="ines@example.org")
    assert _post(bounce("Ines@Example.org")).status_code == 200
    suppression = Suppression.objects.get()
    assert (suppression.address, suppression.reason) == (
        "ines@example.org",
        "hard_bounce",
    )
    assert suppression.source_event_id == "4323372036854775807"
    event = ConsentEvent.objects.get()
    assert (event.kind, event.source) == ("suppressed", "provider")
    # Postmark retries: the same event again changes nothing.
    assert _post(bounce("ines@example.org")).status_code == 200
    assert Suppression.objects.count() == ConsentEvent.objects.count() == 1


def test_a_complaint_suppresses_at_once(weekly_list):
    assert _post(complaint("ines@example.org")).status_code == 200
    assert Suppression.objects.get().reason == "complaint"


def test_three_soft_bounces_in_a_row_suppress(weekly_list):
    for event_id in (1, 2):
        _post(bounce("ines@example.org", kind="SoftBounce", event_id=event_id))
    # The second one delivered twice counts once.
    _post(bounce("ines@example.org", kind="SoftBounce", event_id=2))
    assert SoftBounceStreak.objects.get().count == 2
    assert not Suppression.objects.exists()
    _post(bounce("ines@example.org", kind="SoftBounce", event_id=3))
    assert Suppression.objects.get().reason == "soft_bounces"


def test_a_delivery_resets_the_streak(weekly_list):
    for event_id in (1, 2):
        _post(bounce("ines@example.org", kind="SoftBounce", event_id=event_id))
    _post(delivery("ines@example.org"))
    _post(bounce("ines@example.org", kind="SoftBounce", event_id=3))
    assert SoftBounceStreak.objects.get().count == 1
    assert not Suppression.objects.exists()


def test_an_unsubscription_at_the_provider_unsubscribes(weekly_list):
    subscription = SubscriptionFactory(subscriber__email="ines@example.org")
    assert _post(subscription_change("ines@example.org")).status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    assert ConsentEvent.objects.get().source == "provider"


def test_the_delivery_row_takes_the_outcome(issue, weekly_list):
    subscription = SubscriptionFactory(subscriber__email="ines@example.org")
    row = Delivery.objects.create(
        issue=issue,
        subscriber=subscription.subscriber,
        address="ines@example.org",
        batch=0,
        status=Delivery.Status.SENT,
        esp_message_id="883953f4-6105-42a2-a16a-77a8eac79483",
        next_attempt_at=timezone.now(),
    )
    _post(bounce("ines@example.org"))
    row.refresh_from_db()
    assert row.status == Delivery.Status.BOUNCED


def test_only_the_chosen_providers_tracking_webhook_is_mounted_and_only_with_its_secret(
    settings,
):
    from config.urls import tracking_webhooks

    settings.ANYMAIL = {
        k: v for k, v in settings.ANYMAIL.items() if k != "WEBHOOK_SECRET"
    }
    assert tracking_webhooks("postmark") == []
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": SECRET}
    (route,) = tracking_webhooks("postmark")
    assert str(route.pattern) == "postmark/tracking/"
