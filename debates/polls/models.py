"""Readers choose the next topics: proposals, the polls they are put to, ballots.

Counters (a proposal's supporters, a poll's ballots, an option's votes) live in
rows that pages never revise, so that publishing a page revision cannot overwrite
them; each is updated in the same transaction as the row it counts.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

QUESTION_MIN = 10
QUESTION_MAX = 200
WHY_MAX = 1500
REASON_MAX = 600
OPTIONS_MIN = 2
OPTIONS_MAX = 12


def validate_question(value: str) -> None:
    if not value.strip().endswith("?"):
        raise ValidationError(
            _("Phrase it as a question, ending with a question mark."),
            code="not_a_question",
        )


class Proposal(models.Model):
    """A society question a reader would like debated, pre-moderated."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", pgettext_lazy("moderation", "Approved")
        REJECTED = "rejected", pgettext_lazy("moderation", "Rejected")
        MERGED = "merged", _("Merged")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topic_proposals",
    )
    question = models.CharField(
        _("question"),
        max_length=QUESTION_MAX,
        validators=[MinLengthValidator(QUESTION_MIN), validate_question],
    )
    why = models.TextField(
        _("why it matters"), validators=[MaxLengthValidator(WHY_MAX)]
    )
    theme = models.ForeignKey(
        "newsroom.Theme",
        verbose_name=_("theme"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    rejection_reason = models.TextField(
        _("reason for rejecting"),
        blank=True,
        validators=[MaxLengthValidator(REASON_MAX)],
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    support_count = models.PositiveIntegerField(_("supporters"), default=0)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("topic proposal")
        verbose_name_plural = _("topic proposals")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "-support_count"], name="proposal_support"),
            models.Index(fields=["status", "-created_at"], name="proposal_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(rejection_reason=""),
                name="debates_rejected_proposal_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="merged")
                | models.Q(merged_into__isnull=False),
                name="debates_merged_proposal_has_target",
            ),
        ]

    def __str__(self):
        return self.question


class ProposalSupport(models.Model):
    """One reader backing one proposal; at most once."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="supports"
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "reader"], name="debates_support_once"
            )
        ]

    def __str__(self):
        return f"{self.reader_id} → {self.proposal_id}"


class ProposalNotice(models.Model):
    """An email the proposer was sent about their proposal: each is sent once."""

    class Kind(models.TextChoices):
        APPROVED = "approved", pgettext_lazy("moderation", "Approved")
        REJECTED = "rejected", pgettext_lazy("moderation", "Rejected")
        MERGED = "merged", _("Merged")
        POLLED = "polled", _("Put to a poll")
        CHOSEN = "chosen", _("Chosen")
        PUBLISHED = "published", _("Debate published")
        FIGURES = "figures", _("Opinion shift figures")

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "kind"], name="debates_proposal_notice_once"
            )
        ]

    def __str__(self):
        return f"{self.proposal_id}: {self.kind}"


# --- Polls ------------------------------------------------------------------------


class PollIndexPage(Page):
    """« Votez »: the open poll, the coming ones and past results."""

    intro = models.TextField(_("intro"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["debates.TopicPollPage"]
    max_count = 1

    class Meta:
        verbose_name = _("poll index")

    def get_context(self, request, *args, **kwargs):
        from debates.polls import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.polls_by_state(self))
        return context


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


class TopicPollPage(Page):
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

    def get_context(self, request, *args, **kwargs):
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


class PollTally(models.Model):
    """How many readers have voted in a poll; kept with each ballot."""

    poll = models.OneToOneField(
        TopicPollPage, primary_key=True, on_delete=models.CASCADE, related_name="tally"
    )
    ballots = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.poll_id}: {self.ballots}"


class OptionTally(models.Model):
    """How many ballots chose an option; kept with each ballot."""

    option = models.OneToOneField(
        PollOption, primary_key=True, on_delete=models.CASCADE, related_name="tally"
    )
    poll = models.ForeignKey(
        TopicPollPage, on_delete=models.CASCADE, related_name="option_tallies"
    )
    votes = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.option_id}: {self.votes}"


class Ballot(models.Model):
    """A reader's ballot in a poll: one per reader and poll, by constraint."""

    poll = models.ForeignKey(
        TopicPollPage, on_delete=models.CASCADE, related_name="ballots"
    )
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="poll_ballots",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "voter"], name="debates_one_ballot_per_reader"
            )
        ]

    def __str__(self):
        return f"{self.poll_id}/{self.pk}"


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    option = models.ForeignKey(
        PollOption, on_delete=models.PROTECT, related_name="ballot_choices"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "option"], name="debates_choice_once"
            )
        ]

    def __str__(self):
        return f"{self.ballot_id} → {self.option_id}"


class PollDecision(models.Model):
    """The newsroom's choice between options tied for first place, recorded."""

    poll = models.OneToOneField(
        TopicPollPage, on_delete=models.CASCADE, related_name="decision"
    )
    winner = models.ForeignKey(PollOption, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.poll_id} → {self.winner_id}"
