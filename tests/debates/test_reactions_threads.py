"""The reactions under a debate: the latest threads on the debate page, every
thread on the pages of ``reactions/``, and one reaction form per page that each
« Reply » link points at its thread."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from accounts.factories import UserFactory
from debates import selectors, services
from debates.factories import DebatePageFactory
from debates.models import Reaction
from subscriptions.factories import SubscriptionFactory
from tests.core.pagecache import visitor

SHOWN = selectors.THREADS_PER_PAGE
# What the subscriber's debate page may take, whatever its reactions: the session,
# the paywall's decision, the page, its experts, themes, tally, related debates,
# editions, reactions (counts, threads, replies), verdicts and pending reactions.
SUBSCRIBER_PAGE_QUERIES = 25


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def author(db):
    return UserFactory(email="ines@example.org", first_name="Inès", verified=True)


@pytest.fixture
def subscriber(db):
    return SubscriptionFactory(
        account__user=UserFactory(email="abonne@example.org", verified=True)
    ).account.user


@pytest.fixture
def premium(debate_index, health):
    return DebatePageFactory(
        parent=debate_index,
        title="Faut-il construire de nouveaux réacteurs ?",
        premium=True,
        themes=[health],
    )


def add_threads(debate, count, *, author, start=0, replies=1) -> list[Reaction]:
    """``count`` published threads, each with ``replies`` published replies; the
    texts all have the same length, so that pages can be compared by size."""
    threads = Reaction.objects.bulk_create(
        Reaction(
            debate=debate,
            author=author,
            tag=Reaction.Tag.NUANCE,
            text=f"Fil n° {start + n:03d} : un avis argumenté, sans attaque.",
            status=Reaction.Status.APPROVED,
        )
        for n in range(count)
    )
    Reaction.objects.bulk_create(
        Reaction(
            debate=debate,
            author=author,
            parent=thread,
            tag=Reaction.Tag.POUR,
            text=f"Une réponse au fil n° {start + n:03d}, argumentée elle aussi.",
            status=Reaction.Status.APPROVED,
        )
        for n, thread in enumerate(threads)
        for _ in range(replies)
    )
    return threads


def threads_on(response) -> list[BeautifulSoup]:
    return soup(response).select("#reactions > ol.reaction-list > li")


def first_line(thread) -> str:
    return thread.select_one(".reaction__text").get_text()[:10]


@pytest.mark.django_db
def test_the_debate_page_shows_the_latest_threads_and_links_to_all_of_them(
    client, debate, author
):
    add_threads(debate, SHOWN + 5, author=author)

    response = client.get(debate.url)

    threads = threads_on(response)
    assert len(threads) == SHOWN
    assert first_line(threads[0]) == f"Fil n° {SHOWN + 4:03d}"
    assert first_line(threads[-1]) == "Fil n° 005"
    assert all(
        len(thread.select(".reaction-list--replies li")) == 1 for thread in threads
    )
    page = soup(response)
    assert "50" in page.select_one(".reactions__count").get_text()
    link = page.select_one(".reactions__all a")
    assert link["href"] == debate.url + "reactions/"
    assert "50" in link.get_text()


@pytest.mark.django_db
def test_no_link_to_more_reactions_when_every_thread_is_shown(client, debate, author):
    add_threads(debate, SHOWN, author=author)

    response = client.get(debate.url)

    assert len(threads_on(response)) == SHOWN
    assert soup(response).select_one(".reactions__all") is None


@pytest.mark.django_db
def test_the_counts_leave_out_what_nobody_sees(debate, author):
    shown, withdrawn = add_threads(debate, 2, author=author)
    Reaction.objects.create(debate=debate, author=author, tag="pour", text="À lire.")
    Reaction.objects.filter(pk=withdrawn.pk).update(status=Reaction.Status.REJECTED)

    counts = selectors.reaction_counts(debate)

    # The shown thread and its reply; not the pending reaction, nor the withdrawn
    # thread and the reply left under it.
    assert (counts.threads, counts.reactions) == (1, 2)
    threads, on_the_page = selectors.latest_threads(debate)
    assert [thread.pk for thread in threads] == [shown.pk]
    assert on_the_page == counts


@pytest.mark.django_db
def test_the_debate_page_counts_every_thread_not_only_those_it_shows(debate, author):
    add_threads(debate, SHOWN + 3, author=author, replies=2)

    threads, counts = selectors.latest_threads(debate)

    assert len(threads) == SHOWN
    assert counts == selectors.reaction_counts(debate)
    assert (counts.threads, counts.reactions) == (SHOWN + 3, 3 * (SHOWN + 3))


@pytest.mark.django_db
def test_the_subscriber_page_keeps_its_queries_and_weight_with_5_or_60_threads(
    client, premium, subscriber, author, django_assert_max_num_queries
):
    client.force_login(subscriber)
    add_threads(premium, 5, author=author)
    client.get(premium.url)
    with django_assert_max_num_queries(SUBSCRIBER_PAGE_QUERIES) as five:
        client.get(premium.url)
    # Read now: each request empties the connection's query log.
    queries = len(five.captured_queries)
    add_threads(premium, 20, author=author, start=5)
    twenty_five = client.get(premium.url)
    add_threads(premium, 35, author=author, start=25)

    cache.clear()  # what the first reading put in the cache, read again
    client.get(premium.url)
    with django_assert_max_num_queries(queries) as sixty:
        response = client.get(premium.url)

    assert len(sixty.captured_queries) == queries
    assert response.status_code == 200
    assert len(threads_on(response)) == SHOWN
    # Beyond the threads shown, only the counts' digits differ.
    assert abs(len(response.content) - len(twenty_five.content)) < 20
    page = soup(response)
    assert len(page.select("form.reaction-form")) == 1
    assert len(page.select("#reactions [name=csrfmiddlewaretoken]")) == 1
    assert len(page.select("[data-reply-to]")) == SHOWN


@pytest.mark.django_db
def test_every_thread_is_on_the_pages_of_reactions_newest_first(client, debate, author):
    add_threads(debate, 2 * SHOWN + 5, author=author)
    url = debate.url + "reactions/"

    pages = [client.get(url, {"page": n}) for n in (1, 2, 3)]

    assert [response.status_code for response in pages] == [200, 200, 200]
    assert [len(threads_on(response)) for response in pages] == [SHOWN, SHOWN, 5]
    assert first_line(threads_on(pages[1])[0]) == f"Fil n° {SHOWN + 4:03d}"
    assert first_line(threads_on(pages[2])[-1]) == "Fil n° 000"
    nav = soup(pages[1]).select_one("nav.pagination")
    assert nav.select_one("a[rel=prev]")["href"] == "?page=1"
    assert nav.select_one("a[rel=next]")["href"] == "?page=3"
    assert soup(pages[0]).select_one("h1").get_text() == debate.title


@pytest.mark.parametrize(
    ("page", "first"),
    [("abc", "first"), ("", "first"), ("0", "last"), ("999999", "last")],
)
@pytest.mark.django_db
def test_an_odd_page_number_shows_a_page_of_reactions(
    client, debate, author, page, first
):
    add_threads(debate, SHOWN + 1, author=author)

    response = client.get(debate.url + "reactions/", {"page": page})

    assert response.status_code == 200
    expected = f"Fil n° {SHOWN:03d}" if first == "first" else "Fil n° 000"
    assert first_line(threads_on(response)[0]) == expected


@pytest.mark.django_db
def test_the_reply_link_sets_the_one_form_on_its_thread_without_javascript(
    client, debate, author
):
    (thread,) = add_threads(debate, 1, author=author)
    reader = UserFactory(email="lecteur@example.org", verified=True)
    client.force_login(reader)

    link = soup(client.get(debate.url)).select_one(f"[data-reply-to='{thread.pk}']")
    assert link["href"] == f"{debate.url}?repondre={thread.pk}#reply-form"
    page = soup(client.get(f"{debate.url}?repondre={thread.pk}"))

    form = page.select_one("#reply-form")
    assert form.select_one("input[name=parent]")["value"] == str(thread.pk)
    notice = form.select_one("[data-reply-notice]")
    assert not notice.has_attr("hidden")
    assert notice.select_one("[data-reply-author]").get_text() == thread.author_name
    sent = client.post(
        form["action"],
        {
            "tag": "contre",
            "text": "Je réponds à ce fil avec un argument.",
            "parent": form.select_one("input[name=parent]")["value"],
        },
    )
    assert sent.status_code == 302
    reply = Reaction.objects.get(author=reader)
    assert (reply.parent, reply.status) == (thread, Reaction.Status.PENDING)


@pytest.mark.django_db
def test_a_reply_link_to_anything_but_a_published_thread_here_sets_nothing(
    client, debate, debate_index, author
):
    (thread,) = add_threads(debate, 1, author=author)
    reply = thread.replies.get()
    (elsewhere,) = add_threads(DebatePageFactory(parent=debate_index), 1, author=author)
    pending = services.post_reaction(
        debate, user=author, tag="pour", text="En attente de lecture."
    )
    client.force_login(author)

    for target in ("abc", "", "-1", "99999999999", reply.pk, elsewhere.pk, pending.pk):
        page = soup(client.get(debate.url, {"repondre": target}))
        form = page.select_one("#reply-form")
        assert form.select_one("input[name=parent]")["value"] == "", target
        assert form.select_one("[data-reply-notice]").has_attr("hidden"), target


@pytest.mark.django_db
def test_the_reply_links_of_a_page_of_reactions_stay_on_that_page(
    client, debate, author
):
    threads = add_threads(debate, SHOWN + 1, author=author)
    client.force_login(author)
    url = debate.url + "reactions/"

    page = soup(client.get(url, {"page": 2}))

    link = page.select_one("[data-reply-to]")
    assert link["href"] == f"{url}?page=2&repondre={threads[0].pk}#reply-form"
    answering = soup(client.get(url, {"page": 2, "repondre": threads[0].pk}))
    form = answering.select_one("#reply-form")
    assert form.select_one("input[name=parent]")["value"] == str(threads[0].pk)
    cancel = form.select_one("[data-reply-cancel]")
    assert cancel["href"] == f"{url}?page=2#reply-form"


@pytest.mark.django_db
def test_visitors_get_no_form_and_no_reply_link(client, debate, author):
    add_threads(debate, 3, author=author)

    for url in (debate.url, debate.url + "reactions/"):
        page = soup(client.get(url))
        assert page.select("[data-reply-to]") == []
        assert page.select("form.reaction-form") == []
        assert page.select_one("#reactions a[href^='/compte/login/']")


@pytest.mark.django_db
def test_the_pages_of_reactions_are_kept_for_visitors_and_purged_on_approval(
    page_cache, debate, author, django_capture_on_commit_callbacks
):
    add_threads(debate, 1, author=author)
    urls = [debate.url + "reactions/", f"/en{debate.url}reactions/"]
    for url in urls:
        visitor().get(url)
    assert [visitor().get(url)["X-Cache"] for url in urls] == ["hit", "hit"]
    reaction = services.post_reaction(
        debate, user=author, tag="contre", text="Une nouvelle réaction à lire."
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_reaction(reaction, editor=UserFactory(editor=True))

    pages = [visitor().get(url) for url in urls]
    assert [page["X-Cache"] for page in pages] == ["miss", "miss"]
    assert all("Une nouvelle réaction" in page.content.decode() for page in pages)


@pytest.mark.django_db
def test_a_reader_s_page_of_reactions_is_never_kept(page_cache, client, debate, author):
    add_threads(debate, 1, author=author)
    client.force_login(author)

    responses = [client.get(debate.url + "reactions/") for _ in range(2)]

    assert all("X-Cache" not in response for response in responses)
    assert all("private" in response["Cache-Control"] for response in responses)
    assert visitor().get(debate.url + "reactions/")["X-Cache"] == "miss"
