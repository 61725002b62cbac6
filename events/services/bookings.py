"""Conferences for institutions: request → quote → acceptance → invoice → payment.

States move only along ``TRANSITIONS``; anything else raises ``BookingError``.
Prices come from the catalogue (the offer's formats and options, the conference's
seat price), never from what a form posted. Documents are numbered and frozen in
the transaction that moves the booking; their emails are owed in that same
transaction (``core.outbox``) and built and sent after it commits.

Invoices go through Stripe Invoicing (``collection_method=send_invoice``) when
Stripe is configured, so the buyer can pay by card or bank transfer on Stripe's
hosted page; our own PDF (a Factur-X file) is the document we send either way.
https://docs.stripe.com/invoicing/integration
"""

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.models import OutgoingEmail
from core.outbox import owe_email
from events.documents import Kind, Line
from events.models import (
    EVENT_VAT_RATE,
    Booking,
    BookingLog,
    ConferenceOfferPage,
    ConferencePage,
    Invoice,
    InvoiceLine,
    Quote,
    QuoteLine,
    SellerSettings,
)
from events.services import documents
from events.services.seats import give_back_seats, seats_left, take_seats

logger = logging.getLogger(__name__)

State = Booking.State

TRANSITIONS = {
    State.REQUESTED: {State.QUOTED, State.CANCELLED},
    State.QUOTED: {State.QUOTED, State.ACCEPTED, State.CANCELLED},
    State.ACCEPTED: {State.INVOICED, State.CANCELLED},
    State.INVOICED: {State.PAID, State.CANCELLED},
    State.PAID: {State.DONE, State.CANCELLED},
    State.DONE: set(),
    State.CANCELLED: set(),
}

MAX_SEATS = 500


class BookingError(DomainError):
    """A step the rules refuse; the message is for the person who asked."""


class QuoteAlreadyAccepted(BookingError):
    """The quote is accepted already (a second click, a form sent again from
    the browser's history): nothing to do twice, and the invoice exists."""

    def __init__(self, message, *, quote: Quote):
        super().__init__(message)
        self.quote = quote


def _lock(booking: Booking) -> Booking:
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("conference", "offer")
        .get(pk=booking.pk)
    )


def _check(booking: Booking, to: str) -> None:
    if to not in TRANSITIONS[booking.state]:
        raise BookingError(
            _("A booking that is « %(state)s » cannot become « %(to)s ».")
            % {"state": booking.get_state_display(), "to": State(to).label}
        )


def _move(booking: Booking, to: str, *, actor=None, action: str, note: str = ""):
    _check(booking, to)
    booking.state = to
    booking.save(update_fields=["state", "updated_at"])
    _log(booking, action, actor=actor, note=note)


def _log(booking: Booking, action: str, *, actor=None, note: str = "") -> None:
    BookingLog.objects.create(
        booking=booking,
        action=action,
        state=booking.state,
        actor=actor if actor is not None and actor.is_authenticated else None,
        note=note[:300],
    )


def _owe(
    builder: str, booking: Booking, *, key: str | None = None, **params
) -> OutgoingEmail | None:
    """The email to the booking's contact, owed with the change: a provider
    outage delays it and never undoes the step; ``key`` keeps a repeated cause
    (a Stripe event, a housekeeping run) to one email, and None comes back for
    the repeat."""
    return owe_email(
        f"events.emails.{builder}",
        to=booking.email,
        language=booking.language,
        key=key,
        **params,
    )


# --- Request ---------------------------------------------------


