"""Debate pages through the real page tree and the real admin form."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.factories import UserFactory
from debates.factories import DebateIndexPageFactory
from debates.models import DebateIndexPage, DebatePage
from home.models import HomePage
from newsroom.factories import ContributorFactory, ThemeFactory


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
