"""The readers' pages of the newsletter.

The sign-up form sits on pages cached for every visitor, so it carries no CSRF
token and its view is ``csrf_exempt``. That is safe because the view changes
nothing a forged request could use: it records a request and, at most once an
hour per address, sends a confirmation email to that address; only the mailbox's
owner can confirm. The honeypot and the rate limits keep bots from using it to
mail strangers. The one-click unsubscription (RFC 8058) is exempt too: mail
clients post it without cookies, and the signed token is the authority.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.errors import DomainError
from core.ratelimit import digest, over_limit, request_over_limit
from newsletter import tokens
from newsletter.forms import AccountChoicesForm, SignupForm
from newsletter.models import ConsentEvent
from newsletter.services import consent


def _limited(request, email: str) -> bool:
    per_ip, ip_window = settings.NEWSLETTER_SIGNUPS_PER_IP
    per_address, address_window = settings.NEWSLETTER_SIGNUPS_PER_ADDRESS
    if request_over_limit(request, "newsletter:signup", per_ip, ip_window):
        return True
    return over_limit(
        f"rl:newsletter:signup:email:{digest(email.lower())}",
        per_address,
        address_window,
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def signup(request):
    """POST from the include on any page; GET shows the form on its own (for a
    reader who comes back to correct the address)."""
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if form.is_from_a_bot():
            return render(request, "newsletter/signup_done.html")
        email = form.cleaned_data["email"]
        if _limited(request, email):
            return render(
                request,
                "newsletter/signup.html",
                {"form": form, "limited": True},
                status=429,
            )
        consent.request_subscription(email, source=form.source())
        # The same page whatever the address's state: no enumeration.
        return render(request, "newsletter/signup_done.html")
    status = 400 if request.method == "POST" else 200
    return render(request, "newsletter/signup.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET shows a button; POST confirms. Mail scanners follow links in emails,
    and a GET that confirmed would let them subscribe people who never clicked."""
    try:
        tokens.read_confirmation(token)
    except tokens.InvalidLink as error:
        return _bad_link(request, error, "confirm")
    if request.method == "POST":
        try:
            newsletters = consent.confirm_subscription(token)
        except tokens.InvalidLink as error:
            return _bad_link(request, error, "confirm")
        return render(
            request, "newsletter/confirmed.html", {"newsletters": newsletters}
        )
    return render(request, "newsletter/confirm.html", {"token": token})


def _bad_link(request, error: tokens.InvalidLink, purpose: str):
    return render(
        request,
        "newsletter/bad_link.html",
        {"expired": error.expired, "purpose": purpose},
        status=400,
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET: a page with one button. POST: unsubscribes, from that button or from
    the mail client's one-click (``List-Unsubscribe=One-Click`` in the body)."""
    try:
        subscription = consent.read_unsubscribe_link(token)
    except tokens.InvalidLink as error:
        return _bad_link(request, error, "unsubscribe")
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        newsletter = consent.unsubscribe_by_token(
            token,
            source=ConsentEvent.Source.ONE_CLICK
            if one_click
            else ConsentEvent.Source.LINK,
        )
        return render(
            request, "newsletter/unsubscribed.html", {"newsletter": newsletter}
        )
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"subscription": subscription, "token": token},
    )


@never_cache
@login_required
@require_POST
def account_choices(request):
    """The lists ticked in « Mon compte » (the form is in its page)."""
    form = AccountChoicesForm(request.POST)
    if form.is_valid():
        try:
            consent.set_account_choices(
                request.user, newsletters=form.cleaned_data["newsletters"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your newsletter choices have been saved."))
    else:
        messages.error(request, _("Choose among the newsletters offered."))
    return redirect("accounts:overview")
