"""Public views for seats sold by card: booking them or joining the waiting list
from the conference page, paying for an order, the demo checkout, and the ticket
at the door. They validate forms and call services; pages reached by a secret
link (order, ticket) are ``noindex`` and never cached."""

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from events import services
from events.forms import SeatsForm, WaitingListForm
from events.models import SeatOrder, Ticket
from events.services.seat_stock import MAX_UNITS
from events.views.common import (
    absolute,
    conference_page,
    current_language,
    limited,
    private,
)
from payments.events import receive_event
from payments.gateway import get_gateway

# --- The conference page's forms ---------------------------------------------------
#
# The conference page is the same for every visitor without a session and is kept
# whole (core.pagecache), so its forms carry no CSRF token: they only choose a
# price and a quantity and lead here (GET), to a page never cached whose form has
# the token, the buyer's name and email, and posts to the same address.


def _chosen(query, prices) -> dict:
    """The price and quantity picked on the conference page, or the defaults."""
    ids = {price.pk for price in prices}
    try:
        price = int(query.get("price", ""))
    except ValueError:
        price = None
    try:
        quantity = int(query.get("quantity", ""))
    except ValueError:
        quantity = 1
    return {
        "price": price if price in ids else prices[0].pk,
        "quantity": min(max(quantity, 1), MAX_UNITS),
    }


def _step(request, conference, key: str, form_class):
    prices = list(conference.prices.order_by("sort_order"))
    form = form_class(prices=prices, initial=_chosen(request.GET, prices))
    response = TemplateResponse(
        request,
        "events/conference_page.html",
        conference.get_context(request) | {key: form, "seats_step": True},
    )
    add_never_cache_headers(response)
    return private(response)


def _elsewhere(conference, route: str, request):
    query = request.GET.urlencode()
    return redirect(conference.url + route + (f"?{query}" if query else ""))


def seats_step(request, conference):
    """GET from the conference page: the whole booking form, for this visitor."""
    if not conference.on_sale or not conference.prices.exists():
        return redirect(conference.url)
    if conference.sold_out:
        return _elsewhere(conference, "liste-attente/", request)
    return _step(request, conference, "seats_form", SeatsForm)


def waiting_step(request, conference):
    """GET from a sold-out conference page: the whole waiting-list form."""
    if not conference.on_sale or not conference.prices.exists():
        return redirect(conference.url)
    if not conference.sold_out:
        return _elsewhere(conference, "reserver/", request)
    return _step(request, conference, "waiting_form", WaitingListForm)


