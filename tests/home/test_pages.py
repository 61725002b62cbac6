import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.factories import UserFactory
from core.models import SiteSettings
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from debates.models import DebateIndexPage, PollIndexPage
from events.models import EventIndexPage
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from newsletter.models import NewsletterIndexPage


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def link_texts(response, selector="a") -> dict[str, str]:
    return {
        a.get_text(strip=True): a.get("href") for a in soup(response).select(selector)
    }


@pytest.mark.django_db
def test_the_home_page_shows_every_slot_with_an_honest_empty_state(
    client, home_page, django_assert_max_num_queries
):
    client.get("/")  # warm Wagtail's per-site caches
    with django_assert_max_num_queries(11):
        response = client.get("/")

    assert response.status_code == 200
    page = soup(response)
    slots = {section["id"]: section for section in page.select("section[id]")}
    assert {"debats", "votez", "evenements", "abonnement"} <= set(slots)
    assert "Le débat à la une" in slots["debats"].get_text()
    assert "Aucun vote n'est ouvert en ce moment." in slots["votez"].get_text()
    assert "Aucune conférence programmée" in slots["evenements"].get_text()


@pytest.mark.django_db
def test_the_newest_debate_leads_unless_an_editor_features_another(
    client, home_page, django_assert_max_num_queries
):
    index = DebateIndexPageFactory(parent=home_page)
    older = DebatePageFactory(
        parent=index, title="Faut-il une question plus ancienne ?"
    )
    for n in range(5):
        DebatePageFactory(parent=index, title=f"Question récente {n} ?")

    with django_assert_max_num_queries(16):
        page = soup(client.get("/"))
    assert page.select_one(".featured__title").get_text(strip=True) == (
        "Question récente 4 ?"
    )
    assert [a.get_text() for a in page.select(".latest-list a")] == [
        f"Question récente {n} ?" for n in (3, 2, 1, 0)
    ]
    assert link_texts(client.get("/"), "nav.site-nav a")["Débats"] == "/debats/"

    home_page.featured_debate = older
    home_page.save()
    page = soup(client.get("/"))
    assert page.select_one(".featured__title").get_text(strip=True) == older.title
    assert len(page.select(".latest-list a")) == 4


@pytest.mark.django_db
def test_the_masthead_has_the_navigation_and_a_skip_link(client, home_page):
    response = client.get("/")

    page = soup(response)
    skip = page.select_one("a.skip-link")
    assert (skip.get_text(strip=True), skip["href"]) == ("Aller au contenu", "#contenu")
    assert page.select_one("main")["id"] == "contenu"
    assert link_texts(response, "nav.site-nav a") == {
        "Débats": "/#debats",
        "Votez pour les prochains sujets": "/#votez",
        "Événements": "/#evenements",
        "S'abonner": "/abonnement/",
        "Se connecter": "/compte/login/",
    }


@pytest.mark.django_db
def test_a_logged_in_reader_sees_mon_compte_instead_of_se_connecter(
    client, home_page, reader
):
    client.force_login(reader)

    nav = link_texts(client.get("/"), "nav.site-nav a")

    assert nav["Mon compte"] == "/compte/"
    assert "Se connecter" not in nav


@pytest.mark.django_db
def test_the_english_home_page_is_under_en_with_hreflang_links(client, home_page):
    response = client.get("/en/")

    page = soup(response)
    assert page.html["lang"] == "en"
    assert link_texts(response, "nav.site-nav a")["Vote for the next topics"] == (
        "/en/#votez"
    )
    alternates = {
        link["hreflang"]: link["href"]
        for link in page.select("link[rel=alternate][hreflang]")
    }
    assert alternates == {"fr": "/", "en": "/en/"}


