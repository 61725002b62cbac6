"""What was sent, to whom, and where each send stands.

``IssueDispatch`` holds an issue's send state outside the page: a Wagtail page's
fields are copied back from a revision each time it is published, so a state kept
on the page would return to « ready » if an editor published an older revision
mid-send. The dispatch also freezes the subject and the rendered email when the
send starts, so that every batch sends the same thing whatever is edited after.

``Delivery`` is one recipient of one issue. Unique per (issue, subscriber): the
row is created once, before any email leaves, and a worker must move it from
``queued`` to ``sending`` (claimed) and then to ``handed`` (given to the
provider) before it can be sent. See ``newsletter.services.sending`` for why a
``handed`` row is never sent again.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IssueDispatch(models.Model):
    class State(models.TextChoices):
        READY = "ready", _("Ready")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    issue = models.OneToOneField(
        "newsletter.NewsletterIssuePage",
        on_delete=models.CASCADE,
        related_name="dispatch",
    )
    state = models.CharField(
        _("send state"), max_length=20, choices=State.choices, default=State.READY
    )
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    started_by = models.CharField(_("started by"), max_length=200, blank=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    # Frozen at the start, with the provider's merge field in place of each
    # recipient's own links.
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    html = models.TextField(blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("issue sending")
        verbose_name_plural = _("issue sendings")

    def __str__(self):
        return f"{self.issue_id}: {self.get_state_display()}"


class Delivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Claimed by a worker")
        HANDED = "handed", _("Handed to the provider")
        SENT = "sent", _("Sent")
        UNKNOWN = "unknown", _("Sent, unconfirmed")
        FAILED = "failed", _("Refused for this address")
        SKIPPED = "skipped", _("Not sent (unsubscribed or suppressed meanwhile)")
        DELIVERED = "delivered", _("Delivered")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Complaint")

    issue = models.ForeignKey(
        "newsletter.NewsletterIssuePage",
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", on_delete=models.CASCADE, related_name="deliveries"
    )
    address = models.EmailField(_("address"), max_length=254)
    batch = models.PositiveIntegerField(_("batch"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    claimed_by = models.CharField(_("worker"), max_length=120, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    handed_at = models.DateTimeField(_("handed to the provider"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    esp_message_id = models.CharField(
        _("provider message id"), max_length=200, blank=True
    )
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_one_delivery"
            )
        ]
        indexes = [
            models.Index(fields=["issue", "batch", "status"]),
            models.Index(fields=["status", "claimed_at"]),
            models.Index(fields=["esp_message_id"]),
        ]

    def __str__(self):
        return f"{self.issue_id} → {self.address}: {self.status}"
