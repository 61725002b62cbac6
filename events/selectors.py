import datetime

from django.db.models import F, QuerySet, Sum
from django.utils import timezone

from events.models import Booking, ConferencePage, Invoice, Quote
from newsroom.models import Theme


def conference_listing(index, *, city: str = "", theme_slug: str = "") -> dict:
    """Upcoming conferences soonest first, past ones latest first; by city, theme."""
    conferences = index.conferences()
    theme = Theme.objects.filter(slug=theme_slug).first() if theme_slug else None
    if city:
        conferences = conferences.filter(city__iexact=city)
    if theme is not None:
        conferences = conferences.filter(theme=theme)
    now = timezone.now()
    return {
        "upcoming": list(
            conferences.filter(ends_at__gte=now)
            # The cards say how many seats are left without a query each.
            .annotate(
                stock_capacity=F("stock__capacity"), stock_taken=F("stock__taken")
            )
            .order_by("starts_at")
        ),
        "past": list(conferences.filter(ends_at__lt=now).order_by("-starts_at")[:24]),
        "cities": cities(index),
        "current_city": city,
        "current_theme": theme,
        "themes": Theme.objects.filter(conferences__in=index.conferences())
        .distinct()
        .order_by("sort_order", "name"),
    }


def cities(index) -> QuerySet:
    return (
        index.conferences().order_by("city").values_list("city", flat=True).distinct()
    )


def upcoming_conferences(*, limit: int = 3) -> list:
    """The next conferences anywhere on the site, for the home page."""
    return list(
        ConferencePage.objects.live()
        .public()
        .filter(ends_at__gte=timezone.now())
        .order_by("starts_at")[:limit]
    )


def conferences_from(moment: datetime.datetime, *, limit: int = 3) -> list:
    """The conferences not yet over at ``moment``, soonest first: what a
    newsletter issue announces as of its sending."""
    return list(
        ConferencePage.objects.live()
        .public()
        .filter(ends_at__gte=moment)
        .order_by("starts_at")[:limit]
    )


# --- Sales ---------------------------------------------------


def overdue_invoices(*, today=None):
    """Invoices past their due date, unpaid and not cancelled by a credit note."""
    today = today or timezone.localdate()
    return (
        Invoice.objects.filter(
            kind=Invoice.Kind.INVOICE,
            paid_at__isnull=True,
            due_on__lt=today,
            credit_note__isnull=True,
            booking__state=Booking.State.INVOICED,
        )
        .select_related("booking")
        .order_by("due_on", "number")
    )


def quotes_awaiting_answer():
    return (
        Quote.objects.filter(
            status=Quote.Status.SENT, booking__state=Booking.State.QUOTED
        )
        .select_related("booking")
        .order_by("valid_until")
    )


def invoiced_net_cents(start, end) -> int:
    """Net revenue invoiced between two dates (end excluded): invoices minus the
    credit notes issued in the same period, excluding VAT."""
    rows = (
        Invoice.objects.filter(issued_on__gte=start, issued_on__lt=end)
        .values("kind")
        .annotate(total=Sum("net_cents"))
    )
    totals = {row["kind"]: row["total"] or 0 for row in rows}
    return totals.get(Invoice.Kind.INVOICE, 0) - totals.get(Invoice.Kind.CREDIT_NOTE, 0)


def revenue_summary(*, today=None) -> dict:
    """This month's and each quarter's net revenue of the current year."""
    today = today or timezone.localdate()
    month_start = today.replace(day=1)
    next_month = (month_start + datetime.timedelta(days=32)).replace(day=1)
    quarters = []
    for quarter in range(4):
        start = datetime.date(today.year, quarter * 3 + 1, 1)
        end = (
            datetime.date(today.year + 1, 1, 1)
            if quarter == 3
            else datetime.date(today.year, quarter * 3 + 4, 1)
        )
        quarters.append(
            {
                "label": f"T{quarter + 1} {today.year}",
                "net_cents": invoiced_net_cents(start, end),
            }
        )
    return {
        "month_net_cents": invoiced_net_cents(month_start, next_month),
        "quarters": quarters,
    }
