import math
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from debates.blocks import ArgumentBlock, KeyFiguresBlock, SourcesBlock

WORDS_PER_MINUTE = 230
DEBATES_PER_PAGE = 12


class DebateIndexPage(Page):
    """« Débats »: every published debate, newest first, by theme or by search."""

    intro = models.TextField(_("intro"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["debates.DebatePage"]
    max_count = 1

    class Meta:
        verbose_name = _("debate index")

    def get_context(self, request, *args, **kwargs):
        from debates import selectors  # selectors import this module

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


class DebatePage(Page):
    """A society question, the newsroom's context, and one expert per side.

    Both sides are plain fields on the page rather than child rows: editors see
    them next to each other in one form, and a page renders them without an extra
    query.
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
        from subscriptions.paywall import visible_body

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
        from subscriptions.paywall import teaser

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
        """Fetch both experts (and their photos) in one query instead of two."""
        from newsroom.models import Contributor

        ids = [self.pour_contributor_id, self.contre_contributor_id]
        found = Contributor.objects.select_related("photo").in_bulk(
            [pk for pk in ids if pk]
        )
        for stance, pk in zip(("pour", "contre"), ids, strict=True):
            if pk in found:
                setattr(self, f"{stance}_contributor", found[pk])

    def serve(self, request, *args, **kwargs):
        from subscriptions.paywall import set_cache_headers

        response = super().serve(request, *args, **kwargs)
        set_cache_headers(response, request)
        return response

    def get_context(self, request, *args, **kwargs):
        from debates import selectors
        from debates.seo import DebateSeo
        from home.models import SiteSettings
        from home.selectors import section_urls
        from subscriptions.paywall import can_read

        context = super().get_context(request, *args, **kwargs)
        # Every render of the page shows what it was given: a metered reader's
        # free read is counted here, the error re-renders of debates/views.py too.
        quota = SiteSettings.load(request_or_site=request).premium_quota
        access = can_read(request.user, self, record=True, quota=quota)
        self.load_contributors()
        context["read_access"] = access
        context["sides"] = self.visible_sides(access)
        # Listed in the head (tags, JSON-LD) and the body: one query for both.
        prefetch_related_objects([self], "themes")
        themes = list(self.themes.all())
        context["seo"] = DebateSeo(self, request)
        context["themes"] = themes
        context["index_url"] = section_urls(request).get("debates.debateindexpage", "")
        context["tally"] = selectors.tally_for(self)
        context["related"] = selectors.related_debates(self, themes=themes)
        context["edition"] = selectors.edition_of(self)
        context["reactions"] = selectors.published_reactions(self)
        if request.user.is_authenticated:
            from debates.forms import ReactionForm

            context.update(verdict_context(self, request.user))
            context["my_pending_reactions"] = selectors.pending_reactions_of(
                self, request.user
            )
            context["reaction_form"] = ReactionForm(auto_id="reaction-%s")
        return context


def verdict_context(debate, user) -> dict:
    """What the verdict boxes show a logged-in reader: their stances and the forms."""
    from debates import selectors, services
    from debates.forms import VerdictForm

    mine = selectors.reader_verdicts(debate, user)
    needs_consent = not services.has_consented(user)
    return {
        "my_verdicts": {
            moment: Stance(stance).label for moment, stance in mine.items()
        },
        "verdict_forms": {
            moment: VerdictForm(
                initial={"moment": moment, "stance": mine.get(moment)},
                needs_consent=needs_consent,
                auto_id=f"verdict-{moment}-%s",
            )
            for moment in Moment.values
        },
    }


class Moment(models.TextChoices):
    BEFORE = "before", _("Before reading")
    AFTER = "after", _("After reading")


class Stance(models.TextChoices):
    POUR = "pour", _("For")
    CONTRE = "contre", _("Against")
    UNDECIDED = "undecided", _("No opinion")


class VerdictTally(models.Model):
    """Running totals of a debate's verdicts, updated in the verdict's transaction.

    A page shows these counters; it never counts verdict rows.
    """

    debate = models.OneToOneField(
        DebatePage, primary_key=True, on_delete=models.CASCADE, related_name="tally"
    )
    before_pour = models.PositiveIntegerField(default=0)
    before_contre = models.PositiveIntegerField(default=0)
    before_undecided = models.PositiveIntegerField(default=0)
    after_pour = models.PositiveIntegerField(default=0)
    after_contre = models.PositiveIntegerField(default=0)
    after_undecided = models.PositiveIntegerField(default=0)
    # Readers who gave both verdicts, and those of them whose stance moved.
    both = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("verdict tally")

    def __str__(self):
        return f"{self.debate_id}: {self.before_total} / {self.after_total}"

    def counts(self, moment: str) -> dict[str, int]:
        return {stance: getattr(self, f"{moment}_{stance}") for stance in Stance.values}

    def total(self, moment: str) -> int:
        return sum(self.counts(moment).values())

    def shares(self, moment: str) -> list[dict]:
        """Each stance's count and whole-number share, the shares adding up to 100.

        Largest-remainder rounding: 1/3 each shows as 34, 33, 33, never 33, 33, 33.
        """
        counts = self.counts(moment)
        total = sum(counts.values())
        labels = dict(Stance.choices)
        if not total:
            return [
                {"stance": s, "label": labels[s], "count": 0, "percent": 0}
                for s in counts
            ]
        exact = {s: 100 * c / total for s, c in counts.items()}
        percents = {s: int(v) for s, v in exact.items()}
        leftover = 100 - sum(percents.values())
        for s in sorted(exact, key=lambda s: exact[s] - percents[s], reverse=True)[
            :leftover
        ]:
            percents[s] += 1
        return [
            {
                "stance": s,
                "label": labels[s],
                "count": counts[s],
                "percent": percents[s],
            }
            for s in counts
        ]

    @property
    def before(self) -> list[dict]:
        return self.shares(Moment.BEFORE)

    @property
    def after(self) -> list[dict]:
        return self.shares(Moment.AFTER)

    @property
    def before_total(self) -> int:
        return self.total(Moment.BEFORE)

    @property
    def after_total(self) -> int:
        return self.total(Moment.AFTER)

    @property
    def chart_rows(self) -> list[tuple]:
        return [
            (Moment.BEFORE.label, self.before, self.before_total),
            (Moment.AFTER.label, self.after, self.after_total),
        ]

    @property
    def changed_percent(self) -> int | None:
        return round(100 * self.changed / self.both) if self.both else None


class Verdict(models.Model):
    """Where one reader stood before or after reading.

    A stance reveals a political opinion (GDPR art. 9): it is filed under a keyed
    hash of the reader's id, never the id itself, and only totals are published.
    """

    debate = models.ForeignKey(DebatePage, on_delete=models.CASCADE, related_name="+")
    reader_key = models.CharField(max_length=64, db_index=True)
    moment = models.CharField(max_length=8, choices=Moment.choices)
    stance = models.CharField(max_length=10, choices=Stance.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("verdict")
        constraints = [
            models.UniqueConstraint(
                fields=["debate", "reader_key", "moment"], name="one_verdict_per_moment"
            )
        ]

    def __str__(self):
        return f"{self.debate_id} {self.moment}: {self.stance}"


class StanceConsent(models.Model):
    """The reader's explicit consent to have their stances recorded."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="stance_consent",
    )
    given_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stance consent")

    def __str__(self):
        return f"{self.user_id} {self.given_at:%Y-%m-%d}"


class Reaction(models.Model):
    """A reader's comment under a debate, tagged by stance, shown once approved.

    Pre-moderated: nothing a reader writes is public before an editor approves it.
    Replies go one level deep. When the author deletes their account, the reaction
    stays, signed « Lecteur anonyme ».
    """

    class Tag(models.TextChoices):
        POUR = "pour", _("For")
        CONTRE = "contre", _("Against")
        NUANCE = "nuance", _("Nuance")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", pgettext_lazy("moderation", "Approved")
        REJECTED = "rejected", pgettext_lazy("moderation", "Rejected")

    debate = models.ForeignKey(
        DebatePage, on_delete=models.CASCADE, related_name="reactions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reactions",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    tag = models.CharField(_("stance"), max_length=8, choices=Tag.choices)
    text = models.TextField(_("text"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    rejection_reason = models.CharField(
        _("reason for rejection"), max_length=300, blank=True
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["debate", "status", "created_at"])]

    def __str__(self):
        return f"{self.get_tag_display()}: {self.text[:60]}"

    @property
    def author_name(self) -> str:
        return self.author.public_name if self.author_id else _("Anonymous reader")


# The topic polls live in their own module; Django finds models through this one.
from debates.polls.models import (  # noqa: E402, F401
    Ballot,
    BallotChoice,
    OptionTally,
    PollDecision,
    PollIndexPage,
    PollOption,
    PollTally,
    Proposal,
    ProposalNotice,
    ProposalSupport,
    TopicPollPage,
)
