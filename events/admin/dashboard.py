"""The dashboard panel of conference sales: quotes waiting for an answer, overdue
invoices, and what was invoiced this month and each quarter."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from core.money import money
from events import selectors


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
