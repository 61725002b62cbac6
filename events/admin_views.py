"""Conference sales in the Wagtail admin: listings of institutions' bookings, seat
orders and the waiting list (read-only, with their exports), and a booking's file,
where editors take each step through its service and nowhere else."""

import datetime
from decimal import Decimal

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.active_filters import (
    ActiveFilter,
    BaseFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.admin_url_finder import (
    ModelAdminURLFinder,
    register_admin_url_finder,
)
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from events import services
from events.forms import (
    CancelBookingForm,
    ChorusDepositForm,
    RecordAcceptanceForm,
    RecordPaymentForm,
    RefundOrderForm,
)
from events.models import (
    Booking,
    ConferencePage,
    Invoice,
    Quote,
    SeatOrder,
    WaitingListEntry,
)
from events.services.bookings import TRANSITIONS
from core.money import money

VIEW = "events.view_booking"
CHANGE = "events.change_booking"

State = Booking.State

BOOKINGS = gettext_lazy("Institutions' bookings")

# What BookingLog.action holds, as the history table says it.
LOG_ACTIONS = {
    "requested": gettext_lazy("Request received"),
    "quote_sent": gettext_lazy("Quote sent"),
    "quote_accepted": gettext_lazy("Quote accepted online"),
    "quote_recorded": gettext_lazy("Acceptance recorded by an editor"),
    "invoiced": gettext_lazy("Invoice issued"),
    "paid": gettext_lazy("Payment received"),
    "reminded": gettext_lazy("Payment reminder sent"),
    "done": gettext_lazy("Marked as done"),
    "cancelled": gettext_lazy("Cancelled"),
    "credit_note": gettext_lazy("Credit note issued"),
    "chorus_deposit": gettext_lazy("Deposited on Chorus Pro"),
}


# --- Listings ---------------------------------------------------


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


def euros(cents):
    """Exported amounts are numbers in euros, which spreadsheets can add up."""
    if cents is None:
        return None
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


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


def booking_url(booking) -> str:
    return reverse("events_bookings:detail", args=[booking.pk])


def seat_order_url(order) -> str:
    return reverse("events_bookings:seat_order", args=[order.pk])


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


# --- A booking's file ---------------------------------------------------


class PaymentForm(RecordPaymentForm):
    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A payment cannot arrive in the future."))
        return day


PAYMENT_METHODS = {
    **dict(RecordPaymentForm.base_fields["method"].choices),
    "stripe": "Stripe",
}

FORMS = {
    "accept": RecordAcceptanceForm,
    "payment": PaymentForm,
    "cancel": CancelBookingForm,
    "chorus": ChorusDepositForm,
}


def _to_deposit(booking: Booking, invoices: list[Invoice]) -> Invoice | None:
    """A public buyer's oldest invoice or credit note not yet on Chorus Pro."""
    if not booking.is_public_buyer:
        return None
    return next(
        (document for document in invoices if document.chorus_deposited_on is None),
        None,
    )


def _require(request, *perms):
    if not any(request.user.has_perm(perm) for perm in perms):
        raise PermissionDenied


def _booking(pk) -> Booking:
    return get_object_or_404(
        Booking.objects.select_related("conference", "offer"), pk=pk
    )


def _pending_quote(quotes):
    return next((quote for quote in quotes if quote.status == Quote.Status.SENT), None)


def _open_invoice(invoices):
    """The invoice still to be paid: issued, unpaid, not cancelled."""
    credited = {document.refers_id for document in invoices}
    return next(
        (
            document
            for document in invoices
            if document.kind == Invoice.Kind.INVOICE
            and document.paid_at is None
            and document.pk not in credited
        ),
        None,
    )


def _page(request, booking: Booking, *, bound=None, status=200):
    quotes = list(booking.quotes.order_by("-pk"))
    invoices = list(booking.invoices.order_by("pk"))
    numbers = {document.pk: document.number for document in invoices}
    credit_notes = {
        document.refers_id: document for document in invoices if document.refers_id
    }
    # The buyer's links, in the language of the buyer's emails and documents.
    with translation.override(booking.language):
        public_page = reverse("events:booking", args=[booking.access_key])
        quote_urls = [
            reverse("events:quote_pdf", args=[booking.access_key, quote.number])
            for quote in quotes
        ]
        pdf_urls = [
            reverse("events:invoice_pdf", args=[booking.access_key, document.number])
            for document in invoices
        ]
    documents = [
        {
            "document": document,
            "pdf_url": pdf_url if document.pdf else "",
            "credit_note": credit_notes.get(document.pk),
            "cancels": numbers.get(document.refers_id),
            "overdue": document.overdue and document.pk not in credit_notes,
            "method": PAYMENT_METHODS.get(
                document.payment_method, document.payment_method
            ),
        }
        for document, pdf_url in zip(invoices, pdf_urls, strict=True)
    ]
    allowed = TRANSITIONS[booking.state] if request.user.has_perm(CHANGE) else set()
    actions = {
        "send_quote": State.QUOTED in allowed,
        "record_acceptance": State.ACCEPTED in allowed
        and _pending_quote(quotes) is not None,
        "record_payment": State.PAID in allowed and _open_invoice(invoices) is not None,
        "mark_done": State.DONE in allowed,
        "cancel": State.CANCELLED in allowed,
        "chorus": request.user.has_perm(CHANGE)
        and _to_deposit(booking, invoices) is not None,
    }
    bound = bound or {}
    initial = {
        "accept": {"po_number": booking.po_number},
        "payment": {"received_on": timezone.localdate()},
        "chorus": {"deposited_on": timezone.localdate()},
    }
    step_forms = {
        name: bound.get(name) or form_class(prefix=name, initial=initial.get(name))
        for name, form_class in FORMS.items()
    }
    history = [
        (entry, LOG_ACTIONS.get(entry.action, entry.action))
        for entry in booking.log.select_related("actor")
    ]
    title = booking.legal_name
    return TemplateResponse(
        request,
        "events/admin/booking_detail.html",
        {
            "booking": booking,
            "options": [
                (option["name"], money(option["price_cents"]))
                for option in booking.options
            ],
            "public_page": public_page,
            "quotes": list(zip(quotes, quote_urls, strict=True)),
            "documents": documents,
            "history": history,
            "actions": actions,
            "any_action": any(actions.values()),
            "open_invoice": _open_invoice(invoices),
            "pending_quote": _pending_quote(quotes),
            "accept_form": step_forms["accept"],
            "payment_form": step_forms["payment"],
            "cancel_form": step_forms["cancel"],
            "chorus_form": step_forms["chorus"],
            "to_deposit": _to_deposit(booking, invoices),
            "header_title": title,
            "header_icon": "clipboard-list",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {
                    "url": reverse("events_booking_list:index"),
                    "label": BOOKINGS,
                },
                {"url": "", "label": title},
            ],
        },
        status=status,
    )


