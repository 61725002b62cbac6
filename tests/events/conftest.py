import pytest
from django.test import TestCase

from events.factories import (
    ConferenceOfferPageFactory,
    ConferencePageFactory,
    EventIndexPageFactory,
)
from tests.stripe_fake.objects import build

VALID_SIRET = "99012345700014"
TOWN_HALL = {
    "buyer_type": "local_authority",
    "legal_name": "Commune de Saint-Débat",
    "siret": VALID_SIRET,
    "vat_number": "",
    "street": "1 place de la Mairie",
    "postcode": "35000",
    "city": "Rennes",
    "contact_name": "Mme Louise Martin",
    "contact_role": "Directrice de la culture",
    "email": "culture@saint-debat.example",
    "phone": "02 99 00 00 00",
    "service_code": "CULTURE",
    "commitment_number": "",
    "po_required": True,
}


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def small_conference(index):
    """Ten seats at 8 € (VAT included), 4 € reduced, in a fortnight."""
    return ConferencePageFactory(parent=index, title="Petite salle", capacity=10)


@pytest.fixture
def offer(index):
    return ConferenceOfferPageFactory(parent=index)


@pytest.fixture
def town_hall() -> dict:
    return dict(TOWN_HALL)


def after_commit():
    """Run what a step leaves for after its commit (the invoice's PDF and Stripe
    tasks, the emails), as the immediate task backend runs them in production
    once the transaction commits: a test runs inside one that never does."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def stripe_invoicing(stripe_http):
    """Stripe answering the calls that create and finalise a booking's invoice."""
    stripe_http.route("post", "/v1/customers", build("customer", id="cus_town"))
    stripe_http.route(
        "get",
        "/v1/tax_rates",
        {"object": "list", "data": [], "has_more": False, "url": "/v1/tax_rates"},
    )
    stripe_http.route(
        "post",
        "/v1/tax_rates",
        build(
            "tax_rate",
            id="txr_fr20",
            active=True,
            country="FR",
            display_name="TVA",
            inclusive=False,
            jurisdiction="FR",
            percentage=20.0,
        ),
    )
    stripe_http.route(
        "post",
        "/v1/invoices",
        build(
            "invoice", id="in_town", status="draft", collection_method="send_invoice"
        ),
    )
    stripe_http.route(
        "post", "/v1/invoiceitems", build("invoiceitem", id="ii_1", invoice="in_town")
    )
    stripe_http.route(
        "post",
        "/v1/invoices/in_town/finalize",
        build(
            "invoice",
            id="in_town",
            status="open",
            collection_method="send_invoice",
            hosted_invoice_url="https://invoice.stripe.com/i/in_town",
        ),
    )
