"""Absolute URLs on the publication's own site.

Feeds, the sitemap, page metadata, emails, calendar files and tickets all need
the site's origin in front of a path. It is the root URL of the Wagtail site
answering the request, or of the default site when there is no request (an
email sent by a task), so links never carry whatever host a request came on.
"""

from django.conf import settings
from django.utils.encoding import iri_to_uri
from wagtail.models import Site

__all__ = ["absolute_url", "site_for"]


def site_for(request) -> Site | None:
    """The Wagtail site answering ``request``: the default site for an unknown
    host, or when there is no request."""
    if request is None:
        return Site.objects.filter(is_default_site=True).first()
    return Site.find_for_request(request)


def absolute_url(path: str, request=None) -> str:
    """``path`` on the site of ``request`` (or the default site), as a URI. A URL
    that is already absolute is returned as it is."""
    if path.startswith(("http://", "https://")):
        return iri_to_uri(path)
    site = site_for(request)
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return iri_to_uri(root.rstrip("/") + path)
