"""The Stripe webhook endpoint: https://docs.stripe.com/webhooks"""

import json
import logging

import stripe
from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from payments.events import receive_event

logger = logging.getLogger(__name__)


def _is_event(payload) -> bool:
    """Whether the payload has the shape of every Stripe event, so that what it
    does not hold is a 400 here, not a KeyError in a handler (a 500, retried).
    https://docs.stripe.com/api/events/object"""
    return (
        isinstance(payload, dict)
        and isinstance(payload.get("id"), str)
        and isinstance(payload.get("type"), str)
        and isinstance(payload.get("created"), int)
        and isinstance(payload.get("data"), dict)
        and isinstance(payload["data"].get("object"), dict)
    )


@csrf_exempt
@require_POST
def webhook(request):
    """Stripe's events: verified, stored once, applied; 500 makes Stripe retry.

    The signature covers the raw body, and the raw body is what is kept: the
    handlers read the plain JSON parsed from it, so nothing depends on how the
    SDK would have typed a field."""
    if settings.STRIPE_DEMO_MODE or not settings.STRIPE_WEBHOOK_SECRET:
        raise Http404
    try:
        stripe.WebhookSignature.verify_header(
            request.body,
            request.headers.get("Stripe-Signature", ""),
            settings.STRIPE_WEBHOOK_SECRET,
            stripe.Webhook.DEFAULT_TOLERANCE,
        )
        payload = json.loads(request.body)
    except (ValueError, stripe.SignatureVerificationError):
        # Nothing said about which check failed.
        return HttpResponseBadRequest("invalid payload")
    if not _is_event(payload):
        return HttpResponseBadRequest("invalid payload")
    if bool(payload.get("livemode")) != settings.STRIPE_SECRET_KEY.startswith(
        ("sk_live_", "rk_live_")
    ):
        return HttpResponseBadRequest("wrong mode")
    try:
        receive_event(payload, body=request.body)
    except Exception:
        logger.exception("Stripe event %s could not be applied", payload.get("id"))
        return HttpResponse("not applied", status=500)
    return HttpResponse("ok")