def buy_seats(request, conference):
    """POST from the conference page: hold the seats, then off to the payment."""
    prices = list(conference.prices.order_by("sort_order"))
    form = SeatsForm(request.POST, prices=prices)
    if form.is_from_a_bot():
        return redirect(conference.url)
    if not form.is_valid():
        return conference_page(request, conference, seats_form=form, seats_step=True)
    if limited(request, "seat_order"):
        form.add_error(None, _("Too many attempts; please wait a few minutes."))
        return conference_page(request, conference, seats_form=form, seats_step=True)
    try:
        order = services.hold_seats(
            conference,
            price=form.chosen_price(),
            quantity=form.cleaned_data["quantity"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            user=request.user,
            language=current_language(),
        )
        order_url = reverse("events:order", args=[order.access_key])
        url = services.start_checkout(
            order,
            success_url=absolute(request, order_url),
            cancel_url=absolute(request, conference.url),
        )
    except services.SeatError as error:
        if conference.sold_out:
            return _sold_out_meanwhile(request, conference, prices)
        form.add_error("quantity", error.message)
        return conference_page(request, conference, seats_form=form, seats_step=True)
    return redirect(url)


def _sold_out_meanwhile(request, conference, prices):
    """The last seats went while the buyer filled in the form: the page now
    offers the waiting list, so the same details go into that form."""
    form = WaitingListForm(request.POST, prices=prices)
    form.is_valid()
    notice = _(
        "The last seats went while you were booking; nothing was charged. Your "
        "details are kept below: join the waiting list to be offered seats that "
        "free up."
    )
    return TemplateResponse(
        request,
        "events/conference_page.html",
        conference.get_context(request)
        | {"waiting_form": form, "seats_notice": notice, "seats_step": True},
        status=409,
    )


def join_waiting_list(request, conference):
    prices = list(conference.prices.order_by("sort_order"))
    form = WaitingListForm(request.POST, prices=prices)
    if form.is_from_a_bot():
        return redirect(conference.url)
    if not form.is_valid():
        if not conference.sold_out:
            return _seats_free_again(request, conference, prices, status=400)
        return conference_page(request, conference, waiting_form=form, seats_step=True)
    if limited(request, "waiting_list"):
        form.add_error(None, _("Too many attempts; please wait a few minutes."))
        return conference_page(request, conference, waiting_form=form, seats_step=True)
    try:
        services.join_waiting_list(
            conference,
            price=form.chosen_price(),
            quantity=form.cleaned_data["quantity"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            language=current_language(),
        )
    except services.SeatsAvailable:
        return _seats_free_again(request, conference, prices, status=409)
    except services.SeatError as error:
        form.add_error("quantity", error.message)
        return conference_page(request, conference, waiting_form=form, seats_step=True)
    messages.success(
        request,
        _("You are on the waiting list. We will write as soon as seats free up."),
    )
    return redirect(conference.url)


def _seats_free_again(request, conference, prices, *, status: int):
    """Seats were released after the page said « sold out »: no waiting list,
    the booking form instead, filled in with what the buyer typed."""
    form = SeatsForm(request.POST, prices=prices)
    form.is_valid()
    notice = _(
        "Seats have freed up: you can book now. Your details are kept in the "
        "form below; you have not been put on the waiting list."
    )
    return TemplateResponse(
        request,
        "events/conference_page.html",
        conference.get_context(request)
        | {"seats_form": form, "seats_notice": notice, "seats_step": True},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def order(request, key: str):
    """An order's page: pay for a held order, or see the tickets of a paid one."""
    seat_order = get_object_or_404(
        SeatOrder.objects.select_related("conference"), access_key=key
    )
    if request.method == "POST":
        try:
            url = services.start_checkout(
                seat_order,
                success_url=request.build_absolute_uri(),
                cancel_url=request.build_absolute_uri(),
            )
        except services.SeatError as error:
            messages.error(request, error.message)
            return redirect(request.path)
        return redirect(url)
    from events.tickets import qr_svg

    tickets = [
        (
            ticket,
            qr_svg(ticket, title=_("Ticket %(number)s") % {"number": ticket.number}),
        )
        for ticket in seat_order.tickets.all()
    ]
    return private(
        render(
            request,
            "events/order.html",
            {
                "order": seat_order,
                "conference": seat_order.conference,
                "tickets": tickets,
                "expired": seat_order.status == SeatOrder.Status.HELD
                and seat_order.held_until <= timezone.now(),
            },
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def demo_checkout(request, token: str):
    """Demo mode only: a labelled stand-in for Stripe Checkout in payment mode."""
    if not settings.STRIPE_DEMO_MODE:
        raise Http404
    gateway = get_gateway()
    try:
        checkout = gateway.read_seat_checkout(token)
    except signing.BadSignature:
        raise Http404 from None
    seat_order = get_object_or_404(
        SeatOrder.objects.select_related("conference"), pk=checkout["order"]
    )
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            return redirect(checkout["cancel"])
        if checkout["expires_at"] < timezone.now().timestamp():
            events = gateway.expire_seat_checkout(checkout, seat_order)
            target = checkout["cancel"]
        else:
            events = gateway.complete_seat_checkout(checkout, seat_order)
            target = checkout["success"]
        for event in events:
            receive_event(event)
        return redirect(target)
    return private(
        render(
            request,
            "events/demo_checkout.html",
            {"order": seat_order, "conference": seat_order.conference},
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def ticket(request, code: str):
    """What the QR code opens at the door. Staff who run sales see a button
    that lets the ticket in, once."""
    seat = get_object_or_404(
        Ticket.objects.select_related("order__conference"), code=code
    )
    door = request.user.has_perm("events.change_booking")
    if request.method == "POST":
        if not door:
            raise Http404
        try:
            services.check_in(code)
        except services.SeatError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Welcome: the ticket is let in."))
        return redirect(request.path)
    return private(
        render(
            request,
            "events/ticket.html",
            {
                "ticket": seat,
                "order": seat.order,
                "conference": seat.order.conference,
                "valid": seat.order.status == SeatOrder.Status.PAID,
                "door": door,
            },
        )
    )


# --- Institutions ---------------------------------------------------
