"""A citizen expert's public profile, with the debates they wrote in."""

import pytest
from bs4 import BeautifulSoup

from debates.factories import DebateIndexPageFactory, DebatePageFactory
from newsroom.factories import ContributorFactory


@pytest.mark.django_db
def test_a_contributor_page_shows_the_profile_and_their_debates(client, home_page):
    index = DebateIndexPageFactory(parent=home_page)
    expert = ContributorFactory(
        name="Odile Fontaine",
        slug="odile-fontaine",
        occupation="Maire d'une commune rurale",
        declaration_of_interests="Élue sans étiquette.",
    )
    DebatePageFactory(
        parent=index, title="Faut-il fusionner les communes ?", pour_contributor=expert
    )
    DebatePageFactory(
        parent=index, title="Faut-il un RER par métropole ?", contre_contributor=expert
    )
    DebatePageFactory(parent=index, title="Une autre question ?")

    response = client.get("/experts/odile-fontaine/")

    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == "Odile Fontaine"
    assert "Élue sans étiquette." in page.get_text()
    assert [h.get_text(strip=True) for h in page.select(".debate-card__title")] == [
        "Faut-il un RER par métropole ?",
        "Faut-il fusionner les communes ?",
    ]


@pytest.mark.django_db
def test_a_draft_contributor_has_no_public_page(client, home_page):
    ContributorFactory(slug="pas-encore", draft=True)

    assert client.get("/experts/pas-encore/").status_code == 404
