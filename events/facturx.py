"""Invoices and credit notes as Factur-X: a PDF/A-3 carrying its CII XML.

The XML follows the Factur-X EN 16931 profile (Cross Industry Invoice D16B). Every
amount in it is read from the ``Document`` — line totals, VAT per rate and the
document totals — so the XML and the printed PDF cannot disagree.
"""

import datetime
from decimal import Decimal

import facturx as facturx_lib
from lxml import etree

from events.document_data import Document, Kind, Line, Party
from events.pdf import render_pdf
from events.pdf_wording import document_title

NAMESPACES = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "ram": (
        "urn:un:unece:uncefact:data:standard:"
        "ReusableAggregateBusinessInformationEntity:100"
    ),
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
GUIDELINE_EN16931 = "urn:cen.eu:en16931:2017"

# UNTDID 1001 document type codes.
TYPE_CODES = {Kind.INVOICE: "380", Kind.CREDIT_NOTE: "381"}
# ISO 6523 ICDs: 0002 is the SIRENE register (a company's SIREN, 9 digits, its
# legal registration); 0009 is the SIRET of one establishment, which Chorus Pro
# uses to route an invoice to the right public structure.
SIREN_SCHEME = "0002"
SIRET_SCHEME = "0009"
# UNTDID 4461: SEPA credit transfer.
SEPA_CREDIT_TRANSFER = "58"
# UN/ECE Rec. 20: "one", a unit without a measure (a seat, a talk...).
UNIT_CODE = "C62"
# UNCL 5305: standard rate. Every line of ours bears French VAT at some rate.
STANDARD_RATE = "S"


def _amount(cents: int) -> str:
    return f"{(Decimal(cents) / 100).quantize(Decimal('0.01')):f}"


def _rate(rate: Decimal) -> str:
    return f"{Decimal(rate).quantize(Decimal('0.01')):f}"


def _date(parent: etree._Element, tag: str, date: datetime.date) -> None:
    holder = _el(parent, tag)
    _el(holder, "udt:DateTimeString", date.strftime("%Y%m%d"), format="102")


