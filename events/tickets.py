"""Tickets: one QR code per seat, drawn by segno (pure Python, no Pillow needed).

The code carries the ticket's URL; opening it at the door shows whether the
ticket is valid, for which conference and in whose name."""

import io

import segno
from django.urls import reverse

from core.links import absolute_url
from events.models import Ticket


def ticket_url(ticket: Ticket) -> str:
    return absolute_url(reverse("events:ticket", args=[ticket.code]))


def qr_png(ticket: Ticket) -> bytes:
    buffer = io.BytesIO()
    segno.make(ticket_url(ticket), error="m").save(
        buffer, kind="png", scale=8, border=2
    )
    return buffer.getvalue()


def qr_svg(ticket: Ticket, *, title: str = "") -> str:
    return segno.make(ticket_url(ticket), error="m").svg_inline(
        scale=5, border=2, title=title or None
    )
