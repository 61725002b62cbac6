"""The CDN is told what to purge, by a task after commit, through Wagtail's
frontend cache; here a generic HTTP cache (Varnish, nginx) on 127.0.0.1."""

import pytest

from debates.factories import DebateIndexPageFactory, DebatePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def http_cdn(settings, purge_server):
    host, port = purge_server.server_address
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://{host}:{port}",
        }
    }
    return purge_server


@pytest.fixture
def debate(home_page):
    index = DebateIndexPageFactory(parent=home_page)
    return DebatePageFactory(parent=index, title="Faut-il taxer le kérosène ?")


def test_publishing_sends_purge_for_the_page_in_every_language_and_its_lists(
    http_cdn, debate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        debate.save_revision().publish()

    purged = set(http_cdn.purged)
    index = debate.get_parent()
    assert ("localhost", debate.url) in purged
    assert ("localhost", "/en" + debate.url) in purged
    assert ("localhost", index.url) in purged
    assert ("localhost", "/") in purged
    assert ("localhost", "/en/") in purged
    assert ("localhost", "/sitemap.xml") in purged
    assert ("localhost", "/flux/debats.rss") in purged


def test_nothing_is_sent_before_the_commit(
    http_cdn, debate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        debate.save_revision().publish()

    assert http_cdn.purged == []
    assert callbacks


def test_a_cdn_that_is_down_never_fails_a_publication(
    settings, debate, django_capture_on_commit_callbacks, purge_server, caplog
):
    host, port = purge_server.server_address
    purge_server.shutdown()
    purge_server.server_close()
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://{host}:{port}",
        }
    }
    debate.title = "Publié malgré le CDN ?"

    with django_capture_on_commit_callbacks(execute=True):
        debate.save_revision().publish()

    debate.refresh_from_db()
    assert debate.title == "Publié malgré le CDN ?"
    assert debate.live
    assert "Couldn't purge" in caplog.text
