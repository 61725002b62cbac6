"""What to purge from the page cache (``core.pagecache``) and the CDN when content
changes, and when: after the change commits, never inside a transaction that may
still roll back.

Wagtail's page signals cover publication (scheduled publication included: the
``publish_scheduled`` command sends the same ``page_published``), unpublication,
deletion and moves. Anything else that shows on a page is registered by the room
that owns it, in its ``pagecache.py`` (found at start-up by ``connect``, as the
admin finds ``admin.py``), so that core never imports a room and "which URLs depend
on this change" lives in one place per room.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import autodiscover_modules
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from core import pagecache
from core.models import SiteSettings


class _Everything:
    def __repr__(self):
        return "EVERYTHING"


EVERYTHING = _Everything()


# --- What depends on what -------------------------------------------------------

_dependents: dict[object, list[Callable]] = defaultdict(list)


def register(sender, dependents: Callable[[object], Iterable], *, on_save=False):
    """Sign up what to purge when ``sender`` changes: a model (for a page model,
    pages beyond its own URL, its parent and the home page, which are purged
    anyway) or a topic name that a service reports with ``changed``.
    ``dependents(obj)`` returns pages, paths, absolute URLs or ``EVERYTHING``.
    With ``on_save`` the model's saves and deletions purge too.

    ``sender`` may be ``EVERYTHING`` itself: ``dependents(None)`` then returns
    what a room shows outside the page tree (feeds, profiles...), which the CDN
    must be told when everything is purged, since it has no « everything »."""
    _dependents[sender].append(dependents)
    if on_save:
        uid = f"core.pagepurge.{sender._meta.label}"
        post_save.connect(_on_model_change, sender=sender, dispatch_uid=uid)
        post_delete.connect(_on_model_change, sender=sender, dispatch_uid=uid)


def dependents_of(sender, obj) -> list:
    senders = sender.__mro__ if isinstance(sender, type) else (sender,)
    return [
        target
        for each in senders
        for find in _dependents.get(each, ())
        for target in find(obj)
    ]


def changed(sender, obj=None) -> None:
    """``obj`` (of model or topic ``sender``) changed: purge what shows it."""
    purge(*dependents_of(sender, obj))


def _on_model_change(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(sender, instance)


def localized(name: str, *args, **kwargs) -> list[str]:
    """The path of a named URL in every language of the site."""
    paths = set()
    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            paths.add(reverse(name, args=args, kwargs=kwargs))
    return sorted(paths)


def page_targets(page) -> list:
    """A page, and what lists every page: its parent, the home page, the sitemap."""
    targets = [page, reverse("sitemap")]
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        targets.append(parent.specific_deferred)
    site = page.get_site()
    if site is not None:
        targets.append(site.root_page)
    return targets + dependents_of(type(page), page)


# --- Purging -----------------------------------------------------------------------


def _root_urls() -> list[str]:
    return sorted({root.root_url for root in Site.get_site_root_paths()})


def _expand(targets) -> tuple[set[str], set[str]]:
    """(paths for this cache, absolute URLs for the CDN)."""
    paths, urls = set(), set()
    roots = None
    for target in targets:
        if isinstance(target, Page):
            for code, _label in settings.LANGUAGES:
                with translation.override(code):
                    parts = target.get_url_parts()
                if parts and parts[2]:
                    paths.add(parts[2])
                    urls.add(parts[1] + parts[2])
        elif target.startswith(("http://", "https://")):
            paths.add(urlsplit(target).path or "/")
            urls.add(target)
        else:
            roots = _root_urls() if roots is None else roots
            paths.add(target)
            urls.update(root + target for root in roots)
    return paths, urls


def purge(*targets) -> None:
    """Forget the cached copies of ``targets`` once the current transaction commits
    (at once outside a transaction): pages (in every language), paths, absolute
    URLs, or ``EVERYTHING``."""
    if not targets:
        return
    if EVERYTHING in targets:
        transaction.on_commit(_purge_everything, robust=True)
        return
    paths, urls = _expand(targets)
    transaction.on_commit(lambda: _purge_now(paths, urls), robust=True)


def purge_everything() -> None:
    purge(EVERYTHING)


def _cdn() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def everything_urls() -> list[str]:
    """The absolute URLs a purge of everything hands the CDN: every live page in
    every language, the sitemap, and what the rooms registered under
    ``EVERYTHING``."""
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    beyond = [
        target for target in dependents_of(EVERYTHING, None) if target is not EVERYTHING
    ]
    return sorted(_expand([*pages, reverse("sitemap"), *beyond])[1])


def _purge_everything() -> None:
    pagecache.forget(everything=True)
    if _cdn():
        # A CDN has no « everything » in Wagtail's backends: each URL is named.
        purge_cdn.enqueue(everything_urls())


def _purge_now(paths: set[str], urls: set[str]) -> None:
    pagecache.forget(paths)
    if urls and _cdn():
        purge_cdn.enqueue(sorted(urls))


@task()
def purge_cdn(urls: list[str]) -> int:
    """Hand the URLs to the CDN (Wagtail's frontend cache backends, which log a
    refusal rather than raise). Runs after the change committed, in the worker."""
    purge_urls_from_cache(urls)
    return len(urls)


# --- Wagtail's page signals ----------------------------------------------------


def _on_page_change(sender, instance, **kwargs):
    page = instance.specific_deferred if type(instance) is Page else instance
    purge(*page_targets(page))


def _on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and type(instance) is not Page:
        purge(*page_targets(instance))


def _on_page_moved(sender, instance, **kwargs):
    # Every page under it changes its URL: forget the whole site here; the CDN
    # is told the URLs of every live page.
    purge(EVERYTHING)


def connect() -> None:
    """Called from ``CoreConfig.ready()``: Wagtail's signals (the scheduled
    publication command sends the same ones), the changes that touch every page,
    and each room's ``pagecache`` module."""
    page_published.connect(_on_page_change, dispatch_uid="core.pagepurge.published")
    page_unpublished.connect(_on_page_change, dispatch_uid="core.pagepurge.unpublished")
    post_delete.connect(_on_page_deleted, dispatch_uid="core.pagepurge.deleted")
    post_page_move.connect(_on_page_moved, dispatch_uid="core.pagepurge.moved")
    page_slug_changed.connect(_on_page_moved, dispatch_uid="core.pagepurge.slug")
    # Footer, navigation, quotas and who may see a page show on every page.
    for model in (SiteSettings, PageViewRestriction, Site):
        register(model, lambda obj: [EVERYTHING], on_save=True)
    autodiscover_modules("pagecache")
