"""Seats at public conferences, sold by card: the stock the database counts, the
orders and their tickets.

``SeatStock.taken`` never exceeds ``capacity`` (a check constraint), and seats are
taken by one conditional ``UPDATE``, so concurrent buyers cannot oversell.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models.links import new_access_key

EVENT_VAT_RATE = Decimal("20.00")


class SeatStock(models.Model):
    """A conference's seats as the database counts them: sold and held together."""

    conference = models.OneToOneField(
        "events.ConferencePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="stock",
    )
    capacity = models.PositiveIntegerField()
    taken = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(taken__lte=F("capacity")), name="seats_within_capacity"
            )
        ]

    def __str__(self):
        return f"{self.taken}/{self.capacity}"

    @classmethod
    def sync_capacity(cls, conference) -> None:
        stock, created = cls.objects.get_or_create(
            conference_id=conference.pk, defaults={"capacity": conference.capacity}
        )
        if not created and stock.capacity != conference.capacity:
            cls.objects.filter(pk=stock.pk).update(capacity=conference.capacity)

    @property
    def left(self) -> int:
        return max(self.capacity - self.taken, 0)


class SeatOrder(models.Model):
    """Seats bought by card: held while the checkout is open, then paid or released."""

    class Status(models.TextChoices):
        HELD = "held", _("Held, awaiting payment")
        PAID = "paid", _("Paid")
        RELEASED = "released", _("Released (not paid in time)")
        REFUNDED = "refunded", _("Refunded")
        CANCELLED = "cancelled", _("Cancelled")

    conference = models.ForeignKey(
        "events.ConferencePage", on_delete=models.PROTECT, related_name="seat_orders"
    )
    # A copy of the price as sold: editors may change or remove the price later.
    price = models.ForeignKey(
        "events.SeatPrice", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    category = models.CharField(_("category"), max_length=12)
    label = models.CharField(pgettext_lazy("seat price", "label"), max_length=80)
    unit_price_cents = models.PositiveIntegerField(_("unit price, VAT included"))
    seats_per_unit = models.PositiveSmallIntegerField(default=1)
    quantity = models.PositiveSmallIntegerField(_("quantity"))
    seats = models.PositiveIntegerField(_("seats"))
    amount_cents = models.PositiveIntegerField(_("amount, VAT included"))
    vat_rate = models.DecimalField(
        max_digits=4, decimal_places=2, default=EVENT_VAT_RATE
    )

    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="seat_orders",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.HELD
    )
    held_until = models.DateTimeField(_("held until"))
    stripe_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_payment_intent = models.CharField(max_length=255, blank=True)
    access_key = models.CharField(max_length=40, unique=True, default=new_access_key)
    waiting_entry = models.ForeignKey(
        "events.WaitingListEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="orders",
    )
    language = models.CharField(max_length=8, default="fr")
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    refunded_at = models.DateTimeField(null=True, blank=True)
    refund_note = models.CharField(_("why it was refunded"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("seat order")
        verbose_name_plural = _("seat orders")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "held_until"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="order_quantity_positive"
            )
        ]

    def __str__(self):
        return f"{self.email}: {self.seats} ({self.get_status_display()})"


class Ticket(models.Model):
    """One seat of a paid order; its code is what the QR code carries."""

    order = models.ForeignKey(
        SeatOrder, on_delete=models.CASCADE, related_name="tickets"
    )
    number = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=40, unique=True, default=new_access_key)
    checked_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "number"], name="one_ticket_per_seat"
            )
        ]

    def __str__(self):
        return f"{self.order_id}-{self.number}"
