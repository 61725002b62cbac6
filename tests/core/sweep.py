"""Odd input everywhere: the machinery of test_odd_input.py.

The site is crawled as it is (anonymous, as a reader, as a subscriber). While it is,
every key a view looks up in ``request.GET`` or ``request.POST`` is recorded, and
every form on the pages is read from the HTML, so that a parameter or a form added
later is swept without editing the test. Then odd values go into every path
parameter of every URL pattern, every GET parameter seen and every form field.

Each request runs in a savepoint: a database error in one request (PostgreSQL aborts
the transaction) cannot spoil the next, and every failure is collected, not only
the first.
"""

import re
import time
from collections import Counter, defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from unittest import mock
from urllib.parse import quote, quote_plus, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django.http import QueryDict
from django.urls import LocalePrefixPattern, Resolver404, URLResolver, resolve
from django.urls import get_resolver as django_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import translation
from django.utils.functional import cached_property

# Percent-encoded as they go on the wire: into a path segment, a query string or a
# urlencoded form body.
ODD_VALUES = {
    "NUL": "%00",
    "invalid UTF-8": "%FF",
    "invalid UTF-8 sequence": "%C3%28",
    "stray quote": "%22",
    "search operators": "%22a%22%20OR%20b%2A%20NEAR%28c%20-d%3A%20%27",
    "huge integer": "9" * 20,
    "negative": "-1",
    "very long": "x" * 2000,
}

# Keys every POST carries; CSRF is not what is swept here.
IGNORED_KEYS = {"csrfmiddlewaretoken"}


# --- What the views read ---------------------------------------------------------


class _Reads:
    """Keys looked up during the request being sent."""

    def __init__(self):
        self.get: set[str] = set()
        self.post: set[str] = set()

    def clear(self):
        self.get.clear()
        self.post.clear()


READS = _Reads()


class _WatchedGET(QueryDict):
    def __getitem__(self, key):
        READS.get.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        READS.get.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        READS.get.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        READS.get.add(key)
        return super().__contains__(key)


class _WatchedPOST(QueryDict):
    def __getitem__(self, key):
        READS.post.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        READS.post.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        READS.post.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        READS.post.add(key)
        return super().__contains__(key)


@contextmanager
def watching_reads():
    """``request.GET`` and ``request.POST`` note the keys looked up in them."""
    build_get = WSGIRequest.__dict__["GET"].func
    load_post = WSGIRequest._load_post_and_files

    def watched_get(request):
        query = build_get(request)
        query.__class__ = _WatchedGET
        return query

    def watched_load_post(request):
        load_post(request)
        if type(request._post) is QueryDict:
            request._post.__class__ = _WatchedPOST

    get_property = cached_property(watched_get)
    get_property.__set_name__(WSGIRequest, "GET")
    with (
        mock.patch.object(WSGIRequest, "GET", get_property),
        mock.patch.object(WSGIRequest, "_load_post_and_files", watched_load_post),
    ):
        yield


# --- The URL patterns ------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    name: str | None  # None for an unnamed regex group
    kind: str  # the converter's name, or "regex"
    regex: str = ""


@dataclass(frozen=True)
class Route:
    """One URL pattern, in one language when it is under ``i18n_patterns``."""

    key: str  # as ResolverMatch.route spells it
    name: str
    parts: tuple  # literal strings and Params, in order

    @property
    def params(self) -> list[Param]:
        return [part for part in self.parts if isinstance(part, Param)]

    def url(self, values: list[str]) -> str:
        values = iter(values)
        return "/" + "".join(
            next(values) if isinstance(part, Param) else part for part in self.parts
        )


_ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _route_parts(route: str) -> list:
    parts, start = [], 0
    for match in _ROUTE_PARAM.finditer(route):
        parts.append(route[start : match.start()])
        parts.append(Param(match["name"], match["converter"] or "str"))
        start = match.end()
    parts.append(route[start:])
    return parts


def _group_end(text: str, start: int) -> int:
    depth, i, in_class = 0, start, False
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {text!r}")


