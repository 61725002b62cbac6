"""Money as integers in cents, shown in the reader's language, never through a
float: ``1 234,56 €`` in French, ``€1,234.56`` in English; VAT rates as
``5,5 %`` or ``5.5%``. The same functions word the PDFs, which are written in
the document's language rather than the request's."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import get_language

__all__ = [
    "NBSP",
    "NNBSP",
    "euros",
    "format_quantity",
    "format_rate",
    "money",
    "vat_inside",
]

# French typography: a narrow no-break space groups thousands and precedes "%",
# a no-break space keeps the currency symbol with its number.
NNBSP = "\u202f"
NBSP = "\u00a0"

CURRENCY_SYMBOLS = {"EUR": "€"}


def _language(language: str | None) -> str:
    code = (language or get_language() or "fr").split("-")[0].split("_")[0].lower()
    return "en" if code == "en" else "fr"


def _group_thousands(number: int, separator: str) -> str:
    return f"{number:,}".replace(",", separator)


def money(cents: int, currency: str = "EUR", *, language: str | None = None) -> str:
    """``123456`` cents as ``1 234,56 €`` (French) or ``€1,234.56`` (English), in
    ``language`` or the active one."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(int(cents)), 100)
    code = currency.upper()
    symbol = CURRENCY_SYMBOLS.get(code, code)
    if _language(language) == "en":
        separator = "" if code in CURRENCY_SYMBOLS else NBSP
        return f"{sign}{symbol}{separator}{_group_thousands(units, ',')}.{rest:02d}"
    return f"{sign}{_group_thousands(units, NNBSP)},{rest:02d}{NBSP}{symbol}"


def format_rate(rate, *, language: str | None = None) -> str:
    """``Decimal("20.00")`` as ``20 %``, ``Decimal("5.5")`` as ``5,5 %`` (``5.5%``)."""
    text = f"{Decimal(rate).normalize():f}"
    if _language(language) == "en":
        return f"{text}%"
    return f"{text.replace('.', ',')}{NNBSP}%"


def format_quantity(quantity: int, *, language: str | None = None) -> str:
    separator = "," if _language(language) == "en" else NNBSP
    sign = "-" if quantity < 0 else ""
    return sign + _group_thousands(abs(int(quantity)), separator)


def euros(cents: int | None) -> Decimal | None:
    """Cents as an exact number of euros (``Decimal("12.30")``), for exports that
    spreadsheets add up."""
    if cents is None:
        return None
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def vat_inside(gross_cents: int, rate) -> int:
    """The VAT part of a VAT-inclusive amount in cents: gross - gross / (1 + rate),
    the net rounded half up once."""
    gross = Decimal(gross_cents)
    net = (gross * 100 / (100 + Decimal(rate))).quantize(Decimal(1), ROUND_HALF_UP)
    return int(gross - net)
