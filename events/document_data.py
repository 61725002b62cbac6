"""Quotes, invoices and credit notes as plain, frozen data.

A document is built once from the database
(``events.services.document_contents``) and then only read: by the HTML view, the
PDF renderer and the Factur-X XML. Amounts are integer cents
excluding VAT per line; VAT is computed per rate on the sum of the lines at that
rate, rounded half up to the cent (EN 16931 rule BR-CO-17), so the totals printed
on the PDF and those in the XML are the same numbers.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal


class Kind:
    QUOTE = "quote"
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"


def vat_cents(net_cents: int, rate: Decimal) -> int:
    """VAT on a net amount in cents, rounded half up (away from zero)."""
    exact = Decimal(net_cents) * Decimal(rate) / 100
    return int(exact.quantize(Decimal(1), ROUND_HALF_UP))


@dataclass(frozen=True)
class Party:
    """Seller or buyer as printed on the document (a copy, never a live link)."""

    name: str
    street: str
    postcode: str
    city: str
    country: str = "FR"
    siret: str = ""
    vat_number: str = ""
    email: str = ""
    # Seller only: legal form, share capital, RCS... one printed line each.
    legal_lines: tuple[str, ...] = ()

    @property
    def siren(self) -> str:
        return self.siret[:9]


@dataclass(frozen=True)
class Line:
    description: str
    quantity: int
    unit_price_cents: int  # excluding VAT
    vat_rate: Decimal = Decimal("20.00")

    @property
    def net_cents(self) -> int:
        return self.quantity * self.unit_price_cents


@dataclass(frozen=True)
class VatBreakdown:
    rate: Decimal
    net_cents: int
    vat_cents: int


@dataclass(frozen=True)
class Document:
    kind: str  # a Kind value
    number: str
    issued_on: datetime.date
    seller: Party
    buyer: Party
    lines: tuple[Line, ...]
    currency: str = "EUR"
    # Quotes: until when the offer holds. Invoices: when payment is due.
    valid_until: datetime.date | None = None
    due_on: datetime.date | None = None
    service_on: datetime.date | None = None  # date of the conference, if known
    buyer_reference: str = ""  # the buyer's purchase-order / commitment number
    service_code: str = ""  # Chorus Pro code service of a public buyer
    quote_number: str = ""  # the quote an invoice comes from
    refers_to: str = ""  # a credit note: the number of the invoice it cancels
    iban: str = ""
    bic: str = ""
    # Printed at the bottom: payment terms, late penalties, validity, etc.
    mentions: tuple[str, ...] = field(default_factory=tuple)

    @property
    def breakdown(self) -> tuple[VatBreakdown, ...]:
        by_rate: dict[Decimal, int] = {}
        for line in self.lines:
            by_rate[line.vat_rate] = by_rate.get(line.vat_rate, 0) + line.net_cents
        return tuple(
            VatBreakdown(rate=rate, net_cents=net, vat_cents=vat_cents(net, rate))
            for rate, net in sorted(by_rate.items())
        )

    @property
    def net_cents(self) -> int:
        return sum(line.net_cents for line in self.lines)

    @property
    def vat_cents(self) -> int:
        return sum(item.vat_cents for item in self.breakdown)

    @property
    def gross_cents(self) -> int:
        return self.net_cents + self.vat_cents
