"""What a quote, an invoice or a credit note says: the frozen copies of seller
and buyer, the legal mentions, the totals, and the plain ``Document`` built from
a stored record for the PDF and the Factur-X XML."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from events.document_data import Document, Kind, Line, Party
from events.models import Booking, Invoice, Quote, SellerSettings


def seller_copy() -> dict:
    seller = SellerSettings.load()
    return {
        "name": seller.legal_name,
        "street": seller.street,
        "postcode": seller.postcode,
        "city": seller.city,
        "country": "FR",
        "siret": seller.siret,
        "vat_number": seller.vat_number,
        "email": seller.billing_email,
        "legal_lines": [seller.legal_form, seller.rcs],
    }


def buyer_copy(booking: Booking) -> dict:
    return {
        "name": booking.legal_name,
        "street": booking.street,
        "postcode": booking.postcode,
        "city": booking.city,
        "country": booking.country,
        "siret": booking.siret,
        "vat_number": booking.vat_number,
        "email": booking.email,
        "legal_lines": [],
    }


def _party(data: dict) -> Party:
    return Party(**{**data, "legal_lines": tuple(data.get("legal_lines", ()))})


def _lines(record) -> tuple[Line, ...]:
    return tuple(
        Line(
            description=line.description,
            quantity=line.quantity,
            unit_price_cents=line.unit_price_cents,
            vat_rate=line.vat_rate,
        )
        for line in record.lines.all()
    )


def quote_document(quote: Quote) -> Document:
    return Document(
        kind=Kind.QUOTE,
        number=quote.number,
        issued_on=quote.issued_on,
        seller=_party(quote.seller),
        buyer=_party(quote.buyer),
        lines=_lines(quote),
        valid_until=quote.valid_until,
        service_on=service_on(quote.booking),
        service_code=quote.booking.service_code,
        mentions=tuple(quote.mentions),
    )


def invoice_document(invoice: Invoice) -> Document:
    return Document(
        kind=Kind.CREDIT_NOTE if invoice.is_credit_note else Kind.INVOICE,
        number=invoice.number,
        issued_on=invoice.issued_on,
        seller=_party(invoice.seller),
        buyer=_party(invoice.buyer),
        lines=_lines(invoice),
        due_on=invoice.due_on,
        service_on=invoice.service_on,
        buyer_reference=invoice.buyer_reference,
        service_code=invoice.service_code,
        quote_number=invoice.quote.number if invoice.quote_id else "",
        refers_to=invoice.refers.number if invoice.refers_id else "",
        iban=invoice.iban,
        bic=invoice.bic,
        mentions=tuple(invoice.mentions),
    )


def service_on(booking: Booking) -> datetime.date | None:
    if booking.conference_id:
        return timezone.localtime(booking.conference.starts_at).date()
    return None


def quote_mentions(*, valid_until: datetime.date) -> list[str]:
    seller = SellerSettings.load()
    return [
        _("Quote valid until %(date)s.") % {"date": valid_until.strftime("%d/%m/%Y")},
        _("Prices in euros excluding VAT; VAT at the rate shown on each line."),
        _(
            "To accept, confirm online with your purchase order number, or return "
            "this quote signed with the words « Bon pour accord »."
        ),
        _(
            "Payment within %(days)s days of the invoice, by bank transfer or card. "
            "No discount for early payment."
        )
        % {"days": seller.payment_days},
    ]


def invoice_mentions(*, due_on: datetime.date) -> list[str]:
    seller = SellerSettings.load()
    return [
        _("Payment due by %(date)s, by bank transfer or card.")
        % {"date": due_on.strftime("%d/%m/%Y")},
        _("No discount for early payment."),
        _(
            "Late payment: penalties at %(rate)s from the day after the due date, and "
            "a fixed recovery indemnity of 40 € (Code de commerce, art. L441-10 "
            "and D441-5)."
        )
        % {"rate": seller.late_penalty},
    ]


def credit_note_mentions(*, invoice: Invoice) -> list[str]:
    return [
        _("Credit note cancelling invoice %(number)s of %(date)s.")
        % {"number": invoice.number, "date": invoice.issued_on.strftime("%d/%m/%Y")},
        _("Any amount already paid on that invoice will be refunded by bank transfer."),
    ]


def totals(lines: list[Line]) -> dict:
    """The stored totals: the same computation as the document's (per VAT rate)."""
    probe = Document(
        kind=Kind.QUOTE,
        number="",
        issued_on=timezone.localdate(),
        seller=Party("", "", "", ""),
        buyer=Party("", "", "", ""),
        lines=tuple(lines),
    )
    return {
        "net_cents": probe.net_cents,
        "vat_cents": probe.vat_cents,
        "gross_cents": probe.gross_cents,
    }


def save_lines(model, owner_field: str, owner, lines: list[Line]) -> None:
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
