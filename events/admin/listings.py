"""The sales listings: institutions' bookings, seats sold and the waiting list,
with their filters and CSV/XLSX exports, and nothing else: these records change
only through their services, never through a generic form."""

import datetime

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.urls import path
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import (
    ModelAdminURLFinder,
    register_admin_url_finder,
)
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from core.money import euros, money
from events.admin.access import BOOKINGS, booking_url, seat_order_url
from events.admin.filters import (
    BookingFilterSet,
    SeatOrderFilterSet,
    WaitingListFilterSet,
)
from events.models import Booking, Invoice, Quote, SeatOrder, WaitingListEntry

State = Booking.State


def _in_euros(*fields) -> dict:
    return {
        field: {IndexView.FORMAT_CSV: euros, IndexView.FORMAT_XLSX: euros}
        for field in fields
    }


def _amount(cents) -> str:
    return money(cents) if cents is not None else ""


class SalesIndexView(IndexView):
    # Exports show the time as in Paris, not the UTC the database keeps.
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_CSV: lambda value: timezone.localtime(value).strftime(
                "%Y-%m-%d %H:%M"
            ),
            IndexView.FORMAT_XLSX: timezone.make_naive,
        },
    }
    select_related = ("conference",)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related(*self.select_related)

    def stream_csv(self, queryset):
        # The CSV is streamed after the view has returned, once the admin has
        # switched back from the editor's language: headings and choice labels
        # would come out in the site's language instead.
        language = translation.get_language()
        lines = super().stream_csv(queryset)

        def in_language():
            while True:
                with translation.override(language):
                    line = next(lines, None)
                if line is None:
                    return
                yield line

        return in_language()


def _latest(model, field: str, **conditions) -> Subquery:
    return Subquery(
        model.objects.filter(booking=OuterRef("pk"), **conditions)
        .order_by("-pk")
        .values(field)[:1]
    )


class BookingIndexView(SalesIndexView):
    select_related = ("conference", "offer")
    custom_field_preprocess = _in_euros(
        "quote_gross_cents",
        "invoice_net_cents",
        "invoice_vat_cents",
        "invoice_gross_cents",
    )

    def get_base_queryset(self):
        bookings = super().get_base_queryset()
        bookings = bookings.annotate(quote_gross_cents=_latest(Quote, "gross_cents"))
        if not self.is_export:
            return bookings
        invoice = {"kind": Invoice.Kind.INVOICE}
        return bookings.annotate(
            quote_number=_latest(Quote, "number"),
            invoice_number=_latest(Invoice, "number", **invoice),
            invoice_net_cents=_latest(Invoice, "net_cents", **invoice),
            invoice_vat_cents=_latest(Invoice, "vat_cents", **invoice),
            invoice_gross_cents=_latest(Invoice, "gross_cents", **invoice),
            invoice_paid_at=_latest(Invoice, "paid_at", **invoice),
            credit_note_number=_latest(
                Invoice, "number", kind=Invoice.Kind.CREDIT_NOTE
            ),
        )


class SeatOrderIndexView(SalesIndexView):
    custom_field_preprocess = _in_euros("amount_cents", "unit_price_cents")


class SalesViewSet(ModelViewSet):
    """A listing with its filters and exports, and nothing else: these records
    change only through their services (the booking's steps, Stripe's events),
    never through a generic form."""

    # Indexed, every save of these rows would also rewrite Wagtail's references.
    add_to_reference_index = False
    copy_view_enabled = False
    list_per_page = 50
    ordering = "-created_at"
    # Shown in the group editor, so nobody ticks permissions that lead nowhere.
    registered_actions = ("view",)

    def get_common_view_kwargs(self, **kwargs):
        absent = ("add", "edit", "delete", "history", "usage")
        return super().get_common_view_kwargs(
            **({f"{name}_url_name": None for name in absent} | kwargs)
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    def register_admin_url_finder(self):
        # There is no edit page to point Wagtail's links to.
        pass

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model),
            codename__in=[
                f"{action}_{self.model_name}" for action in self.registered_actions
            ],
        )


class BookingURLFinder(ModelAdminURLFinder):
    def construct_edit_url(self, instance):
        return booking_url(instance)


