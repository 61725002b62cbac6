"""A full-page cache for visitors without a session, purged precisely.

One shared debate can bring thousands of readers in an hour; every one of them
without an account is shown the same page. ``PageCacheMiddleware`` keeps that page
(its own cache alias, ``CACHES["pages"]``: Redis in production, local memory
otherwise) and answers the next visitor without touching the database.

What is stored, and for whom:

* only GET and HEAD from a visitor with no session cookie, no messages cookie and
  no ``Authorization`` header: a logged-in reader is never served from, nor stored
  in, the shared cache;
* only 200 responses that the view marked public with ``public_for_visitors`` (the
  page models through ``CachedPage``, the debate page through
  ``subscriptions.paywall.set_cache_headers``);
* never a response that sets a cookie, shows a message, used the CSP nonce, varies
  on anything but the cookie and the language, or carries a CSRF token.

The key is the scheme, host, path, the query string with its parameters sorted
(tracking parameters dropped) and the language. Each entry also carries two
generation tokens, read before the page was rendered: one for the whole site and
one for the path. Purging bumps a token, so every variant of a path (``?theme=``,
``?page=``) goes at once, and a page rendered while a purge ran carries the old
token and is never served. A hit costs one round trip to the cache: the entry
and both current tokens are read together (``get_many``), which is most of what a
hit costs with Redis.

Purging (``core.pagepurge``): Wagtail's page signals, and for anything else that
shows on a page, the pages each room registers in its own ``pagecache.py``; purges
run after commit, and the CDN, when there is one (``WAGTAILFRONTENDCACHE``), is told
by a task. https://docs.wagtail.org/en/stable/reference/contrib/frontendcache.html
"""

import functools
import hashlib
import logging
import secrets
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)

ALIAS = "pages"
# How long a CDN or a browser may keep a public page: short, the CDN is purged too.
PUBLIC_MAX_AGE = 300
MARK = "page_cache_seconds"
HIT, MISS = "hit", "miss"
# Parameters that only tell analytics where a reader came from.
TRACKING_PREFIXES = ("utm_",)
TRACKING = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga"}
MAX_QUERY = 512
# A response may vary on these and still be cached: the cookie (requests with a
# session never reach the cache) and the language (part of the key).
ALLOWED_VARY = {"cookie", "accept-language", "accept-encoding"}
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage
_GENERATION = "gen"

try:  # Redis down: pages are rendered as if there were no cache.
    from redis.exceptions import RedisError

    CACHE_ERRORS: tuple[type[Exception], ...] = (OSError, RedisError)
except ImportError:  # pragma: no cover - redis is a dependency
    CACHE_ERRORS = (OSError,)


# --- Marking a response public -----------------------------------------------------


def public_for_visitors(response, request, *, seconds: int | None = None) -> None:
    """Public for visitors without an account (one page for all of them), private
    for a logged-in reader or when a one-off message is shown. ``seconds`` caps how
    long the page stays true (a poll that closes, a tally); ``None`` leaves it to
    ``PAGE_CACHE_SECONDS``. The response varies on the cookie either way."""
    patch_vary_headers(response, ["Cookie"])
    if request.user.is_authenticated or len(messages.get_messages(request)):
        patch_cache_control(response, private=True, no_cache=True)
        return
    max_age = (
        PUBLIC_MAX_AGE if seconds is None else max(min(seconds, PUBLIC_MAX_AGE), 0)
    )
    patch_cache_control(response, public=True, max_age=max_age)
    setattr(response, MARK, seconds)


def seconds_until(*moments, now=None) -> int | None:
    """Seconds to the first of ``moments`` still to come (a poll's opening, a
    conference's start), for ``public_for_visitors``; ``None`` when none is."""
    now = now or timezone.now()
    ahead = [(moment - now).total_seconds() for moment in moments if moment]
    ahead = [delta for delta in ahead if delta > 0]
    return max(int(min(ahead)), 1) if ahead else None


class CachedPage:
    """Mixed into a page model (before ``RoutablePageMixin``) whose page is the
    same for every visitor without a session. Only the page itself is marked,
    never its sub-routes (a booking step, a download)."""

    def page_cache_seconds(self, request, context: dict) -> int | None:
        """How long the page stays true, from what its ``context`` holds (no
        query of its own where it can help it); ``None``: as long as allowed."""
        return None

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        match = getattr(request, "routable_resolver_match", None)
        own_page = match is None or match.url_name == "index_route"
        if own_page and request.method in ("GET", "HEAD"):
            context = getattr(response, "context_data", None) or {}
            seconds = self.page_cache_seconds(request, context)
            public_for_visitors(response, request, seconds=seconds)
        return response


# --- Keys ----------------------------------------------------------------------------


def _cache():
    return caches[ALIAS]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _path_generation_key(path: str) -> str:
    return f"{_GENERATION}:{_digest(path)}"


def _token() -> str:
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


def normalised_query(request) -> str:
    pairs = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if name not in TRACKING and not name.startswith(TRACKING_PREFIXES)
        for value in values
    )
    return "&".join(f"{name}={value}" for name, value in pairs)


def _fetch(cache, key: str, path: str | None) -> tuple[tuple[str, ...], object]:
    """The site's generation, the path's (with ``path``) and the entry at ``key``,
    in one round trip (two more only when a generation is missing)."""
    generation_keys = [_GENERATION]
    if path is not None:
        generation_keys.append(_path_generation_key(path))
    found = cache.get_many([*generation_keys, key])
    for generation_key in generation_keys:
        if generation_key not in found:
            # A fresh token, never an old one: entries stored before a lost
            # generation (an eviction) can never match again.
            cache.add(generation_key, _token(), timeout=None)
            found[generation_key] = cache.get(generation_key)
    return tuple(found[k] for k in generation_keys), found.get(key)


