"""Quotes: what a booking costs from the catalogue as it is now, numbered and
sent, then accepted online or recorded by an editor, which issues the invoice.

A quote's transaction takes its number and writes the frozen quote; its PDF is
rendered when its email is built, after commit (``events.emails``).
"""

import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.money import vat_inside
from events.document_data import Kind, Line
from events.models import (
    EVENT_VAT_RATE,
    Booking,
    ConferencePage,
    Invoice,
    Quote,
    QuoteLine,
    SellerSettings,
)
from events.services.booking_state import (
    BookingError,
    QuoteAlreadyAccepted,
    State,
    check_transition,
    lock_booking,
    move_booking,
    owe_contact,
)
from events.services.document_contents import (
    buyer_copy,
    quote_mentions,
    save_lines,
    seller_copy,
    totals,
)
from events.services.invoicing import issue_invoice
from events.services.numbering import next_number
from events.services.seat_stock import seats_left, take_seats


def quote_lines(booking: Booking) -> list[Line]:
    """What the booking costs, from the catalogue as it is now, excluding VAT."""
    if booking.conference_id:
        return _seat_lines(booking.conference, booking.seats)
    offer = booking.offer
    chosen = booking.offer_format
    if chosen is None:
        raise BookingError(_("The format asked for is no longer on offer."))
    lines = [
        Line(
            description=f"{chosen.name} ({chosen.duration})",
            quantity=1,
            unit_price_cents=chosen.price_cents,
            vat_rate=offer.vat_rate,
        )
    ]
    lines += [
        Line(
            description=option["name"],
            quantity=1,
            unit_price_cents=option["price_cents"],
            vat_rate=offer.vat_rate,
        )
        for option in booking.options
    ]
    return lines


def _net(gross_cents: int) -> int:
    """Seat prices are public prices, VAT included: a quote states them net."""
    return gross_cents - vat_inside(gross_cents, EVENT_VAT_RATE)


def _seat_lines(conference: ConferencePage, seats: int) -> list[Line]:
    """Seats for an institution: as many institution packs as the seats fill,
    the rest at the individual price; the same prices as by card, net of VAT."""
    prices = list(conference.prices.order_by("sort_order"))
    single = next((p for p in prices if p.category == "individual"), None)
    single = single or next((p for p in prices if p.seats == 1), None)
    pack = next(
        (p for p in prices if p.category == "institution" and p.seats > 1), None
    )
    if single is None and pack is None:
        raise BookingError(_("This conference has no seat price yet."))
    when = timezone.localtime(conference.starts_at).strftime("%d/%m/%Y")
    subject = f"{conference.title}, {when}, {conference.city}"
    packs, rest = divmod(seats, pack.seats) if pack else (0, seats)
    if single is None:  # only packs on sale: round up to whole packs
        packs, rest = packs + (1 if rest else 0), 0
    lines = []
    if packs:
        lines.append(
            Line(
                description=f"{pack.label}: {subject}",
                quantity=packs,
                unit_price_cents=_net(pack.price_cents),
                vat_rate=EVENT_VAT_RATE,
            )
        )
    if rest:
        lines.append(
            Line(
                description=_("Seats: %(subject)s") % {"subject": subject},
                quantity=rest,
                unit_price_cents=_net(single.price_cents),
                vat_rate=EVENT_VAT_RATE,
            )
        )
    return lines


@transaction.atomic
def send_quote(booking: Booking, *, actor=None) -> Quote:
    """Number and send a quote; a new quote replaces the one still pending."""
    booking = lock_booking(booking)
    check_transition(booking, State.QUOTED)
    booking.quotes.filter(status=Quote.Status.SENT).update(
        status=Quote.Status.SUPERSEDED
    )
    today = timezone.localdate()
    seller = SellerSettings.load()
    valid_until = today + datetime.timedelta(days=seller.quote_validity_days)
    # The quote speaks the buyer's language, whoever sends it.
    with translation.override(booking.language):
        lines = quote_lines(booking)
        mentions = quote_mentions(valid_until=valid_until)
    quote = Quote.objects.create(
        booking=booking,
        number=next_number(Kind.QUOTE, on=today),
        issued_on=today,
        valid_until=valid_until,
        seller=seller_copy(),
        buyer=buyer_copy(booking),
        mentions=mentions,
        **totals(lines),
    )
    save_lines(QuoteLine, "quote", quote, lines)
    move_booking(
        booking, State.QUOTED, actor=actor, action="quote_sent", note=quote.number
    )
    owe_contact("quote", booking, key=f"quote:{quote.number}", quote_id=quote.pk)
    return quote


@transaction.atomic
def accept_quote(quote: Quote, *, po_number: str = "", actor=None) -> Invoice:
    """The institution accepts (online, or an editor records it): seats are taken
    for a conference, and the invoice is issued at once."""
    booking = lock_booking(quote.booking)
    quote = Quote.objects.select_for_update().get(pk=quote.pk)
    if quote.status == Quote.Status.ACCEPTED and booking.state != State.CANCELLED:
        raise QuoteAlreadyAccepted(
            _("This quote was already accepted on %(date)s.")
            % {"date": timezone.localtime(quote.accepted_at).strftime("%d/%m/%Y")},
            quote=quote,
        )
    if quote.status != Quote.Status.SENT or booking.state != State.QUOTED:
        raise BookingError(_("This quote can no longer be accepted."))
    if quote.expired:
        raise BookingError(
            _(
                "This quote expired on %(date)s. Ask us for a new one: prices and "
                "availability may have changed."
            )
            % {"date": quote.valid_until.strftime("%d/%m/%Y")}
        )
    po_number = po_number.strip()
    if booking.po_required and not po_number and not booking.commitment_number:
        raise BookingError(
            _(
                "Enter your purchase order number: you told us it must be on the "
                "invoice."
            )
        )
    if booking.conference_id and not booking.seats_taken:
        if not take_seats(booking.conference, booking.seats):
            raise BookingError(
                _("Only %(left)s seats are left: we will send you a new quote.")
                % {"left": seats_left(booking.conference)}
            )
        booking.seats_taken = True
    booking.po_number = po_number
    booking.save(update_fields=["po_number", "seats_taken"])
    quote.status = Quote.Status.ACCEPTED
    quote.accepted_at = timezone.now()
    quote.accepted_by = actor if actor is not None and actor.is_authenticated else None
    quote.save(update_fields=["status", "accepted_at", "accepted_by"])
    how = "quote_recorded" if quote.accepted_by else "quote_accepted"
    move_booking(booking, State.ACCEPTED, actor=actor, action=how, note=po_number)
    return issue_invoice(booking, quote=quote, actor=actor)
