"""The poll pages: « Votez » and each topic poll with its options."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from core.pagecache import CachedPage, seconds_until
from core.revisions import LatestRevisionGuard
from debates.polls.models.ballots import BallotChoice
from debates.polls.models.proposals import QUESTION_MAX, Proposal, validate_question

OPTIONS_MIN = 2
OPTIONS_MAX = 12
# The number of ballots moves with every vote: visitors without an account may see
# it this late rather than have every vote purge the page.
BALLOTS_STALE_SECONDS = 60


class PollIndexPage(LatestRevisionGuard, CachedPage, Page):
    """« Votez »: the open poll, the coming ones and past results."""

    intro = models.TextField(_("intro"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["debates.TopicPollPage"]
    max_count = 1

    class Meta:
        verbose_name = _("poll index")

    def get_context(self, request, *args, **kwargs):
        # Imported here: debates.polls.selectors imports this module.
        from debates.polls import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.polls_by_state(self))
        return context

    def page_cache_seconds(self, request, context) -> int | None:
        # Polls move between « coming », « open » and « closed » by the clock.
        listed = [*context.get("open_polls", ()), *context.get("upcoming_polls", ())]
        return seconds_until(
            *(moment for poll in listed for moment in (poll.opens_at, poll.closes_at))
        )


class TopicPollForm(WagtailAdminPageForm):
    """Checks the options as a whole: how many, and none removed once voted on."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("options")
        if formset is None or not formset.is_valid():
            return cleaned
        kept = [
            form
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not OPTIONS_MIN <= len(kept) <= OPTIONS_MAX:
            raise ValidationError(
                _("A poll has between %(min)s and %(max)s options.")
                % {"min": OPTIONS_MIN, "max": OPTIONS_MAX}
            )
        # The option's row, as the form's hidden id names it (the form's own
        # instance may be a copy rebuilt from a revision, without its id).
        removed = [
            form.cleaned_data["id"].pk
            for form in formset.forms
            if form.cleaned_data.get("DELETE") and form.cleaned_data.get("id")
        ]
        if removed and BallotChoice.objects.filter(option_id__in=removed).exists():
            raise ValidationError(
                _("An option that has received votes cannot be removed.")
            )
        rule = cleaned.get("rule")
        k = cleaned.get("max_choices") or 1
        if rule == TopicPollPage.Rule.APPROVAL and not 1 <= k <= len(kept):
            self.add_error(
                "max_choices",
                _("Between 1 and the number of options (%(count)s).")
                % {"count": len(kept)},
            )
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The poll must close after it opens."))
        return cleaned


class TopicPollPage(LatestRevisionGuard, CachedPage, Page):
    """A poll on the next topics: 2 to 12 options, open between two times."""

    class Rule(models.TextChoices):
        SINGLE = "single", _("Single choice")
        APPROVAL = "approval", _("Approval: choose up to K")

    class Results(models.TextChoices):
        AFTER_VOTE = "after_vote", _("After the reader has voted")
        AFTER_CLOSE = "after_close", _("Only once the poll is closed")

    class State(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    intro = models.TextField(_("intro"), max_length=600, blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    rule = models.CharField(
        _("voting rule"), max_length=10, choices=Rule.choices, default=Rule.SINGLE
    )
    max_choices = models.PositiveSmallIntegerField(
        _("choices allowed (K)"),
        default=1,
        help_text=_("For approval voting: how many options a reader may choose."),
    )
    results_visibility = models.CharField(
        _("results shown"),
        max_length=12,
        choices=Results.choices,
        default=Results.AFTER_VOTE,
    )

    base_form_class = TopicPollForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldRowPanel([FieldPanel("rule"), FieldPanel("max_choices")]),
                FieldPanel("results_visibility"),
            ],
            heading=_("Rules"),
        ),
        InlinePanel(
            "options",
            heading=_("Options"),
            label=_("option"),
            min_num=OPTIONS_MIN,
            max_num=OPTIONS_MAX,
        ),
    ]
    parent_page_types = ["debates.PollIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("topic poll")
        verbose_name_plural = _("topic polls")

    def state(self, now=None) -> str:
        """Follows from the clock alone: nothing has to run for a poll to open or
        close on time."""
        now = now or timezone.now()
        if now < self.opens_at:
            return self.State.UPCOMING
        if now < self.closes_at:
            return self.State.OPEN
        return self.State.CLOSED

    @property
    def is_open(self) -> bool:
        return self.state() == self.State.OPEN

    @property
    def is_closed(self) -> bool:
        return self.state() == self.State.CLOSED

    @property
    def choices_allowed(self) -> int:
        return 1 if self.rule == self.Rule.SINGLE else self.max_choices

    @classmethod
    def next_opening(cls):
        """When the next live poll opens (``None``: none is coming)."""
        return (
            cls.objects.live()
            .filter(opens_at__gt=timezone.now())
            .aggregate(first=Min("opens_at"))["first"]
        )

    def page_cache_seconds(self, request, context) -> int | None:
        until = seconds_until(self.opens_at, self.closes_at)
        return min(until or BALLOTS_STALE_SECONDS, BALLOTS_STALE_SECONDS)

    def get_context(self, request, *args, **kwargs):
        # Imported here: debates.polls.selectors and forms import this module.
        from debates.polls import selectors
        from debates.polls.forms import ballot_form_for

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.poll_context(self, request.user))
        context["form"] = ballot_form_for(self, context)
        return context


class PollOption(Orderable):
    """One question on the ballot: an approved proposal, or the newsroom's own."""

    poll = ParentalKey(TopicPollPage, on_delete=models.CASCADE, related_name="options")
    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("reader proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="poll_options",
        limit_choices_to={"status": Proposal.Status.APPROVED},
    )
    question = models.CharField(
        _("question"),
        max_length=QUESTION_MAX,
        blank=True,
        help_text=_("Leave empty to use the proposal's question."),
    )

    panels = [FieldPanel("proposal"), FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("poll option")
        verbose_name_plural = _("poll options")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        if self.question:
            return self.question
        return self.proposal.question if self.proposal_id else ""

    def clean(self):
        super().clean()
        if not self.question and not self.proposal_id:
            raise ValidationError(_("Choose a reader proposal or write the question."))
        if self.question:
            validate_question(self.question)
