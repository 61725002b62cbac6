import json
from collections import defaultdict
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup

from newsroom.factories import ContributorFactory
from tests.seo.conftest import SECRET


def head(response):
    return BeautifulSoup(response.content, "html.parser").head


def meta(response) -> dict:
    """The head's named and Open Graph meta tags; a repeated one gives a list."""
    tags = defaultdict(list)
    for tag in head(response).select("meta[property], meta[name]"):
        tags[tag.get("property") or tag.get("name")].append(tag["content"])
    return {
        key: values[0] if len(values) == 1 else values for key, values in tags.items()
    }


def json_ld(response) -> list[dict]:
    return [
        json.loads(script.string)
        for script in BeautifulSoup(response.content, "html.parser").select(
            'script[type="application/ld+json"]'
        )
    ]


@pytest.mark.django_db
def test_the_home_page_describes_itself_to_social_networks(client, home_page):
    response = client.get("/")

    assert meta(response) == {
        "viewport": "width=device-width, initial-scale=1",
        "description": "Le journal de débats qui vous laisse trancher",
        "og:type": "website",
        "og:site_name": "Versus",
        "og:title": "Versus",
        "og:description": "Le journal de débats qui vous laisse trancher",
        "og:url": "http://localhost/",
        "og:locale": "fr_FR",
        "og:locale:alternate": "en_GB",
        "twitter:card": "summary",
    }
    assert json_ld(response) == []


@pytest.mark.django_db
def test_a_page_that_is_not_a_wagtail_page_is_described_by_the_tagline(
    client, home_page
):
    tags = meta(client.get("/compte/login/"))

    assert tags["description"] == "Le journal de débats qui vous laisse trancher"
    assert tags["og:description"] == tags["description"]


@pytest.mark.django_db
def test_the_english_home_page_says_so(client, home_page):
    tags = meta(client.get("/en/"))

    assert tags["og:locale"] == "en_GB"
    assert tags["og:locale:alternate"] == "fr_FR"
    assert tags["og:url"] == "http://localhost/en/"


@pytest.mark.django_db
def test_the_page_seo_fields_lead_and_are_escaped(client, home_page):
    home_page.seo_title = 'Versus, "le" journal <des> débats'
    home_page.search_description = "Deux experts & un verdict : <b>le vôtre</b>."
    home_page.save()

    response = client.get("/")

    tags = meta(response)
    assert tags["og:title"] == 'Versus, "le" journal <des> débats'
    assert tags["description"] == "Deux experts & un verdict : <b>le vôtre</b>."
    assert tags["og:description"] == "Deux experts & un verdict : <b>le vôtre</b>."
    html = response.content.decode()
    assert (
        '<meta property="og:title" '
        'content="Versus, &quot;le&quot; journal &lt;des&gt; débats">'
    ) in html
    assert (
        '<meta property="og:description" '
        'content="Deux experts &amp; un verdict : &lt;b&gt;le vôtre&lt;/b&gt;.">'
    ) in html


@pytest.mark.django_db
def test_an_expert_profile_is_titled_with_the_expert_name(client, home_page):
    ContributorFactory(name="Odile Fontaine", slug="odile-fontaine")

    tags = meta(client.get("/experts/odile-fontaine/"))

    assert tags["og:title"] == "Odile Fontaine"
    assert tags["og:type"] == "website"
    assert tags["og:url"] == "http://localhost/experts/odile-fontaine/"


@pytest.fixture
def free_debate(make_debate, health, work):
    return make_debate(
        "Faut-il la semaine de quatre jours ?",
        published=datetime(2026, 1, 15, 8, 0, tzinfo=UTC),
        updated=datetime(2026, 2, 1, 12, 0, tzinfo=UTC),
        themes=[work, health],
        context=(
            "<p>Plusieurs entreprises testent la semaine de quatre jours &amp; "
            "sans baisse de salaire.</p><p>L'Islande l'a généralisée.</p>"
        ),
        pour_body=[
            ("quote", {"text": "Une citation d'abord.", "attribution": "Un salarié"}),
            (
                "paragraph",
                "<p>Moins d'heures, <b>plus</b> d'efficacité.<sup>1</sup></p>",
            ),
            ("paragraph", "<p>Un second paragraphe qui reste sur la page.</p>"),
        ],
    )


@pytest.mark.django_db
def test_a_debate_page_is_shared_as_an_article(client, free_debate):
    tags = meta(client.get(free_debate.url))

    context = (
        "Plusieurs entreprises testent la semaine de quatre jours & sans baisse de "
        "salaire. L'Islande l'a généralisée."
    )
    assert tags == {
        "viewport": "width=device-width, initial-scale=1",
        "description": context,
        "og:type": "article",
        "og:site_name": "Versus",
        "og:title": "Faut-il la semaine de quatre jours ?",
        "og:description": context,
        "og:url": "http://localhost/debats/faut-il-la-semaine-de-quatre-jours/",
        "og:locale": "fr_FR",
        "og:locale:alternate": "en_GB",
        "twitter:card": "summary",
        "article:published_time": "2026-01-15T09:00:00+01:00",
        "article:modified_time": "2026-02-01T13:00:00+01:00",
        "article:tag": ["Santé", "Travail"],
    }


