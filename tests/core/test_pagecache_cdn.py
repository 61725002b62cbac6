"""The CDN is told what to purge, by a task after commit, through Wagtail's
frontend cache; here a generic HTTP cache (Varnish, nginx) on 127.0.0.1."""

import pytest

from core.models import SiteSettings
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from newsroom.factories import ContributorFactory, EditionFactory
from tests.bench.fakeserver import serve
from tests.core.pagecache import answer_purge

pytestmark = pytest.mark.django_db


@pytest.fixture
def http_cdn(settings, purge_server):
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_server.url,
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


def test_a_purge_of_everything_names_the_pages_outside_the_tree_too(
    http_cdn, debate, django_capture_on_commit_callbacks
):
    """The feeds, the experts' profiles, the editions and a debate's reactions
    are views or routes, not pages: the rooms' registry (``<room>/pagecache.py``)
    names them for the CDN."""
    expert = ContributorFactory(name="Anne Pour", slug="anne-pour")
    ContributorFactory(name="Pas encore", slug="pas-encore", draft=True)
    edition = EditionFactory(title="Le numéro de l'hiver")

    with django_capture_on_commit_callbacks(execute=True):
        site_settings = SiteSettings.load()
        site_settings.publication_name = "Versus Hebdo"
        site_settings.save()

    purged = {path for _host, path in http_cdn.purged}
    assert {
        debate.url,
        "/en" + debate.url,
        "/sitemap.xml",
        "/flux/debats.rss",
        "/flux/debats.atom",
        f"/experts/{expert.slug}/",
        "/editions/",
        f"/editions/{edition.number}/",
        debate.url + "reactions/",
        "/en" + debate.url + "reactions/",
    } <= purged
    assert "/experts/pas-encore/" not in purged


def test_nothing_is_sent_before_the_commit(
    http_cdn, debate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        debate.save_revision().publish()

    assert http_cdn.purged == []
    assert callbacks


def test_a_cdn_that_is_down_never_fails_a_publication(
    settings, debate, django_capture_on_commit_callbacks, caplog
):
    with serve(answer_purge) as gone:
        pass  # stopped before the publication
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": gone.url,
        }
    }
    debate.title = "Publié malgré le CDN ?"

    with django_capture_on_commit_callbacks(execute=True):
        debate.save_revision().publish()

    debate.refresh_from_db()
    assert debate.title == "Publié malgré le CDN ?"
    assert debate.live
    assert "Couldn't purge" in caplog.text
