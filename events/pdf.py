"""Quotes, invoices and credit notes as PDF files.

The layout is drawn with fpdf2 from a ``Document``; nothing is computed here that
the document does not already carry, so the totals printed are those of the
Factur-X XML (see ``events.facturx``).
"""

import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, VAlign, XPos, YPos
from fpdf.fonts import FontFace

from core.money import NBSP, format_quantity, format_rate, money
from events.document_data import Document, Kind, Party
from events.pdf_wording import (
    LABELS,
    document_title,
    format_date,
    format_iban,
    pdf_language,
)

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"

INK = (30, 30, 30)
MUTED = (100, 100, 100)
RULE = (170, 170, 170)
SHADE = (238, 238, 238)

MARGIN = 18
LINE_HEIGHT = 4.6


class _DocumentPDF(FPDF):
    def __init__(self, footer_text: str, **kwargs) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4", **kwargs)
        self.footer_text = footer_text

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, size=7.5)
        self.set_text_color(*MUTED)
        self.cell(
            0,
            5,
            f"{self.footer_text} {self.page_no()}/{{nb}}",
            align=Align.C,
        )


def render_pdf(
    document: Document, *, language: str = "fr", pdf_a: bool = False
) -> bytes:
    """The document as an A4 PDF, in French or English.

    The same document gives the same bytes: the creation date is the issue date and
    the file identifier derives from the content. ``pdf_a`` makes a PDF/A-3B base
    for Factur-X, whose XMP packet carries the rendering time and so is not
    reproducible.
    """
    language = pdf_language(language)
    labels = LABELS[language]
    title = document_title(document, language=language)
    pdf = _DocumentPDF(
        footer_text=f"{document.seller.name} — {title} — {labels['page']}",
        enforce_compliance="PDF/A-3B" if pdf_a else None,
    )
    pdf.add_font(FONT, "", FONTS_DIR / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONTS_DIR / "DejaVuSans-Bold.ttf")
    pdf.set_title(title)
    pdf.set_author(document.seller.name)
    pdf.set_subject(f"{title} — {document.buyer.name}")
    pdf.set_lang("fr-FR" if language == "fr" else "en-GB")
    pdf.set_creation_date(
        datetime.datetime.combine(document.issued_on, datetime.time(), datetime.UTC)
    )
    pdf.set_margins(MARGIN, 16, MARGIN)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*RULE)
    pdf.add_page()

    _header(pdf, document, title, language)
    _lines(pdf, document, language)
    _totals(pdf, document, language)
    if document.kind == Kind.INVOICE and document.iban:
        _bank_details(pdf, document, language)
    _mentions(pdf, document)
    return bytes(pdf.output())


def _party_lines(party: Party) -> list[str]:
    lines = [*party.street.splitlines(), f"{party.postcode} {party.city}".strip()]
    if party.country and party.country != "FR":
        lines.append(party.country)
    return lines


def _party_ids(party: Party, language: str) -> list[str]:
    labels = LABELS[language]
    lines = []
    if party.siret:
        lines.append(_pair(labels["siret"], party.siret, language))
    if party.vat_number:
        lines.append(_pair(labels["vat_number"], party.vat_number, language))
    if party.email:
        lines.append(party.email)
    return lines


def _pair(label: str, value: str, language: str) -> str:
    # French puts a (no-break) space before the colon, English does not.
    colon = f"{NBSP}:" if language == "fr" else ":"
    return f"{label}{colon} {value}"


def _text(
    pdf: FPDF, width: float, text: str, *, size: float = 9, bold: bool = False
) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.multi_cell(
        width,
        LINE_HEIGHT * size / 9,
        text,
        align=Align.L,
        new_x=XPos.LEFT,
        new_y=YPos.NEXT,
    )


def _gap(pdf: FPDF, height: float) -> None:
    """Vertical space that keeps the current x, unlike ``ln()``."""
    pdf.set_xy(pdf.get_x(), pdf.get_y() + height)