@pytest.mark.django_db
def test_a_debate_description_is_cut_after_thirty_words(client, make_debate):
    words = [f"mot{n}" for n in range(40)]
    debate = make_debate(
        "Faut-il abréger ?",
        published=datetime(2026, 1, 1, tzinfo=UTC),
        context=f"<p>{' '.join(words)}</p>",
    )

    tags = meta(client.get(debate.url))

    assert tags["og:description"] == " ".join(words[:30]) + "…"


@pytest.mark.django_db
def test_a_debate_search_description_wins_over_the_context(client, free_debate):
    free_debate.search_description = "Travailler moins, produire autant ?"
    free_debate.save()

    response = client.get(free_debate.url)

    assert meta(response)["og:description"] == "Travailler moins, produire autant ?"
    assert json_ld(response)[0]["description"] == "Travailler moins, produire autant ?"


@pytest.mark.django_db
def test_a_free_debate_json_ld_is_a_news_article_with_two_opinions(client, free_debate):
    [article] = json_ld(client.get(free_debate.url))

    url = "http://localhost/debats/faut-il-la-semaine-de-quatre-jours/"
    assert article == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Faut-il la semaine de quatre jours ?",
        "url": url,
        "mainEntityOfPage": url,
        "description": (
            "Plusieurs entreprises testent la semaine de quatre jours & sans baisse "
            "de salaire. L'Islande l'a généralisée."
        ),
        "datePublished": "2026-01-15T09:00:00+01:00",
        "dateModified": "2026-02-01T13:00:00+01:00",
        "isAccessibleForFree": True,
        "publisher": {
            "@type": "Organization",
            "name": "Versus",
            "url": "http://localhost/",
        },
        "about": [
            {"@type": "Thing", "name": "Santé"},
            {"@type": "Thing", "name": "Travail"},
        ],
        "hasPart": [
            {
                "@type": "OpinionNewsArticle",
                "headline": "Oui, et voici pourquoi",
                "url": f"{url}#side-pour",
                "isAccessibleForFree": True,
                "author": {
                    "@type": "Person",
                    "name": "Inès Morel",
                    "url": "http://localhost/experts/ines-morel/",
                },
                "abstract": "Moins d'heures, plus d'efficacité.",
            },
            {
                "@type": "OpinionNewsArticle",
                "headline": "Non, pas comme ça",
                "url": f"{url}#side-contre",
                "isAccessibleForFree": True,
                "author": {
                    "@type": "Person",
                    "name": "Paul Garnier",
                    "url": "http://localhost/experts/paul-garnier/",
                },
                "abstract": "Un argument contre, sourcé.",
            },
        ],
    }


@pytest.mark.django_db
def test_a_premium_debate_json_ld_keeps_the_arguments_behind_the_paywall(
    client, premium_debate
):
    response = client.get(premium_debate.url)

    [article] = json_ld(response)
    assert article["isAccessibleForFree"] is False
    assert [
        {key: part[key] for key in sorted(part) if key not in ("author", "url")}
        for part in article["hasPart"]
    ] == [
        {
            "@type": "OpinionNewsArticle",
            "headline": "Oui, pour le libre choix",
            "isAccessibleForFree": False,
        },
        {
            "@type": "OpinionNewsArticle",
            "headline": "Non, sans preuve d'efficacité",
            "isAccessibleForFree": False,
        },
        # Google's paywalled-content markup, on every version of the page.
        {
            "@type": "WebPageElement",
            "cssSelector": ".paywalled",
            "isAccessibleForFree": False,
        },
    ]
    assert SECRET not in str(head(response))


@pytest.mark.django_db
def test_a_question_cannot_break_out_of_the_json_ld(client, make_debate):
    question = 'Faut-il </script><script>alert("x")</script> interdire ?'
    debate = make_debate(question, published=datetime(2026, 1, 1, tzinfo=UTC))

    response = client.get(debate.url)

    html = response.content.decode()
    assert "<script>alert" not in html
    assert html.count('<script type="application/ld+json">') == 1
    [article] = json_ld(response)
    assert article["headline"] == question
    assert meta(response)["og:title"] == question


@pytest.mark.django_db
def test_the_english_debate_page_links_english_urls(client, free_debate):
    response = client.get("/en/debats/faut-il-la-semaine-de-quatre-jours/")

    [article] = json_ld(response)
    assert article["url"] == (
        "http://localhost/en/debats/faut-il-la-semaine-de-quatre-jours/"
    )
    assert article["hasPart"][0]["author"]["url"] == (
        "http://localhost/en/experts/ines-morel/"
    )
    assert meta(response)["og:locale"] == "en_GB"
