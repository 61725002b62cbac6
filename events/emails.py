"""Emails about seats and bookings, HTML and text. Each function is a builder for
the outgoing queue (``core.outbox``): the services owe it in the transaction of
the change, and it is built at delivery, in the reader's language, from the state
as committed. Documents travel as attachments: tickets as QR-code images plus the
calendar file; quotes, invoices and credit notes as PDF."""

from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.translation import gettext as _

from core.links import absolute_url
from core.outbox import compose
from events.ical import conference_ics
from events.models import Booking, Invoice, Quote, SeatOrder, SellerSettings
from events.pdf import render_pdf
from events.services.document_contents import quote_document
from events.services.document_files import store_invoice_pdf
from events.tickets import qr_png


def _booking_url(booking: Booking) -> str:
    return absolute_url(reverse("events:booking", args=[booking.access_key]))


def _message(
    subject, template, *, to, attachments=(), **context
) -> EmailMultiAlternatives:
    seller = SellerSettings.load()
    return compose(
        subject=subject,
        template=f"events/email/{template}",
        context={"seller": seller, **context},
        to=[to],
        attachments=attachments,
        reply_to=[seller.billing_email],
    )


def _order(order_id: int) -> SeatOrder:
    return SeatOrder.objects.select_related("conference").get(pk=order_id)


def tickets(*, order_id: int) -> EmailMultiAlternatives:
    order = _order(order_id)
    conference = order.conference
    issued = list(order.tickets.all())
    attachments = [
        (f"billet-{ticket.number}.png", qr_png(ticket), "image/png")
        for ticket in issued
    ]
    attachments.append(
        (f"versus-{conference.slug}.ics", conference_ics(conference), "text/calendar")
    )
    return _message(
        _("[Versus] Your tickets: %(title)s") % {"title": conference.title},
        "tickets",
        to=order.email,
        attachments=attachments,
        order=order,
        conference=conference,
        tickets=issued,
        order_url=absolute_url(reverse("events:order", args=[order.access_key])),
    )


def refund(*, order_id: int, late: bool = True) -> EmailMultiAlternatives:
    order = _order(order_id)
    return _message(
        _("[Versus] Refunded: %(title)s") % {"title": order.conference.title},
        "refund",
        to=order.email,
        order=order,
        conference=order.conference,
        late=late,
    )


def waiting_offer(*, order_id: int) -> EmailMultiAlternatives:
    order = _order(order_id)
    return _message(
        _("[Versus] Seats are free for you: %(title)s")
        % {"title": order.conference.title},
        "waiting_offer",
        to=order.email,
        order=order,
        conference=order.conference,
        pay_url=absolute_url(reverse("events:order", args=[order.access_key])),
    )


def request_received(*, booking_id: int) -> EmailMultiAlternatives:
    """The acknowledgement to the institution."""
    booking = Booking.objects.get(pk=booking_id)
    return _message(
        _("[Versus] We have your request"),
        "request_received",
        to=booking.email,
        booking=booking,
        booking_url=_booking_url(booking),
    )


def staff_new_request(*, booking_id: int) -> EmailMultiAlternatives:
    """The same request, to the billing address, with its page in the admin."""
    booking = Booking.objects.get(pk=booking_id)
    seller = SellerSettings.load()
    return compose(
        subject=_("[Versus] New booking request: %(name)s")
        % {"name": booking.legal_name},
        template="events/email/staff_new_request",
        context={
            "booking": booking,
            "admin_url": absolute_url(
                reverse("events_bookings:detail", args=[booking.pk])
            ),
        },
        to=[seller.billing_email],
    )


def quote(*, quote_id: int) -> EmailMultiAlternatives:
    record = Quote.objects.select_related("booking").get(pk=quote_id)
    booking = record.booking
    pdf = render_pdf(quote_document(record), language=booking.language)
    return _message(
        _("[Versus] Quote %(number)s") % {"number": record.number},
        "quote",
        to=booking.email,
        attachments=[(f"{record.number}.pdf", pdf, "application/pdf")],
        booking=booking,
        quote=record,
        booking_url=_booking_url(booking),
    )


def _invoice_pdf(document: Invoice) -> tuple[str, bytes, str]:
    # Rendered after the issue committed; if this email is built first, it
    # renders the file (once: the other finds it stored).
    if not document.pdf:
        document = store_invoice_pdf(document.pk)
    with document.pdf.open("rb") as handle:
        return (f"{document.number}.pdf", handle.read(), "application/pdf")


def _about_invoice(
    subject, template, document: Invoice, *, attach: bool, **context
) -> EmailMultiAlternatives:
    booking = document.booking
    return _message(
        subject,
        template,
        to=booking.email,
        attachments=[_invoice_pdf(document)] if attach else [],
        booking=booking,
        booking_url=_booking_url(booking),
        **context,
    )


def _invoice(invoice_id: int) -> Invoice:
    return Invoice.objects.select_related("booking").get(pk=invoice_id)


def invoice(*, invoice_id: int) -> EmailMultiAlternatives:
    document = _invoice(invoice_id)
    return _about_invoice(
        _("[Versus] Invoice %(number)s") % {"number": document.number},
        "invoice",
        document,
        attach=True,
        invoice=document,
    )


def receipt(*, invoice_id: int) -> EmailMultiAlternatives:
    document = _invoice(invoice_id)
    return _about_invoice(
        _("[Versus] Payment received for invoice %(number)s")
        % {"number": document.number},
        "receipt",
        document,
        attach=False,
        invoice=document,
    )


def reminder(*, invoice_id: int) -> EmailMultiAlternatives:
    # Paid or cancelled by a credit note while the email waited: the reminder is
    # about nothing any more, and the outbox drops it.
    document = Invoice.objects.select_related("booking").get(
        pk=invoice_id, paid_at__isnull=True, credit_note__isnull=True
    )
    return _about_invoice(
        _("[Versus] Reminder: invoice %(number)s is overdue")
        % {"number": document.number},
        "reminder",
        document,
        attach=True,
        invoice=document,
    )


def credit_note(*, credit_id: int) -> EmailMultiAlternatives:
    document = _invoice(credit_id)
    return _about_invoice(
        _("[Versus] Credit note %(number)s") % {"number": document.number},
        "credit_note",
        document,
        attach=True,
        credit=document,
    )
