import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from wagtail.models import PageViewRestriction

from debates.factories import DebatePageFactory
from newsroom.factories import ContributorFactory

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse_xml(response) -> ET.Element:
    return ET.fromstring(response.content)  # noqa: S314 - the site's own output


def locations(response) -> list[str]:
    urlset = parse_xml(response)
    return [url.findtext(f"{SITEMAP}loc") for url in urlset.findall(f"{SITEMAP}url")]


@pytest.fixture
def site_content(make_debate, debate_index, nurse, doctor):
    make_debate(
        "Faut-il taxer les jets privés ?",
        published=datetime(2026, 4, 20, 7, 45, tzinfo=UTC),
    )
    make_debate(
        "Faut-il rembourser les médecines douces ?",
        published=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
        premium=True,
    )
    DebatePageFactory(
        parent=debate_index,
        title="Brouillon ?",
        live=False,
        pour_contributor=nurse,
        contre_contributor=doctor,
    )
    private = make_debate(
        "Faut-il une page réservée ?", published=datetime(2026, 1, 1, tzinfo=UTC)
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    ContributorFactory(name="Profil en préparation", slug="en-preparation", draft=True)


@pytest.mark.django_db
def test_the_sitemap_lists_live_public_pages_and_published_experts(
    client, site_content
):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert locations(response) == [
        "http://localhost/",
        "http://localhost/debats/",
        "http://localhost/debats/faut-il-taxer-les-jets-prives/",
        "http://localhost/debats/faut-il-rembourser-les-medecines-douces/",
        "http://localhost/experts/ines-morel/",
        "http://localhost/experts/paul-garnier/",
    ]


@pytest.mark.django_db
def test_the_sitemap_gives_french_urls_whatever_the_browser_asks(client, site_content):
    french = locations(client.get("/sitemap.xml"))

    assert locations(client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en")) == french


@pytest.mark.django_db
def test_the_sitemap_dates_each_debate(client, site_content):
    urlset = parse_xml(client.get("/sitemap.xml"))

    lastmods = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in urlset.findall(f"{SITEMAP}url")
    }
    assert lastmods["http://localhost/debats/faut-il-taxer-les-jets-prives/"] == (
        "2026-04-20"
    )


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_accounts_and_points_to_the_sitemap(
    client, home_page
):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "User-agent: *\n"
        "Allow: /\n"
        "Disallow: /admin/\n"
        "Disallow: /compte/\n"
        "Disallow: /en/compte/\n"
        "\n"
        "Sitemap: http://testserver/sitemap.xml\n"
    )


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_on_the_host_it_was_asked_on(
    client, home_page, settings
):
    settings.ALLOWED_HOSTS = ["versus.example"]

    response = client.get("/robots.txt", HTTP_HOST="versus.example", secure=True)

    assert response.content.decode().endswith(
        "Sitemap: https://versus.example/sitemap.xml\n"
    )