def _regex_parts(regex: str) -> list:
    """The literal text and the groups of a URL regex, enough for the patterns
    Django, Wagtail and allauth use (no alternation outside groups)."""
    text = regex.removeprefix("^").removesuffix("$")
    parts, literal, i = [], "", 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            literal += text[i + 1]
            i += 2
        elif char == "(":
            end = _group_end(text, i)
            group = text[i : end + 1]
            name = re.match(r"\(\?P<(\w+)>", group)
            parts += [literal, Param(name[1] if name else None, "regex", group)]
            literal, i = "", end + 1
            if text[i : i + 1] in ("*", "+", "?"):
                i += 1
        elif text.startswith((".*", ".+"), i):
            parts += [literal, Param(None, "regex", text[i : i + 2])]
            literal, i = "", i + 2
        elif char in "?*+":
            i += 1  # an optional character: the sample keeps it
        else:
            literal += char
            i += 1
    parts.append(literal)
    return parts


def _pattern_parts(pattern) -> list:
    if isinstance(pattern, RoutePattern):
        return _route_parts(str(pattern))
    if isinstance(pattern, RegexPattern):
        return _regex_parts(pattern._regex)
    return [str(pattern)]


def _walk(resolver, parts, key, namespace):
    for entry in resolver.url_patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    prefix = str(pattern)
                    yield from _walk(
                        entry,
                        [*parts, prefix],
                        URLResolver._join_route(key, prefix),
                        namespace,
                    )
            continue
        own_key = URLResolver._join_route(key, str(pattern))
        own_parts = [*parts, *_pattern_parts(pattern)]
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, own_parts, own_key, inner)
        else:
            name = f"{namespace}{entry.name}" if entry.name else own_key
            yield Route(own_key, name, tuple(part for part in own_parts if part != ""))


def site_routes() -> list[Route]:
    """Every URL pattern of the site, once per language for the translated ones."""
    return list(_walk(django_resolver(), [], "", ""))


def language_of(path: str) -> str:
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def resolve_route(url: str):
    """The ResolverMatch of an URL as the site would resolve it, or None."""
    path = urlsplit(url).path
    with translation.override(language_of(path)):
        try:
            return resolve(path)
        except Resolver404:
            return None


# --- Sending ---------------------------------------------------------------------


@dataclass
class Visit:
    identity: str
    method: str
    url: str
    status: int
    route: str | None
    get_keys: set[str]
    post_keys: set[str]
    location: str = ""
    html: str = ""


@dataclass
class Sweep:
    """Sends requests, and keeps every server error with what caused it."""

    failures: list[str] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    by_value: dict = field(default_factory=lambda: defaultdict(Counter))
    routes_resolved: set[str] = field(default_factory=set)
    requests: int = 0
    cookies_set: set[str] = field(default_factory=set)
    started: float = field(default_factory=time.monotonic)

    def summary(self) -> str:
        seconds = time.monotonic() - self.started
        statuses = ", ".join(
            f"{status}: {count}"
            for status, count in sorted(self.statuses.items(), key=str)
        )
        return f"{self.requests} requests in {seconds:.1f}s ({statuses})"

    def send(
        self, client, identity: str, method: str, url: str, *, body=None, odd=None
    ):
        READS.clear()
        self.requests += 1
        match = resolve_route(url)
        if match is not None:
            self.routes_resolved.add(match.route)
        label = f"{method} {url[:300]} as {identity}"
        if odd:
            label += f" ({odd})"
        try:
            with transaction.atomic():
                if method == "GET":
                    response = client.get(url)
                else:
                    response = client.post(
                        url,
                        body or "",
                        content_type="application/x-www-form-urlencoded",
                    )
                if response.streaming:
                    # Read to the end: the client then closes the file it sends
                    # (never response.close() here, which would close the
                    # database connection, as at the end of a real request).
                    b"".join(response.streaming_content)
                if response.status_code >= 500:
                    transaction.set_rollback(True)
        except Exception as error:
            self.failures.append(f"{label}: {type(error).__name__}: {error}"[:600])
            self.statuses["exception"] += 1
            return None
        self.statuses[response.status_code] += 1
        self.cookies_set.update(response.cookies)
        if odd:
            self.by_value[odd][response.status_code] += 1
        if response.status_code >= 500:
            self.failures.append(f"{label}: {response.status_code}")
        html = ""
        if response.status_code == 200 and "text/html" in response.get(
            "Content-Type", ""
        ):
            html = response.content.decode(errors="replace")
        return Visit(
            identity,
            method,
            url,
            response.status_code,
            match.route if match else None,
            set(READS.get),
            set(READS.post) - IGNORED_KEYS,
            response.get("Location", ""),
            html,
        )


