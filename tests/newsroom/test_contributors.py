import pytest

from accounts.factories import UserFactory
from newsroom.models import Contributor


@pytest.mark.django_db
def test_a_contributor_cannot_be_published_without_a_declaration_of_interests(
    client, home_page
):
    client.force_login(UserFactory(email="redaction@example.org", editor=True))
    data = {
        "name": "Jean Sansdéclaration",
        "slug": "jean-sansdeclaration",
        "occupation": "Chercheur",
        "qualification": "researcher",
        "qualification_detail": "Spécialiste du sujet.",
        "declaration_of_interests": "",
        "website": "",
    }

    draft = client.post("/admin/snippets/newsroom/contributor/add/", data)
    published = client.post(
        "/admin/snippets/newsroom/contributor/add/",
        {**data, "slug": "jean-2", "action-publish": "action-publish"},
    )

    assert draft.status_code == 302
    assert Contributor.objects.get(slug="jean-sansdeclaration").live is False
    assert published.status_code == 200
    assert "declaration_of_interests" in published.context["form"].errors
    assert not Contributor.objects.filter(slug="jean-2").exists()
