import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from accounts.factories import UserFactory
from core import shells
from home.models import HomePage
from tests.core.pagecache import page_cache, purge_server  # noqa: F401
from tests.core.s3 import moto_endpoint, s3_media  # noqa: F401 - shared fixtures


def pytest_configure(config):
    # Speed-ups that change nothing a reader would notice.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The page cache is off unless a test asks for it (the ``page_cache`` fixture,
    # tests/core/pagecache.py): each test sees the page it just changed.
    settings.PAGE_CACHE_SECONDS = 0
    # Tasks run at once, after commit, in the test's own process; the tests of the
    # worker and of the schedule switch to the database backend. (Through
    # override_settings, so that backends already looked up are forgotten.)
    override_settings(
        TASKS={
            "default": {
                "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
                "QUEUES": ["default", "email", "newsletter"],
            }
        }
    ).enable()
    # Uploads made by tests go to a scratch folder, not the developer's var/.
    scratch = Path(tempfile.mkdtemp(prefix="versus-tests-"))
    config.versus_scratch = scratch
    settings.MEDIA_ROOT = scratch / "media"
    settings.PRIVATE_MEDIA_ROOT = scratch / "private"


def pytest_unconfigure(config):
    scratch = getattr(config, "versus_scratch", None)
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)


WEBHOOK_SECRET = "whsec_test_versus"


@pytest.fixture
def stripe_http(settings, monkeypatch):
    """Stripe mode, with the SDK talking to an offline fake (subscriptions and
    conference sales share the gateway, so they share this)."""
    from payments import gateway
    from tests.subscriptions.fake_stripe import FakeStripeHTTP

    settings.STRIPE_SECRET_KEY = "sk_test_versus"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_DEMO_MODE = False
    fake = FakeStripeHTTP()
    monkeypatch.setattr(gateway, "http_client", fake)
    return fake


@pytest.fixture
def provider(settings):
    """The email provider, which a test can take down (``provider.down``) or
    script send by send (``provider.script``)."""
    from tests.core.provider import RefusingBackend

    settings.MAILERS = {"default": {"BACKEND": "tests.core.provider.RefusingBackend"}}
    RefusingBackend.reset()
    yield RefusingBackend
    RefusingBackend.reset()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rate limits, cached pages and the
    shells' slot renderings of one test must not leak into the next. With
    REDIS_URL set this empties that Redis database, so point the tests at a
    database of their own (the README says which)."""
    cache.clear()
    shells.forget_rendered()
    yield
    cache.clear()
    shells.forget_rendered()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in French, the site's default: a request under /en/ leaves
    English active in the thread, and the next test's ``reverse()`` or ``page.url``
    would quietly point at the English site."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home_page(db) -> HomePage:
    """The site's home page, as the migration creates it on every install.

    Transactional tests flush the tables the migration filled, so it is rebuilt when
    missing.
    """
    home = HomePage.objects.first()
    if home is None:
        Locale.objects.get_or_create(language_code="fr")
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=HomePage(title="Versus", slug="accueil"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home},
        )
    return home


@pytest.fixture
def reader(db):
    """A registered reader whose email address is verified."""
    return UserFactory(email="lea@example.org", first_name="Léa", verified=True)