# --- Forms and links -------------------------------------------------------------

HONEYPOT = {"aria-hidden": "true", "tabindex": "-1"}

# Input types whose field takes what is typed (a choice field takes one of its own).
FREE_TEXT = {"", "text", "hidden", "email", "search", "tel", "url", "password"}

SAMPLE_BY_TYPE = {
    "email": "lea@example.org",
    "number": "1",
    "date": "2031-03-14",
    "datetime-local": "2031-03-14T18:30",
    "tel": "02 99 00 00 00",
    "url": "https://example.org/",
    "password": "not-the-password",
}


@dataclass
class Form:
    identity: str
    page: str
    method: str
    action: str
    fields: dict[str, str]  # name -> what a reader would send
    buttons: list[tuple[str, str]]
    traps: set[str] = field(default_factory=set)  # honeypots a reader leaves empty
    text: set[str] = field(default_factory=set)  # fields that take free text

    @property
    def visible_fields(self) -> list[str]:
        return [name for name in self.fields if name not in self.traps]

    @property
    def signature(self) -> tuple:
        match = resolve_route(self.action)
        name = f"{match.view_name}" if match else self.action
        return (self.method, name, tuple(sorted(self.fields)))

    def body(self, *, button=None, odd=None) -> str:
        """The urlencoded body, with ``odd`` values (already encoded) in place of
        what a reader would send in those fields."""
        odd = odd or {}
        pairs = [
            (quote_plus(name), odd.get(name) or quote_plus(value))
            for name, value in self.fields.items()
        ]
        # Keys the view reads that the form does not hold.
        pairs += [(quote_plus(k), v) for k, v in odd.items() if k not in self.fields]
        if button:
            pairs.append((quote_plus(button[0]), quote_plus(button[1])))
        return "&".join(f"{name}={value}" for name, value in pairs)


def _is_trap(element) -> bool:
    return all(element.get(key) == value for key, value in HONEYPOT.items())


def _input_value(element) -> str | None:
    kind = (element.get("type") or "text").lower()
    if _is_trap(element):
        return ""
    if kind in ("checkbox", "radio"):
        return element.get("value", "on")
    value = element.get("value", "")
    if value or kind == "hidden":
        return value
    if kind == "number" and element.get("min"):
        return element["min"]
    return SAMPLE_BY_TYPE.get(kind, "Léa Martin")


def read_forms(html: str, page_url: str, identity: str) -> list[Form]:
    forms = []
    for element in BeautifulSoup(html, "html.parser").find_all("form"):
        method = (element.get("method") or "get").upper()
        action = urljoin(page_url, element.get("action") or page_url)
        if not action.startswith("http://testserver") and urlsplit(action).netloc:
            continue
        action = urlsplit(action)._replace(scheme="", netloc="").geturl()
        fields, buttons, traps, text = {}, [], set(), set()
        for control in element.find_all(["input", "select", "textarea", "button"]):
            name = control.get("name")
            if not name:
                continue
            kind = (control.get("type") or "").lower()
            if control.name == "button" or kind in ("submit", "image"):
                buttons.append((name, control.get("value", "")))
            elif control.name == "select":
                options = control.find_all("option")
                chosen = [o for o in options if o.has_attr("selected")] or [
                    o for o in options if o.get("value")
                ]
                fields[name] = chosen[0].get("value", "") if chosen else ""
            elif control.name == "textarea":
                fields[name] = control.get_text() or "Un texte de lecteur."
                text.add(name)
            elif kind in ("checkbox", "radio"):
                if name not in fields or control.has_attr("checked"):
                    fields[name] = _input_value(control)
            elif kind not in ("file", "reset", "button"):
                fields[name] = _input_value(control)
                if _is_trap(control):
                    traps.add(name)
                if kind in FREE_TEXT:
                    text.add(name)
        for key in IGNORED_KEYS:
            fields.pop(key, None)
        forms.append(
            Form(identity, page_url, method, action, fields, buttons, traps, text)
        )
    return forms