@pytest.mark.django_db
def test_the_root_url_is_french_whatever_the_browser_asks(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert soup(response).html["lang"] == "fr"


@pytest.mark.django_db
def test_site_settings_drive_the_masthead_and_the_footer(client, home_page):
    legal = StandardPageFactory(parent=home_page, title="Mentions légales")
    draft = StandardPageFactory(parent=home_page, title="Brouillon", live=False)
    settings = SiteSettings.load()
    settings.publication_name = "Versus Hebdo"
    settings.tagline = "Deux avis, votre verdict"
    settings.mastodon_url = "https://mastodon.example/@versus"
    settings.legal_notice_page = legal
    settings.cookies_page = draft
    settings.save()

    response = client.get("/")

    page = soup(response)
    assert page.select_one(".masthead__name").get_text(strip=True) == "Versus Hebdo"
    assert (
        page.select_one(".masthead__tagline").get_text() == "Deux avis, votre verdict"
    )
    footer = link_texts(response, "footer a")
    assert footer["Mentions légales"] == legal.url
    assert "Cookies" not in footer  # a draft page is not linked
    assert footer["Mastodon"] == "https://mastodon.example/@versus"


@pytest.mark.django_db
def test_a_standard_page_renders_its_blocks(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Transparence",
        intro="Qui nous finance.",
        body=[
            ("heading", {"text": "Nos recettes"}),
            ("paragraph", "<p>Les abonnements d'abord.</p>"),
            (
                "quote",
                {"text": "Aucun financeur ne relit.", "attribution": "La charte"},
            ),
        ],
    )

    html = soup(client.get(page.url))

    assert html.h1.get_text(strip=True) == "Transparence"
    prose = html.select_one(".prose")
    assert [h.get_text() for h in prose.select("h2")] == ["Nos recettes"]
    assert prose.p.get_text() == "Les abonnements d'abord."
    assert prose.figcaption.get_text() == "La charte"


@pytest.mark.django_db
def test_an_unknown_url_gets_the_styled_404_page(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Cette page n'existe pas (ou plus)."
    assert page.select_one("header.masthead") is not None


@override_settings(DEBUG=False)
@pytest.mark.django_db
def test_a_server_error_gets_the_styled_500_page(client, home_page, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "serve", explode)
    client.raise_request_exception = False

    response = client.get("/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Une erreur est survenue de notre côté." in html
    assert "/static/css/site.css" in html


class TestPageTree(WagtailPageTestCase):
    """Page types live where they are meant to, and editors can build them."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.first()
        cls.editor = UserFactory(email="redaction@example.org", editor=True)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                DebateIndexPage,
                PollIndexPage,
                EventIndexPage,
                NewsletterIndexPage,
            },
        )
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_there_is_only_one_home_page(self):
        assert not HomePage.can_create_at(Page.get_first_root_node())

    def test_an_editor_creates_a_standard_page_through_the_admin_form(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Charte éditoriale",
                    "slug": "charte",
                    "intro": "Nos règles.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Pas d'attaque personnelle"}),
                            ("paragraph", rich_text("<p>Des sources, toujours.</p>")),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="charte")
        assert page.body[0].value["text"] == "Pas d'attaque personnelle"

    def test_the_admin_lists_and_edits_users_with_an_email_login(self):
        reader = UserFactory(email="lecteur@example.org", verified=True)

        listing = self.client.get("/admin/users/")
        edit = self.client.get(f"/admin/users/edit/{reader.pk}/")

        self.assertContains(listing, "lecteur@example.org")
        assert edit.status_code == 200

    def test_the_site_settings_are_editable_in_the_admin(self):
        response = self.client.get("/admin/settings/core/sitesettings/", follow=True)

        assert response.status_code == 200
        self.assertContains(response, "Réseaux sociaux")


@pytest.mark.django_db
def test_the_home_page_announces_the_next_conferences(client, home_page):
    from events.factories import ConferencePageFactory, EventIndexPageFactory

    index = EventIndexPageFactory(parent=home_page)
    conference = ConferencePageFactory(parent=index, title="Débat public à Rennes")

    slot = soup(client.get("/")).select_one("#evenements")

    assert slot.select_one("a").get_text() == "Débat public à Rennes"
    assert slot.select_one("a")["href"] == conference.url
