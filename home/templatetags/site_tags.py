from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in every language, for the switcher and hreflang links."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    return [
        {
            "code": code,
            "name": capfirst(get_language_info(code)["name_local"]),
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def section_url(context, model_label: str, fallback: str) -> str:
    """The URL of the site's live page of a section type, such as
    ``"debates.DebateIndexPage"``, or ``fallback`` (an anchor on the home page) while
    the section has no page.

    One query per request for all sections, memoised on the request.
    """
    request = context.get("request")
    urls = getattr(request, "_section_urls", None) if request else None
    if urls is None:
        urls = {}
        home = Site.find_for_request(request).root_page if request else None
        if home is not None:
            for page in home.get_children().live().select_related("content_type"):
                label = f"{page.content_type.app_label}.{page.content_type.model}"
                urls.setdefault(label, page.get_url(request))
        if request is not None:
            request._section_urls = urls
    return urls.get(model_label.lower()) or fallback