@transaction.atomic
def request_booking(
    *,
    buyer: dict,
    conference: ConferencePage | None = None,
    seats: int | None = None,
    offer: ConferenceOfferPage | None = None,
    format_id: int | None = None,
    option_ids: list[int] = (),
    preferred_date: datetime.date | None = None,
    preferred_dates: str = "",
    notes: str = "",
    language: str = "fr",
) -> Booking:
    """Record an institution's request. ``buyer`` holds the validated identity
    fields of ``Booking`` (legal name, SIRET, address, contact...)."""
    fields = {}
    if conference is not None:
        if not conference.live or conference.starts_at <= timezone.now():
            raise BookingError(_("This conference has already taken place."))
        if not isinstance(seats, int) or seats < 1:
            raise BookingError(_("Ask for at least one seat."))
        if seats > min(seats_left(conference), MAX_SEATS):
            raise BookingError(
                _("Only %(left)s seats are left for this conference.")
                % {"left": seats_left(conference)}
            )
        fields.update(conference=conference, seats=seats)
    elif offer is not None:
        if not offer.live:
            raise BookingError(_("This offer does not exist."))
        if preferred_date is None or preferred_date <= timezone.localdate():
            raise BookingError(_("Choose a date in the future."))
        chosen = offer.formats.filter(pk=format_id).first()
        if chosen is None:
            raise BookingError(_("Choose one of the formats on offer."))
        options = list(offer.options.filter(pk__in=list(option_ids)))
        if len(options) != len(set(option_ids)):
            raise BookingError(_("One of the options chosen does not exist."))
        fields.update(
            offer=offer,
            offer_format=chosen,
            format_name=chosen.name,
            options=[
                {"name": option.name, "price_cents": option.price_cents}
                for option in options
            ],
        )
    else:
        raise BookingError(_("Choose a conference or a format."))
    booking = Booking.objects.create(
        **buyer,
        **fields,
        preferred_date=preferred_date,
        preferred_dates=preferred_dates.strip(),
        notes=notes.strip(),
        language=language,
    )
    _log(booking, "requested")
    _owe("request_received", booking, booking_id=booking.pk)
    owe_email(
        "events.emails.staff_new_request",
        to=SellerSettings.load().billing_email,
        language=settings.LANGUAGE_CODE,
        booking_id=booking.pk,
    )
    return booking


# --- Quote ---------------------------------------------------


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
    from subscriptions.models import vat_inside

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


def _save_lines(model, owner_field: str, owner, lines: list[Line]) -> None:
    model.objects.bulk_create(
        model(
            **{owner_field: owner},
            description=line.description,
            quantity=line.quantity,
            unit_price_cents=line.unit_price_cents,
            vat_rate=line.vat_rate,
            position=position,
        )
        for position, line in enumerate(lines)
    )


@transaction.atomic
def send_quote(booking: Booking, *, actor=None) -> Quote:
    """Number and send a quote; a new quote replaces the one still pending."""
    booking = _lock(booking)
    _check(booking, State.QUOTED)
    booking.quotes.filter(status=Quote.Status.SENT).update(
        status=Quote.Status.SUPERSEDED
    )
    today = timezone.localdate()
    seller = SellerSettings.load()
    valid_until = today + datetime.timedelta(days=seller.quote_validity_days)
    # The quote speaks the buyer's language, whoever sends it.
    with translation.override(booking.language):
        lines = quote_lines(booking)
        mentions = documents.quote_mentions(valid_until=valid_until)
    quote = Quote.objects.create(
        booking=booking,
        number=documents.next_number(Kind.QUOTE, on=today),
        issued_on=today,
        valid_until=valid_until,
        seller=documents.seller_copy(),
        buyer=documents.buyer_copy(booking),
        mentions=mentions,
        **documents.totals(lines),
    )
    _save_lines(QuoteLine, "quote", quote, lines)
    _move(booking, State.QUOTED, actor=actor, action="quote_sent", note=quote.number)
    _owe("quote", booking, key=f"quote:{quote.number}", quote_id=quote.pk)
    return quote


@transaction.atomic
def accept_quote(quote: Quote, *, po_number: str = "", actor=None) -> Invoice:
    """The institution accepts (online, or an editor records it): seats are taken
    for a conference, and the invoice is issued at once."""
    booking = _lock(quote.booking)
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
    _move(booking, State.ACCEPTED, actor=actor, action=how, note=po_number)
    return issue_invoice(booking, quote=quote, actor=actor)


