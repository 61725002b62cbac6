"""A logged-in reader's page from a shell that every such reader shares.

The full-page cache (``core.pagecache``) answers visitors without a session. A
logged-in reader's debate page differs from another reader's in a few places
only: their verdicts, their free reads left, the reactions they wait on, the
tally since they voted, the editor's bar, and the CSRF token of each form. The
rest (the sides, the sources, the reactions, the related debates) is the same for
every reader allowed to read it. So the page is rendered once with those places
left as *slots* (``{% personal %}`` in the templates), kept in the page cache's
store under the page's generations (a purge of the page drops it), and each
reader's request fills the slots in.

Who is served a shell, and how:

* ``ShellMiddleware`` sits after the authentication and messages middleware and
  before Wagtail's routing. A GET or HEAD with a session, no query string but
  tracking parameters and no one-off message looks the shell up (one round trip
  with the generations); on a hit it asks the page's *kind* (registered by its
  room, ``register_kind``) what the slots need (a few queries), whether the page
  is still live at that address, and whether this reader may have it (for a
  debate: the paywall's ``can_read``, which counts a metered reader's free read
  as opening the page does), and answers without routing or rendering the page.
* On a miss the page's own view renders it in shell mode (``start`` then
  ``finish``): slots come out as markers, the shell is stored when nothing in it
  belongs to one reader (a message, a CSP nonce, a CSRF token outside a slot),
  and it is filled for this reader by the same code as a hit. Every logged-in
  GET of such a page is answered that way, with or without the cache.
* A slot's content is rendered from its own template with a small context
  (``register_slot``). What a slot shows depends on a few values only (a stance,
  a count), so its HTML is kept in the process by those values and the language,
  its CSRF token left as a placeholder put in per request.
* Anything else (a form sent back with its errors, a preview, a page with a query
  string) renders ``{% personal %}``'s own content with the page's context, as
  any template would. ``tests/paywall/test_shells.py`` checks that both ways
  give the same page.

A shell is never kept for a page with view restrictions (Wagtail's privacy
settings are checked when the page is routed, which a hit skips).
"""

import hashlib
import hmac
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation

from core import pagecache

logger = logging.getLogger(__name__)

CSRF_FIELD = "csrfmiddlewaretoken"
# What a slot's kept HTML holds instead of the reader's token: letters only, so
# that escaping leaves it alone, and nothing a page could say.
CSRF_PLACEHOLDER = "versusCsrfPlaceholderXq7"
RENDERED_MAX = 2048  # slot renderings kept in each process
# Whether the page came from a kept shell ("hit") or was rendered as one ("miss");
# X-Cache stays the full-page cache's.
HEADER = "X-Shell"


def _marker_secret() -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), b"shell-slot", hashlib.sha256)
    return digest.hexdigest()[:16]


