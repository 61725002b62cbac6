"""The waiting list of a sold-out conference."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models.links import new_access_key


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
