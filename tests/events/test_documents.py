"""PDF and Factur-X forms of quotes, invoices and credit notes."""

import dataclasses
import datetime
import io
from decimal import Decimal

import facturx
import pytest
from lxml import etree
from pypdf import PdfReader

from core.money import format_rate, money
from events.document_data import Document, Kind, Line, Party
from events.facturx import facturx_xml, make_facturx_pdf
from events.pdf import render_pdf
from events.pdf_wording import format_date

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}

SELLER = Party(
    name="Versus Conférences SAS",
    street="12 rue de l'Éclair\nBâtiment B",
    postcode="75011",
    city="Paris",
    siret="81234567800021",
    vat_number="FR32812345678",
    email="facturation@versus.example",
    legal_lines=("SAS au capital de 10 000 €", "RCS Paris 812 345 678"),
)
BUYER = Party(
    name="Université de Lyon « Lumière »",
    street="18 quai Claude-Bernard",
    postcode="69007",
    city="Lyon",
    siret="19691774400019",
    vat_number="FR45196917744",
)
# VAT is rounded once per rate, on the sum of its lines: at 20 %, 999,99 € + 12,03 €
# = 1 012,02 € gives 202,404 € → 202,40 €. Rounding each line (200,00 + 2,41) would
# give 202,41 €, rounding each unit (3 * 66,67 + 2,41) 202,42 €. The 5,5 % line
# lands on a half cent (1,375 €), which rounds up.
LINES = (
    Line(
        "Conférence « L'énergie de demain » — deux heures, déplacement compris",
        3,
        33333,
    ),
    Line("Badge supplémentaire", 1, 1203),
    Line("Ouvrages dédicacés", 2, 1250, Decimal("5.50")),
)
MENTIONS = (
    "Paiement à 30 jours, sans escompte pour paiement anticipé.",
    "En cas de retard, pénalités au taux de 3 fois le taux d'intérêt légal et indemnité "
    "forfaitaire de 40 € pour frais de recouvrement (art. L441-10 du Code de commerce).",
)


def make_document(kind: str = Kind.INVOICE, **changes) -> Document:
    document = Document(
        kind=kind,
        number="FAC-2026-0001",
        issued_on=datetime.date(2026, 3, 15),
        seller=SELLER,
        buyer=BUYER,
        lines=LINES,
        due_on=datetime.date(2026, 4, 14),
        service_on=datetime.date(2026, 5, 1),
        buyer_reference="PO-2026-117",
        service_code="SERV-LYON-01",
        quote_number="DEV-2026-0001",
        iban="FR76 3000 6000 0112 3456 7890 189",
        bic="AGRIFRPPXXX",
        mentions=MENTIONS,
    )
    return dataclasses.replace(document, **changes)


def make_credit_note() -> Document:
    return make_document(
        Kind.CREDIT_NOTE,
        number="AV-2026-0001",
        refers_to="FAC-2026-0001",
        quote_number="",
        due_on=None,
    )


def xpath(xml: bytes, path: str) -> list[str]:
    return [str(value) for value in etree.fromstring(xml).xpath(path, namespaces=NS)]


