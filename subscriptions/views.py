import json
import logging

import stripe
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from subscriptions import services
from subscriptions.access import entitling_subscription
from subscriptions.gateway import get_gateway
from subscriptions.models import BillingAccount, Payment, Plan

logger = logging.getLogger(__name__)


def pricing(request):
    """« S'abonner »: what a subscription gives, for how much, without commitment."""
    return render(
        request,
        "subscriptions/pricing.html",
        {
            "plans": Plan.objects.filter(is_active=True),
            "current": entitling_subscription(request.user),
            "demo": settings.STRIPE_DEMO_MODE,
        },
    )


@login_required
@require_POST
def checkout(request, plan_id: int):
    plan = get_object_or_404(Plan, pk=plan_id, is_active=True)
    try:
        url = services.start_checkout(
            request.user,
            plan,
            success_url=request.build_absolute_uri(reverse("subscriptions:welcome")),
            cancel_url=request.build_absolute_uri(reverse("subscriptions:pricing")),
        )
    except services.CheckoutError as error:
        messages.error(request, error.message)
        return redirect("subscriptions:pricing")
    return redirect(url)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def demo_checkout(request, token: str):
    """Demo mode only: a labelled stand-in for Stripe Checkout."""
    if not settings.STRIPE_DEMO_MODE:
        raise Http404
    gateway = get_gateway()
    try:
        checkout = gateway.read_checkout(token)
    except signing.BadSignature:
        raise Http404 from None
    if checkout["user"] != request.user.pk:
        raise Http404
    plan = get_object_or_404(Plan, pk=checkout["plan"])
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            return redirect(checkout["cancel"])
        for event in gateway.complete_checkout(checkout, plan):
            services.receive_event(event)
        return redirect(checkout["success"])
    return render(
        request, "subscriptions/demo_checkout.html", {"plan": plan, "token": token}
    )


@never_cache
@login_required
def welcome(request):
    """Back from Checkout. It grants nothing: it says what Stripe has confirmed."""
    return render(
        request,
        "subscriptions/welcome.html",
        {"subscription": entitling_subscription(request.user)},
    )


@never_cache
@login_required
def account(request):
    """« Mon compte > Abonnement »."""
    billing = BillingAccount.objects.filter(user=request.user).first()
    subscription = entitling_subscription(request.user)
    return render(
        request,
        "subscriptions/account.html",
        {
            "subscription": subscription,
            "payments": Payment.objects.filter(account=billing)[:24] if billing else [],
            "can_manage_payment": bool(billing and billing.stripe_customer_id)
            and not settings.STRIPE_DEMO_MODE,
            "demo": settings.STRIPE_DEMO_MODE,
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def cancel(request):
    """Résilier: the link, identification if needed, then this confirmation."""
    subscription = entitling_subscription(request.user)
    if request.method == "POST":
        try:
            subscription = services.cancel(request.user)
        except services.SubscriptionError as error:
            messages.error(request, error.message)
            return redirect("subscriptions:account")
        messages.success(
            request,
            _(
                "Your subscription is cancelled. It stays open until %(date)s; "
                "a confirmation is on its way by email."
            )
            % {"date": date_format(localtime(subscription.ends_on), "j F Y")},
        )
        return redirect("subscriptions:account")
    return render(request, "subscriptions/cancel.html", {"subscription": subscription})


@login_required
@require_POST
def resume(request):
    try:
        services.resume(request.user)
    except services.SubscriptionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your subscription continues. Thank you!"))
    return redirect("subscriptions:account")


@login_required
@require_POST
def portal(request):
    if settings.STRIPE_DEMO_MODE:
        raise Http404
    try:
        url = services.portal_url(
            request.user, request.build_absolute_uri(reverse("subscriptions:account"))
        )
    except services.SubscriptionError as error:
        messages.error(request, error.message)
        return redirect("subscriptions:account")
    return redirect(url)


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
        services.receive_event(payload, body=request.body)
    except Exception:
        logger.exception("Stripe event %s could not be applied", payload.get("id"))
        return HttpResponse("not applied", status=500)
    return HttpResponse("ok")
