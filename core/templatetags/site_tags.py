from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info

from core.selectors import section_urls

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
    the section has no page."""
    request = context.get("request")
    if request is None:
        return fallback
    return section_urls(request).get(model_label.lower()) or fallback
