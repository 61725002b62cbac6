"""Debates as events: public conferences with seats, announced on the site.

Times are stored in UTC and shown in Europe/Paris (TIME_ZONE); a conference is
upcoming until it ends, by the clock alone.
"""

from decimal import Decimal
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from core.pagecache import CachedPage, seconds_until
from core.revisions import LatestRevisionGuard
from events import ical
from events.models.seats import SeatStock
from events.seo import conference_json_ld


class EventIndexPage(LatestRevisionGuard, CachedPage, RoutablePageMixin, Page):
    """« Événements »: conferences to come, then past ones; by city and theme."""

    intro = models.TextField(_("intro"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.ConferencePage", "events.ConferenceOfferPage"]
    max_count = 1

    class Meta:
        verbose_name = _("event index")

    def conferences(self):
        return (
            ConferencePage.objects.live()
            .public()
            .child_of(self)
            .select_related("theme")
        )

    def get_context(self, request, *args, **kwargs):
        # Imported here: events.selectors imports this module.
        from events import selectors

        context = super().get_context(request, *args, **kwargs)
        city = request.GET.get("ville", "").strip()[:80]
        theme = request.GET.get("theme", "").strip()[:60]
        context.update(selectors.conference_listing(self, city=city, theme_slug=theme))
        context["offers"] = ConferenceOfferPage.objects.live().public().child_of(self)
        return context

    def page_cache_seconds(self, request, context) -> int | None:
        # Conferences go off sale when they start and leave « to come » when they
        # end, by the clock.
        return seconds_until(
            *(
                moment
                for conference in context.get("upcoming", ())
                for moment in (conference.starts_at, conference.ends_at)
            )
        )

    # Wagtail's page URLs take no dot: the file name comes with the download.
    @path("calendrier/", name="calendar")
    def calendar(self, request):
        upcoming = self.conferences().filter(ends_at__gte=timezone.now())
        return ical.calendar_response(
            request, upcoming.order_by("starts_at"), filename="versus-evenements.ics"
        )


class ConferencePage(LatestRevisionGuard, CachedPage, RoutablePageMixin, Page):
    """A public conference: a debate question put to two experts before an audience."""

    question = models.CharField(_("debate question"), max_length=200)
    theme = models.ForeignKey(
        "newsroom.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conferences",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.CharField(_("venue"), max_length=120)
    street = models.CharField(_("street address"), max_length=160)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=80, db_index=True)
    programme = RichTextField(
        _("programme"), features=["bold", "italic", "ol", "ul", "link"], blank=True
    )
    capacity = models.PositiveIntegerField(_("capacity (seats)"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("question"),
        FieldPanel("theme"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
            ],
            heading=_("Venue"),
        ),
        InlinePanel("speakers", heading=_("Speakers"), label=_("speaker"), min_num=1),
        FieldPanel("programme"),
        FieldPanel("capacity"),
        InlinePanel("prices", heading=_("Seat prices"), label=_("price"), min_num=1),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @cached_property
    def seats_left(self) -> int:
        """Seats neither sold nor held, as the seat stock counts them."""
        if hasattr(self, "stock_taken"):  # annotated by the listing's selector
            stock = (self.stock_capacity, self.stock_taken)
        else:
            stock = (
                SeatStock.objects.filter(conference_id=self.pk)
                .values_list("capacity", "taken")
                .first()
            )
        capacity, taken = (
            stock if stock and stock[0] is not None else (self.capacity, 0)
        )
        return max(capacity - taken, 0)

    @property
    def on_sale(self) -> bool:
        return self.starts_at > timezone.now()

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("The conference must end after it starts.")}
            )
        if self.pk and self.capacity is not None:
            taken = (
                SeatStock.objects.filter(conference_id=self.pk)
                .values_list("taken", flat=True)
                .first()
            ) or 0
            if self.capacity < taken:
                raise ValidationError(
                    {
                        "capacity": _(
                            "%(taken)s seats are already sold or held: the capacity "
                            "cannot be lower."
                        )
                        % {"taken": taken}
                    }
                )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The stock row carries the capacity the database checks sales against.
        # Saving a draft revision writes only bookkeeping fields: the published
        # capacity stays until the revision is published (a full save).
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "capacity" in update_fields:
            SeatStock.sync_capacity(self)

    def page_cache_seconds(self, request, context) -> int | None:
        # Seats sold, held or released purge the page (events.pagecache).
        return seconds_until(self.starts_at, self.ends_at)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = list(
            self.speakers.select_related("contributor").order_by("sort_order")
        )
        context["prices"] = list(self.prices.order_by("sort_order"))
        context["json_ld"] = conference_json_ld(self, request, context)
        if self.on_sale and context["prices"]:
            # Imported here: events.forms imports events.models.
            from events.forms import SeatsForm, WaitingListForm

            form_class = WaitingListForm if self.sold_out else SeatsForm
            key = "waiting_form" if self.sold_out else "seats_form"
            context.setdefault(key, form_class(prices=context["prices"]))
        return context

    @cached_property
    def sold_out(self) -> bool:
        return self.seats_left <= 0

    # The cached page's forms carry no CSRF token: they lead (GET, with the price
    # and quantity chosen) to these routes, never cached, whose page has the whole
    # form with its token; the form posts back here and is answered with the page
    # and its errors.
    @path("reserver/", name="buy")
    def buy(self, request):
        # Imported here: the views import events.models.
        from events.views import seats

        if request.method == "POST":
            return seats.buy_seats(request, self)
        return seats.seats_step(request, self)

    @path("liste-attente/", name="waiting_list")
    def waiting_list(self, request):
        # Imported here: the views import events.models.
        from events.views import seats

        if request.method == "POST":
            return seats.join_waiting_list(request, self)
        return seats.waiting_step(request, self)

    @path("groupes/", name="group_booking")
    def group_booking(self, request):
        # Imported here: the views import events.models.
        from events.views import bookings

        return bookings.group_booking(request, self)

    @path("agenda/", name="ics")
    def ics(self, request):
        return ical.calendar_response(
            request, [self], filename=f"versus-{self.slug}.ics"
        )


class ConferenceSpeaker(Orderable):
    """Who speaks: a citizen expert from the newsroom, or a moderator."""

    class Role(models.TextChoices):
        POUR = "pour", _("For")
        CONTRE = "contre", _("Against")
        MODERATOR = "moderator", _("Moderator")

    conference = ParentalKey(
        ConferencePage, on_delete=models.CASCADE, related_name="speakers"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    contributor = models.ForeignKey(
        "newsroom.Contributor",
        verbose_name=_("citizen expert"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(
        _("name"),
        max_length=120,
        blank=True,
        help_text=_("For a speaker who is not one of our experts (a moderator)."),
    )

    panels = [FieldPanel("role"), FieldPanel("contributor"), FieldPanel("name")]

    @property
    def display_name(self) -> str:
        return self.contributor.name if self.contributor_id else self.name

    def clean(self):
        super().clean()
        if not self.contributor_id and not self.name.strip():
            raise ValidationError(_("Choose an expert or write the speaker's name."))


class SeatPrice(Orderable):
    """A seat category and its price, VAT included (20 % for events)."""

    class Category(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        REDUCED = "reduced", _("Reduced")
        INSTITUTION = "institution", _("Institution pack")

    conference = ParentalKey(
        ConferencePage, on_delete=models.CASCADE, related_name="prices"
    )
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    label = models.CharField(
        pgettext_lazy("seat price", "label"),
        max_length=80,
        help_text=_("E.g. « Étudiants, demandeurs d'emploi »"),
    )
    price_cents = models.PositiveIntegerField(_("price in cents, VAT included"))
    seats = models.PositiveSmallIntegerField(
        _("seats included"), default=1, help_text=_("More than 1 for a pack.")
    )

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("label")]),
        FieldRowPanel([FieldPanel("price_cents"), FieldPanel("seats")]),
    ]

    @property
    def price(self) -> Decimal:
        return (Decimal(self.price_cents) / 100).quantize(Decimal("0.01"))


class ConferenceOfferPage(LatestRevisionGuard, Page):
    """« Organiser un débat chez vous »: the formats sold to institutions, priced
    excluding VAT, with their options and the quote request form."""

    intro = models.TextField(_("intro"), max_length=600)
    included = RichTextField(
        _("what is included"), features=["bold", "italic", "ul", "link"], blank=True
    )
    vat_rate = models.DecimalField(
        _("VAT rate (%)"), max_digits=4, decimal_places=2, default=Decimal("20.00")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("included"),
        InlinePanel("formats", heading=_("Formats"), label=_("format"), min_num=1),
        InlinePanel("options", heading=_("Options"), label=_("option")),
        FieldPanel("vat_rate"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("conference offer")

    def get_context(self, request, *args, **kwargs):
        # Imported here: events.forms imports events.models.
        from events.forms import QuoteRequestForm

        context = super().get_context(request, *args, **kwargs)
        context["formats"] = list(self.formats.order_by("sort_order"))
        context["options"] = list(self.options.order_by("sort_order"))
        context.setdefault(
            "form",
            QuoteRequestForm(
                offer=self, formats=context["formats"], options=context["options"]
            ),
        )
        return context

    def serve(self, request, *args, **kwargs):
        # Imported here: the views import events.models.
        from events.views import bookings

        if request.method == "POST":
            return bookings.request_quote(request, self)
        return super().serve(request, *args, **kwargs)


class OfferFormat(Orderable):
    """One way to run a debate for an institution, at a price excluding VAT."""

    offer = ParentalKey(
        ConferenceOfferPage, on_delete=models.CASCADE, related_name="formats"
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), max_length=600)
    duration = models.CharField(_("duration"), max_length=40, help_text=_("E.g. 2 h"))
    price_cents = models.PositiveIntegerField(_("price in cents, excluding VAT"))

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("duration"), FieldPanel("price_cents")]),
    ]

    def __str__(self):
        return self.name

    @property
    def price(self) -> Decimal:
        return (Decimal(self.price_cents) / 100).quantize(Decimal("0.01"))


class OfferOption(Orderable):
    """An extra an institution may add: travel, recording, written report."""

    offer = ParentalKey(
        ConferenceOfferPage, on_delete=models.CASCADE, related_name="options"
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    price_cents = models.PositiveIntegerField(_("price in cents, excluding VAT"))

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("price_cents"),
    ]

    def __str__(self):
        return self.name
