import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from payments.events import receive_event
from payments.gateway import get_gateway
from subscriptions import services
from subscriptions.access import entitling_subscription
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
            receive_event(event)
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
