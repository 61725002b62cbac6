"""Readers' comments under a debate, published once a moderator approves them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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
        "debates.DebatePage", on_delete=models.CASCADE, related_name="reactions"
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