def _lookup(cache, request) -> tuple[str, tuple[str, str], dict | None]:
    """The entry's key, the current generations and the entry if it is still
    valid, in one round trip (two more only when a generation is missing)."""
    key = cache_key(request)
    generations, entry = _fetch(cache, key, request.path)
    if entry is not None and tuple(entry.get("generations", ())) != generations:
        entry = None
    return key, generations, entry


def cache_key(request) -> str:
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        normalised_query(request),
        getattr(request, "LANGUAGE_CODE", "") or translation.get_language() or "",
    ]
    return "page:" + _digest("|".join(parts))


def _eligible(request) -> bool:
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and MESSAGES_COOKIE not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY
    )


# --- What may be stored --------------------------------------------------------------


def storable_seconds(request, response, default: int) -> int:
    """How long ``response`` may be kept (0: not at all)."""
    if not hasattr(response, MARK) or response.status_code != 200:
        return 0
    if response.streaming or response.cookies:
        return 0
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control:
        return 0
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v}
    if not vary <= ALLOWED_VARY:
        return 0
    if getattr(request, "_csp_nonce", None):  # the nonce is per response
        return 0
    storage = getattr(request, "_messages", None)
    if storage is not None and (storage.used or len(storage)):
        return 0
    # A safety net: a form with a CSRF token belongs to one visitor.
    if b"csrfmiddlewaretoken" in response.content:
        return 0
    seconds = getattr(response, MARK)
    return max(default if seconds is None else min(seconds, default), 0)


def _freeze(response, generations: tuple[str, str]) -> dict:
    return {
        "generations": generations,
        "status": response.status_code,
        "headers": list(response.items()),
        "content": response.content,
        "stored_at": int(time.time()),
    }


def _thaw(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    del response["Content-Type"]
    for header, value in entry["headers"]:
        response[header] = value
    response["Age"] = str(max(int(time.time()) - entry["stored_at"], 0))
    response["X-Cache"] = HIT
    return response


class PageCacheMiddleware:
    """Sits right after the locale and odd-input middleware: the language is known
    and odd paths are refused, and nothing before it reads the database, so a hit
    costs no query. The middleware above (security headers, CSP) still run on a
    hit, as they must for every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        default = settings.PAGE_CACHE_SECONDS
        if default <= 0 or not _eligible(request):
            return self.get_response(request)
        cache = _cache()
        try:
            key, generations, entry = _lookup(cache, request)
        except DisallowedHost:
            return self.get_response(request)
        except CACHE_ERRORS as error:
            logger.warning("Page cache unavailable: %s", error)
            return self.get_response(request)
        if entry is not None:
            return _thaw(entry)
        response = self.get_response(request)
        seconds = storable_seconds(request, response, default)
        if seconds:
            try:
                cache.set(key, _freeze(response, generations), seconds)
            except CACHE_ERRORS as error:
                logger.warning("Page cache unavailable: %s", error)
        response["X-Cache"] = MISS
        return response


def forget(paths: Iterable[str] = (), *, everything: bool = False) -> None:
    """Make the cached copies of ``paths`` (every query string and host), or of
    every page, unreachable: their generation token changes."""
    cache = _cache()
    token = _token()
    if everything:
        cache.set(_GENERATION, token, timeout=None)
        return
    cache.set_many({_path_generation_key(path): token for path in paths}, timeout=None)


def kept_until_purged[T](
    parts: Iterable, compute: Callable[[], T], *, path: str | None = None, keep=None
) -> T:
    """``compute()``'s value, kept in the page cache until the next purge of
    everything (and, with ``path``, of that path), for at most
    ``PAGE_CACHE_SECONDS``: what a page shows every reader alike (the site's
    settings, a debate's sides) for readers the page cache cannot serve whole.

    ``parts`` name the value (and whatever it varies on); ``keep(value)`` may
    refuse to store one. A value computed while a purge ran is stored under the
    old generation and never used. With the cache off, or Redis down, the value
    is computed every time."""
    seconds = settings.PAGE_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    cache = _cache()
    key = _kept_key(parts)
    try:
        generations, entry = _fetch(cache, key, path)
    except CACHE_ERRORS as error:
        logger.warning("Page cache unavailable: %s", error)
        return compute()
    if entry is not None and entry[0] == generations:
        return entry[1]
    value = compute()
    if keep is None or keep(value):
        try:
            cache.set(key, (generations, value), seconds)
        except CACHE_ERRORS as error:
            logger.warning("Page cache unavailable: %s", error)
    return value


def _kept_key(parts: Iterable) -> str:
    return "kept:" + _digest("|".join(str(part) for part in parts))


def forget_kept(parts: Iterable) -> None:
    """Drop one value of ``kept_until_purged`` now, in this transaction: its
    writer reads it back before the purge that follows the commit."""
    try:
        _cache().delete(_kept_key(parts))
    except CACHE_ERRORS as error:
        logger.warning("Page cache unavailable: %s", error)


def for_visitors(view):
    """A view whose 200 answers are the same for every visitor without a session
    (an expert's profile, the editions): marked public, so the page cache keeps
    them."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            public_for_visitors(response, request)
        return response

    return wrapper
