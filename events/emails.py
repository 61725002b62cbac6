"""Emails about seats and bookings, HTML and text, in the language of the person
who booked (the caller sets it). Documents travel as attachments: tickets as
QR-code images plus the calendar file; quotes, invoices and credit notes as PDF."""

from django.urls import reverse
from django.utils.translation import gettext as _

from config.emails import send_templated
from events.models import Booking, Invoice, Quote, SeatOrder, SellerSettings


def _absolute(path: str) -> str:
    from debates.polls.selectors import absolute

    return absolute(path)


def _booking_url(booking: Booking) -> str:
    return _absolute(reverse("events:booking", args=[booking.access_key]))


def _send(subject, template, *, to, attachments=(), **context):
    seller = SellerSettings.load()
    send_templated(
        subject=subject,
        template=f"events/email/{template}",
        context={"seller": seller, **context},
        to=[to],
        attachments=attachments,
        reply_to=[seller.billing_email],
    )


def send_tickets(order: SeatOrder) -> None:
    from events.ical import conference_ics
    from events.tickets import qr_png

    conference = order.conference
    tickets = list(order.tickets.all())
    attachments = [
        (f"billet-{ticket.number}.png", qr_png(ticket), "image/png")
        for ticket in tickets
    ]
    attachments.append(
        (f"versus-{conference.slug}.ics", conference_ics(conference), "text/calendar")
    )
    _send(
        _("[Versus] Your tickets: %(title)s") % {"title": conference.title},
        "tickets",
        to=order.email,
        attachments=attachments,
        order=order,
        conference=conference,
        tickets=tickets,
        order_url=_absolute(reverse("events:order", args=[order.access_key])),
    )


def send_refund(order: SeatOrder, *, late: bool = True) -> None:
    _send(
        _("[Versus] Refunded: %(title)s") % {"title": order.conference.title},
        "refund",
        to=order.email,
        order=order,
        conference=order.conference,
        late=late,
    )


def send_waiting_list_offer(order: SeatOrder) -> None:
    _send(
        _("[Versus] Seats are free for you: %(title)s")
        % {"title": order.conference.title},
        "waiting_offer",
        to=order.email,
        order=order,
        conference=order.conference,
        pay_url=_absolute(reverse("events:order", args=[order.access_key])),
    )


def send_request_received(booking: Booking) -> None:
    _send(
        _("[Versus] We have your request"),
        "request_received",
        to=booking.email,
        booking=booking,
        booking_url=_booking_url(booking),
    )
    seller = SellerSettings.load()
    send_templated(
        subject=_("[Versus] New booking request: %(name)s")
        % {"name": booking.legal_name},
        template="events/email/staff_new_request",
        context={
            "booking": booking,
            "admin_url": _absolute(
                reverse("events_bookings:detail", args=[booking.pk])
            ),
        },
        to=[seller.billing_email],
    )


def send_quote(quote: Quote) -> None:
    from events.pdf import render_pdf
    from events.services.documents import quote_document

    booking = quote.booking
    pdf = render_pdf(quote_document(quote), language=booking.language)
    _send(
        _("[Versus] Quote %(number)s") % {"number": quote.number},
        "quote",
        to=booking.email,
        attachments=[(f"{quote.number}.pdf", pdf, "application/pdf")],
        booking=booking,
        quote=quote,
        booking_url=_booking_url(booking),
    )


def _invoice_pdf(invoice: Invoice) -> tuple[str, bytes, str]:
    with invoice.pdf.open("rb") as handle:
        return (f"{invoice.number}.pdf", handle.read(), "application/pdf")


def _about_invoice(subject, template, document: Invoice, *, attach: bool, **context):
    booking = document.booking
    _send(
        subject,
        template,
        to=booking.email,
        attachments=[_invoice_pdf(document)] if attach else [],
        booking=booking,
        booking_url=_booking_url(booking),
        **context,
    )


def send_invoice(invoice: Invoice) -> None:
    _about_invoice(
        _("[Versus] Invoice %(number)s") % {"number": invoice.number},
        "invoice",
        invoice,
        attach=True,
        invoice=invoice,
    )


def send_receipt(invoice: Invoice) -> None:
    _about_invoice(
        _("[Versus] Payment received for invoice %(number)s")
        % {"number": invoice.number},
        "receipt",
        invoice,
        attach=False,
        invoice=invoice,
    )


def send_reminder(invoice: Invoice) -> None:
    _about_invoice(
        _("[Versus] Reminder: invoice %(number)s is overdue")
        % {"number": invoice.number},
        "reminder",
        invoice,
        attach=True,
        invoice=invoice,
    )


def send_credit_note(credit: Invoice) -> None:
    _about_invoice(
        _("[Versus] Credit note %(number)s") % {"number": credit.number},
        "credit_note",
        credit,
        attach=True,
        credit=credit,
    )
