"""What is sold: seats at public conferences (by card) and conferences organised for
institutions (request → quote → purchase order → invoice → payment).

Invariants kept by the database, not only by the code:

- ``SeatStock.taken`` never exceeds ``capacity`` (a check constraint), and seats are
  taken by one conditional ``UPDATE``, so concurrent buyers cannot oversell;
- quote, invoice and credit-note numbers come from ``DocumentSequence`` rows locked
  in the transaction that uses them, so a rollback gives the number back: no gaps;
- an issued invoice keeps the seller's and buyer's data as they were (copies), and
  is never edited nor deleted: a credit note cancels it.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.storage import ProtectedFileField

EVENT_VAT_RATE = Decimal("20.00")


def new_access_key() -> str:
    return secrets.token_urlsafe(24)


# --- Seller ---------------------------------------------------


@register_setting(icon="doc-full")
class SellerSettings(BaseGenericSetting):
    """Who sells, as printed on quotes and invoices (each document keeps a copy)."""

    legal_name = models.CharField(
        _("legal name"), max_length=120, default="Versus Média"
    )
    legal_form = models.CharField(
        _("legal form and share capital"),
        max_length=120,
        default="SAS au capital de 10 000 €",
    )
    street = models.CharField(
        _("registered office"), max_length=160, default="12 rue des Débats"
    )
    postcode = models.CharField(_("postcode"), max_length=10, default="75011")
    city = models.CharField(_("city"), max_length=80, default="Paris")
    siret = models.CharField(_("SIRET"), max_length=14, default="99012345700014")
    rcs = models.CharField(
        _("RCS registration"), max_length=80, default="RCS Paris 990 123 457"
    )
    vat_number = models.CharField(
        _("VAT number"), max_length=20, default="FR08990123457"
    )
    iban = models.CharField(
        _("IBAN"), max_length=34, default="FR7630006000011234567890189"
    )
    bic = models.CharField(_("BIC"), max_length=11, default="AGRIFRPPXXX")
    billing_email = models.EmailField(
        _("billing email"), default="facturation@versus.example"
    )
    late_penalty = models.CharField(
        _("late-payment penalty rate"),
        max_length=200,
        default="trois fois le taux d'intérêt légal",
        help_text=_("At least three times the legal interest rate."),
    )
    quote_validity_days = models.PositiveSmallIntegerField(
        _("quote validity (days)"), default=30
    )
    payment_days = models.PositiveSmallIntegerField(
        _("payment term (days)"), default=30
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("legal_name"),
                FieldPanel("legal_form"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel(
                    [FieldPanel("siret"), FieldPanel("rcs"), FieldPanel("vat_number")]
                ),
            ],
            heading=_("Seller"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("iban"), FieldPanel("bic")]),
                FieldPanel("billing_email"),
                FieldPanel("late_penalty"),
                FieldRowPanel(
                    [FieldPanel("quote_validity_days"), FieldPanel("payment_days")]
                ),
            ],
            heading=_("Payment terms"),
        ),
    ]

    class Meta:
        verbose_name = _("billing details")


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


# --- Seats ---------------------------------------------------


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


class WaitingListEntry(models.Model):
    """Someone who wants seats at a sold-out conference, in order of arrival."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        OFFERED = "offered", _("Seats offered")
        BOOKED = "booked", _("Booked")
        LAPSED = "lapsed", _("Offer lapsed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    conference = models.ForeignKey(
        "events.ConferencePage",
        on_delete=models.CASCADE,
        related_name="waiting_entries",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    price = models.ForeignKey(
        "events.SeatPrice", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    quantity = models.PositiveSmallIntegerField(_("quantity"), default=1)
    seats = models.PositiveSmallIntegerField(_("seats wanted"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.WAITING
    )
    access_key = models.CharField(max_length=40, unique=True, default=new_access_key)
    language = models.CharField(max_length=8, default="fr")
    created_at = models.DateTimeField(auto_now_add=True)
    offered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting list")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(seats__gt=0), name="waiting_seats_positive"
            ),
            models.UniqueConstraint(
                fields=["conference", "email"],
                condition=Q(status__in=["waiting", "offered"]),
                name="one_live_waiting_entry",
            ),
        ]

    def __str__(self):
        return f"{self.email} ({self.seats})"


# --- Institutions: bookings, quotes, invoices -----------------------------------------


class Booking(models.Model):
    """An institution's request, followed through quote, invoice and payment."""

    class State(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("booking state", "Requested")
        QUOTED = "quoted", pgettext_lazy("booking state", "Quote sent")
        ACCEPTED = "accepted", pgettext_lazy("booking state", "Accepted")
        INVOICED = "invoiced", pgettext_lazy("booking state", "Invoiced")
        PAID = "paid", pgettext_lazy("booking state", "Paid")
        DONE = "done", pgettext_lazy("booking state", "Held")
        CANCELLED = "cancelled", pgettext_lazy("booking state", "Cancelled")

    class BuyerType(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", _("Local authority")
        ADMINISTRATION = "administration", _("Public administration")
        SCHOOL = "school", _("School")
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association")

    PUBLIC_BUYERS = {
        BuyerType.LOCAL_AUTHORITY,
        BuyerType.ADMINISTRATION,
        BuyerType.SCHOOL,
    }

    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.REQUESTED
    )
    buyer_type = models.CharField(
        _("type of institution"), max_length=16, choices=BuyerType.choices
    )
    legal_name = models.CharField(_("legal name"), max_length=160)
    siret = models.CharField(_("SIRET"), max_length=14)
    vat_number = models.CharField(_("intra-EU VAT number"), max_length=20, blank=True)
    street = models.CharField(_("billing address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=80)
    country = models.CharField(_("country"), max_length=2, default="FR")
    contact_name = models.CharField(_("contact name"), max_length=120)
    contact_role = models.CharField(_("role"), max_length=120, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=30)
    service_code = models.CharField(
        _("Chorus Pro service code"), max_length=100, blank=True
    )
    commitment_number = models.CharField(
        _("commitment number"), max_length=50, blank=True
    )
    po_required = models.BooleanField(
        _("a purchase order number must appear on the invoice"), default=False
    )

    conference = models.ForeignKey(
        "events.ConferencePage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    seats = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    seats_taken = models.BooleanField(default=False, editable=False)
    offer = models.ForeignKey(
        "events.ConferenceOfferPage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    offer_format = models.ForeignKey(
        "events.OfferFormat",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("format"),
    )
    format_name = models.CharField(_("format"), max_length=120, blank=True)
    options = models.JSONField(
        _("options"), default=list, blank=True, help_text="[{'name', 'price_cents'}]"
    )
    preferred_date = models.DateField(_("preferred date"), null=True, blank=True)
    preferred_dates = models.CharField(
        _("other possible dates"), max_length=300, blank=True
    )
    notes = models.TextField(_("notes"), max_length=2000, blank=True)

    po_number = models.CharField(_("purchase order number"), max_length=50, blank=True)
    access_key = models.CharField(max_length=40, unique=True, default=new_access_key)
    language = models.CharField(max_length=8, default="fr")
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(conference__isnull=False, offer__isnull=True, seats__gt=0)
                    | Q(conference__isnull=True, offer__isnull=False)
                ),
                name="booking_for_conference_or_offer",
            )
        ]

    def __str__(self):
        return f"{self.legal_name} ({self.get_state_display()})"

    @property
    def is_public_buyer(self) -> bool:
        return self.buyer_type in self.PUBLIC_BUYERS

    @property
    def subject(self) -> str:
        if self.conference_id:
            return self.conference.title
        return self.format_name or (self.offer.title if self.offer_id else "")

    @property
    def buyer_reference(self) -> str:
        """What the invoice prints as the buyer's order: PO, else commitment."""
        return self.po_number or self.commitment_number


class BookingLog(models.Model):
    """A booking's history: who did what, when."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="log")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField(max_length=40)
    state = models.CharField(max_length=10, choices=Booking.State.choices)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


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
        from django.urls import reverse

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


__all__ = [
    "EVENT_VAT_RATE",
    "Booking",
    "BookingLog",
    "DocumentSequence",
    "Invoice",
    "InvoiceLine",
    "Quote",
    "QuoteLine",
    "SeatOrder",
    "SeatStock",
    "SellerSettings",
    "Ticket",
    "WaitingListEntry",
]