class BookingViewSet(SalesViewSet):
    model = Booking
    name = "events_booking_list"
    url_prefix = "events/bookings"
    icon = "clipboard-list"
    menu_label = BOOKINGS
    index_view_class = BookingIndexView
    filterset_class = BookingFilterSet
    search_fields = ["legal_name", "email", "siret"]
    registered_actions = ("view", "change")
    list_display = [
        DateColumn(
            "created_at", label=gettext_lazy("Requested"), sort_key="created_at"
        ),
        TitleColumn(
            "legal_name",
            label=gettext_lazy("Institution"),
            get_url=booking_url,
            sort_key="legal_name",
        ),
        Column(
            "buyer_type",
            label=gettext_lazy("Type"),
            accessor="get_buyer_type_display",
            sort_key="buyer_type",
        ),
        Column("subject", label=gettext_lazy("Conference or format")),
        StatusTagColumn(
            "state",
            label=gettext_lazy("State"),
            accessor="get_state_display",
            sort_key="state",
            primary=lambda booking: booking.state not in (State.DONE, State.CANCELLED),
        ),
        Column(
            "quote_total",
            label=gettext_lazy("Quote, VAT incl."),
            accessor=lambda booking: _amount(booking.quote_gross_cents),
            sort_key="quote_gross_cents",
        ),
    ]
    list_export = [
        "pk",
        "created_at",
        "legal_name",
        "siret",
        "get_buyer_type_display",
        "email",
        "subject",
        "get_state_display",
        "po_number",
        "quote_number",
        "quote_gross_cents",
        "invoice_number",
        "invoice_net_cents",
        "invoice_vat_cents",
        "invoice_gross_cents",
        "invoice_paid_at",
        "credit_note_number",
    ]
    export_headings = {
        "pk": gettext_lazy("Booking"),
        "created_at": gettext_lazy("Requested at"),
        "legal_name": gettext_lazy("Legal name"),
        "siret": gettext_lazy("SIRET"),
        "get_buyer_type_display": gettext_lazy("Type of institution"),
        "email": gettext_lazy("Email"),
        "subject": gettext_lazy("Conference or format"),
        "get_state_display": gettext_lazy("State"),
        "po_number": gettext_lazy("Purchase order"),
        "quote_number": gettext_lazy("Quote number"),
        "quote_gross_cents": gettext_lazy("Quote total incl. VAT (€)"),
        "invoice_number": gettext_lazy("Invoice number"),
        "invoice_net_cents": gettext_lazy("Invoice total excl. VAT (€)"),
        "invoice_vat_cents": gettext_lazy("Invoice VAT (€)"),
        "invoice_gross_cents": gettext_lazy("Invoice total incl. VAT (€)"),
        "invoice_paid_at": gettext_lazy("Paid at"),
        "credit_note_number": gettext_lazy("Credit note number"),
    }
    export_filename = "bookings"

    def register_admin_url_finder(self):
        register_admin_url_finder(Booking, BookingURLFinder)


class SeatOrderViewSet(SalesViewSet):
    model = SeatOrder
    name = "events_seat_orders"
    url_prefix = "events/seat-orders"
    icon = "tag"
    menu_label = gettext_lazy("Seats sold")
    index_view_class = SeatOrderIndexView
    filterset_class = SeatOrderFilterSet
    search_fields = ["name", "email"]
    list_display = [
        DateColumn("created_at", label=gettext_lazy("Ordered"), sort_key="created_at"),
        TitleColumn(
            "name", label=gettext_lazy("Name"), get_url=seat_order_url, sort_key="name"
        ),
        Column("email", label=gettext_lazy("Email")),
        Column("conference", label=gettext_lazy("Conference"), accessor="conference"),
        Column("label", label=gettext_lazy("Price")),
        Column("seats", label=gettext_lazy("Seats"), sort_key="seats"),
        Column(
            "amount",
            label=gettext_lazy("Amount, VAT incl."),
            accessor=lambda order: _amount(order.amount_cents),
            sort_key="amount_cents",
        ),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda order: order.status == SeatOrder.Status.PAID,
        ),
    ]
    list_export = [
        "pk",
        "created_at",
        "conference.title",
        "name",
        "email",
        "label",
        "quantity",
        "seats",
        "unit_price_cents",
        "amount_cents",
        "get_status_display",
        "paid_at",
    ]
    export_headings = {
        "pk": gettext_lazy("Order"),
        "created_at": gettext_lazy("Ordered at"),
        "conference.title": gettext_lazy("Conference"),
        "name": gettext_lazy("Name"),
        "email": gettext_lazy("Email"),
        "label": gettext_lazy("Price"),
        "quantity": gettext_lazy("Quantity"),
        "seats": gettext_lazy("Seats"),
        "unit_price_cents": gettext_lazy("Unit price incl. VAT (€)"),
        "amount_cents": gettext_lazy("Amount incl. VAT (€)"),
        "get_status_display": gettext_lazy("Status"),
        "paid_at": gettext_lazy("Paid at"),
    }
    export_filename = "seat-orders"


class WaitingListViewSet(SalesViewSet):
    model = WaitingListEntry
    name = "events_waiting_list"
    url_prefix = "events/waiting-list"
    icon = "time"
    menu_label = gettext_lazy("Waiting list")
    index_view_class = SalesIndexView
    filterset_class = WaitingListFilterSet
    search_fields = ["name", "email"]
    ordering = "created_at"
    list_display = [
        DateColumn("created_at", label=gettext_lazy("Since"), sort_key="created_at"),
        TitleColumn(
            "name", label=gettext_lazy("Name"), get_url=seat_order_url, sort_key="name"
        ),
        Column("email", label=gettext_lazy("Email")),
        Column("conference", label=gettext_lazy("Conference"), accessor="conference"),
        Column("seats", label=gettext_lazy("Seats wanted"), sort_key="seats"),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda entry: (
                entry.status
                in (WaitingListEntry.Status.WAITING, WaitingListEntry.Status.OFFERED)
            ),
        ),
        DateColumn("offered_at", label=gettext_lazy("Seats offered")),
    ]
    list_export = [
        "created_at",
        "conference.title",
        "name",
        "email",
        "seats",
        "get_status_display",
        "offered_at",
    ]
    export_headings = {
        "created_at": gettext_lazy("Since"),
        "conference.title": gettext_lazy("Conference"),
        "name": gettext_lazy("Name"),
        "email": gettext_lazy("Email"),
        "seats": gettext_lazy("Seats wanted"),
        "get_status_display": gettext_lazy("Status"),
        "offered_at": gettext_lazy("Seats offered"),
    }
    export_filename = "waiting-list"


class SalesViewSetGroup(ModelViewSetGroup):
    items = (BookingViewSet, SeatOrderViewSet, WaitingListViewSet)
    menu_label = gettext_lazy("Bookings")
    menu_icon = "calendar"
    menu_name = "events_sales"
    menu_order = 320
