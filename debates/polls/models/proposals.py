"""Readers' topic proposals, their supporters and the notices their proposers get.

A proposal's supporter count lives on its row and moves with each support row, in
the same transaction (``debates.polls.services``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

QUESTION_MIN = 10
QUESTION_MAX = 200
WHY_MAX = 1500
REASON_MAX = 600


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