def _el(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    prefix, name = tag.split(":")
    element = etree.SubElement(parent, f"{{{NAMESPACES[prefix]}}}{name}", attributes)
    if text is not None:
        element.text = text
    return element


def _party(parent: etree._Element, tag: str, party: Party) -> None:
    element = _el(parent, tag)
    if party.siret:
        _el(element, "ram:GlobalID", party.siret, schemeID=SIRET_SCHEME)
    _el(element, "ram:Name", party.name)
    if party.siret:
        organisation = _el(element, "ram:SpecifiedLegalOrganization")
        _el(organisation, "ram:ID", party.siren, schemeID=SIREN_SCHEME)
    address = _el(element, "ram:PostalTradeAddress")
    if party.postcode:
        _el(address, "ram:PostcodeCode", party.postcode)
    street = [line.strip() for line in party.street.splitlines() if line.strip()]
    if len(street) > 3:
        # The CII address has three lines: the surplus joins the last one.
        street = [*street[:2], ", ".join(street[2:])]
    for line_tag, line in zip(
        ("ram:LineOne", "ram:LineTwo", "ram:LineThree"), street, strict=False
    ):
        _el(address, line_tag, line)
    if party.city:
        _el(address, "ram:CityName", party.city)
    _el(address, "ram:CountryID", party.country)
    if party.email:
        uri = _el(element, "ram:URIUniversalCommunication")
        _el(uri, "ram:URIID", party.email, schemeID="EM")
    if party.vat_number:
        registration = _el(element, "ram:SpecifiedTaxRegistration")
        _el(registration, "ram:ID", party.vat_number, schemeID="VA")


def _line(parent: etree._Element, number: int, line: Line) -> None:
    item = _el(parent, "ram:IncludedSupplyChainTradeLineItem")
    _el(_el(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", str(number))
    _el(_el(item, "ram:SpecifiedTradeProduct"), "ram:Name", line.description)
    agreement = _el(item, "ram:SpecifiedLineTradeAgreement")
    price = _el(agreement, "ram:NetPriceProductTradePrice")
    _el(price, "ram:ChargeAmount", _amount(line.unit_price_cents))
    delivery = _el(item, "ram:SpecifiedLineTradeDelivery")
    _el(delivery, "ram:BilledQuantity", str(line.quantity), unitCode=UNIT_CODE)
    settlement = _el(item, "ram:SpecifiedLineTradeSettlement")
    tax = _el(settlement, "ram:ApplicableTradeTax")
    _el(tax, "ram:TypeCode", "VAT")
    _el(tax, "ram:CategoryCode", STANDARD_RATE)
    _el(tax, "ram:RateApplicablePercent", _rate(line.vat_rate))
    summation = _el(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
    _el(summation, "ram:LineTotalAmount", _amount(line.net_cents))


def facturx_xml(document: Document) -> bytes:
    """The Factur-X (EN 16931 profile) CII XML of an invoice or a credit note.

    A credit note keeps positive amounts: type code 381 alone says they go back
    to the buyer.
    """
    if document.kind not in TYPE_CODES:
        raise ValueError(f"A {document.kind} has no Factur-X form.")
    currency = document.currency

    root = etree.Element(
        f"{{{NAMESPACES['rsm']}}}CrossIndustryInvoice", nsmap=NAMESPACES
    )
    context = _el(root, "rsm:ExchangedDocumentContext")
    guideline = _el(context, "ram:GuidelineSpecifiedDocumentContextParameter")
    _el(guideline, "ram:ID", GUIDELINE_EN16931)

    header = _el(root, "rsm:ExchangedDocument")
    _el(header, "ram:ID", document.number)
    _el(header, "ram:TypeCode", TYPE_CODES[document.kind])
    _date(header, "ram:IssueDateTime", document.issued_on)
    for mention in document.mentions:
        _el(_el(header, "ram:IncludedNote"), "ram:Content", mention)

    transaction = _el(root, "rsm:SupplyChainTradeTransaction")
    for number, line in enumerate(document.lines, start=1):
        _line(transaction, number, line)

    agreement = _el(transaction, "ram:ApplicableHeaderTradeAgreement")
    if document.service_code:
        _el(agreement, "ram:BuyerReference", document.service_code)
    _party(agreement, "ram:SellerTradeParty", document.seller)
    _party(agreement, "ram:BuyerTradeParty", document.buyer)
    if document.buyer_reference:
        order = _el(agreement, "ram:BuyerOrderReferencedDocument")
        _el(order, "ram:IssuerAssignedID", document.buyer_reference)

    delivery = _el(transaction, "ram:ApplicableHeaderTradeDelivery")
    if document.service_on:
        event = _el(delivery, "ram:ActualDeliverySupplyChainEvent")
        _date(event, "ram:OccurrenceDateTime", document.service_on)

    settlement = _el(transaction, "ram:ApplicableHeaderTradeSettlement")
    _el(settlement, "ram:InvoiceCurrencyCode", currency)
    # A credit note is settled by the seller: its own IBAN would read as a demand.
    if document.kind == Kind.INVOICE and document.iban:
        means = _el(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
        _el(means, "ram:TypeCode", SEPA_CREDIT_TRANSFER)
        account = _el(means, "ram:PayeePartyCreditorFinancialAccount")
        _el(account, "ram:IBANID", "".join(document.iban.split()).upper())
        if document.bic:
            bank = _el(means, "ram:PayeeSpecifiedCreditorFinancialInstitution")
            _el(bank, "ram:BICID", document.bic.strip().upper())
    for item in document.breakdown:
        tax = _el(settlement, "ram:ApplicableTradeTax")
        _el(tax, "ram:CalculatedAmount", _amount(item.vat_cents))
        _el(tax, "ram:TypeCode", "VAT")
        _el(tax, "ram:BasisAmount", _amount(item.net_cents))
        _el(tax, "ram:CategoryCode", STANDARD_RATE)
        _el(tax, "ram:RateApplicablePercent", _rate(item.rate))
    if document.due_on:
        terms = _el(settlement, "ram:SpecifiedTradePaymentTerms")
        _date(terms, "ram:DueDateDateTime", document.due_on)
    totals = _el(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    _el(totals, "ram:LineTotalAmount", _amount(document.net_cents))
    _el(totals, "ram:TaxBasisTotalAmount", _amount(document.net_cents))
    _el(totals, "ram:TaxTotalAmount", _amount(document.vat_cents), currencyID=currency)
    _el(totals, "ram:GrandTotalAmount", _amount(document.gross_cents))
    _el(totals, "ram:DuePayableAmount", _amount(document.gross_cents))
    if document.refers_to:
        invoice = _el(settlement, "ram:InvoiceReferencedDocument")
        _el(invoice, "ram:IssuerAssignedID", document.refers_to)

    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def make_facturx_pdf(document: Document, *, language: str = "fr") -> bytes:
    """The printable PDF of an invoice or credit note with its XML embedded."""
    if document.kind not in TYPE_CODES:
        raise ValueError(f"A {document.kind} cannot be a Factur-X file.")
    xml = facturx_xml(document)
    pdf = render_pdf(document, language=language, pdf_a=True)
    title = document_title(document, language=language)
    return facturx_lib.generate_from_binary(
        pdf,
        xml,
        flavor="factur-x",
        level="en16931",
        check_xsd=True,
        pdf_metadata={
            "author": document.seller.name,
            "title": title,
            "subject": f"{title} — {document.buyer.name}",
            "keywords": "Factur-X",
        },
        lang="fr-FR" if language.lower().startswith("fr") else "en-GB",
    )
