from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Site

from core.models import SiteSettings

SECTIONS_CACHE_KEY = "home:section-urls:{site_id}:{language}"


def site_settings(request=None) -> SiteSettings:
    """The publication's settings, cached on the request by Wagtail."""
    return SiteSettings.load(request_or_site=request)


def section_urls(request) -> dict[str, str]:
    """The URL of each live section page under the home page (Débats, Votez...), by
    model label. Read on every page for the navigation, so kept in the cache and
    dropped whenever a page is published, unpublished, moved or deleted
    (``core.signals``). Read once per request and language: the header and the
    footer ask for several sections."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    key = SECTIONS_CACHE_KEY.format(site_id=site.pk, language=get_language())
    read = request.__dict__.setdefault("_section_urls", {})
    if key in read:
        return read[key]
    urls = read[key] = cache.get(key)
    if urls is None:
        urls = {}
        home = site.root_page
        for page in home.get_children().live().select_related("content_type"):
            label = f"{page.content_type.app_label}.{page.content_type.model}"
            urls.setdefault(label, page.get_url(request))
        cache.set(key, urls, 3600)
        read[key] = urls
    return urls


def forget_section_urls() -> None:
    cache.delete_many(
        [
            SECTIONS_CACHE_KEY.format(site_id=site_id, language=code)
            for site_id in Site.objects.values_list("pk", flat=True)
            for code, _name in settings.LANGUAGES
        ]
    )
