"""A card order's page in the admin: who, what, its tickets; a paid one can be
refunded before the conference."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from events import services
from events.admin.access import CHANGE, require
from events.forms import RefundOrderForm
from events.models import SeatOrder


def seat_order(request, pk: int):
    """A card order: who, what, its tickets; a paid one can be refunded."""
    require(request, "events.view_seatorder", CHANGE)
    order = get_object_or_404(SeatOrder.objects.select_related("conference"), pk=pk)
    form = RefundOrderForm(request.POST or None)
    status = 200
    if request.method == "POST":
        require(request, CHANGE)
        if form.is_valid():
            try:
                services.refund_order(order, reason=form.cleaned_data["reason"])
            except services.SeatError as error:
                messages.error(request, error.message)
                status = 400
            else:
                messages.success(
                    request,
                    _("Order refunded; the buyer is told, the seats are free again."),
                )
                return redirect("events_bookings:seat_order", pk)
        else:
            messages.error(request, _("Nothing was changed: correct the form."))
            status = 400
    can_refund = (
        request.user.has_perm(CHANGE)
        and order.status == SeatOrder.Status.PAID
        and order.conference.starts_at > timezone.now()
    )
    title = f"{order.name} · {order.conference.title}"
    return TemplateResponse(
        request,
        "events/admin/seat_order.html",
        {
            "order": order,
            "tickets": list(order.tickets.all()),
            "form": form,
            "can_refund": can_refund,
            "header_title": title,
            "header_icon": "tag",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {
                    "url": reverse("events_seat_orders:index"),
                    "label": gettext_lazy("Seats sold"),
                },
                {"url": "", "label": title},
            ],
        },
        status=status,
    )
