"""The page cache for visitors without a session: what it keeps, for whom, and
that a hit costs no query."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import RequestFactory

from accounts.factories import UserFactory
from core import pagecache
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from home.factories import StandardPageFactory
from newsroom.factories import ThemeFactory
from tests.core.pagecache import visitor

pytestmark = pytest.mark.django_db


@pytest.fixture
def standard(home_page):
    return StandardPageFactory(parent=home_page, title="Mentions légales")


def test_a_second_visitor_gets_the_page_from_the_cache_without_a_query(
    page_cache, standard, django_assert_num_queries
):
    first = visitor().get(standard.url)
    with django_assert_num_queries(0):
        second = visitor().get(standard.url)

    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    assert "Mentions légales" in second.content.decode()
    assert "public" in second["Cache-Control"]


def test_a_hit_still_gets_the_security_headers(page_cache, standard):
    visitor().get(standard.url)
    hit = visitor().get(standard.url)

    assert hit["X-Cache"] == "hit"
    assert "Content-Security-Policy" in hit
    assert hit["X-Frame-Options"] == "DENY"


def test_head_is_answered_from_the_page_get_stored(page_cache, standard):
    visitor().get(standard.url)
    head = visitor().head(standard.url)

    assert head["X-Cache"] == "hit"
    assert head.status_code == 200


def test_the_cache_is_off_when_the_setting_is_zero(page_cache, settings, standard):
    settings.PAGE_CACHE_SECONDS = 0
    visitor().get(standard.url)
    again = visitor().get(standard.url)

    assert "X-Cache" not in again


def test_a_logged_in_reader_is_never_served_nor_stored(page_cache, standard):
    reader = visitor()
    reader.force_login(UserFactory(verified=True))
    visitor().get(standard.url)  # an anonymous copy is in the cache

    theirs = reader.get(standard.url)
    reader.get(standard.url)
    after = visitor().get(standard.url)

    assert "X-Cache" not in theirs
    assert "private" in theirs["Cache-Control"]
    assert after["X-Cache"] == "hit"


def test_a_visitor_with_a_message_waiting_bypasses_the_cache(page_cache, standard):
    visitor().get(standard.url)
    client = visitor()
    storage = CookieStorage(RequestFactory().get("/"))
    response = HttpResponse()
    storage.add(constants.SUCCESS, "Vous êtes sur la liste d'attente.")
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value

    page = client.get(standard.url)

    after = visitor().get(standard.url)

    assert "X-Cache" not in page
    assert "Vous êtes sur la liste d" in page.content.decode()
    assert after["X-Cache"] == "hit"
    assert "Vous êtes sur la liste d" not in after.content.decode()


def test_query_strings_are_normalised(page_cache, home_page):
    index = DebateIndexPageFactory(parent=home_page)
    theme = ThemeFactory(name="Logement", slug="logement")
    DebatePageFactory(parent=index, themes=[theme])

    visitor().get(index.url, {"theme": "logement", "page": "1", "utm_source": "x"})
    same = visitor().get(f"{index.url}?page=1&theme=logement")
    other = visitor().get(index.url, {"theme": "logement", "page": "2"})

    assert same["X-Cache"] == "hit"
    assert other["X-Cache"] == "miss"


def test_languages_are_cached_apart(page_cache, standard):
    french = visitor().get(standard.url)
    english_url = "/en" + standard.url
    english = visitor().get(english_url)
    english_again = visitor().get(english_url)

    assert english["X-Cache"] == "miss"
    assert english_again["X-Cache"] == "hit"
    assert english["Content-Language"] == "en"
    assert french["Content-Language"] == "fr"
    assert '<html lang="en"' in english_again.content.decode()


def test_a_response_that_sets_a_cookie_is_not_stored(rf, page_cache):
    request = rf.get("/")
    response = HttpResponse("<p>Bonjour</p>")
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    request._messages = CookieStorage(request)
    pagecache.public_for_visitors(response, request)
    assert pagecache.storable_seconds(request, response, 300) == 300

    response.set_cookie("choice", "1")

    assert pagecache.storable_seconds(request, response, 300) == 0


@pytest.mark.parametrize(
    "spoil",
    [
        lambda r: r.__setitem__("Vary", "Cookie, User-Agent"),
        lambda r: setattr(r, "content", b'<input name="csrfmiddlewaretoken">'),
        lambda r: setattr(r, "status_code", 404),
        lambda r: r.__delattr__(pagecache.MARK),
    ],
    ids=["varies on the user agent", "csrf token", "not a 200", "not marked"],
)
def test_what_is_never_stored(rf, spoil):
    request = rf.get("/")
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    request._messages = CookieStorage(request)
    response = HttpResponse("<p>Bonjour</p>")
    pagecache.public_for_visitors(response, request)

    spoil(response)

    assert pagecache.storable_seconds(request, response, 300) == 0


def test_a_page_that_used_the_csp_nonce_is_not_stored(rf):
    from django.utils.csp import LazyNonce

    request = rf.get("/")
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    request._messages = CookieStorage(request)
    request._csp_nonce = LazyNonce()
    response = HttpResponse("<p>Bonjour</p>")
    pagecache.public_for_visitors(response, request)
    str(request._csp_nonce)  # a template printed it

    assert pagecache.storable_seconds(request, response, 300) == 0


def test_a_page_rendered_while_a_purge_ran_is_never_served(
    page_cache, standard, monkeypatch
):
    """The purge lands between the lookup and the store: the copy rendered from
    the old content is stored with the old generation and never matches again."""
    serve = type(standard).serve

    def serve_while_purged(self, request, *args, **kwargs):
        response = serve(self, request, *args, **kwargs)
        pagecache.forget([standard.url])
        return response

    monkeypatch.setattr(type(standard), "serve", serve_while_purged)
    assert visitor().get(standard.url)["X-Cache"] == "miss"
    monkeypatch.setattr(type(standard), "serve", serve)

    assert visitor().get(standard.url)["X-Cache"] == "miss"
    assert visitor().get(standard.url)["X-Cache"] == "hit"


def test_a_hit_reads_the_cache_once(page_cache, standard, monkeypatch):
    """The entry and both generations come back in one ``get_many``: with Redis,
    each round trip is most of what a hit costs."""
    visitor().get(standard.url)
    cache = pagecache._cache()
    calls, depth = [], [0]

    def counting(name, method):
        # Local memory's get_many calls its own get: count the outermost calls.
        def call(*args, **kwargs):
            if not depth[0]:
                calls.append(name)
            depth[0] += 1
            try:
                return method(*args, **kwargs)
            finally:
                depth[0] -= 1

        return call

    for name in ("get", "get_many", "add", "set", "set_many"):
        monkeypatch.setattr(cache, name, counting(name, getattr(cache, name)))

    assert visitor().get(standard.url)["X-Cache"] == "hit"
    assert calls == ["get_many"]
