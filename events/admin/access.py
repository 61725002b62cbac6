"""Who may see and run conference sales in the admin, and where a booking's or an
order's page is."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy

VIEW = "events.view_booking"
CHANGE = "events.change_booking"

BOOKINGS = gettext_lazy("Institutions' bookings")


def require(request, *perms):
    if not any(request.user.has_perm(perm) for perm in perms):
        raise PermissionDenied


def booking_url(booking) -> str:
    return reverse("events_bookings:detail", args=[booking.pk])


def seat_order_url(order) -> str:
    return reverse("events_bookings:seat_order", args=[order.pk])
