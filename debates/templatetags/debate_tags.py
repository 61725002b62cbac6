import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

_FOOTNOTE = re.compile(r"<sup>(\d{1,2})</sup>")


@register.filter
def link_footnotes(html: str, side: str) -> str:
    """Turn the superscript numbers editors type into links to the side's sources."""

    def link(match):
        number = match.group(1)
        label = _("Source %(number)s") % {"number": number}
        return (
            f'<sup><a href="#sources-{side}-{number}" id="ref-{side}-{number}" '
            f'aria-label="{label}">{number}</a></sup>'
        )

    return mark_safe(_FOOTNOTE.sub(link, str(html)))  # noqa: S308 - editors' rich text


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