@transaction.atomic
def issue_invoice(booking: Booking, *, quote: Quote, actor=None) -> Invoice:
    from events import facturx

    booking = _lock(booking)
    today = timezone.localdate()
    seller = SellerSettings.load()
    due_on = today + datetime.timedelta(days=seller.payment_days)
    lines = [
        Line(
            description=line.description,
            quantity=line.quantity,
            unit_price_cents=line.unit_price_cents,
            vat_rate=line.vat_rate,
        )
        for line in quote.lines.all()
    ]
    with translation.override(booking.language):
        mentions = documents.invoice_mentions(due_on=due_on)
    invoice = Invoice.objects.create(
        kind=Invoice.Kind.INVOICE,
        booking=booking,
        quote=quote,
        number=documents.next_number(Kind.INVOICE, on=today),
        issued_on=today,
        due_on=due_on,
        service_on=documents.service_on(booking),
        buyer_reference=booking.buyer_reference,
        service_code=booking.service_code,
        iban=seller.iban,
        bic=seller.bic,
        seller=documents.seller_copy(),
        buyer=documents.buyer_copy(booking),
        mentions=mentions,
        **documents.totals(lines),
    )
    _save_lines(InvoiceLine, "invoice", invoice, lines)
    with translation.override(booking.language):
        pdf = facturx.make_facturx_pdf(
            documents.invoice_document(invoice), language=booking.language
        )
    invoice.pdf.save(f"{invoice.number}.pdf", ContentFile(pdf), save=False)
    invoice.save(update_fields=["pdf"])
    _push_to_stripe(invoice)
    _move(booking, State.INVOICED, actor=actor, action="invoiced", note=invoice.number)
    _owe("invoice", booking, key=f"invoice:{invoice.number}", invoice_id=invoice.pk)
    return invoice


def _push_to_stripe(invoice: Invoice) -> None:
    """With Stripe configured, the same invoice (same number, lines and VAT) is
    finalised there so that the buyer can pay by card or transfer. A refusal
    rolls the whole issue back: no number is used up."""
    from payments.gateway import GatewayError, get_gateway

    gateway = get_gateway()
    if gateway.demo:
        return
    try:
        remote = gateway.create_booking_invoice(invoice)
    except GatewayError:
        logger.exception("Stripe refused invoice %s", invoice.number)
        raise BookingError(
            _("Stripe is unavailable: nothing was issued. Please try again shortly.")
        ) from None
    invoice.stripe_invoice_id = remote["id"]
    invoice.hosted_invoice_url = remote.get("hosted_invoice_url") or ""
    invoice.save(update_fields=["stripe_invoice_id", "hosted_invoice_url"])


# --- Payment ---------------------------------------------------


@transaction.atomic
def record_payment(
    invoice: Invoice,
    *,
    method: str,
    reference: str = "",
    paid_at: datetime.datetime | None = None,
    actor=None,
) -> Invoice:
    """Money arrived (Stripe's event, or a transfer an editor saw on the bank
    statement). Once per invoice; the receipt is owed with it."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.is_credit_note:
        raise BookingError(_("A credit note is not paid."))
    if invoice.paid_at is not None:
        raise BookingError(_("This invoice is already paid."))
    booking = _lock(invoice.booking)
    if booking.state != State.INVOICED:
        raise BookingError(_("This invoice is cancelled: it cannot be paid."))
    invoice.paid_at = paid_at or timezone.now()
    invoice.payment_method = method
    invoice.payment_reference = reference.strip()[:120]
    invoice.paid_recorded_by = (
        actor if actor is not None and actor.is_authenticated else None
    )
    invoice.save(
        update_fields=[
            "paid_at",
            "payment_method",
            "payment_reference",
            "paid_recorded_by",
        ]
    )
    _move(
        booking, State.PAID, actor=actor, action="paid", note=invoice.payment_reference
    )
    if invoice.stripe_invoice_id and method != "stripe":
        _paid_out_of_band_at_stripe(invoice)
    _owe("receipt", booking, key=f"receipt:{invoice.number}", invoice_id=invoice.pk)
    return invoice


@transaction.atomic
def record_chorus_deposit(
    invoice: Invoice, *, deposited_on: datetime.date, number: str, actor=None
) -> Invoice:
    """An editor deposited the invoice (or credit note) on Chorus Pro."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.chorus_deposited_on is not None:
        raise BookingError(
            _("%(number)s is already recorded as deposited on Chorus Pro.")
            % {"number": invoice.number}
        )
    if deposited_on > timezone.localdate() or deposited_on < invoice.issued_on:
        raise BookingError(
            _("The deposit date must lie between the issue date and today.")
        )
    if not number.strip():
        raise BookingError(_("Enter the deposit number Chorus Pro gave."))
    invoice.chorus_deposited_on = deposited_on
    invoice.chorus_deposit_number = number.strip()
    invoice.save(update_fields=["chorus_deposited_on", "chorus_deposit_number"])
    _log(
        invoice.booking,
        "chorus_deposit",
        actor=actor,
        note=f"{invoice.number} · {invoice.chorus_deposit_number}",
    )
    return invoice