def _header(pdf: FPDF, document: Document, title: str, language: str) -> None:
    labels = LABELS[language]
    column = (pdf.epw - 8) / 2
    right = MARGIN + column + 8
    top = pdf.get_y()

    seller = document.seller
    pdf.set_xy(MARGIN, top)
    _text(pdf, column, seller.name, size=12, bold=True)
    _gap(pdf, 1)
    for line in _party_lines(seller):
        _text(pdf, column, line)
    pdf.set_text_color(*MUTED)
    for line in seller.legal_lines:
        _text(pdf, column, line, size=7.5)
    for line in _party_ids(seller, language):
        _text(pdf, column, line, size=7.5)
    pdf.set_text_color(*INK)
    seller_bottom = pdf.get_y()

    pdf.set_xy(right, top)
    pdf.set_font(FONT, "B", 15)
    pdf.multi_cell(column, 7, title, align=Align.R, new_x=XPos.LEFT, new_y=YPos.NEXT)
    _gap(pdf, 2)
    dates = [(labels["issued_on"], document.issued_on)]
    if document.kind == Kind.QUOTE and document.valid_until:
        dates.append((labels["valid_until"], document.valid_until))
    if document.kind == Kind.INVOICE and document.due_on:
        dates.append((labels["due_on"], document.due_on))
    if document.service_on:
        dates.append((labels["service_on"], document.service_on))
    pdf.set_font(FONT, "", 9)
    for label, date in dates:
        pdf.set_x(right)
        pdf.multi_cell(
            column,
            LINE_HEIGHT,
            _pair(label, format_date(date, language=language), language),
            align=Align.R,
            new_x=XPos.LEFT,
            new_y=YPos.NEXT,
        )
    title_bottom = pdf.get_y()

    second_row = max(seller_bottom, title_bottom) + 7
    references = []
    if document.refers_to:
        references.append(f"{labels['refers_to']}{document.refers_to}")
    if document.quote_number:
        references.append(
            _pair(labels["quote_number"], document.quote_number, language)
        )
    if document.buyer_reference:
        references.append(
            _pair(labels["buyer_reference"], document.buyer_reference, language)
        )
    if document.service_code:
        references.append(
            _pair(labels["service_code"], document.service_code, language)
        )
    pdf.set_xy(MARGIN, second_row + 5)
    for line in references:
        _text(pdf, column, line)
    references_bottom = pdf.get_y()

    buyer = document.buyer
    padding = 3
    inner = column - 2 * padding
    pdf.set_xy(right + padding, second_row + padding)
    pdf.set_text_color(*MUTED)
    _text(pdf, inner, labels["buyer"].upper(), size=7.5)
    pdf.set_text_color(*INK)
    _text(pdf, inner, buyer.name, size=10, bold=True)
    for line in _party_lines(buyer):
        _text(pdf, inner, line)
    pdf.set_text_color(*MUTED)
    for line in _party_ids(buyer, language):
        _text(pdf, inner, line, size=7.5)
    pdf.set_text_color(*INK)
    buyer_bottom = pdf.get_y() + padding
    pdf.rect(right, second_row, column, buyer_bottom - second_row)

    pdf.set_xy(MARGIN, max(buyer_bottom, references_bottom) + 8)


def _lines(pdf: FPDF, document: Document, language: str) -> None:
    labels = LABELS[language]
    currency = document.currency
    with pdf.table(
        width=pdf.epw,
        col_widths=(88, 14, 28, 16, 30),
        text_align=(Align.L, Align.R, Align.R, Align.R, Align.R),
        v_align=VAlign.T,
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        headings_style=FontFace(emphasis="BOLD", fill_color=SHADE, size_pt=8.5),
        line_height=LINE_HEIGHT,
        padding=(1.6, 1.5),
        repeat_headings=1,
    ) as table:
        pdf.set_font(FONT, "", 9)
        heading = table.row()
        for key in ("description", "quantity", "unit_price", "vat_rate", "line_total"):
            heading.cell(labels[key])
        for line in document.lines:
            table.row(
                (
                    line.description,
                    format_quantity(line.quantity, language=language),
                    money(line.unit_price_cents, currency, language=language),
                    format_rate(line.vat_rate, language=language),
                    money(line.net_cents, currency, language=language),
                )
            )


