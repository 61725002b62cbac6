import pytest
from bs4 import BeautifulSoup
from wagtail.search.query import And, Phrase, PlainText

from core.search import reader_query
from debates.factories import DebateIndexPageFactory, DebatePageFactory


def test_words_and_quoted_phrases_are_read_as_readers_mean_them():
    query = reader_query('taxe "vols courts" kérosène')

    assert isinstance(query, And)
    assert [(type(t), t.query_string) for t in query.subqueries] == [
        (PlainText, "taxe"),
        (Phrase, "vols courts"),
        (PlainText, "kérosène"),
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('kérosène"', "kérosène"),
        ('"kérosène', "kérosène"),
        ('taxe "kérosène', "taxe kérosène"),
        ("kéro\x00sène", "kéro sène"),
        ("  taxe\t\n kérosène ", "taxe kérosène"),
    ],
)
def test_a_stray_quote_or_a_control_character_is_dropped(text, words):
    query = reader_query(text)

    assert isinstance(query, PlainText)
    assert query.query_string == words


@pytest.mark.parametrize("text", ["", '"', '""', "  ", "\x00", '" "'])
def test_nothing_left_to_search_for_is_no_query(text):
    assert reader_query(text) is None


@pytest.fixture
def debates(home_page):
    index = DebateIndexPageFactory(parent=home_page)
    DebatePageFactory(parent=index, title="Faut-il taxer le kérosène ?")
    DebatePageFactory(parent=index, title="Faut-il interdire les vols courts ?")


def titles(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in page.select(".debate-card__title")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "q",
    [
        'kérosène"',
        '"kérosène',
        '"taxer le kérosène"',
        'taxer "kérosène',
        "kérosène*",
        "kérosène:",
        "kérosène'",
        "(kérosène",
        "kérosène^",
        "{kérosène}",
    ],
)
def test_a_search_with_a_stray_quote_or_operator_still_finds(client, debates, q):
    response = client.get("/debats/", {"q": q})

    assert response.status_code == 200
    assert titles(response) == ["Faut-il taxer le kérosène ?"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "q",
    ["kérosène OR vols", "NEAR(kérosène vols)", "kérosène -vols", "\\", "%s %%", "*"],
)
def test_search_operators_are_words_like_any_other(client, debates, q):
    # Every word must match; none of them is an operator.
    response = client.get("/debats/", {"q": q})

    assert response.status_code == 200
    assert titles(response) == []
