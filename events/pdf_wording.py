"""How quotes, invoices and credit notes word and format things, in French and in
English: labels, month names, amounts, rates, quantities, dates and IBANs, with
French typography (narrow no-break spaces before « % » and between thousands)."""

import datetime

from core.money import NBSP
from events.document_data import Document, Kind

# Amounts, rates and quantities are worded by core.money, in the document's
# language; a no-break space keeps "n°" with its number.

LANGUAGES = ("fr", "en")

MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

LABELS = {
    "fr": {
        Kind.QUOTE: "DEVIS",
        Kind.INVOICE: "FACTURE",
        Kind.CREDIT_NOTE: "AVOIR",
        "number": f"n°{NBSP}",
        "issued_on": "Date d'émission",
        "valid_until": "Valable jusqu'au",
        "due_on": "Échéance",
        "service_on": "Date de la prestation",
        "buyer_reference": "Bon de commande / n° d'engagement",
        "service_code": "Code service",
        "quote_number": "Devis",
        "refers_to": f"Avoir sur la facture n°{NBSP}",
        "buyer": "Client",
        "siret": "SIRET",
        "vat_number": "N° TVA intracommunautaire",
        "description": "Désignation",
        "quantity": "Qté",
        "unit_price": "PU HT",
        "vat_rate": "TVA",
        "line_total": "Total HT",
        "breakdown_rate": "Taux de TVA",
        "breakdown_net": "Base HT",
        "breakdown_vat": "Montant TVA",
        "net_total": "Total HT",
        "vat_total": "Total TVA",
        "gross_total": "Total TTC",
        "bank_transfer": "Règlement par virement bancaire",
        "account_holder": "Titulaire",
        "iban": "IBAN",
        "bic": "BIC",
        "page": "page",
    },
    "en": {
        Kind.QUOTE: "Quote",
        Kind.INVOICE: "Invoice",
        Kind.CREDIT_NOTE: "Credit note",
        "number": f"No.{NBSP}",
        "issued_on": "Date of issue",
        "valid_until": "Valid until",
        "due_on": "Due date",
        "service_on": "Date of service",
        "buyer_reference": "Purchase order / commitment no.",
        "service_code": "Service code",
        "quote_number": "Quote",
        "refers_to": f"Credit note on invoice No.{NBSP}",
        "buyer": "Customer",
        "siret": "SIRET",
        "vat_number": "VAT number",
        "description": "Description",
        "quantity": "Qty",
        "unit_price": "Unit price excl. VAT",
        "vat_rate": "VAT",
        "line_total": "Total excl. VAT",
        "breakdown_rate": "VAT rate",
        "breakdown_net": "Taxable amount",
        "breakdown_vat": "VAT amount",
        "net_total": "Total excl. VAT",
        "vat_total": "Total VAT",
        "gross_total": "Total incl. VAT",
        "bank_transfer": "Payment by bank transfer",
        "account_holder": "Account holder",
        "iban": "IBAN",
        "bic": "BIC",
        "page": "page",
    },
}


def pdf_language(language: str) -> str:
    code = language.split("-")[0].split("_")[0].lower()
    if code not in LANGUAGES:
        raise ValueError(f"No PDF wording for language {language!r}")
    return code


def format_date(date: datetime.date, *, language: str = "fr") -> str:
    """A date spelled out, so that neither reader mistakes day for month."""
    language = pdf_language(language)
    month = MONTHS[language][date.month - 1]
    if language == "en":
        return f"{date.day} {month} {date.year}"
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {month} {date.year}"


def format_iban(iban: str) -> str:
    compact = "".join(iban.split()).upper()
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def document_title(document: Document, *, language: str = "fr") -> str:
    """``FACTURE n° FAC-2026-0001``, ``Invoice No. FAC-2026-0001``..."""
    labels = LABELS[pdf_language(language)]
    return f"{labels[document.kind]} {labels['number']}{document.number}"
