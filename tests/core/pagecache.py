"""Fixtures for tests that run with the page cache on (it is off in every other
test, tests/conftest.py): import them with ``# noqa: F401 - fixture``."""

from dataclasses import dataclass

import pytest
from django.core.cache import caches
from django.test import Client

from core import pagecache
from tests.bench.fakeserver import FakeServer, Reply, serve


@pytest.fixture
def page_cache(settings):
    """The page cache on, empty, as in production (five minutes)."""
    settings.PAGE_CACHE_SECONDS = 300
    caches[pagecache.ALIAS].clear()
    yield caches[pagecache.ALIAS]
    caches[pagecache.ALIAS].clear()


def visitor() -> Client:
    """A new visitor without a session, as a browser that never logged in."""
    return Client()


@dataclass
class PurgeRecorder:
    """A stand-in for Varnish or nginx at ``url``: it answers PURGE and
    remembers it."""

    server: FakeServer

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def purged(self) -> list[tuple[str, str]]:
        """(Host, path) of every PURGE received, in order."""
        return [
            (request.headers["Host"], request.path)
            for request in self.server.requests
            if request.method == "PURGE"
        ]


def answer_purge(request) -> Reply:
    return Reply(200 if request.method == "PURGE" else 405)


@pytest.fixture
def purge_server():
    """An HTTP cache on 127.0.0.1 that records the PURGE requests it receives."""
    with serve(answer_purge) as server:
        yield PurgeRecorder(server)
