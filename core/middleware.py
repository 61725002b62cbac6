"""Requests no view could answer sensibly are refused before any view runs.

A NUL character cannot be stored or looked up in PostgreSQL (psycopg refuses it
before sending the query) and ends a string early in SQLite's full-text search, and
no link of ours ever carries one; bytes that are not UTF-8 cannot name a page.
Refusing them here, once, spares every view, service and third-party app (the admin,
allauth, Wagtail's redirects) from meeting them.

Form bodies are left to the forms: Django's ``CharField`` refuses a NUL with an
error next to the field, which a reader can act on, where a bare 400 would lose
what they typed.

Sits right after the locale middleware, so that the error pages come in the
language of the path, and before the others: CommonMiddleware would answer a path
without its final slash with a redirect to the same odd path, and Wagtail's
redirects would look it up in the database.
https://docs.djangoproject.com/en/stable/ref/views/#error-views
"""

import re
from importlib import import_module

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404

NUL = "\x00"

# What is left of bytes that are not UTF-8 once the path is decoded: Django
# re-escapes them (``%FF`` stays ``%FF``) under WSGI, an ASGI server replaces them.
BROKEN_BYTES = re.compile(r"%[0-9A-Fa-f]{2}|\ufffd")


def path_is_text(request) -> bool:
    """Whether the path is UTF-8 text without NUL.

    A percent escape still in the decoded path is either such a byte or a ``%25``
    in the address (an escaped escape): no link of ours has either."""
    return NUL not in request.path_info and not BROKEN_BYTES.search(request.path_info)


def query_has_nul(request) -> bool:
    return any(
        NUL in key or any(NUL in value for value in values)
        for key, values in request.GET.lists()
    )


def drop_nul_cookies(request) -> None:
    """Forget cookies holding a NUL (a quoted cookie may spell one ``\\000``); we
    never set one. A session cookie among them would be looked up in the database:
    the request gets a new, empty session instead, which replaces the cookie."""
    broken = [name for name, value in request.COOKIES.items() if NUL in value]
    for name in broken:
        del request.COOKIES[name]
    if settings.SESSION_COOKIE_NAME in broken and hasattr(request, "session"):
        engine = import_module(settings.SESSION_ENGINE)
        request.session = engine.SessionStore()


class OddInputMiddleware:
    """404 for a path no page could have, 400 for a NUL in the query string; a
    cookie holding a NUL is dropped."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        drop_nul_cookies(request)
        # Wagtail's preview builds its own request from the page's URL, escapes
        # left in (a slug « débats » reads « d%C3%A9bats »): no client sent it.
        if not getattr(request, "is_dummy", False) and not path_is_text(request):
            raise Http404("The path is not UTF-8 text.")
        if query_has_nul(request):
            raise BadRequest("A NUL character in the query string.")
        return self.get_response(request)
