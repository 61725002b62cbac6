from django.db.models import QuerySet
from django.utils import timezone

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
        "upcoming": list(conferences.filter(ends_at__gte=now).order_by("starts_at")),
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
    from events.models import ConferencePage

    return list(
        ConferencePage.objects.live()
        .public()
        .filter(ends_at__gte=timezone.now())
        .order_by("starts_at")[:limit]
    )
