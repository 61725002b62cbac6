"""The lists readers may receive, who receives them, and the proof of it.

A ``Subscriber`` is an email address, linked to an account when the reader has
one; mail goes to that account's current address, so changing it in « Mon compte »
moves the newsletters with it. Each list a subscriber asked for is a
``Subscription`` whose state only the services change, and every change is a
``ConsentEvent``: what happened, when, from where. That log is the proof of
consent the CNIL asks a sender to keep (double opt-in: the request, then the
confirmation from the mailbox itself).

No IP address or browser is stored with the events: the signed link that only
the mailbox could open is the proof, and the CNIL's minimisation rule asks us
to keep nothing the proof does not need.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Newsletter(models.Model):
    """One list (« La semaine des débats », « Les résultats des votes »)."""

    class Cadence(models.TextChoices):
        WEEKLY = "weekly", _("Every week")
        POLL_CLOSED = "poll_closed", _("When a poll closes")
        OCCASIONAL = "occasional", _("From time to time")

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    cadence = models.CharField(
        _("cadence"), max_length=20, choices=Cadence.choices, default=Cadence.WEEKLY
    )
    # The list the sign-up form on the site's pages subscribes to.
    is_default = models.BooleanField(_("offered on the site's pages"), default=False)
    active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")

    def __str__(self):
        return self.name


class Subscriber(models.Model):
    """An address that asked for at least one list."""

    email = models.EmailField(_("email address"), max_length=254)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_subscriber",
        verbose_name=_("account"),
    )
    created_at = models.DateTimeField(_("first request"), auto_now_add=True)
    # The one-hour guard: no second confirmation email to the same address.
    confirmation_sent_at = models.DateTimeField(
        _("last confirmation email"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email")
        ]

    def __str__(self):
        return self.address

    @property
    def address(self) -> str:
        """Where the newsletters go: the account's current address when there is
        an account, the address given otherwise."""
        if self.user_id and self.user.email:
            return self.user.email
        return self.email


class Subscription(models.Model):
    """One subscriber's consent to one list."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        ACTIVE = "active", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.PROTECT, related_name="subscriptions"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested on"))
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription to a newsletter")
        verbose_name_plural = _("subscriptions to newsletters")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter"], name="newsletter_one_per_list"
            )
        ]
        indexes = [models.Index(fields=["newsletter", "status"])]

    def __str__(self):
        return f"{self.subscriber} → {self.newsletter}"


class ConsentEvent(models.Model):
    """One line of the consent log. Written by the services, never edited."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        SUPPRESSED = "suppressed", _("Suppressed")

    class Source(models.TextChoices):
        HOME = "home", _("Home page form")
        DEBATE = "debate", _("Debate page form")
        FOOTER = "footer", _("Footer form")
        ACCOUNT = "account", _("My account")
        ONE_CLICK = "one_click", _("One-click unsubscribe (email header)")
        LINK = "link", _("Link in an email")
        ACCOUNT_DELETION = "account_deletion", _("Account deletion")
        ADMIN = "admin", _("Admin")
        PROVIDER = "provider", _("Email provider event")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consent_events"
    )
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.PROTECT, related_name="consent_events"
    )
    kind = models.CharField(_("event"), max_length=20, choices=Kind.choices)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    # The address the event was about, as it was then: the proof must not change
    # when the account's address does.
    address = models.EmailField(_("address"), max_length=254)
    at = models.DateTimeField(_("date"), db_index=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    # The issue whose email carried the unsubscribe link, when it is known: the
    # sending page counts the readers each issue lost.
    issue = models.ForeignKey(
        "newsletter.NewsletterIssuePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issue"),
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("consent event")
        verbose_name_plural = _("consent log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.address}"
