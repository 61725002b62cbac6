"""The outgoing email queue.

Every email the site sends is first recorded here, inside the transaction of the
change that causes it (a payment, a booking, a password reset), then delivered
after commit by a background task that retries with backoff until the provider
accepts it. A provider outage therefore delays mail and never fails, nor undoes,
the step that asked for it; and a cause (``key``) owes at most one email, so a
Stripe event delivered twice never mails twice.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        OWED = "owed", _("To send")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    key = models.CharField(
        _("cause"),
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text=_("What this email is about; one email per cause, at most."),
    )
    builder = models.CharField(_("kind"), max_length=200)
    params = models.JSONField(default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10)
    recipient = models.CharField(_("to"), max_length=500)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OWED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # A worker that claims an email holds it until then; past it, the claim is
    # considered lost (the worker died) and another worker may try again.
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    provider_message_id = models.CharField(
        _("provider's message id"), max_length=200, blank=True
    )
    created_at = models.DateTimeField(_("owed since"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="email_due"),
        ]

    def __str__(self):
        return self.subject or f"{self.builder} → {self.recipient}"

    @property
    def retry_at(self):
        """When it is tried again, for an email still waiting; None otherwise."""
        return self.next_attempt_at if self.status == self.Status.OWED else None