def read_links(html: str, page_url: str) -> list[str]:
    links = []
    for anchor in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        url = urljoin(page_url, anchor["href"])
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver") or parts.scheme not in (
            "",
            "http",
            "https",
        ):
            continue
        links.append(parts._replace(scheme="", netloc="", fragment="").geturl())
    return links


def internal(location: str) -> str | None:
    parts = urlsplit(location)
    if parts.netloc not in ("", "testserver"):
        return None
    return parts._replace(scheme="", netloc="", fragment="").geturl()


def _where(url: str) -> str:
    """The route, or the page's path for pages Wagtail serves (one route, many
    kinds of page); in any language, since the languages share their views."""
    path = urlsplit(url).path
    language = language_of(path)
    prefix = f"/{language}/"
    match = resolve_route(url)
    if match is None or match.url_name == "wagtail_serve":
        return "/" + path.removeprefix(prefix).lstrip("/")
    return match.route.removeprefix(prefix[1:])


# --- The crawl -------------------------------------------------------------------


@dataclass
class SiteMap:
    """What the crawl saw: pages, the GET keys views read on them, forms."""

    visits: list[Visit] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)

    def get_params(self) -> dict[tuple[str, str], Visit]:
        """(where, key) -> a visit on which the view read that key."""
        found = {}
        for visit in self.visits:
            for key in sorted(visit.get_keys):
                found.setdefault((_where(visit.url), key), visit)
        for form in self.forms:
            if form.method != "GET":
                continue
            visit = Visit(form.identity, "GET", form.action, 200, None, set(), set())
            for key in form.fields:
                found.setdefault((_where(form.action), key), visit)
        return found

    def unique_forms(self) -> list[Form]:
        seen, unique = set(), []
        for form in self.forms:
            if form.method == "POST" and form.signature not in seen:
                seen.add(form.signature)
                unique.append(form)
        return unique


def crawl(
    sweep: Sweep,
    clients: dict,
    seeds: dict[str, list[str]],
    *,
    per_route: int = 1,
    skip=lambda url: False,
) -> SiteMap:
    """GET the seed URLs as each identity, then the links and redirects they lead
    to, at most ``per_route`` URLs per pattern beyond the seeds."""
    site = SiteMap()
    for identity, urls in seeds.items():
        client = clients[identity]
        queue, seen, taken = deque(urls), set(), Counter()
        seed_set = set(urls)
        while queue:
            url = queue.popleft()
            if url in seen or (url not in seed_set and skip(url)):
                continue
            seen.add(url)
            match = resolve_route(url)
            if url not in seed_set:
                if match is None or match.url_name == "wagtail_serve":
                    path = urlsplit(url).path
                    # Pages come from the tree; links only add query strings.
                    if not any(urlsplit(seed).path == path for seed in seed_set):
                        continue
                    route = path
                else:
                    route = match.route
                if taken[route] >= per_route:
                    continue
                taken[route] += 1
            visit = sweep.send(client, identity, "GET", url)
            if visit is None:
                continue
            site.visits.append(visit)
            if visit.location and (target := internal(visit.location)):
                queue.append(target)
            if visit.html:
                queue.extend(read_links(visit.html, url))
                site.forms.extend(read_forms(visit.html, url, identity))
    return site


def with_param(url: str, key: str, value: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}{quote(key, safe='')}={value}"
