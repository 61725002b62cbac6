"""Conferences organised for institutions: the booking that goes from request to
quote, purchase order, invoice and payment, and its history."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models.links import new_access_key


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
