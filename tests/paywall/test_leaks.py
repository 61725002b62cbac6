"""The subscribers' text of a premium debate never reaches a reader without
access, in any channel: the page and its head, JSON-LD, feeds, search, sitemap,
the front page. A subscriber reads it on the page, and nowhere else either."""

import json
import xml.etree.ElementTree as ET
from html import unescape
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from tests.paywall.conftest import (
    CONTRE_TEASER,
    MARKER,
    MARKER_WORDS,
    POUR_TEASER,
    SOURCE_MARKER,
)

SECRETS = (MARKER, SOURCE_MARKER, *MARKER_WORDS)


def leaked(response) -> list[str]:
    """The secrets found in a response, as sent or once entities are decoded.

    A search page repeats what was searched for, in its form and in the links
    that keep the query (languages, themes): the visitor's own words. Only its
    results are read."""
    raw = response.content.decode()
    if response.wsgi_request.GET.get("q"):
        main = BeautifulSoup(raw, "html.parser").main
        for echo in main.select("form[role=search], .theme-filter"):
            echo.decompose()
        raw = str(main)
    # Feeds carry HTML escaped inside XML: decoded twice.
    decoded = unescape(unescape(raw))
    return [
        secret
        for secret in SECRETS
        if secret.lower() in raw.lower() or secret.lower() in decoded.lower()
    ]


def log_in(client, who, users):
    user = users[who]
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def users(over_quota_reader, subscriber):
    return {
        "anonymous": None,
        "over_quota": over_quota_reader,
        "subscriber": subscriber,
    }


def channels(premium) -> dict[str, str]:
    """Every place a debate's words could travel to, by URL."""
    return {
        "rss": "/flux/debats.rss",
        "atom": "/flux/debats.atom",
        "english rss": "/en/flux/debats.rss",
        "sitemap": "/sitemap.xml",
        "front page": "/",
        "index": "/debats/",
        "expert profile": premium.pour_contributor.get_absolute_url(),
        **{f"search {word}": f"/debats/?q={quote(word)}" for word in MARKER_WORDS},
        "search the whole sentence": f"/debats/?q={quote(MARKER)}",
    }


@pytest.mark.parametrize("who", ["anonymous", "over_quota", "subscriber"])
@pytest.mark.django_db
def test_only_a_subscriber_gets_the_premium_text_and_only_on_the_page(
    client, premium, users, who
):
    log_in(client, who, users)

    page = client.get(premium.url)
    if who == "subscriber":
        assert leaked(page) == list(SECRETS)
    else:
        assert leaked(page) == []
    for name, url in channels(premium).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert leaked(response) == [], name


@pytest.mark.parametrize("who", ["anonymous", "over_quota", "subscriber"])
@pytest.mark.django_db
def test_search_never_finds_a_premium_debate_by_its_hidden_words(
    client, premium, users, who
):
    log_in(client, who, users)

    def titles(query):
        response = client.get("/debats/", {"q": query})
        page = BeautifulSoup(response.content, "html.parser")
        return [h.get_text(strip=True) for h in page.select(".debate-card__title")]

    for word in MARKER_WORDS:
        assert titles(word) == [], word
    # Found by what anyone can read: its question, its first paragraphs.
    assert titles("résidences") == [premium.title]
    assert titles("lisible") == [premium.title]


@pytest.mark.parametrize("who", ["anonymous", "over_quota"])
@pytest.mark.django_db
def test_a_reader_without_access_gets_the_first_paragraphs_and_the_wall(
    client, premium, users, who
):
    log_in(client, who, users)

    response = client.get(premium.url)

    assert response.status_code == 200
    assert leaked(response) == []
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == premium.title
    assert "Un logement sur dix" in page.select_one(".debate__context").get_text()
    pour, contre = page.select_one(".side-pour"), page.select_one(".side-contre")
    assert pour.select_one(".side__body").get_text(strip=True) == POUR_TEASER
    assert contre.select_one(".side__body").get_text(strip=True) == CONTRE_TEASER
    # No footnote pointing at sources that are not there, no sources at all.
    assert pour.select("sup") == []
    assert page.select(".side__sources, .debate__sources") == []
    assert page.select(".paywalled") == []
    wall = page.select_one(".paywall")
    assert wall.h2.get_text(strip=True) == "Ce débat est réservé aux abonnés"
    assert wall.select_one('a[href="/abonnement/"]')


@pytest.mark.django_db
def test_a_subscriber_reads_everything_marked_as_paywalled(client, premium, subscriber):
    client.force_login(subscriber)

    response = client.get(premium.url)

    html = response.content.decode()
    assert MARKER in html
    assert SOURCE_MARKER in html
    page = BeautifulSoup(html, "html.parser")
    assert page.select(".paywall") == []
    paywalled = page.select(".paywalled")
    assert {tuple(element["class"]) for element in paywalled} == {
        ("prose", "side__body", "paywalled"),
        ("side__sources", "paywalled"),
        ("wrap", "debate__sources", "paywalled"),
    }
    # Google's markup asks for sections that do not nest.
    assert all(element.find_parent(class_="paywalled") is None for element in paywalled)
    assert all(MARKER not in str(element) for element in page.select(".paywall"))


@pytest.mark.parametrize("who", ["anonymous", "over_quota", "subscriber"])
@pytest.mark.django_db
def test_the_head_describes_the_debate_and_marks_it_paywalled(
    client, premium, users, who
):
    log_in(client, who, users)

    head = BeautifulSoup(client.get(premium.url).content, "html.parser").head

    descriptions = {
        tag.get("name") or tag.get("property"): tag["content"]
        for tag in head.select("meta[content]")
        if "description" in (tag.get("name") or tag.get("property") or "")
    }
    assert descriptions == {
        "description": "Un logement sur dix est une résidence secondaire.",
        "og:description": "Un logement sur dix est une résidence secondaire.",
    }
    [script] = head.select('script[type="application/ld+json"]')
    assert not any(secret in script.string for secret in SECRETS)
    article = json.loads(script.string)
    assert article["isAccessibleForFree"] is False
    assert article["hasPart"][-1] == {
        "@type": "WebPageElement",
        "isAccessibleForFree": False,
        "cssSelector": ".paywalled",
    }
    assert "articleBody" not in article
    assert all("abstract" not in part for part in article["hasPart"])


@pytest.mark.django_db
def test_feed_items_of_a_premium_debate_carry_its_context_only(client, premium):
    atom = ET.fromstring(client.get("/flux/debats.atom").content)  # noqa: S314

    [entry] = atom.findall("{http://www.w3.org/2005/Atom}entry")
    summary = entry.findtext("{http://www.w3.org/2005/Atom}summary")
    assert "Un logement sur dix" in summary
    assert POUR_TEASER not in summary


def test_the_wagtail_api_is_not_served():
    """Nothing to gate there yet: if the API is switched on, the page body must go
    through subscriptions.paywall before it is listed in ``api_fields``."""
    assert not any(app.startswith("wagtail.api") for app in settings.INSTALLED_APPS)