def detail(request, pk: int):
    _require(request, VIEW, CHANGE)
    return _page(request, _booking(pk))


def _act(request, pk: int, run, *, form: str = ""):
    """Take one step: validate its form, call the service, and come back to the
    file, with the service's refusal shown there when it refuses."""
    _require(request, CHANGE)
    booking = _booking(pk)
    bound = FORMS[form](request.POST, prefix=form) if form else None
    if bound is not None and not bound.is_valid():
        messages.error(request, _("Nothing was changed: correct the form."))
        return _page(request, booking, bound={form: bound}, status=400)
    try:
        done = run(booking, bound.cleaned_data if bound else {})
    except services.BookingError as error:
        messages.error(request, error.message)
        return _page(
            request, booking, bound={form: bound} if form else None, status=400
        )
    messages.success(request, done)
    return redirect("events_bookings:detail", pk)


@require_POST
def send_quote(request, pk: int):
    def run(booking, data):
        quote = services.send_quote(booking, actor=request.user)
        return _("Quote %(number)s is sent to %(email)s.") % {
            "number": quote.number,
            "email": booking.email,
        }

    return _act(request, pk, run)


@require_POST
def record_acceptance(request, pk: int):
    def run(booking, data):
        quote = _pending_quote(booking.quotes.order_by("-pk"))
        if quote is None:
            raise services.BookingError(
                _("This booking has no quote awaiting an answer.")
            )
        invoice = services.accept_quote(
            quote, po_number=data["po_number"], actor=request.user
        )
        return _("Acceptance recorded: invoice %(number)s is issued and sent.") % {
            "number": invoice.number
        }

    return _act(request, pk, run, form="accept")


def _paid_at(day: datetime.date) -> datetime.datetime:
    if day == timezone.localdate():
        return timezone.now()
    # A bank statement gives a day, not a time: noon in Paris keeps it on that
    # day in the books, whatever timezone later reads it.
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@require_POST
def record_payment(request, pk: int):
    def run(booking, data):
        invoice = _open_invoice(list(booking.invoices.all()))
        if invoice is None:
            raise services.BookingError(
                _("This booking has no invoice awaiting payment.")
            )
        services.record_payment(
            invoice,
            method=data["method"],
            reference=data["reference"],
            paid_at=_paid_at(data["received_on"]),
            actor=request.user,
        )
        return _("Payment of invoice %(number)s recorded; the receipt is sent.") % {
            "number": invoice.number
        }

    return _act(request, pk, run, form="payment")


@require_POST
def mark_done(request, pk: int):
    def run(booking, data):
        services.mark_done(booking, actor=request.user)
        return _("The booking is marked as done.")

    return _act(request, pk, run)


@require_POST
def cancel(request, pk: int):
    def run(booking, data):
        credit_note = services.cancel_booking(
            booking, reason=data["reason"], actor=request.user
        )
        if credit_note is None:
            return _("The booking is cancelled.")
        return _("The booking is cancelled; credit note %(number)s is issued.") % {
            "number": credit_note.number
        }

    return _act(request, pk, run, form="cancel")


@require_POST
def record_chorus_deposit(request, pk: int):
    def run(booking, data):
        document = _to_deposit(booking, list(booking.invoices.order_by("pk")))
        if document is None:
            raise services.BookingError(_("Nothing is waiting to go on Chorus Pro."))
        services.record_chorus_deposit(
            document,
            deposited_on=data["deposited_on"],
            number=data["number"],
            actor=request.user,
        )
        return _("%(number)s is recorded as deposited on Chorus Pro.") % {
            "number": document.number
        }

    return _act(request, pk, run, form="chorus")


def seat_order(request, pk: int):
    """A card order: who, what, its tickets; a paid one can be refunded."""
    _require(request, "events.view_seatorder", CHANGE)
    order = get_object_or_404(SeatOrder.objects.select_related("conference"), pk=pk)
    form = RefundOrderForm(request.POST or None)
    status = 200
    if request.method == "POST":
        _require(request, CHANGE)
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


urlpatterns = [
    path("<id:pk>/", detail, name="detail"),
    path("<id:pk>/send-quote/", send_quote, name="send_quote"),
    path("<id:pk>/acceptance/", record_acceptance, name="record_acceptance"),
    path("<id:pk>/payment/", record_payment, name="record_payment"),
    path("<id:pk>/done/", mark_done, name="mark_done"),
    path("<id:pk>/cancel/", cancel, name="cancel"),
    path("<id:pk>/chorus-pro/", record_chorus_deposit, name="record_chorus"),
    path("seat-orders/<id:pk>/", seat_order, name="seat_order"),
]
