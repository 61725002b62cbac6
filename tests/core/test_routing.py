"""Wagtail's routing kept between requests (core.routing): a logged-in reader's
page skips the walk down the tree, and a kept route that no longer holds is never
followed."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from tests.core.pagecache import page_cache  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("page_cache")


@pytest.fixture
def reader(db):
    client = Client()
    client.force_login(UserFactory(email="lectrice@example.org", verified=True))
    return client


@pytest.fixture
def debate(home_page):
    index = DebateIndexPageFactory(parent=home_page, slug="debats")
    return DebatePageFactory(parent=index, slug="une-question", title="Une question ?")


def tree_queries(client, path) -> tuple[int, object]:
    """How many queries of the request read the site or walk the page tree."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    walk = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "wagtailcore_site"' in q["sql"]
        or ('FROM "wagtailcore_page"' in q["sql"] and '"slug" =' in q["sql"])
    ]
    return len(walk), response


def test_the_second_request_for_a_page_skips_the_walk(reader, debate):
    # The debates' index: a logged-in reader's debate page comes from its shell
    # before any routing (core.shells), the index is routed and rendered.
    index = debate.get_parent().specific
    first_walk, first = tree_queries(reader, index.url)
    second_walk, second = tree_queries(reader, index.url)

    assert (first.status_code, second.status_code) == (200, 200)
    assert first_walk >= 2
    assert second_walk == 0
    assert second.context["page"] == index
    assert "Une question ?" in second.content.decode()


def test_a_sub_route_of_a_kept_page_is_routed_by_the_page(reader, debate):
    path = debate.url + "reactions/"
    reader.get(path)

    walk, response = tree_queries(reader, path)

    assert walk == 0
    assert response.status_code == 200
    assert response.templates[0].name == "debates/debate_page_reactions.html"


def test_an_unpublished_page_is_not_found_at_its_kept_route(reader, debate):
    reader.get(debate.url)

    debate.unpublish()

    assert reader.get(debate.url).status_code == 404


def test_a_renamed_page_leaves_its_old_address_and_answers_at_its_new_one(
    reader, debate
):
    old = debate.url
    reader.get(old)

    debate.slug = "une-autre-question"
    debate.save_revision().publish()
    debate.refresh_from_db()

    assert reader.get(old).status_code in (301, 302, 404)
    assert reader.get(debate.url).status_code == 200


def test_a_kept_route_that_no_longer_holds_is_never_followed(reader, debate):
    """A change the purge did not see (here, a page taken offline by a bare
    UPDATE, no signal sent): the kept route's page is not live any more, so the
    walk runs, and finds nothing to serve at the address."""
    from wagtail.models import Page

    reader.get(debate.url)
    Page.objects.filter(pk=debate.pk).update(live=False)

    walk, response = tree_queries(reader, debate.url)

    assert response.status_code == 404
    assert walk >= 1


def test_each_site_keeps_its_own_routes(reader, debate, settings):
    from wagtail.models import Page, Site

    from home.factories import HomePageFactory

    settings.ALLOWED_HOSTS = ["testserver", "autre.example.org"]
    other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="autre")
    Site.objects.create(hostname="autre.example.org", port=80, root_page=other_home)
    other_index = DebateIndexPageFactory(parent=other_home, slug="debats")
    DebatePageFactory(parent=other_index, slug="une-question", title="Ailleurs ?")
    path = "/debats/une-question/"
    reader.get(path)
    reader.get(path, HTTP_HOST="autre.example.org")

    here = reader.get(path)
    there = reader.get(path, HTTP_HOST="autre.example.org")

    assert "Une question ?" in here.content.decode()
    assert "Ailleurs ?" in there.content.decode()


def test_a_post_is_never_routed_from_the_kept_route(reader, debate):
    reader.get(debate.url)

    with CaptureQueriesContext(connection) as queries:
        reader.post(debate.url, {})

    assert any('FROM "wagtailcore_site"' in q["sql"] for q in queries.captured_queries)
