import pytest
from bs4 import BeautifulSoup
from django.test import Client

from accounts.factories import UserFactory
from debates import services
from debates.factories import DebatePageFactory
from debates.models import Verdict, VerdictTally
from newsroom.factories import ContributorFactory, ThemeFactory


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def titles(response) -> list[str]:
    return [
        h.get_text(strip=True) for h in soup(response).select(".debate-card__title")
    ]


@pytest.fixture
def many_debates(debate_index, health):
    economy = ThemeFactory(name="Économie", slug="economie")
    debates = []
    for n in range(15):
        debates.append(
            DebatePageFactory(
                parent=debate_index,
                title=f"Question {n:02d} ?",
                themes=[health if n % 3 == 0 else economy],
            )
        )
    return debates


@pytest.mark.django_db
def test_the_index_lists_debates_newest_first_twelve_a_page(client, many_debates):
    first = client.get("/debats/")
    second = client.get("/debats/?page=2")

    assert len(titles(first)) == 12
    assert len(titles(second)) == 3
    assert titles(first)[0] == "Question 14 ?"


@pytest.mark.django_db
def test_the_index_pages_keep_the_search(client, many_debates):
    first = BeautifulSoup(client.get("/debats/?q=Question").content, "html.parser")
    older = first.select_one("nav.pagination a[rel=next]")
    assert older.get_text(strip=True) == "Débats plus anciens"

    second = client.get("/debats/" + older["href"])
    newer = BeautifulSoup(second.content, "html.parser").select_one(
        "nav.pagination a[rel=prev]"
    )

    assert older["href"] == "?q=Question&page=2"
    assert len(titles(second)) == 3
    assert newer["href"] == "?q=Question&page=1"
    assert "Page 2 sur 2" in second.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1.5"])
@pytest.mark.django_db
def test_the_index_shrugs_off_odd_page_numbers(client, many_debates, page):
    response = client.get(f"/debats/?page={page}")

    assert response.status_code == 200
    assert titles(response)


@pytest.mark.django_db
def test_the_index_filters_by_theme(client, many_debates):
    response = client.get("/debats/?theme=sante")

    assert titles(response) == [f"Question {n:02d} ?" for n in (12, 9, 6, 3, 0)]
    current = soup(response).select_one(".theme-filter [aria-current]")
    assert current.get_text(strip=True) == "Santé"


@pytest.mark.django_db
def test_an_unknown_theme_shows_every_debate(client, many_debates):
    response = client.get("/debats/?theme=inconnu")

    assert response.status_code == 200
    assert len(titles(response)) == 12


@pytest.mark.django_db
def test_the_index_searches_questions_arguments_and_experts(client, debate_index):
    expert = ContributorFactory(name="Odile Fontaine", slug="odile-fontaine")
    # Named, not drawn at random: a random French name may well be « Fontaine ».
    DebatePageFactory(
        parent=debate_index,
        title="Faut-il taxer le kérosène ?",
        pour_contributor=ContributorFactory(name="Anne Leroux", slug="anne-leroux"),
        contre_contributor=ContributorFactory(name="Paul Girard", slug="paul-girard"),
    )
    DebatePageFactory(
        parent=debate_index,
        title="Faut-il interdire les vols courts ?",
        pour_contributor=expert,
        contre_contributor=ContributorFactory(name="Marc Roche", slug="marc-roche"),
        pour_body=[("paragraph", "<p>Le train relie déjà Paris à Lyon.</p>")],
    )

    assert titles(client.get("/debats/?q=kérosène")) == ["Faut-il taxer le kérosène ?"]
    assert titles(client.get("/debats/?q=Lyon")) == [
        "Faut-il interdire les vols courts ?"
    ]
    assert titles(client.get("/debats/?q=Fontaine")) == [
        "Faut-il interdire les vols courts ?"
    ]
    assert titles(client.get("/debats/?q=zzzz")) == []


@pytest.mark.django_db
def test_the_index_query_count_does_not_grow_with_the_debates_shown(
    client, debate_index, health, django_assert_max_num_queries
):
    DebatePageFactory(parent=debate_index, themes=[health])
    client.get("/debats/")
    with django_assert_max_num_queries(13) as few:
        client.get("/debats/")
    for _ in range(11):
        DebatePageFactory(parent=debate_index, themes=[health])

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/debats/")
    assert len(titles(response)) == 12


@pytest.mark.django_db
def test_unpublished_debates_are_not_listed(client, debate_index):
    DebatePageFactory(parent=debate_index, title="Brouillon ?", live=False)

    assert titles(client.get("/debats/")) == []


@pytest.mark.django_db
def test_the_debate_page_shows_both_sides_and_their_sources(client, debate):
    page = soup(client.get(debate.url))

    assert page.h1.get_text(strip=True) == debate.title
    pour, contre = page.select("section.side-pour"), page.select("section.side-contre")
    assert pour
    assert contre
    assert pour[0].select_one(".expert__name")["href"] == (
        f"/experts/{debate.pour_contributor.slug}/"
    )
    footnote = pour[0].select_one("sup a")
    assert footnote["href"] == "#sources-pour-1"
    assert (
        pour[0]
        .select_one("#sources-pour-1")
        .get_text(" ", strip=True)
        .startswith("Rapport annuel Insee")
    )
    assert "Santé" in page.select_one(".debate__meta").get_text()


