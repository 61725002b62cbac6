"""Wagtail's routing, remembered between requests.

To find the page for a path, Wagtail looks the site up, then walks the tree from
the site's root, one query per level, and fetches the page's own row: six queries
for a debate, on every request the page cache cannot serve whole (a logged-in
reader, a subscriber). ``RouteMiddleware`` keeps what that walk found: the site,
and the page's id, type and URL path. It keeps them with the page cache's tokens
(``core.pagecache.kept_until_purged``), so they go when the path is purged (a
publication, an unpublication, a deletion) and when everything is (a page moved,
a slug changed, a site edited).

A kept route is never trusted blindly: the page is loaded by its id, and used only
if it is still live and still at that URL path; what follows it in the path (a
debate's « reactions/ ») is routed by the page itself, as Wagtail would. Anything
else, and the walk runs as usual. Wagtail's own checks after routing (view
restrictions, the ``before_serve_page`` hooks, the page's ``serve``) run in both
cases: only the walk is saved.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from core.pagecache import forget_kept, kept_until_purged

# Part of every key: a deploy that changes ``Route`` changes this, and no worker
# ever unpickles a route of another shape.
ROUTE_VERSION = 1


@dataclass(frozen=True)
class Route:
    site: Site
    content_type_id: int
    page_id: int
    url_path: str  # the page's, e.g. /accueil/debats/une-question/
    root_url_path: str  # the site root's, e.g. /accueil/


def _walk(request, path: str) -> Route | None:
    """Wagtail's routing, as its serve view runs it (the result stays on the
    request for that view), described for keeping."""
    result = Page.route_for_request(request, path)
    site = getattr(request, "_wagtail_site", None)
    if result is None or site is None:
        return None
    page = result[0]
    # The site alone, without the root page Wagtail loaded into it.
    bare = Site(
        pk=site.pk,
        hostname=site.hostname,
        port=site.port,
        site_name=site.site_name,
        root_page_id=site.root_page_id,
        is_default_site=site.is_default_site,
    )
    return Route(
        site=bare,
        content_type_id=page.content_type_id,
        page_id=page.pk,
        url_path=page.url_path,
        root_url_path=site.root_page.url_path,
    )


def _follow(request, route: Route, path: str):
    """Wagtail's route result for ``path`` from the kept ``route``, or ``None``
    when the route no longer holds."""
    model = ContentType.objects.get_for_id(route.content_type_id).model_class()
    if model is None or not issubclass(model, Page):
        return None
    page = model._default_manager.filter(pk=route.page_id, live=True).first()
    if page is None or page.url_path != route.url_path:
        return None
    walked = [c for c in route.url_path[len(route.root_url_path) :].split("/") if c]
    components = [c for c in path.split("/") if c]
    if components[: len(walked)] != walked:
        return None
    try:
        return page.route(request, components[len(walked) :])
    except Http404:
        return None


class RouteMiddleware:
    """After authentication, before the view: only for Wagtail's page view, on a
    GET or HEAD."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or request.method not in (
            "GET",
            "HEAD",
        ):
            return None
        if hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        parts = (
            "route",
            ROUTE_VERSION,
            request.get_host(),
            request.get_port(),
            translation.get_language(),
            path,
        )
        walked = []

        def walk():
            walked.append(True)
            return _walk(request, path)

        route = kept_until_purged(
            parts, walk, path=request.path, keep=lambda route: route is not None
        )
        if walked or route is None:
            return None  # Wagtail's walk ran (or will): its result is on the request
        result = _follow(request, route, path)
        if result is None:
            forget_kept(parts)  # Wagtail walks the tree, and the next request keeps it
            return None
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = route.site
        request._wagtail_route_for_request = result
        return None
