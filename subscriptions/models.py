"""Readers' subscriptions: the plans we sell, each reader's billing account and
subscriptions as Stripe holds them.

State only changes when a Stripe event is applied (``services.apply_stripe_event``,
registered with ``payments.handlers``),
or when an editor grants a complimentary subscription. The return page after
Checkout never grants anything by itself.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.money import money, vat_inside

CENT = Decimal("0.01")


class Plan(models.Model):
    """What a reader subscribes to, at a price that includes VAT."""

    class Interval(models.TextChoices):
        MONTH = "month", _("Monthly")
        YEAR = "year", _("Yearly")

    name = models.CharField(_("name"), max_length=80)
    price_cents = models.PositiveIntegerField(
        _("price in cents, VAT included"),
        validators=[MinValueValidator(50)],
        help_text=_("€4.99 is 499."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    interval = models.CharField(
        _("billed"), max_length=5, choices=Interval.choices, default=Interval.MONTH
    )
    vat_rate = models.DecimalField(
        _("VAT rate (%)"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("2.10"),
        validators=[MinValueValidator(0), MaxValueValidator(30)],
        help_text=_("Included in the price. 2.10 for the press rate."),
    )
    stripe_price_id = models.CharField(
        _("Stripe price id"),
        max_length=64,
        blank=True,
        help_text=_("price_… from the Stripe dashboard; empty in demo mode."),
    )
    benefits = models.TextField(
        _("benefits"),
        blank=True,
        help_text=_("One per line, shown on the pricing page."),
    )
    is_active = models.BooleanField(_("on sale"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldRowPanel(
            [FieldPanel("price_cents"), FieldPanel("currency"), FieldPanel("interval")]
        ),
        FieldPanel("vat_rate"),
        FieldPanel("stripe_price_id"),
        FieldPanel("benefits"),
        FieldRowPanel([FieldPanel("is_active"), FieldPanel("sort_order")]),
    ]

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["sort_order", "price_cents"]
        constraints = [
            models.UniqueConstraint(
                fields=["stripe_price_id"],
                condition=~models.Q(stripe_price_id=""),
                name="subscriptions_plan_price_once",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def price(self) -> Decimal:
        return (Decimal(self.price_cents) / 100).quantize(CENT)

    @property
    def vat_cents(self) -> int:
        """The VAT inside the price, rounded to the cent (half up), as invoices do."""
        return vat_inside(self.price_cents, self.vat_rate)

    @property
    def benefit_list(self) -> list[str]:
        return [line.strip() for line in self.benefits.splitlines() if line.strip()]


class BillingAccount(models.Model):
    """A reader as Stripe knows them: created by us before their first Checkout, so
    that every event can be tied to a reader by the customer id, never by email.
    Its row is locked while an event about the reader is applied."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="billing",
        verbose_name=_("reader"),
    )
    stripe_customer_id = models.CharField(
        _("Stripe customer"), max_length=64, unique=True, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("billing account")
        verbose_name_plural = _("billing accounts")

    def __str__(self):
        return str(self.user)


class Subscription(models.Model):
    """A reader's subscription, as Stripe last said it was (or complimentary)."""

    class Status(models.TextChoices):
        INCOMPLETE = "incomplete", _("Incomplete")
        INCOMPLETE_EXPIRED = "incomplete_expired", _("Expired before payment")
        TRIALING = "trialing", _("Trial")
        ACTIVE = "active", _("Active")
        PAST_DUE = "past_due", _("Payment overdue")
        CANCELED = "canceled", _("Ended")
        UNPAID = "unpaid", _("Unpaid")
        PAUSED = "paused", _("Paused")
        COMPLIMENTARY = "complimentary", _("Complimentary")

    class Review(models.TextChoices):
        UNKNOWN_PRICE = "unknown_price", _("Price not on sale here")
        SEVERAL_ITEMS = "several_items", _("Not exactly one item")

    # Stripe's statuses that grant access: payment retries (past_due) keep it.
    ENTITLING = frozenset({Status.ACTIVE, Status.TRIALING, Status.PAST_DUE})

    account = models.ForeignKey(
        BillingAccount, on_delete=models.CASCADE, related_name="subscriptions"
    )
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    stripe_subscription_id = models.CharField(
        _("Stripe subscription"), max_length=64, unique=True, null=True, blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    current_period_end = models.DateTimeField(_("paid until"), null=True, blank=True)
    cancel_at_period_end = models.BooleanField(_("ends at period end"), default=False)
    cancel_at = models.DateTimeField(_("ends on"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    # What Stripe bills, when it is not simply one of our plans: a price changed
    # in the dashboard, an item added. Followed all the same; shown to editors.
    stripe_prices = models.CharField(_("Stripe prices"), max_length=300, blank=True)
    to_check = models.CharField(
        _("to check"), max_length=20, choices=Review.choices, blank=True
    )
    # Complimentary subscriptions (press, partners): no Stripe, an end date.
    complimentary_until = models.DateField(
        _("complimentary until"), null=True, blank=True
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("granted by"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("complimentary_until"), FieldPanel("note")],
            heading=_("Complimentary subscription"),
        )
    ]

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status"], name="subscription_status"),
            models.Index(
                fields=["to_check"],
                condition=~models.Q(to_check=""),
                name="subscription_to_check",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="complimentary")
                | models.Q(complimentary_until__isnull=False),
                name="subscriptions_complimentary_has_end",
            ),
        ]

    def __str__(self):
        return f"{self.account} · {self.get_status_display()}"

    def grants_access(self, today=None) -> bool:
        if self.status == self.Status.COMPLIMENTARY:
            today = today or timezone.localdate()
            return (
                self.complimentary_until is not None
                and today <= self.complimentary_until
            )
        return self.status in self.ENTITLING

    @property
    def ends_on(self):
        """When access stops, if a cancellation is scheduled."""
        if self.status == self.Status.COMPLIMENTARY:
            return self.complimentary_until
        if self.cancel_at:
            return self.cancel_at
        if self.cancel_at_period_end:
            return self.current_period_end
        return None


class Payment(models.Model):
    """A Stripe invoice for a subscription, for the reader's payment history."""

    account = models.ForeignKey(
        BillingAccount, on_delete=models.CASCADE, related_name="payments"
    )
    stripe_invoice_id = models.CharField(max_length=64, unique=True)
    status = models.CharField(_("status"), max_length=20)
    amount_cents = models.IntegerField(_("amount"))
    tax_cents = models.IntegerField(_("of which VAT"), default=0)
    currency = models.CharField(max_length=3, default="EUR")
    hosted_invoice_url = models.URLField(max_length=500, blank=True)
    invoice_pdf = models.URLField(max_length=500, blank=True)
    period_start = models.DateTimeField(null=True, blank=True)
    period_end = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(_("date"))

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-created"]

    def __str__(self):
        return self.stripe_invoice_id

    @property
    def amount_display(self) -> str:
        return money(self.amount_cents, self.currency)

    @property
    def tax_display(self) -> str:
        return money(self.tax_cents, self.currency)


class PremiumRead(models.Model):
    """A premium debate a registered reader opened for free, counted once per
    debate and calendar month against the monthly quota."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="premium_reads"
    )
    debate = models.ForeignKey(
        "debates.DebatePage", on_delete=models.CASCADE, related_name="premium_reads"
    )
    month = models.DateField(help_text="The first day of the month it counts in.")
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "debate", "month"],
                name="subscriptions_read_once_a_month",
            )
        ]
        indexes = [models.Index(fields=["user", "month"], name="premium_read_month")]

    def __str__(self):
        return f"{self.user_id} · {self.debate_id} · {self.month:%Y-%m}"