@pytest.mark.django_db
def test_an_anonymous_debate_page_takes_at_most_15_queries(
    client, debate, django_assert_max_num_queries
):
    client.get(debate.url)
    with django_assert_max_num_queries(15):
        client.get(debate.url)


@pytest.mark.django_db
def test_a_debate_page_renders_in_the_same_queries_with_many_verdicts(
    client, debate, voter, make_voter, django_assert_max_num_queries
):
    client.force_login(voter)
    client.get(debate.url)
    with django_assert_max_num_queries(22) as empty:
        client.get(debate.url)
    for n in range(30):
        services.cast_verdict(
            debate, user=make_voter(n), moment="before", stance="pour"
        )
    # The page reads the counters, never the rows: 30 rows, 100,000 shown.
    VerdictTally.objects.filter(debate=debate).update(before_pour=100_000)

    with django_assert_max_num_queries(len(empty.captured_queries)):
        response = client.get(debate.url)
    assert "100000" in soup(response).select_one(".results").get_text().replace(
        "\u202f", ""
    ).replace(" ", "").replace("\xa0", "")


@pytest.mark.django_db
def test_anonymous_readers_are_invited_to_log_in_and_see_no_form(client, debate):
    page = soup(client.get(debate.url))

    assert page.select("form.verdict__form") == []
    link = page.select_one("#verdict-before a")
    assert link["href"] == f"/compte/login/?next={debate.url}"


@pytest.mark.django_db
def test_a_reader_gives_consent_and_a_verdict_through_the_form(client, debate):
    reader = UserFactory(email="nouvelle@example.org", verified=True)
    client.force_login(reader)

    response = client.post(
        f"/avis/verdict/{debate.pk}/",
        {"moment": "before", "stance": "contre", "consent": "on"},
    )

    assert response.status_code == 302
    assert response["Location"] == debate.url + "#verdict-before"
    assert services.has_consented(reader)
    assert Verdict.objects.get().stance == "contre"
    page = soup(client.get(debate.url))
    assert "Contre" in page.select_one("#verdict-before .verdict__mine").get_text()
    # Consent is asked once.
    assert page.select("input[name=consent]") == []


@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({"moment": "before", "stance": "contre"}, "consent"),
        ({"moment": "before", "consent": "on"}, "stance"),
        ({"moment": "before", "stance": "peut-être", "consent": "on"}, "stance"),
    ],
    ids=["no-consent", "no-stance", "unknown-stance"],
)
@pytest.mark.django_db
def test_bad_verdict_input_is_explained_by_the_field_and_stores_nothing(
    client, debate, data, field_error
):
    client.force_login(UserFactory(email="nouvelle@example.org", verified=True))

    response = client.post(f"/avis/verdict/{debate.pk}/", data)

    assert response.status_code == 400
    form = response.context["verdict_forms"]["before"]
    assert form.errors[field_error]
    assert not Verdict.objects.exists()
    assert not services.has_consented(response.context["user"])


@pytest.mark.django_db
def test_a_second_after_verdict_is_refused_with_a_message(client, debate, voter):
    client.force_login(voter)
    client.post(f"/avis/verdict/{debate.pk}/", {"moment": "after", "stance": "pour"})

    response = client.post(
        f"/avis/verdict/{debate.pk}/", {"moment": "after", "stance": "contre"}
    )

    assert response.status_code == 400
    assert response.context["verdict_forms"]["after"].non_field_errors() == [
        "Vous avez déjà donné votre avis après lecture."
    ]
    assert Verdict.objects.get().stance == "pour"


@pytest.mark.django_db
def test_logged_out_readers_cannot_post_a_verdict(client, debate):
    response = client.post(
        f"/avis/verdict/{debate.pk}/", {"moment": "before", "stance": "pour"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")
    assert not Verdict.objects.exists()


@pytest.mark.django_db
def test_a_verdict_on_an_unpublished_debate_is_a_404(client, debate, voter):
    debate.unpublish()
    client.force_login(voter)

    response = client.post(
        f"/avis/verdict/{debate.pk}/", {"moment": "before", "stance": "pour"}
    )

    assert response.status_code == 404
    assert not Verdict.objects.exists()


@pytest.mark.django_db
def test_a_verdict_without_a_valid_csrf_token_is_refused(debate, voter):
    client = Client(enforce_csrf_checks=True)
    client.force_login(voter)

    response = client.post(
        f"/avis/verdict/{debate.pk}/",
        {"moment": "before", "stance": "pour", "csrfmiddlewaretoken": "faux"},
    )

    assert response.status_code == 403
    assert not Verdict.objects.exists()