def _totals(pdf: FPDF, document: Document, language: str) -> None:
    labels = LABELS[language]
    currency = document.currency
    row_height = 6
    breakdown = document.breakdown
    needed = 8 + max((len(breakdown) + 1) * row_height, 3 * row_height + 2)
    pdf.ln(6)
    if pdf.will_page_break(needed):
        pdf.add_page()
    top = pdf.get_y()

    breakdown_width = 96
    pdf.set_font(FONT, "", 8.5)
    with pdf.table(
        width=breakdown_width,
        align=Align.L,
        col_widths=(1, 1, 1),
        text_align=(Align.L, Align.R, Align.R),
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        headings_style=FontFace(emphasis="BOLD", fill_color=SHADE),
        line_height=LINE_HEIGHT,
        padding=(1.2, 1.5),
    ) as table:
        table.row(
            (labels["breakdown_rate"], labels["breakdown_net"], labels["breakdown_vat"])
        )
        for item in breakdown:
            table.row(
                (
                    format_rate(item.rate, language=language),
                    money(item.net_cents, currency, language=language),
                    money(item.vat_cents, currency, language=language),
                )
            )
    breakdown_bottom = pdf.get_y()

    width = 70
    left = pdf.w - MARGIN - width
    pdf.set_xy(left, top)
    totals = (
        (labels["net_total"], document.net_cents, False),
        (labels["vat_total"], document.vat_cents, False),
        (labels["gross_total"], document.gross_cents, True),
    )
    for label, cents, emphasis in totals:
        pdf.set_x(left)
        pdf.set_font(FONT, "B" if emphasis else "", 10 if emphasis else 9)
        if emphasis:
            pdf.set_fill_color(*SHADE)
        pdf.cell(width * 0.5, row_height + 1, f" {label}", fill=emphasis, border="T")
        pdf.cell(
            width * 0.5,
            row_height + 1,
            f"{money(cents, currency, language=language)} ",
            align=Align.R,
            fill=emphasis,
            border="T",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    pdf.set_xy(MARGIN, max(pdf.get_y(), breakdown_bottom) + 6)


def _bank_details(pdf: FPDF, document: Document, language: str) -> None:
    labels = LABELS[language]
    rows = [_pair(labels["account_holder"], document.seller.name, language)]
    rows.append(_pair(labels["iban"], format_iban(document.iban), language))
    if document.bic:
        rows.append(_pair(labels["bic"], document.bic.upper(), language))
    padding = 3
    height = 2 * padding + LINE_HEIGHT * (len(rows) + 1) + 1
    if pdf.will_page_break(height):
        pdf.add_page()
    top = pdf.get_y()
    width = 110
    pdf.set_xy(MARGIN + padding, top + padding)
    _text(pdf, width - 2 * padding, labels["bank_transfer"], bold=True)
    _gap(pdf, 1)
    for row in rows:
        _text(pdf, width - 2 * padding, row)
    bottom = pdf.get_y() + padding
    pdf.rect(MARGIN, top, width, bottom - top)
    pdf.set_xy(MARGIN, bottom + 6)


def _mentions(pdf: FPDF, document: Document) -> None:
    if not document.mentions:
        return
    pdf.set_text_color(*MUTED)
    for mention in document.mentions:
        _text(pdf, pdf.epw, mention, size=7.5)
        _gap(pdf, 0.8)
    pdf.set_text_color(*INK)