# --- Kinds of page and their slots ---------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """A kind of page served from shells (the debate page).

    ``state(request, ref)`` loads what the page's slots need, in as few queries
    as it can; ``holds(ref, state)`` says whether the shell still stands for the
    page as it is (still live, at that address: a purge that was lost is no
    reason to serve it); ``access(request, ref)`` answers what this reader may
    read (truthy, given to the slots as ``state["access"]``) or ``None`` when
    the page must be rendered for them. ``ref`` is the small dict the page gave
    ``start`` (its id, what the paywall needs)."""

    state: Callable
    holds: Callable
    access: Callable


@dataclass(frozen=True)
class Slot:
    """``context(request, state, **args)`` is the template's context;
    ``key(request, state, **args)`` names everything in it that the HTML depends
    on (a hashable value, or ``None``: render it every time). The HTML is kept
    in the process by that key and the language, so the context is built only
    the first time."""

    template: str
    context: Callable
    key: Callable


_kinds: dict[str, Kind] = {}
_slots: dict[str, Slot] = {}
_rendered: dict[tuple, str] = {}


def register_kind(
    name: str, *, state: Callable, holds: Callable, access: Callable
) -> None:
    _kinds[name] = Kind(state=state, holds=holds, access=access)


def register_slot(
    name: str, template: str, *, context: Callable, key: Callable
) -> None:
    _slots[name] = Slot(template=template, context=context, key=key)


def forget_rendered() -> None:
    """Forget the slot renderings this process keeps (tests, between them)."""
    _rendered.clear()


# --- Building a shell ----------------------------------------------------------------


@dataclass
class Build:
    kind: str
    ref: dict
    key: str
    access: object = None
    generations: tuple = ()
    storable: bool = True
    slots: list = field(default_factory=list)


def _enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def _shell_key(request) -> str:
    return "shell:" + pagecache.cache_key(request).removeprefix("page:")


def _eligible(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not pagecache.normalised_query(request)
        and not getattr(request, "is_preview", False)
    )


def _has_messages(request) -> bool:
    storage = getattr(request, "_messages", None)
    if storage is None:
        return False
    return bool(storage.used or len(messages.get_messages(request)))


def start(request, *, kind: str, ref: Callable[[], dict | None], access):
    """Called by a page's view before it renders for a logged-in reader: the
    page is rendered as a shell (its slots as markers) when it can be, and
    ``finish`` fills it for this reader, whose ``access`` the view decided.
    ``ref()`` is what the kind needs of the page, or ``None`` when it must never
    be served from a shell (a view restriction). A shell is kept as long as a
    page in the page cache (``PAGE_CACHE_SECONDS``), or until the page's purge:
    what changes sooner is a slot."""
    if not request.user.is_authenticated or not _eligible(request):
        return None
    try:
        key = _shell_key(request)
    except DisallowedHost:
        return None
    page_ref = ref()
    if page_ref is None:
        return None
    build = Build(kind=kind, ref=page_ref, key=key, access=access)
    if _enabled():
        try:
            build.generations, _entry = pagecache._fetch(
                pagecache._cache(), key, request.path
            )
        except pagecache.CACHE_ERRORS as error:
            logger.warning("Page cache unavailable: %s", error)
            build.storable = False
    else:
        build.storable = False
    request._shell_build = build
    return build


def building(request) -> bool:
    """True while the page is rendered as a shell: ``{% personal %}`` puts a
    marker, and the view may skip what only the slots need."""
    return getattr(request, "_shell_build", None) is not None


def marker(request, name: str, args: dict) -> str:
    """The marker standing for slot ``name`` in the shell being built."""
    build = request._shell_build
    if name not in _slots:
        raise KeyError(f"No slot named {name!r} (core.shells.register_slot).")
    build.slots.append((name, tuple(sorted(args.items()))))
    return f"<!--slot:{_marker_secret()}:{len(build.slots) - 1}-->"


def _split(html: str, build: Build) -> list:
    """The shell as text and slots in turn: ``[text, (name, args), text, ...]``."""
    pattern = re.compile(rf"<!--slot:{_marker_secret()}:(\d+)-->")
    pieces = pattern.split(html)
    return [
        piece if position % 2 == 0 else build.slots[int(piece)]
        for position, piece in enumerate(pieces)
    ]


def finish(request, response):
    """Render ``response`` (the page's ``TemplateResponse``); when it was built
    as a shell, keep the shell if nothing in it belongs to this reader, and fill
    its slots for this reader."""
    build = getattr(request, "_shell_build", None)
    response.render()
    if build is None:
        return response
    del request._shell_build
    html = response.content.decode(response.charset)
    pieces = _split(html, build)
    storable = (
        build.storable
        and response.status_code == 200
        and not _has_messages(request)
        and not getattr(request, "_csp_nonce", None)
        and not any(CSRF_FIELD in piece for piece in pieces[::2])
    )
    if storable:
        entry = {
            "generations": build.generations,
            "kind": build.kind,
            "ref": build.ref,
            "pieces": pieces,
        }
        try:
            pagecache._cache().set(build.key, entry, settings.PAGE_CACHE_SECONDS)
        except pagecache.CACHE_ERRORS as error:
            logger.warning("Page cache unavailable: %s", error)
    state = _kinds[build.kind].state(request, build.ref)
    state["access"] = build.access
    response.content = _fill(request, pieces, state)
    response[HEADER] = pagecache.MISS
    return response


# --- Filling a shell -----------------------------------------------------------------


def _fill(request, pieces: list, state: dict) -> str:
    language = translation.get_language() or ""
    out = []
    for position, piece in enumerate(pieces):
        if position % 2 == 0:
            out.append(piece)
        else:
            name, args = piece
            out.append(_render_slot(request, name, dict(args), state, language))
    html = "".join(out)
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return html


def _render_slot(request, name: str, args: dict, state, language: str) -> str:
    slot = _slots[name]
    key = slot.key(request, state, **args)
    memo = None if key is None else (name, language, key)
    if memo is not None and memo in _rendered:
        return _rendered[memo]
    context = slot.context(request, state, **args)
    html = render_to_string(
        slot.template,
        {"user": request.user, "csrf_token": CSRF_PLACEHOLDER, **context},
    )
    if memo is not None:
        if len(_rendered) >= RENDERED_MAX:
            _rendered.clear()
        _rendered[memo] = html
    return html


def _lookup(request) -> dict | None:
    key = _shell_key(request)
    generations, entry = pagecache._fetch(pagecache._cache(), key, request.path)
    if entry is None or tuple(entry.get("generations", ())) != generations:
        return None
    return entry


class ShellMiddleware:
    """Answers a logged-in reader's GET from the page's shell when there is one
    and the page's kind lets this reader have it; everything else goes on to
    Wagtail. After ``AuthenticationMiddleware`` and ``MessageMiddleware``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _enabled() or not _eligible(request):
            return self.get_response(request)
        try:
            entry = _lookup(request)
        except DisallowedHost:
            return self.get_response(request)
        except pagecache.CACHE_ERRORS as error:
            logger.warning("Page cache unavailable: %s", error)
            return self.get_response(request)
        if (
            entry is None
            or entry["kind"] not in _kinds
            or not request.user.is_authenticated
            or _has_messages(request)
        ):
            return self.get_response(request)
        kind, ref = _kinds[entry["kind"]], entry["ref"]
        # The page as it is first: no free read is counted for a page gone.
        state = kind.state(request, ref)
        if not kind.holds(ref, state):
            return self.get_response(request)
        state["access"] = kind.access(request, ref)
        if not state["access"]:
            return self.get_response(request)
        response = HttpResponse(_fill(request, entry["pieces"], state))
        pagecache.public_for_visitors(response, request)
        response[HEADER] = pagecache.HIT
        return response


# --- The editor's bar, on every page served from a shell ----------------------------


def _is_editor(request, state) -> bool:
    """Whether the reader may enter the admin (a page's kind may have answered
    it in its own state, as ``editor``)."""
    # Imported here: the template tags load Wagtail's admin.
    from core.templatetags.userbar_tags import may_enter_admin

    if "editor" not in state:
        state["editor"] = may_enter_admin(request.user)
    return state["editor"]


def _userbar(request, state):
    """Wagtail's user bar for those who may enter the admin, on the page itself;
    nothing for the rest."""
    from wagtail.models import Page

    if not _is_editor(request, state):
        return {"editor": False}
    page = Page.objects.get(pk=state["ref"]["pk"]).specific
    return {"editor": True, "request": request, "page": page}


def connect() -> None:
    register_slot(
        "editor-userbar",
        "includes/editor_userbar.html",
        context=_userbar,
        # The editor's bar is theirs (their name, the page's edit link).
        key=lambda request, state: None if _is_editor(request, state) else (),
    )
