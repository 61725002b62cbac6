"""The navigation's section URLs (core.selectors.section_urls): kept in the cache,
read from it once per request, dropped when a page is published."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from core.selectors import section_urls
from debates.factories import DebateIndexPageFactory


@pytest.fixture
def request_for_site(home_page):
    return RequestFactory().get("/")


def test_one_request_reads_the_cache_once(request_for_site, monkeypatch, home_page):
    index = DebateIndexPageFactory(parent=home_page, slug="debats")
    reads = []
    real_get = cache.get
    monkeypatch.setattr(
        cache, "get", lambda *a, **k: reads.append(a) or real_get(*a, **k)
    )

    first = section_urls(request_for_site)
    again = section_urls(request_for_site)

    assert first == again == {"debates.debateindexpage": index.url}
    assert [key for (key, *_rest) in reads if key.startswith("home:section-urls")] == [
        f"home:section-urls:{home_page.get_site().pk}:fr"
    ]


def test_the_next_request_sees_a_newly_published_section(request_for_site, home_page):
    assert section_urls(request_for_site) == {}

    index = DebateIndexPageFactory(parent=home_page, slug="debats")
    index.save_revision().publish()

    assert section_urls(RequestFactory().get("/")) == {
        "debates.debateindexpage": index.url
    }
