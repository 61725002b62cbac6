from django.conf import settings
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import StandardBodyBlock
from core.pagecache import CachedPage, seconds_until
from core.revisions import LatestRevisionGuard
from debates import selectors as debate_selectors
from debates.polls.models import TopicPollPage
from debates.polls.selectors import open_poll
from events.selectors import upcoming_conferences


class HomePage(LatestRevisionGuard, CachedPage, Page):
    """The front page: the featured debate, the latest ones, the open poll and events.

    Each slot is filled by its room once that room exists; until then the template
    says plainly what will appear there.
    """

    headline = models.CharField(
        _("headline"),
        max_length=120,
        blank=True,
        help_text=_("The front page's big line; the page title is used when empty."),
    )
    intro = models.TextField(
        _("intro"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the front page title."),
    )

    featured_debate = models.ForeignKey(
        "debates.DebatePage",
        verbose_name=_("featured debate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Left empty, the newest debate leads the front page."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("headline"),
        FieldPanel("intro"),
        FieldPanel("featured_debate"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "debates.DebateIndexPage",
        "debates.PollIndexPage",
        "events.EventIndexPage",
        "newsletter.NewsletterIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        latest = list(debate_selectors.published_debates()[:5])
        featured = self.featured_debate if self.featured_debate_id else None
        if featured is None or not featured.live:
            featured = latest[0] if latest else None
        context["featured_debate"] = featured
        context["latest_debates"] = [d for d in latest if d != featured][:4]
        poll = open_poll()
        if poll is not None:
            prefetch_related_objects([poll], "options__proposal")
        context["open_poll"] = poll
        context["upcoming_conferences"] = upcoming_conferences(limit=3)
        return context

    def page_cache_seconds(self, request, context) -> int | None:
        # The open poll closes, the next one opens, the coming conferences start
        # and end, by the clock.
        poll = context.get("open_poll")
        conferences = context.get("upcoming_conferences", ())
        # The next opening is the one moment the context does not hold: looked up
        # only when a copy is kept (once per copy, on a miss).
        kept = settings.PAGE_CACHE_SECONDS > 0
        return seconds_until(
            poll.closes_at if poll else None,
            TopicPollPage.next_opening() if kept else None,
            *(c.starts_at for c in conferences),
            *(c.ends_at for c in conferences),
        )


class StandardPage(LatestRevisionGuard, CachedPage, Page):
    """Legal and editorial pages: Mentions légales, CGV, Transparence..."""

    intro = models.TextField(_("standfirst"), max_length=600, blank=True)
    body = StreamField(StandardBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("editorial page")
        verbose_name_plural = _("editorial pages")