def _paid_out_of_band_at_stripe(invoice: Invoice) -> None:
    from payments.gateway import GatewayError, get_gateway

    gateway = get_gateway()
    if gateway.demo:
        return
    try:
        gateway.mark_invoice_paid_out_of_band(invoice.stripe_invoice_id)
    except GatewayError:
        # Our books are right; Stripe would only keep reminding the buyer.
        logger.exception("Could not mark %s paid at Stripe", invoice.number)


def apply_invoice_event(event: dict) -> bool:
    """Stripe's ``invoice.*`` events about a booking's invoice."""
    remote = event["data"]["object"]
    invoice = (
        Invoice.objects.select_related("booking")
        .filter(stripe_invoice_id=remote.get("id"), kind=Invoice.Kind.INVOICE)
        .first()
    )
    if invoice is None:
        return False
    kind = event["type"]
    if kind == "invoice.paid" and invoice.paid_at is None:
        if invoice.booking.state == State.INVOICED:
            paid = (remote.get("status_transitions") or {}).get("paid_at")
            record_payment(
                invoice,
                method="stripe",
                reference=remote.get("id", ""),
                paid_at=(
                    datetime.datetime.fromtimestamp(paid, tz=datetime.UTC)
                    if paid
                    else None
                ),
            )
        else:
            logger.error("Invoice %s paid at Stripe but cancelled here", invoice.number)
    elif kind == "invoice.finalized" and remote.get("hosted_invoice_url"):
        invoice.hosted_invoice_url = remote["hosted_invoice_url"]
        invoice.save(update_fields=["hosted_invoice_url"])
    return True


def remind_overdue(*, today: datetime.date | None = None, every_days: int = 7) -> int:
    """Owe a reminder to the contact of each overdue invoice, at most once a
    week; returns how many. The outbox sends them, and tries again an address
    the provider refuses for now."""
    from events import selectors

    today = today or timezone.localdate()
    since = timezone.now() - datetime.timedelta(days=every_days)
    reminded = 0
    for overdue in selectors.overdue_invoices(today=today):
        with transaction.atomic():
            # Two runs at once wait here, and the second sees the first's
            # reminded_at.
            invoice = (
                Invoice.objects.select_for_update(of=("self",))
                .select_related("booking")
                .get(pk=overdue.pk)
            )
            if invoice.reminded_at and invoice.reminded_at > since:
                continue
            owed = _owe(
                "reminder",
                invoice.booking,
                key=f"reminder:{invoice.number}:{today.isoformat()}",
                invoice_id=invoice.pk,
            )
            if owed is None:
                # Already reminded today, whatever the interval asked for.
                continue
            invoice.reminded_at = timezone.now()
            invoice.save(update_fields=["reminded_at"])
            _log(invoice.booking, "reminded", note=invoice.number)
        reminded += 1
    return reminded


# --- End of the road ---------------------------------------------------


@transaction.atomic
def mark_done(booking: Booking, *, actor=None) -> Booking:
    booking = _lock(booking)
    if booking.conference_id and booking.conference.ends_at > timezone.now():
        raise BookingError(_("The conference has not taken place yet."))
    _move(booking, State.DONE, actor=actor, action="done")
    return booking


