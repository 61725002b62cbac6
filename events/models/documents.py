"""Quotes, invoices and credit notes as issued: numbered, with frozen copies.

- quote, invoice and credit-note numbers come from ``DocumentSequence`` rows locked
  in the transaction that uses them, so a rollback gives the number back: no gaps;
- an issued invoice keeps the seller's and buyer's data as they were (copies), and
  is never edited nor deleted: a credit note cancels it.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import ProtectedFileField
from events.models.bookings import Booking


class DocumentSequence(models.Model):
    """The last number used for a kind of document in a year (DEV, FAC, AV)."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="one_sequence")
        ]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last}"


class DocumentLine(models.Model):
    description = models.CharField(_("designation"), max_length=300)
    quantity = models.PositiveIntegerField(_("quantity"))
    unit_price_cents = models.PositiveIntegerField(_("unit price excluding VAT"))
    vat_rate = models.DecimalField(max_digits=4, decimal_places=2)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self):
        return self.description


class IssuedDocument(models.Model):
    """What quotes, invoices and credit notes share: a number and frozen copies."""

    number = models.CharField(_("number"), max_length=20, unique=True)
    issued_on = models.DateField(_("issued on"))
    seller = models.JSONField()
    buyer = models.JSONField()
    mentions = models.JSONField(default=list)
    net_cents = models.PositiveIntegerField(_("total excluding VAT"))
    vat_cents = models.PositiveIntegerField(_("VAT"))
    gross_cents = models.PositiveIntegerField(_("total including VAT"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.number


class Quote(IssuedDocument):
    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        SUPERSEDED = "superseded", _("Replaced")
        CANCELLED = "cancelled", _("Cancelled")

    booking = models.ForeignKey(
        Booking, on_delete=models.PROTECT, related_name="quotes"
    )
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.SENT
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The editor who recorded the acceptance; empty when accepted online."
        ),
    )

    class Meta:
        verbose_name = _("quote")
        ordering = ["-issued_on", "-number"]

    @property
    def expired(self) -> bool:
        return timezone.localdate() > self.valid_until


class QuoteLine(DocumentLine):
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="lines")

    class Meta(DocumentLine.Meta):
        pass


class Invoice(IssuedDocument):
    """An invoice or a credit note. Issued once; afterwards only its payment and
    Stripe bookkeeping fields change, and it is never deleted."""

    class Kind(models.TextChoices):
        INVOICE = "invoice", _("Invoice")
        CREDIT_NOTE = "credit_note", _("Credit note")

    MUTABLE_FIELDS = frozenset(
        {
            "paid_at",
            "payment_method",
            "payment_reference",
            "paid_recorded_by",
            "reminded_at",
            "chorus_deposited_on",
            "chorus_deposit_number",
            "stripe_invoice_id",
            "hosted_invoice_url",
            "pdf",
        }
    )

    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.INVOICE)
    booking = models.ForeignKey(
        Booking, on_delete=models.PROTECT, related_name="invoices"
    )
    quote = models.ForeignKey(
        Quote, null=True, blank=True, on_delete=models.PROTECT, related_name="invoices"
    )
    refers = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_note",
        verbose_name=_("cancels invoice"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    service_on = models.DateField(null=True, blank=True)
    buyer_reference = models.CharField(_("purchase order"), max_length=50, blank=True)
    service_code = models.CharField(max_length=100, blank=True)
    iban = models.CharField(max_length=34, blank=True)
    bic = models.CharField(max_length=11, blank=True)
    pdf = ProtectedFileField(upload_to="invoices/%Y/", blank=True)

    stripe_invoice_id = models.CharField(max_length=255, blank=True, db_index=True)
    hosted_invoice_url = models.URLField(max_length=500, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    payment_method = models.CharField(_("payment method"), max_length=30, blank=True)
    payment_reference = models.CharField(
        _("payment reference"), max_length=120, blank=True
    )
    paid_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_at = models.DateTimeField(null=True, blank=True)
    # Public buyers take invoices only through Chorus Pro: editors deposit the
    # Factur-X PDF on the portal and note here when, under which number.
    chorus_deposited_on = models.DateField(
        _("deposited on Chorus Pro on"), null=True, blank=True
    )
    chorus_deposit_number = models.CharField(
        _("Chorus Pro deposit number"), max_length=50, blank=True
    )

    class Meta:
        verbose_name = _("invoice")
        ordering = ["-issued_on", "-number"]
        indexes = [models.Index(fields=["kind", "paid_at", "due_on"])]

    def save(self, *args, **kwargs):
        if self.pk and not self._state.adding:
            fields = kwargs.get("update_fields")
            if fields is None or not set(fields) <= self.MUTABLE_FIELDS:
                raise ValueError(
                    "An issued invoice cannot be changed; issue a credit note."
                )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("An issued invoice cannot be deleted; issue a credit note.")

    def get_pdf_url(self):
        return reverse(
            "events:invoice_pdf", args=[self.booking.access_key, self.number]
        )

    @property
    def is_credit_note(self) -> bool:
        return self.kind == self.Kind.CREDIT_NOTE

    @property
    def overdue(self) -> bool:
        return (
            self.kind == self.Kind.INVOICE
            and self.paid_at is None
            and self.due_on is not None
            and self.due_on < timezone.localdate()
        )


class InvoiceLine(DocumentLine):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")

    class Meta(DocumentLine.Meta):
        pass
