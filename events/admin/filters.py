"""Filters of the sales listings: by state or status, type of institution,
conference, and month of request (in the site's timezone)."""

import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy
from wagtail.admin.active_filters import (
    ActiveFilter,
    BaseFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.filters import WagtailFilterSet

from events.models import Booking, ConferencePage, SeatOrder, WaitingListEntry


def _conferences(request):
    return ConferencePage.objects.order_by("-starts_at")


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class MonthFilter(django_filters.DateFilter):
    """A month, as ``<input type="month">`` sends it (``2026-03``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m"])
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                attrs={"type": "month", "placeholder": "2026-03"}, format="%Y-%m"
            ),
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        start = value.replace(day=1)
        end = (start + datetime.timedelta(days=32)).replace(day=1)
        # Bounds in the site's timezone: a request at 00:30 on the 1st in Paris
        # belongs to that month, although it is still the previous one in UTC.
        return qs.filter(
            **{
                f"{self.field_name}__gte": _midnight(start),
                f"{self.field_name}__lt": _midnight(end),
            }
        )


class MonthFilterAdapter(BaseFilterAdapter):
    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            date_format(self.value, "YEAR_MONTH_FORMAT"),
            self.get_url_without_filter_param(self.name),
        )


register_filter_adapter_class(MonthFilter, MonthFilterAdapter)


def _choice_filter(label, choices, **kwargs):
    return django_filters.ChoiceFilter(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
        **kwargs,
    )


class BookingFilterSet(WagtailFilterSet):
    state = _choice_filter(gettext_lazy("State"), Booking.State.choices)
    buyer_type = _choice_filter(
        gettext_lazy("Type of institution"), Booking.BuyerType.choices
    )
    conference = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Conference"), queryset=_conferences
    )
    requested_in = MonthFilter(
        field_name="created_at", label=gettext_lazy("Month of request")
    )

    class Meta:
        model = Booking
        fields = []


class SeatOrderFilterSet(WagtailFilterSet):
    status = _choice_filter(gettext_lazy("Status"), SeatOrder.Status.choices)
    conference = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Conference"), queryset=_conferences
    )

    class Meta:
        model = SeatOrder
        fields = []


class WaitingListFilterSet(WagtailFilterSet):
    status = _choice_filter(gettext_lazy("Status"), WaitingListEntry.Status.choices)
    conference = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Conference"), queryset=_conferences
    )

    class Meta:
        model = WaitingListEntry
        fields = []
