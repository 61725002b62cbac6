"""The debate pages: the index of every debate and the debate itself.

A page assembles what it shows and never writes: opening a premium debate counts
a metered reader's free read, and that happens in ``debates.services.open_debate``,
which the debate's own route calls before the context is built.
"""

import math
from dataclasses import dataclass, replace

from django.core.paginator import Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core import shells as page_shells
from core.pagecache import CachedPage
from core.revisions import LatestRevisionGuard
from core.selectors import section_urls
from debates.blocks import ArgumentBlock, KeyFiguresBlock, SourcesBlock
from debates.seo import DebateSeo
from newsroom.models import Contributor
from subscriptions.paywall import set_cache_headers, teaser, visible_body

WORDS_PER_MINUTE = 230
DEBATES_PER_PAGE = 12
# The tally moves with every verdict: rather than purge the page on each vote (at
# the peak of a shared debate, the cache would never hold), visitors without an
# account may see it up to this late.
TALLY_STALE_SECONDS = 60
# The « Reply » link names the reaction it answers in the query string, so that it
# works without JavaScript: ``?repondre=<id>#reply-form``.
REPLY_PARAMETER = "repondre"


class DebateIndexPage(LatestRevisionGuard, CachedPage, Page):
    """« Débats »: every published debate, newest first, by theme or by search."""

    intro = models.TextField(_("intro"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["debates.DebatePage"]
    max_count = 1

    class Meta:
        verbose_name = _("debate index")

    def get_context(self, request, *args, **kwargs):
        # Imported here: debates.selectors and debates.forms import this module.
        from debates import selectors

        context = super().get_context(request, *args, **kwargs)
        theme_slug = request.GET.get("theme", "")
        query = request.GET.get("q", "").strip()[:200]
        debates, theme = selectors.debate_listing(
            index=self, theme_slug=theme_slug, query=query
        )
        # get_page() turns ?page=abc into page 1 and ?page=99999 into the last.
        paginator = Paginator(debates, DEBATES_PER_PAGE)
        context.update(
            {
                "debates": paginator.get_page(request.GET.get("page")),
                "themes": selectors.themes_in_use(),
                "current_theme": theme,
                "query": query,
            }
        )
        return context


@dataclass(frozen=True)
class Side:
    """One side of a debate, as templates read it."""

    stance: str
    label: str
    contributor: object
    headline: str
    body: object
    sources: object
    # Cut to its teaser for a reader without access (subscriptions.paywall).
    truncated: bool = False


class DebatePage(LatestRevisionGuard, RoutablePageMixin, Page):
    """A society question, the newsroom's context, and one expert per side.

    Both sides are plain fields on the page rather than child rows: editors see
    them next to each other in one form, and a page renders them without an extra
    query. The page shows the latest threads of readers' reactions; every thread is
    on the pages of ``reactions/`` (a route:
    https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html).
    """

    context = RichTextField(
        _("context"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Facts and figures only, short and neutral."),
    )
    key_figures = StreamField(
        KeyFiguresBlock(), verbose_name=_("key figures"), blank=True
    )

    pour_contributor = models.ForeignKey(
        "newsroom.Contributor",
        verbose_name=_("expert for"),
        null=True,
        on_delete=models.PROTECT,
        related_name="debates_pour",
    )
    pour_headline = models.CharField(_("headline for"), max_length=140)
    pour_body = StreamField(ArgumentBlock(), verbose_name=_("argument for"))
    pour_sources = StreamField(
        SourcesBlock(), verbose_name=_("sources for"), blank=True
    )

    contre_contributor = models.ForeignKey(
        "newsroom.Contributor",
        verbose_name=_("expert against"),
        null=True,
        on_delete=models.PROTECT,
        related_name="debates_contre",
    )
    contre_headline = models.CharField(_("headline against"), max_length=140)
    contre_body = StreamField(ArgumentBlock(), verbose_name=_("argument against"))
    contre_sources = StreamField(
        SourcesBlock(), verbose_name=_("sources against"), blank=True
    )

    themes = ParentalManyToManyField(
        "newsroom.Theme", verbose_name=_("themes"), related_name="debates"
    )
    premium = models.BooleanField(
        _("premium"),
        default=False,
        help_text=_(
            "Readers need a subscription (or a free monthly read) for the sides."
        ),
    )
    chosen_by_readers = models.BooleanField(
        _("chosen by readers"),
        default=False,
        help_text=_("The question won a reader poll; the page shows a badge."),
    )
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("context"),
        FieldPanel("key_figures"),
        MultiFieldPanel(
            [
                FieldPanel("pour_contributor"),
                FieldPanel("pour_headline"),
                FieldPanel("pour_body"),
                FieldPanel("pour_sources"),
            ],
            heading=_("For"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contre_contributor"),
                FieldPanel("contre_headline"),
                FieldPanel("contre_body"),
                FieldPanel("contre_sources"),
            ],
            heading=_("Against"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("premium"),
                FieldPanel("chosen_by_readers"),
            ],
            heading=_("Filing"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("context"),
        index.SearchField("pour_headline"),
        index.SearchField("pour_search_text"),
        index.SearchField("contre_headline"),
        index.SearchField("contre_search_text"),
        index.RelatedFields("pour_contributor", [index.SearchField("name")]),
        index.RelatedFields("contre_contributor", [index.SearchField("name")]),
        index.FilterField("premium"),
    ]

    parent_page_types = ["debates.DebateIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("debate")
        verbose_name_plural = _("debates")

    @property
    def sides(self) -> list[Side]:
        return [
            Side(
                "pour",
                _("For"),
                self.pour_contributor,
                self.pour_headline,
                self.pour_body,
                self.pour_sources,
            ),
            Side(
                "contre",
                _("Against"),
                self.contre_contributor,
                self.contre_headline,
                self.contre_body,
                self.contre_sources,
            ),
        ]

    def visible_sides(self, access) -> list[Side]:
        """The sides as a reader with ``access`` (``paywall.can_read``) sees them:
        without access, each argument's first paragraph and no sources."""
        sides = []
        for side in self.sides:
            body, truncated = visible_body(side.body, access)
            if truncated:
                side = replace(side, body=body, sources=[], truncated=True)
            sides.append(side)
        return sides

    # The index holds what anyone may read: a premium argument's teaser, never the
    # rest, so that a search for its words cannot find the debate (or its text).
    # Run ``manage.py update_index`` after changing this.
    def _search_text(self, body) -> str:
        if self.premium:
            body = teaser(body)
        return " ".join(
            text
            for block in body
            for text in block.block.get_searchable_content(block.value)
        )

    def pour_search_text(self) -> str:
        return self._search_text(self.pour_body)

    def contre_search_text(self) -> str:
        return self._search_text(self.contre_body)

    def word_count(self) -> int:
        texts = [strip_tags(self.context)]
        for body in (self.pour_body, self.contre_body):
            for block in body:
                texts.extend(block.block.get_searchable_content(block.value))
        return sum(len(strip_tags(text).split()) for text in texts)

    def save(self, *args, **kwargs):
        self.reading_minutes = max(1, math.ceil(self.word_count() / WORDS_PER_MINUTE))
        return super().save(*args, **kwargs)

    def load_contributors(self) -> None:
        """Fetch both experts (and their photos) in one query instead of two;
        nothing when they are already here."""
        experts = (DebatePage.pour_contributor, DebatePage.contre_contributor)
        if all(expert.field.is_cached(self) for expert in experts):
            return
        ids = [self.pour_contributor_id, self.contre_contributor_id]
        found = Contributor.objects.select_related("photo").in_bulk(
            [pk for pk in ids if pk]
        )
        for stance, pk in zip(("pour", "contre"), ids, strict=True):
            if pk in found:
                setattr(self, f"{stance}_contributor", found[pk])

    @path("")
    def index_route(self, request):
        # Imported here: debates.selectors, services and shells import this module.
        from debates import selectors, services, shells

        # Opening the page is what counts a metered reader's free read; the
        # context is then built from the access that opening gave.
        request.is_preview = False
        access = services.open_debate(
            self, reader=request.user, quota=selectors.premium_quota(request)
        )
        # A logged-in reader with the whole text: rendered as the shell they all
        # share, then filled for this one (core.shells), kept for the next.
        shells.start(self, request, access)
        response = TemplateResponse(
            request,
            self.get_template(request),
            self.get_context(request, read_access=access),
        )
        set_cache_headers(response, request, seconds=TALLY_STALE_SECONDS)
        return page_shells.finish(request, response)

    @path("reactions/", name="reactions")
    def reactions_route(self, request):
        """Every thread, a page at a time. Reactions are not behind the paywall
        (the debate page shows them to everyone), so this counts no read."""
        # Imported here: debates.selectors imports this module.
        from debates import selectors

        paginator = Paginator(
            selectors.reaction_threads(self), selectors.THREADS_PER_PAGE
        )
        # get_page() turns ?page=abc into page 1 and ?page=99999 into the last.
        threads = paginator.get_page(request.GET.get("page"))
        context = super().get_context(request)
        context.update(
            reactions_context(
                self,
                request,
                threads=selectors.with_replies(threads),
                counts=selectors.reaction_counts(self),
                page_number=threads.number,
            )
        )
        context["threads_page"] = threads
        response = TemplateResponse(
            request, "debates/debate_page_reactions.html", context
        )
        # No tally here: kept until a reaction is approved (debates.pagecache).
        set_cache_headers(response, request)
        return response

    def serve_preview(self, request, mode_name):
        # An editor's preview counts no read (get_context looks the access up),
        # where the routable mixin would serve the index route.
        return Page.serve_preview(self, request, mode_name)

    def get_context(self, request, *args, read_access=None, **kwargs):
        """What the page shows the reader, given ``read_access``: what opening the
        page (``services.open_debate``) allowed. Without it (an editor's preview)
        the access is looked up without counting anything, so a debate not yet
        counted this month stays behind the wall (``subscriptions.paywall``)."""
        # Imported here: debates.selectors and debates.forms import this module.
        from debates import selectors
        from debates.forms import verdict_boxes

        context = super().get_context(request, *args, **kwargs)
        if read_access is None:
            read_access = selectors.read_access(
                self, reader=request.user, quota=selectors.premium_quota(request)
            )
        context["read_access"] = read_access
        # What every reader with the same access sees alike is looked up only when
        # the template renders it: the parts kept whole ({% kept %}, core.pagecache)
        # skip these queries until the page is purged.

        def sides():
            self.load_contributors()
            return self.visible_sides(read_access)

        def themes():
            # Listed in the head (tags, JSON-LD) and the body: one query for both.
            prefetch_related_objects([self], "themes")
            return list(self.themes.all())

        context["sides"] = SimpleLazyObject(sides)
        context["themes"] = themes = SimpleLazyObject(themes)
        context["seo"] = DebateSeo(self, request, themes=themes)
        context["index_url"] = section_urls(request).get("debates.debateindexpage", "")
        context["tally"] = SimpleLazyObject(lambda: selectors.tally_for(self))
        context["related"] = SimpleLazyObject(
            lambda: selectors.related_debates(self, themes=list(themes))
        )
        context["edition"] = SimpleLazyObject(lambda: selectors.edition_of(self))
        reactions = SimpleLazyObject(lambda: selectors.latest_threads(self))
        context.update(
            reactions_context(
                self,
                request,
                threads=SimpleLazyObject(lambda: reactions[0]),
                counts=SimpleLazyObject(lambda: reactions[1]),
            )
        )
        if request.user.is_authenticated and not page_shells.building(request):
            # Rendered in place: a form sent back with its errors, a preview, a
            # reader without the whole text (a shell's slots load their own).
            # The same one statement the slots read (selectors.reader_state).
            reader = selectors.reader_state(self.pk, request.user)
            context.update(
                verdict_boxes(reader.verdicts, needs_consent=not reader.consented)
            )
            context["my_pending_reactions"] = reader.pending
        return context


def reactions_context(debate, request, *, threads, counts, page_number=None) -> dict:
    """What the reactions part of a page shows: ``threads``, their ``counts``
    (``selectors.ReactionCounts``), and for a logged-in reader the one reaction
    form, which the « Reply » links (``REPLY_PARAMETER``) point at a thread.
    ``page_number``: the page of ``reactions/`` shown, ``None`` on the debate page.
    A constant number of queries, whatever the number of reactions."""
    # Imported here: debates.selectors and debates.forms import this module.
    from debates import selectors
    from debates.forms import ReactionForm

    debate_url = debate.get_url(request)
    reactions_url = debate_url + debate.reverse_subpage("reactions")
    context = {
        "reactions": threads,
        "reaction_counts": counts,
        "reactions_url": reactions_url,
    }
    if request.user.is_authenticated:
        # The links stay on the page (and the page of threads) the reader is on.
        here, query = debate_url, ""
        if page_number is not None:
            here = reactions_url
            query = f"page={page_number}&" if page_number > 1 else ""
        reply_to = None
        if REPLY_PARAMETER in request.GET:
            reply_to = selectors.reply_target(debate, request.GET[REPLY_PARAMETER])
        context.update(
            {
                "reaction_form": ReactionForm(auto_id="reaction-%s"),
                "reply_to": reply_to,
                "reply_url": f"{here}?{query}{REPLY_PARAMETER}=",
                "new_reaction_url": f"{here}?{query.rstrip('&')}".rstrip("?"),
            }
        )
    return context
