"""Addresses that get no newsletter: after a hard bounce, a complaint, three
soft bounces in a row, or an editor's decision. Kept apart from consent: an
address can be subscribed and suppressed (its mailbox is full for good), and
lifting a suppression in the admin lets its subscriptions resume."""

from django.db import models
from django.utils.translation import gettext_lazy as _

SOFT_BOUNCES_BEFORE_SUPPRESSION = 3


class Suppression(models.Model):
    class Reason(models.TextChoices):
        HARD_BOUNCE = "hard_bounce", _("Hard bounce")
        COMPLAINT = "complaint", _("Spam complaint")
        SOFT_BOUNCES = "soft_bounces", _("Three soft bounces in a row")
        MANUAL = "manual", _("Added by an editor")

    # Lower case, as every comparison is made.
    address = models.EmailField(_("address"), max_length=254, unique=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(_("suppressed on"), auto_now_add=True)
    # The provider's event that caused it, to look it up at the provider.
    source_event_id = models.CharField(_("provider event"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return self.address

    def save(self, *args, **kwargs):
        self.address = self.address.strip().lower()
        super().save(*args, **kwargs)


class SoftBounceStreak(models.Model):
    """Soft bounces in a row for one address; a delivery resets it."""

    address = models.EmailField(_("address"), max_length=254, unique=True)
    count = models.PositiveSmallIntegerField(_("soft bounces in a row"), default=0)
    last_event_id = models.CharField(_("last provider event"), max_length=200)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("soft bounce streak")
        verbose_name_plural = _("soft bounce streaks")

    def __str__(self):
        return f"{self.address} ({self.count})"