def close_held_conferences(*, now: datetime.datetime | None = None) -> int:
    """Paid bookings of public conferences that have ended become « réalisé »;
    conferences organised on site are marked by an editor, who knows."""
    now = now or timezone.now()
    ended = Booking.objects.filter(
        state=State.PAID, conference__isnull=False, conference__ends_at__lt=now
    ).values_list("pk", flat=True)
    closed = 0
    for pk in list(ended):
        mark_done(Booking(pk=pk))
        closed += 1
    return closed


@transaction.atomic
def cancel_booking(booking: Booking, *, reason: str, actor=None) -> Invoice | None:
    """Cancel at any stage before the conference is held. An issued invoice is
    never touched: a credit note (its own sequence) cancels it."""
    booking = _lock(booking)
    if not reason.strip():
        raise BookingError(_("Say why the booking is cancelled."))
    _move(booking, State.CANCELLED, actor=actor, action="cancelled", note=reason)
    booking.quotes.filter(status=Quote.Status.SENT).update(
        status=Quote.Status.CANCELLED
    )
    if booking.seats_taken:
        give_back_seats(booking.conference_id, booking.seats)
        booking.seats_taken = False
        booking.save(update_fields=["seats_taken"])
        from events.services.seats import offer_freed_seats

        offer_freed_seats(booking.conference)
    invoice = (
        booking.invoices.filter(kind=Invoice.Kind.INVOICE, credit_note__isnull=True)
        .select_for_update(of=("self",))
        .first()
    )
    if invoice is None:
        return None
    return _issue_credit_note(invoice, actor=actor)


def _issue_credit_note(invoice: Invoice, *, actor=None) -> Invoice:
    from events import facturx

    booking = invoice.booking
    today = timezone.localdate()
    with translation.override(booking.language):
        mentions = documents.credit_note_mentions(invoice=invoice)
    credit = Invoice.objects.create(
        kind=Invoice.Kind.CREDIT_NOTE,
        booking=booking,
        quote=invoice.quote,
        refers=invoice,
        number=documents.next_number(Kind.CREDIT_NOTE, on=today),
        issued_on=today,
        service_on=invoice.service_on,
        buyer_reference=invoice.buyer_reference,
        service_code=invoice.service_code,
        seller=invoice.seller,
        buyer=invoice.buyer,
        mentions=mentions,
        net_cents=invoice.net_cents,
        vat_cents=invoice.vat_cents,
        gross_cents=invoice.gross_cents,
    )
    InvoiceLine.objects.bulk_create(
        InvoiceLine(
            invoice=credit,
            description=line.description,
            quantity=line.quantity,
            unit_price_cents=line.unit_price_cents,
            vat_rate=line.vat_rate,
            position=line.position,
        )
        for line in invoice.lines.all()
    )
    with translation.override(booking.language):
        pdf = facturx.make_facturx_pdf(
            documents.invoice_document(credit), language=booking.language
        )
    credit.pdf.save(f"{credit.number}.pdf", ContentFile(pdf), save=False)
    credit.save(update_fields=["pdf"])
    _log(booking, "credit_note", actor=actor, note=credit.number)
    if invoice.stripe_invoice_id:
        _cancel_at_stripe(invoice)
    _owe(
        "credit_note", booking, key=f"credit-note:{credit.number}", credit_id=credit.pk
    )
    return credit


def _cancel_at_stripe(invoice: Invoice) -> None:
    from payments.gateway import GatewayError, get_gateway

    gateway = get_gateway()
    if gateway.demo:
        return
    try:
        if invoice.paid_at is None:
            gateway.void_invoice(invoice.stripe_invoice_id)
        else:
            gateway.credit_invoice(invoice.stripe_invoice_id, invoice.gross_cents)
    except GatewayError:
        logger.exception("Could not cancel %s at Stripe", invoice.number)
        raise BookingError(
            _("Stripe is unavailable: nothing was cancelled. Please try again shortly.")
        ) from None
