"""Conference sales in the Wagtail admin: the « Bookings » menu, a booking's page
and its steps, and quotes and invoices on the dashboard (``events.admin``)."""

from django.urls import include, path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.admin_permissions import RefusingPermissionPolicy
from events.admin import urls
from events.admin.access import VIEW
from events.admin.dashboard import BookingsPanel
from events.admin.listings import SalesViewSetGroup
from events.models import Booking, Invoice, Quote, SeatOrder, WaitingListEntry

# Bookings arrive through the public forms and move only through their steps;
# documents are issued by those steps and an invoice is never deleted (a credit
# note cancels it); seats are sold and released by Stripe's events.
register_permission_policy(
    Booking, RefusingPermissionPolicy(Booking, refused={"add", "delete"})
)
for _model in (Quote, Invoice, SeatOrder, WaitingListEntry):
    register_permission_policy(
        _model, RefusingPermissionPolicy(_model, refused={"add", "change", "delete"})
    )


@hooks.register("register_admin_viewset")
def register_sales_viewsets():
    return SalesViewSetGroup()


@hooks.register("register_admin_urls")
def register_booking_urls():
    return [
        path(
            "events/bookings/",
            include(
                (urls.urlpatterns, "events_bookings"),
                namespace="events_bookings",
            ),
        )
    ]


@hooks.register("construct_homepage_panels")
def add_bookings_panel(request, panels):
    if request.user.has_perm(VIEW):
        panels.append(BookingsPanel())
