"""Conference sales in the Wagtail admin: the « Bookings » menu, a booking's file
and its steps, and quotes and invoices on the dashboard."""

from django.urls import include, path
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy

from core.admin_permissions import RefusingPermissionPolicy
from events import admin_views, selectors
from events.models import Booking, Invoice, Quote, SeatOrder, WaitingListEntry
from core.money import money

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
    return admin_views.SalesViewSetGroup()


@hooks.register("register_admin_urls")
def register_booking_urls():
    return [
        path(
            "events/bookings/",
            include(
                (admin_views.urlpatterns, "events_bookings"),
                namespace="events_bookings",
            ),
        )
    ]


class BookingsPanel(Component):
    """Quotes waiting for an answer, overdue invoices, and what was invoiced."""

    name = "bookings"
    order = 110
    template_name = "events/admin/dashboard_panel.html"
    shown = 5

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        quotes = selectors.quotes_awaiting_answer()
        overdue = selectors.overdue_invoices(today=today)
        context["quotes_count"] = quotes.count()
        context["quotes"] = list(quotes[: self.shown])
        context["overdue_count"] = overdue.count()
        context["overdue"] = [
            (invoice, (today - invoice.due_on).days)
            for invoice in overdue[: self.shown]
        ]
        revenue = selectors.revenue_summary(today=today)
        context["month_net"] = money(revenue["month_net_cents"])
        context["quarters"] = [
            {
                "number": number,
                "year": str(today.year),
                "net": money(quarter["net_cents"]),
                "current": (today.month - 1) // 3 + 1 == number,
            }
            for number, quarter in enumerate(revenue["quarters"], start=1)
        ]
        return context


@hooks.register("construct_homepage_panels")
def add_bookings_panel(request, panels):
    if request.user.has_perm(admin_views.VIEW):
        panels.append(BookingsPanel())
