"""Fixtures for tests that run with the page cache on (it is off in every other
test, tests/conftest.py): import them with ``# noqa: F401 - fixture``."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import caches
from django.test import Client

from core import pagecache


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


class PurgeRecorder(BaseHTTPRequestHandler):
    """A stand-in for Varnish or nginx: it answers PURGE and remembers it."""

    def do_PURGE(self):
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    """An HTTP cache on 127.0.0.1 that records the PURGE requests it receives."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
