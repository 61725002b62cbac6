import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup

from debates.factories import DebatePageFactory
from tests.seo.conftest import SECRET

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_xml(response) -> ET.Element:
    return ET.fromstring(response.content)  # noqa: S314 - the site's own output


@pytest.fixture
def debates(make_debate, premium_debate, health, work, debate_index):
    older = make_debate(
        "Faut-il la semaine de quatre jours ?",
        published=datetime(2026, 1, 15, 8, 0, tzinfo=UTC),
        updated=datetime(2026, 2, 1, 12, 0, tzinfo=UTC),
        themes=[work, health],
        context=(
            "<p>Plusieurs entreprises testent la semaine de quatre jours &amp; "
            "sans baisse de salaire.</p><p>L'Islande l'a généralisée.</p>"
        ),
        pour_body=[("paragraph", f"<p>{SECRET}</p>")],
    )
    newest = make_debate(
        "Faut-il taxer les jets privés ?",
        published=datetime(2026, 4, 20, 7, 45, tzinfo=UTC),
    )
    DebatePageFactory(parent=debate_index, title="Brouillon ?", live=False)
    return {"older": older, "premium": premium_debate, "newest": newest}


@pytest.mark.django_db
def test_the_rss_feed_lists_live_debates_newest_first(client, debates):
    response = client.get("/flux/debats.rss")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = parse_xml(response).find("channel")
    assert channel.findtext("link") == "http://localhost/"
    assert channel.findtext("language") == "fr"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Faut-il taxer les jets privés ?",
        "Faut-il rembourser les médecines douces ?",
        "Faut-il la semaine de quatre jours ?",
    ]
    oldest = items[2]
    assert oldest.findtext("link") == (
        "http://localhost/debats/faut-il-la-semaine-de-quatre-jours/"
    )
    assert oldest.findtext("guid") == oldest.findtext("link")
    assert oldest.findtext("pubDate") == "Thu, 15 Jan 2026 08:00:00 +0000"
    assert [c.text for c in oldest.findall("category")] == ["Santé", "Travail"]


@pytest.mark.django_db
def test_an_item_gives_the_context_and_the_experts_never_the_sides(client, debates):
    response = client.get("/en/flux/debats.rss")

    channel = parse_xml(response).find("channel")
    assert channel.findtext("title") == "Versus: latest debates"
    items = channel.findall("item")
    assert items[2].findtext("link") == (
        "http://localhost/en/debats/faut-il-la-semaine-de-quatre-jours/"
    )
    assert items[2].findtext("description") == (
        "<p>Plusieurs entreprises testent la semaine de quatre jours &amp; sans "
        "baisse de salaire. L&#x27;Islande l&#x27;a généralisée.</p>"
        "<p>For: Inès Morel, “Oui, et voici pourquoi”</p>"
        "<p>Against: Paul Garnier, “Non, pas comme ça”</p>"
    )
    assert items[1].findtext("description") == (
        "<p>La Sécurité sociale rembourse l&#x27;homéopathie jusqu&#x27;en 2021.</p>"
        "<p>For: Inès Morel, “Oui, pour le libre choix”</p>"
        "<p>Against: Paul Garnier, “Non, sans preuve d&#x27;efficacité”</p>"
    )


@pytest.mark.django_db
def test_the_context_is_cut_after_sixty_words(client, make_debate):
    words = [f"mot{n}" for n in range(80)]
    make_debate(
        "Faut-il une longue mise en contexte ?",
        published=datetime(2026, 1, 1, tzinfo=UTC),
        context=f"<p>{' '.join(words)}</p>",
    )

    response = client.get("/en/flux/debats.rss")

    description = parse_xml(response).findtext("channel/item/description")
    assert description.startswith(f"<p>{' '.join(words[:60])}…</p><p>For:")


@pytest.mark.parametrize(
    "url",
    [
        "/flux/debats.rss",
        "/flux/debats.atom",
        "/en/flux/debats.rss",
        "/en/flux/debats.atom",
    ],
)
@pytest.mark.django_db
def test_no_feed_carries_a_word_of_the_arguments(client, debates, url):
    body = client.get(url).content.decode()

    assert "Cette phrase" not in body
    assert "abonnés" not in body
    assert "Oui, pour le libre choix" in body


@pytest.mark.django_db
def test_the_atom_feed_lists_the_same_debates(client, debates):
    response = client.get("/flux/debats.atom")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = parse_xml(response)
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == (
        "http://localhost/flux/debats.atom"
    )
    assert feed.findtext(f"{ATOM}subtitle") == (
        "Le journal de débats qui vous laisse trancher"
    )
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Faut-il taxer les jets privés ?",
        "Faut-il rembourser les médecines douces ?",
        "Faut-il la semaine de quatre jours ?",
    ]
    oldest = entries[2]
    assert oldest.findtext(f"{ATOM}published") == "2026-01-15T08:00:00+00:00"
    assert oldest.findtext(f"{ATOM}updated") == "2026-02-01T12:00:00+00:00"
    assert oldest.find(f"{ATOM}summary").get("type") == "html"
    assert [c.get("term") for c in oldest.findall(f"{ATOM}category")] == [
        "Santé",
        "Travail",
    ]


@pytest.mark.django_db
def test_titles_are_escaped_for_each_format(client, make_debate):
    make_debate(
        "Faut-il <b>tout</b> & le reste ?",
        published=datetime(2026, 1, 1, tzinfo=UTC),
    )

    rss = parse_xml(client.get("/flux/debats.rss"))
    atom = parse_xml(client.get("/flux/debats.atom"))

    # RSS readers read a title as HTML, Atom ones as text.
    assert rss.findtext("channel/item/title") == (
        "Faut-il &lt;b&gt;tout&lt;/b&gt; &amp; le reste ?"
    )
    assert (
        atom.findtext(f"{ATOM}entry/{ATOM}title") == "Faut-il <b>tout</b> & le reste ?"
    )


@pytest.mark.django_db
def test_every_page_advertises_both_feeds(client, home_page):
    head = BeautifulSoup(client.get("/en/").content, "html.parser").head

    feeds = [
        (link["type"], link["title"], link["href"])
        for link in head.select("link[rel=alternate][type]")
    ]
    assert feeds == [
        ("application/rss+xml", "Latest debates (RSS)", "/en/flux/debats.rss"),
        ("application/atom+xml", "Latest debates (Atom)", "/en/flux/debats.atom"),
    ]


@pytest.mark.django_db
def test_the_feed_query_count_does_not_grow_with_its_items(
    client, make_debate, health, django_assert_max_num_queries
):
    make_debate("Question 0 ?", published=datetime(2026, 1, 1, tzinfo=UTC))
    client.get("/flux/debats.rss")
    with django_assert_max_num_queries(5) as few:
        client.get("/flux/debats.rss")
    for n in range(1, 25):
        make_debate(
            f"Question {n} ?",
            published=datetime(2026, 1, 1 + n, tzinfo=UTC),
            themes=[health],
        )

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/flux/debats.rss")
    assert len(parse_xml(response).findall("channel/item")) == 20
