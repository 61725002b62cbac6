"""RSS and Atom feeds of the latest published debates.

https://docs.djangoproject.com/en/stable/ref/contrib/syndication/

An item carries the question, the newsroom context and who argues each side, never
the sides' text: premium arguments are only read on the page itself.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext as _

from core.links import absolute_url, site_for
from core.models import SiteSettings
from core.pagecache import public_for_visitors
from debates import selectors, seo

FEED_ITEMS = 20
FEED_SUMMARY_WORDS = 60


class LatestDebatesFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        # The same feed for every visitor without a session: kept whole by the
        # page cache, purged with every debate (debates.pagecache).
        response = super().__call__(request, *args, **kwargs)
        public_for_visitors(response, request)
        return response

    def get_object(self, request, *args, **kwargs):
        # The feed's own fields need the request (site settings, canonical origin);
        # the instance is shared between requests, so it is passed along as ``obj``.
        return request

    def title(self, request):
        publication = SiteSettings.load(request_or_site=request).publication_name
        return _("%(publication)s: latest debates") % {"publication": publication}

    def description(self, request):
        return SiteSettings.load(request_or_site=request).tagline

    def link(self, request):
        site = site_for(request)
        home = site.root_page.get_full_url(request) if site else None
        return home or absolute_url("/", request)

    def feed_url(self, request):
        return absolute_url(request.path, request)

    def items(self, request):
        return selectors.published_debates()[:FEED_ITEMS]

    def item_title(self, debate):
        # RSS readers take a title for HTML: escaped once more, as Django does.
        return escape(debate.title)

    def item_link(self, debate):
        return debate.full_url

    def item_description(self, debate):
        """The context, then who argues each side and their headline; HTML, since
        readers show an item's description as HTML."""
        summary = format_html(
            "<p>{}</p>", seo.debate_summary(debate, FEED_SUMMARY_WORDS)
        )
        sides = format_html_join(
            "", "<p>{}</p>", ((side_line(side),) for side in debate.sides)
        )
        return summary + sides

    def item_pubdate(self, debate):
        return debate.first_published_at

    def item_updateddate(self, debate):
        return debate.last_published_at or debate.first_published_at

    def item_categories(self, debate):
        return [theme.name for theme in debate.themes.all()]


class LatestDebatesAtomFeed(LatestDebatesFeed):
    feed_type = Atom1Feed

    def subtitle(self, request):
        return self.description(request)

    def item_title(self, debate):
        # An Atom title is text, not HTML: no second escaping.
        return debate.title


def side_line(side) -> str:
    if side.contributor is None:
        return _("%(side)s: “%(headline)s”") % {
            "side": side.label,
            "headline": side.headline,
        }
    return _("%(side)s: %(name)s, “%(headline)s”") % {
        "side": side.label,
        "name": side.contributor.name,
        "headline": side.headline,
    }