def pdf_text(pdf: bytes) -> str:
    """All pages' text with every run of whitespace (no-break ones too) as one space."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def spaced(text: str) -> str:
    return " ".join(text.split())


def test_amounts_are_formatted_the_french_way():
    assert money(128636) == "1\u202f286,36\u00a0€"
    assert money(5) == "0,05\u00a0€"
    assert money(123456789) == "1\u202f234\u202f567,89\u00a0€"
    assert money(-1200) == "-12,00\u00a0€"
    assert money(128636, language="en") == "€1,286.36"
    assert format_rate(Decimal("20.00")) == "20\u202f%"
    assert format_rate(Decimal("5.50")) == "5,5\u202f%"
    assert format_date(datetime.date(2026, 5, 1)) == "1er mai 2026"
    assert format_date(datetime.date(2026, 8, 15), language="en") == "15 August 2026"


def test_xml_totals_are_exact_to_the_cent():
    xml = facturx_xml(make_document())
    settlement = "//ram:ApplicableHeaderTradeSettlement"
    totals = f"{settlement}/ram:SpecifiedTradeSettlementHeaderMonetarySummation"

    assert xpath(
        xml,
        "//ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount/text()",
    ) == ["999.99", "12.03", "25.00"]
    assert xpath(xml, "//ram:NetPriceProductTradePrice/ram:ChargeAmount/text()") == [
        "333.33",
        "12.03",
        "12.50",
    ]
    assert xpath(xml, "//ram:BilledQuantity/text()") == ["3", "1", "2"]
    assert xpath(xml, "//ram:BilledQuantity/@unitCode") == ["C62", "C62", "C62"]
    assert xpath(
        xml, "//ram:SpecifiedLineTradeSettlement//ram:RateApplicablePercent/text()"
    ) == ["20.00", "20.00", "5.50"]
    # One breakdown per rate, lowest first.
    assert xpath(
        xml, f"{settlement}/ram:ApplicableTradeTax/ram:RateApplicablePercent/text()"
    ) == ["5.50", "20.00"]
    assert xpath(
        xml, f"{settlement}/ram:ApplicableTradeTax/ram:BasisAmount/text()"
    ) == ["25.00", "1012.02"]
    assert xpath(
        xml, f"{settlement}/ram:ApplicableTradeTax/ram:CalculatedAmount/text()"
    ) == ["1.38", "202.40"]
    assert xpath(
        xml, f"{settlement}/ram:ApplicableTradeTax/ram:CategoryCode/text()"
    ) == ["S", "S"]
    assert xpath(xml, f"{totals}/ram:LineTotalAmount/text()") == ["1037.02"]
    assert xpath(xml, f"{totals}/ram:TaxBasisTotalAmount/text()") == ["1037.02"]
    assert xpath(xml, f"{totals}/ram:TaxTotalAmount/text()") == ["203.78"]
    assert xpath(xml, f"{totals}/ram:TaxTotalAmount/@currencyID") == ["EUR"]
    assert xpath(xml, f"{totals}/ram:GrandTotalAmount/text()") == ["1240.80"]
    assert xpath(xml, f"{totals}/ram:DuePayableAmount/text()") == ["1240.80"]


def test_xml_carries_the_invoice_parties_and_references():
    xml = facturx_xml(make_document())

    assert xpath(xml, "//rsm:ExchangedDocumentContext//ram:ID/text()") == [
        "urn:cen.eu:en16931:2017"
    ]
    assert xpath(
        xml, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID/text()"
    ) == ["FAC-2026-0001"]
    assert xpath(xml, "//rsm:ExchangedDocument/ram:TypeCode/text()") == ["380"]
    assert xpath(
        xml, "//rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString/text()"
    ) == ["20260315"]
    assert xpath(xml, "//ram:BuyerReference/text()") == ["SERV-LYON-01"]
    assert xpath(
        xml, "//ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID/text()"
    ) == ["PO-2026-117"]
    assert xpath(xml, "//ram:SellerTradeParty/ram:Name/text()") == [
        "Versus Conférences SAS"
    ]
    assert xpath(
        xml,
        "//ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']/text()",
    ) == ["812345678"]
    assert xpath(
        xml, "//ram:SellerTradeParty/ram:GlobalID[@schemeID='0009']/text()"
    ) == ["81234567800021"]
    assert xpath(
        xml,
        "//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']/text()",
    ) == ["FR32812345678"]
    assert xpath(
        xml, "//ram:SellerTradeParty/ram:PostalTradeAddress/ram:LineTwo/text()"
    ) == ["Bâtiment B"]
    assert xpath(
        xml,
        "//ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']/text()",
    ) == ["196917744"]
    # Chorus Pro routes a public buyer's invoice by the SIRET of its structure.
    assert xpath(
        xml, "//ram:BuyerTradeParty/ram:GlobalID[@schemeID='0009']/text()"
    ) == ["19691774400019"]
    assert xpath(
        xml,
        "//ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']/text()",
    ) == ["FR45196917744"]
    assert xpath(
        xml, "//ram:BuyerTradeParty/ram:PostalTradeAddress/ram:CityName/text()"
    ) == ["Lyon"]
    assert xpath(
        xml, "//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode/text()"
    ) == ["58"]
    assert xpath(xml, "//ram:PayeePartyCreditorFinancialAccount/ram:IBANID/text()") == [
        "FR7630006000011234567890189"
    ]
    assert xpath(
        xml,
        "//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString/text()",
    ) == ["20260414"]
    assert xpath(
        xml, "//ram:ActualDeliverySupplyChainEvent//udt:DateTimeString/text()"
    ) == ["20260501"]
    assert xpath(xml, "//ram:IncludedNote/ram:Content/text()") == list(MENTIONS)
    assert xpath(xml, "//ram:InvoiceReferencedDocument") == []


def test_optional_references_are_left_out_of_the_xml():
    xml = facturx_xml(
        make_document(
            service_code="",
            buyer_reference="",
            iban="",
            due_on=None,
            buyer=dataclasses.replace(BUYER, vat_number=""),
        )
    )

    assert xpath(xml, "//ram:BuyerReference") == []
    assert xpath(xml, "//ram:BuyerOrderReferencedDocument") == []
    assert xpath(xml, "//ram:SpecifiedTradeSettlementPaymentMeans") == []
    assert xpath(xml, "//ram:SpecifiedTradePaymentTerms") == []
    assert xpath(xml, "//ram:BuyerTradeParty/ram:SpecifiedTaxRegistration") == []
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931")


@pytest.mark.parametrize(
    "document", [make_document(), make_credit_note()], ids=["invoice", "credit_note"]
)
def test_xml_is_valid_against_the_en16931_xsd(document):
    assert (
        facturx.xml_check_xsd(facturx_xml(document), flavor="factur-x", level="en16931")
        is True
    )


def test_credit_note_is_type_381_with_positive_amounts_and_the_cancelled_invoice():
    xml = facturx_xml(make_credit_note())

    assert xpath(xml, "//rsm:ExchangedDocument/ram:TypeCode/text()") == ["381"]
    assert xpath(xml, "//rsm:ExchangedDocument/ram:ID/text()") == ["AV-2026-0001"]
    assert xpath(
        xml, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID/text()"
    ) == ["FAC-2026-0001"]
    assert xpath(xml, "//ram:GrandTotalAmount/text()") == ["1240.80"]
    assert xpath(xml, "//ram:TaxTotalAmount/text()") == ["203.78"]
    # The seller refunds: its IBAN is no payment instruction here.
    assert xpath(xml, "//ram:SpecifiedTradeSettlementPaymentMeans") == []


def test_factur_x_pdf_embeds_our_xml_at_the_en16931_level():
    document = make_document()
    pdf = make_facturx_pdf(document)

    filename, xml = facturx.get_xml_from_pdf(pdf, check_xsd=True)
    assert filename == "factur-x.xml"
    assert xml == facturx_xml(document)
    assert facturx.get_level(etree.fromstring(xml)) == "en16931"
    reader = PdfReader(io.BytesIO(pdf))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "EN 16931" in xmp
    assert "<pdfaid:part>3</pdfaid:part>" in xmp
    # PDF/A needs an output intent, which the plain rendering does not carry.
    assert "/OutputIntents" in reader.trailer["/Root"]
    assert reader.metadata.author == "Versus Conférences SAS"
    assert "FAC-2026-0001" in pdf_text(pdf)


def test_factur_x_pdf_of_a_credit_note_embeds_a_381():
    pdf = make_facturx_pdf(make_credit_note(), language="en")

    _, xml = facturx.get_xml_from_pdf(pdf, check_xsd=True)
    assert xpath(xml, "//rsm:ExchangedDocument/ram:TypeCode/text()") == ["381"]
    assert "Credit note No. AV-2026-0001" in pdf_text(pdf)


def test_a_quote_is_no_factur_x():
    quote = make_document(
        Kind.QUOTE, number="DEV-2026-0001", valid_until=datetime.date(2026, 4, 15)
    )

    with pytest.raises(ValueError, match="quote"):
        make_facturx_pdf(quote)
    with pytest.raises(ValueError, match="quote"):
        facturx_xml(quote)


def test_invoice_pdf_shows_what_the_buyer_needs():
    document = make_document()
    pdf = render_pdf(document)
    text = pdf_text(pdf)

    assert spaced("FACTURE n°\u00a0FAC-2026-0001") in text
    assert "SIRET : 19691774400019" in text
    assert "N° TVA intracommunautaire : FR45196917744" in text
    assert "SIRET : 81234567800021" in text
    assert "RCS Paris 812 345 678" in text
    assert "Bon de commande / n° d'engagement : PO-2026-117" in text
    assert "Code service : SERV-LYON-01" in text
    assert "Devis : DEV-2026-0001" in text
    assert "Échéance : 14 avril 2026" in text
    assert "Date de la prestation : 1er mai 2026" in text
    assert "IBAN : FR76 3000 6000 0112 3456 7890 189" in text
    assert "BIC : AGRIFRPPXXX" in text
    assert "Université de Lyon « Lumière »" in text
    for amount in (33333, 99999, 1203, 1250, 2500, 138, 20240, 101202, 103702, 20378):
        assert spaced(money(amount)) in text
    assert "Total TTC 1 240,80 €" in text
    for mention in MENTIONS:
        assert spaced(mention) in text
    assert "Valable jusqu'au" not in text


def test_pdf_metadata_and_bytes_are_stable():
    document = make_document()
    pdf = render_pdf(document)

    assert render_pdf(document) == pdf
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info.title == "FACTURE n°\u00a0FAC-2026-0001"
    assert info.author == "Versus Conférences SAS"
    assert info.creation_date.date() == datetime.date(2026, 3, 15)


def test_quote_and_credit_note_pdfs_have_their_own_title_and_dates():
    quote = make_document(
        Kind.QUOTE,
        number="DEV-2026-0001",
        valid_until=datetime.date(2026, 4, 15),
        quote_number="",
    )
    quote_text = pdf_text(render_pdf(quote))
    credit_text = pdf_text(render_pdf(make_credit_note()))

    assert "DEVIS n° DEV-2026-0001" in quote_text
    assert "Valable jusqu'au : 15 avril 2026" in quote_text
    assert "Échéance" not in quote_text
    assert "IBAN" not in quote_text
    assert "AVOIR n° AV-2026-0001" in credit_text
    assert "Avoir sur la facture n° FAC-2026-0001" in credit_text
    assert "IBAN" not in credit_text


def test_english_pdf():
    text = pdf_text(render_pdf(make_document(), language="en"))

    assert "Invoice No. FAC-2026-0001" in text
    assert "Due date: 14 April 2026" in text
    assert "Purchase order / commitment no.: PO-2026-117" in text
    assert "Total incl. VAT €1,240.80" in text


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="de"):
        render_pdf(make_document(), language="de")


def test_sixty_lines_flow_onto_further_pages_under_repeated_headings():
    lines = tuple(
        Line(
            f"Session n° {number} — atelier de travail avec les équipes pédagogiques",
            1,
            10000 + number,
        )
        for number in range(1, 61)
    )
    document = make_document(lines=lines)
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    text = " ".join(pages)

    assert len(pages) >= 2
    for page in pages:
        assert "Désignation Qté PU HT TVA Total HT" in page
    for number in range(1, 61):
        assert f"Session n° {number} — atelier" in text
    assert f"Total TTC {spaced(money(document.gross_cents))}" in pages[-1]
    assert f"1/{len(pages)}" in pages[0]
