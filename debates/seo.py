"""What search engines and social networks read: the sitemap, the debates' summary
and their schema.org JSON-LD.

Premium argument text never leaves the debate page: nothing here reads a side's
body except the short abstract of a *free* debate's side. Whether the page itself
shows it is for ``subscriptions.paywall.can_read``.
"""

import json
import re
from functools import cached_property
from html import unescape
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.contrib.sitemaps import views as sitemap_views
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from core.links import absolute_url, site_for
from core.models import SiteSettings
from core.pagecache import for_visitors
from newsroom.models import Contributor, Edition

# Words of the newsroom context in a page's description and a feed item.
SUMMARY_WORDS = 30
# Words of a free side's first paragraph in its JSON-LD abstract.
ABSTRACT_WORDS = 30
# The class of a premium debate's subscriber-only elements, when they are shown.
PAYWALLED_CLASS = "paywalled"

_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|div)>|<br\s*/?>", re.IGNORECASE)
_FOOTNOTE = re.compile(r"<sup>[^<]*</sup>", re.IGNORECASE)
# As django.utils.html.json_script: no "</script>" or "<!--" can appear in the
# output, and the JSON still decodes to the same values.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def plain_text(html: str) -> str:
    """Rich text as one line of plain text: tags and footnote numbers dropped,
    entities decoded, paragraphs separated by a space."""
    html = _FOOTNOTE.sub("", _BLOCK_END.sub(" ", str(html)))
    return " ".join(unescape(strip_tags(html)).split())


def truncate_words(text: str, words: int) -> str:
    return Truncator(text).words(words, truncate="…")


def debate_summary(debate, words: int = SUMMARY_WORDS) -> str:
    """The newsroom context, in plain text, cut after ``words`` words."""
    return truncate_words(plain_text(debate.context), words)


def side_abstract(side, words: int = ABSTRACT_WORDS) -> str:
    """The first paragraph of a side's argument, in plain text, cut short."""
    for block in side.body:
        if block.block_type == "paragraph":
            return truncate_words(plain_text(block.value.source), words)
    return ""


def json_ld_script(data: dict) -> SafeString:
    """A ``<script type="application/ld+json">`` that text cannot break out of."""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload),  # noqa: S308 - escaped just above
    )


class DebateSeo:
    """A debate page's description and JSON-LD, computed when a template asks.
    ``themes``: the debate's themes as the page lists them too (one query for
    both)."""

    def __init__(self, debate, request, *, themes):
        self.debate = debate
        self.request = request
        self.themes = themes

    @cached_property
    def description(self) -> str:
        return self.debate.search_description or debate_summary(self.debate)

    @cached_property
    def theme_names(self) -> list[str]:
        return [theme.name for theme in self.themes]

    @cached_property
    def json_ld(self) -> SafeString:
        return json_ld_script(self.data())

    def data(self) -> dict:
        debate = self.debate
        request = self.request
        url = absolute_url(request.path, request)
        free = not debate.premium
        article = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": debate.title,
            "url": url,
            "mainEntityOfPage": url,
            "description": self.description,
            "isAccessibleForFree": free,
            "publisher": {
                "@type": "Organization",
                "name": SiteSettings.load(request_or_site=request).publication_name,
                "url": absolute_url("/", request),
            },
            "about": [{"@type": "Thing", "name": name} for name in self.theme_names],
        }
        if debate.first_published_at:
            article["datePublished"] = localtime(debate.first_published_at).isoformat()
        modified = debate.last_published_at or debate.first_published_at
        if modified:
            article["dateModified"] = localtime(modified).isoformat()
        parts = []
        debate.load_contributors()  # both experts in one query, for the page too
        for side in debate.sides:
            part = {
                "@type": "OpinionNewsArticle",
                "headline": side.headline,
                "url": f"{url}#side-{side.stance}",
                "isAccessibleForFree": free,
            }
            if side.contributor is not None:
                part["author"] = {
                    "@type": "Person",
                    "name": side.contributor.name,
                    "url": absolute_url(side.contributor.get_absolute_url(), request),
                }
            if free and (abstract := side_abstract(side)):
                part["abstract"] = abstract
            parts.append(part)
        if not free:
            # Google's markup for paywalled content, the same on every version of
            # the page: the elements of class PAYWALLED_CLASS are for subscribers
            # (https://developers.google.com/search/docs/appearance/structured-data/paywalled-content).
            parts.append(
                {
                    "@type": "WebPageElement",
                    "isAccessibleForFree": False,
                    "cssSelector": f".{PAYWALLED_CLASS}",
                }
            )
        article["hasPart"] = parts
        return article


# --- Sitemap ----------------------------------------------------------------------


class PageSitemap(WagtailSitemap):
    """Every live, public page of the site, as Wagtail lists them."""


class SameOriginSitemap(DjangoSitemap):
    """Django sitemaps giving the same origin as Wagtail's, whatever host the
    sitemap was asked on."""

    def __init__(self, request):
        self.request = request
        site = site_for(request)
        self.root = urlsplit(site.root_url if site else request.build_absolute_uri("/"))

    def get_protocol(self, protocol=None):
        return self.root.scheme

    def get_domain(self, site=None):
        return self.root.netloc


class ExpertSitemap(SameOriginSitemap):
    """The public profiles of published citizen experts."""

    def items(self):
        return Contributor.objects.filter(live=True).order_by("slug")

    def location(self, expert):
        return expert.get_absolute_url()

    def lastmod(self, expert):
        return expert.last_published_at


class EditionSitemap(SameOriginSitemap):
    """The print editions that are out."""

    def items(self):
        return Edition.objects.out().order_by("number")

    def location(self, edition):
        return edition.get_absolute_url()

    def lastmod(self, edition):
        return edition.updated_at


@for_visitors
def sitemap(request):
    return sitemap_views.sitemap(
        request,
        {
            "pages": PageSitemap(request),
            "experts": ExpertSitemap(request),
            "editions": EditionSitemap(request),
        },
    )
