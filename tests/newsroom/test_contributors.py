import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.factories import UserFactory
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from debates.models import DebateIndexPage, DebatePage
from home.models import HomePage
from newsroom.factories import ContributorFactory, ThemeFactory
from newsroom.models import Contributor


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


class TestDebatePageAdmin(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.first()
        cls.index = DebateIndexPageFactory(parent=cls.home)
        cls.editor = UserFactory(email="redaction@example.org", editor=True)
        cls.pour = ContributorFactory(name="Anne Pour", slug="anne-pour")
        cls.contre = ContributorFactory(name="Bruno Contre", slug="bruno-contre")
        cls.theme = ThemeFactory(name="Europe", slug="europe")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(DebateIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DebateIndexPage, {DebatePage})
        self.assertAllowedSubpageTypes(DebatePage, set())

    def test_an_editor_creates_a_debate_through_the_admin_form(self):
        argument = streamfield(
            [("paragraph", rich_text("<p>Un argument sourcé<sup>1</sup>.</p>"))]
        )
        sources = streamfield(
            [
                (
                    "source",
                    {
                        "title": "Eurobaromètre",
                        "publisher": "Commission européenne",
                        "year": "2024",
                        "url": "",
                    },
                )
            ]
        )
        data = nested_form_data(
            {
                "title": "Faut-il élargir l'Union européenne ?",
                "slug": "elargissement",
                "context": rich_text("<p>Neuf pays sont candidats.</p>"),
                "key_figures": streamfield([]),
                "pour_contributor": self.pour.pk,
                "pour_headline": "Oui, pour la paix",
                "pour_body": argument,
                "pour_sources": sources,
                "contre_contributor": self.contre.pk,
                "contre_headline": "Pas avant une réforme",
                "contre_body": argument,
                "contre_sources": sources,
            }
        )
        data["themes"] = [self.theme.pk]
        self.assertCanCreate(self.index, DebatePage, data)
        page = DebatePage.objects.get(slug="elargissement")
        assert page.pour_contributor == self.pour
        assert list(page.themes.all()) == [self.theme]
        assert page.reading_minutes == 1
