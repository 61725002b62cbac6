import pytest

from events.factories import (
    ConferenceOfferPageFactory,
    ConferencePageFactory,
    EventIndexPageFactory,
)

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
