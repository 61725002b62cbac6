"""Public views for seats and bookings. They validate forms and call services;
every page reached by a secret link (order, booking, ticket) is ``noindex`` and
never cached."""

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.ratelimit import request_over_limit
from events import services
from events.forms import (
    AcceptQuoteForm,
    GroupBookingForm,
    QuoteRequestForm,
    SeatsForm,
    WaitingListForm,
)
from events.models import Booking, Invoice, Quote, SeatOrder, Ticket
from events.services.documents import quote_document
from payments.events import receive_event
from payments.gateway import get_gateway

NOINDEX = {"X-Robots-Tag": "noindex, nofollow"}


def _private(response):
    """Pages reached by a secret link stay out of search engines."""
    for header, value in NOINDEX.items():
        response[header] = value
    return response


def _language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def _limited(request, action: str) -> bool:
    limit, seconds = settings.RATE_LIMITS[action]
    return request_over_limit(request, f"events:{action}", limit, seconds)


def _conference_page(request, conference, **context):
    return TemplateResponse(
        request,
        "events/conference_page.html",
        conference.get_context(request) | context,
        status=400 if context else 200,
    )


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


# --- Seats by card ---------------------------------------------------


def buy_seats(request, conference):
    """POST from the conference page: hold the seats, then off to the payment."""
    prices = list(conference.prices.order_by("sort_order"))
    form = SeatsForm(request.POST, prices=prices)
    if form.is_from_a_bot():
        return redirect(conference.url)
    if not form.is_valid():
        return _conference_page(request, conference, seats_form=form)
    if _limited(request, "seat_order"):
        form.add_error(None, _("Too many attempts; please wait a few minutes."))
        return _conference_page(request, conference, seats_form=form)
    try:
        order = services.hold_seats(
            conference,
            price=form.chosen_price(),
            quantity=form.cleaned_data["quantity"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            user=request.user,
            language=_language(),
        )
        order_url = reverse("events:order", args=[order.access_key])
        url = services.start_checkout(
            order,
            success_url=_absolute(request, order_url),
            cancel_url=_absolute(request, conference.url),
        )
    except services.SeatError as error:
        if conference.sold_out:
            return _sold_out_meanwhile(request, conference, prices)
        form.add_error("quantity", error.message)
        return _conference_page(request, conference, seats_form=form)
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
        | {"waiting_form": form, "seats_notice": notice},
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
        return _conference_page(request, conference, waiting_form=form)
    if _limited(request, "waiting_list"):
        form.add_error(None, _("Too many attempts; please wait a few minutes."))
        return _conference_page(request, conference, waiting_form=form)
    try:
        services.join_waiting_list(
            conference,
            price=form.chosen_price(),
            quantity=form.cleaned_data["quantity"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            language=_language(),
        )
    except services.SeatsAvailable:
        return _seats_free_again(request, conference, prices, status=409)
    except services.SeatError as error:
        form.add_error("quantity", error.message)
        return _conference_page(request, conference, waiting_form=form)
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
        conference.get_context(request) | {"seats_form": form, "seats_notice": notice},
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
    return _private(
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
    return _private(
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
    return _private(
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


def request_quote(request, offer):
    """POST from the offer page: « Demander un devis »."""
    form = QuoteRequestForm(request.POST, offer=offer)
    if form.is_from_a_bot():
        return redirect(offer.url)
    context = offer.get_context(request) | {"form": form}
    if not form.is_valid():
        return TemplateResponse(
            request, offer.get_template(request), context, status=400
        )
    if _limited(request, "booking_request"):
        form.add_error(None, _("Too many requests; please wait a few minutes."))
        return TemplateResponse(
            request, offer.get_template(request), context, status=429
        )
    try:
        booking = services.request_booking(
            buyer=form.buyer(),
            offer=offer,
            format_id=form.cleaned_data["offer_format"],
            option_ids=form.cleaned_data["options"],
            preferred_date=form.cleaned_data["preferred_date"],
            preferred_dates=form.cleaned_data["preferred_dates"],
            notes=form.cleaned_data["notes"],
            language=_language(),
        )
    except services.BookingError as error:
        form.add_error(None, error.message)
        return TemplateResponse(
            request, offer.get_template(request), context, status=400
        )
    messages.success(
        request, _("Thank you: your request is recorded. A quote follows shortly.")
    )
    return redirect("events:booking", key=booking.access_key)


def group_booking(request, conference):
    """GET/POST: an institution's seats at a public conference, on quote."""
    form = GroupBookingForm(request.POST or None)
    template = "events/group_booking.html"
    context = {"page": conference, "conference": conference, "form": form}
    if request.method != "POST":
        return TemplateResponse(request, template, context)
    if form.is_from_a_bot():
        return redirect(conference.url)
    if not form.is_valid():
        return TemplateResponse(request, template, context, status=400)
    if _limited(request, "booking_request"):
        form.add_error(None, _("Too many requests; please wait a few minutes."))
        return TemplateResponse(request, template, context, status=429)
    try:
        booking = services.request_booking(
            buyer=form.buyer(),
            conference=conference,
            seats=form.cleaned_data["seats"],
            notes=form.cleaned_data["notes"],
            language=_language(),
        )
    except services.BookingError as error:
        form.add_error("seats", error.message)
        return TemplateResponse(request, template, context, status=400)
    messages.success(
        request, _("Thank you: your request is recorded. A quote follows shortly.")
    )
    return redirect("events:booking", key=booking.access_key)


@never_cache
@require_http_methods(["GET", "POST"])
def booking(request, key: str):
    """The institution's page: its quote to accept, its invoice to download."""
    record = get_object_or_404(
        Booking.objects.select_related("conference", "offer"), access_key=key
    )
    quote = record.quotes.exclude(status=Quote.Status.SUPERSEDED).first()
    # Bound on every POST, even an empty one: the acceptance below reads its data.
    form = AcceptQuoteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if quote is None:
            raise Http404
        # A quote no longer pending is the service's to answer whatever the form
        # holds (it never accepts one): a second acceptance finds its invoice.
        if form.is_valid() or quote.status != Quote.Status.SENT:
            typed = form.cleaned_data.get("po_number", "")
            try:
                services.accept_quote(quote, po_number=typed, actor=None)
            except services.QuoteAlreadyAccepted as error:
                messages.info(request, _already_accepted(record, error.quote, typed))
                return redirect(request.path)
            except services.BookingError as error:
                if not _open_to_acceptance(record, quote):
                    # The form is gone from the page: say it above.
                    messages.error(request, error.message)
                    return redirect(request.path)
                form.add_error("po_number", error.message)
            else:
                messages.success(
                    request,
                    _("Quote accepted. Your invoice has been emailed to you."),
                )
                return redirect(request.path)
    invoices = list(
        record.invoices.select_related("refers").order_by("issued_on", "pk")
    )
    return _private(
        render(
            request,
            "events/booking.html",
            {
                "booking": record,
                "quote": quote,
                "document": quote_document(quote) if quote else None,
                "invoices": invoices,
                "form": form,
            },
            status=400 if form.errors else 200,
        )
    )


def _open_to_acceptance(record: Booking, quote: Quote) -> bool:
    """Whether the booking page still shows the acceptance form."""
    record.refresh_from_db(fields=["state"])
    quote.refresh_from_db(fields=["status"])
    return (
        record.state == Booking.State.QUOTED
        and quote.status == Quote.Status.SENT
        and not quote.expired
    )


def _already_accepted(record: Booking, quote: Quote, typed_po: str) -> str:
    """What a second acceptance is told: when the first one was, and where its
    invoice is; and if a different purchase order number came with it, how to
    have it changed, since an issued invoice is never edited."""
    from events.models import SellerSettings

    record.refresh_from_db(fields=["po_number"])
    said = _(
        "This quote was already accepted on %(date)s: there is nothing more to "
        "do. Your invoice is below; it was also emailed to %(email)s."
    ) % {
        "date": date_format(timezone.localtime(quote.accepted_at), "j F Y"),
        "email": record.email,
    }
    typed_po = typed_po.strip()
    if typed_po and typed_po != record.po_number:
        said += " " + _(
            "The invoice does not carry the purchase order number you have just "
            "entered (%(po_number)s): to have it added, write to %(contact)s."
        ) % {"po_number": typed_po, "contact": SellerSettings.load().billing_email}
    return said


@never_cache
def quote_pdf(request, key: str, number: str):
    from events.pdf import render_pdf

    quote = get_object_or_404(Quote, booking__access_key=key, number=number)
    pdf = render_pdf(quote_document(quote), language=quote.booking.language)
    response = HttpResponse(pdf, content_type="application/pdf", headers=NOINDEX)
    response["Content-Disposition"] = f'inline; filename="{quote.number}.pdf"'
    return response


@never_cache
def invoice_pdf(request, key: str, number: str):
    """An issued invoice or credit note: the stored Factur-X file, as issued."""
    invoice = get_object_or_404(Invoice, booking__access_key=key, number=number)
    if not invoice.pdf:
        raise Http404
    return FileResponse(
        invoice.pdf.open("rb"),
        content_type="application/pdf",
        filename=f"{invoice.number}.pdf",
        headers=NOINDEX,
    )
