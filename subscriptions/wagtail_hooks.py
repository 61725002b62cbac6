"""Subscriptions in the Wagtail admin: plans, subscribers with their billing
history, complimentary subscriptions, and the figures on the dashboard."""

import datetime
from collections import Counter

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import AdminDateInput
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_permissions import RefusingPermissionPolicy
from core.money import money
from payments.models import StripeEvent
from subscriptions import services
from subscriptions.models import Payment, Plan, Subscription

# Stripe's records are Stripe's: shown, never written by hand. Subscriptions are
# only added through « Offrir un abonnement » (complimentary ones).
register_permission_policy(
    Subscription, RefusingPermissionPolicy(Subscription, refused={"add", "delete"})
)
for _model in (Payment, StripeEvent):
    register_permission_policy(
        _model, RefusingPermissionPolicy(_model, refused={"add", "change", "delete"})
    )


class PlanViewSet(SnippetViewSet):
    model = Plan
    icon = "tag"
    menu_label = gettext_lazy("Plans")
    list_display = ["name", "price", "interval", "vat_rate", "is_active"]


class SubscriptionViewSet(SnippetViewSet):
    """Subscribers, by status and since when. Stripe subscriptions are shown as
    Stripe holds them; only complimentary ones are created here."""

    model = Subscription
    icon = "user"
    menu_label = gettext_lazy("Subscribers")
    list_display = [
        "account",
        Column(
            "email",
            label=gettext_lazy("Email address"),
            accessor=lambda subscription: subscription.account.user.email,
        ),
        "status",
        "plan",
        "to_check",
        DateColumn("current_period_end", label=gettext_lazy("Paid until")),
        DateColumn("created_at", label=gettext_lazy("Since"), sort_key="created_at"),
    ]
    # « À vérifier »: subscriptions Stripe bills on a price or items we do not
    # sell; they are followed all the same, an editor checks them in Stripe.
    list_filter = {
        "status": ["exact"],
        "to_check": ["exact"],
        "created_at": ["gte", "lte"],
    }
    search_fields = ["account__user__email", "account__user__last_name"]
    copy_view_enabled = False
    panels = [
        FieldPanel("account", read_only=True),
        FieldPanel("status", read_only=True),
        FieldPanel("to_check", read_only=True),
        FieldPanel("stripe_prices", read_only=True),
        MultiFieldPanel(
            [FieldPanel("complimentary_until"), FieldPanel("note")],
            heading=gettext_lazy("Complimentary subscription"),
        ),
    ]

    def get_queryset(self, request):
        return Subscription.objects.select_related("account__user", "plan")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("offer/", grant_complimentary, name="offer"),
        ]


class ComplimentaryForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Reader's email address"))
    until = forms.DateField(
        label=gettext_lazy("Until"),
        widget=AdminDateInput(),
        help_text=gettext_lazy("Access ends after this day."),
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Who and why: press, partner..."),
    )


def grant_complimentary(request):
    if not request.user.has_perm("subscriptions.add_subscription"):
        raise PermissionDenied
    form = ComplimentaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_complimentary(
                email=form.cleaned_data["email"],
                until=form.cleaned_data["until"],
                note=form.cleaned_data["note"],
                editor=request.user,
            )
        except services.SubscriptionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The complimentary subscription is granted."))
            return redirect("wagtailsnippets_subscriptions_subscription:list")
    return TemplateResponse(request, "subscriptions/admin/offer.html", {"form": form})


class PaymentViewSet(SnippetViewSet):
    model = Payment
    icon = "doc-full"
    menu_label = gettext_lazy("Payments")
    list_display = ["account", "amount_display", "tax_display", "status", "created"]
    list_filter = ["status"]
    search_fields = ["account__user__email", "stripe_invoice_id"]
    inspect_view_enabled = True
    add_to_admin_menu = False

    def get_queryset(self, request):
        return Payment.objects.select_related("account__user")


class StripeEventViewSet(SnippetViewSet):
    model = StripeEvent
    icon = "warning"
    menu_label = gettext_lazy("Stripe events")
    list_display = ["id", "type", "outcome", "attempts", "received_at"]
    list_filter = ["outcome", "type"]
    inspect_view_enabled = True


class SubscriptionsViewSetGroup(SnippetViewSetGroup):
    items = (SubscriptionViewSet, PaymentViewSet, PlanViewSet, StripeEventViewSet)
    menu_icon = "group"
    menu_label = gettext_lazy("Subscriptions")
    menu_name = "subscriptions"


register_snippet(SubscriptionsViewSetGroup)


def monthly_cents(plan: Plan) -> int:
    if plan.interval == Plan.Interval.MONTH:
        return plan.price_cents
    return plan.price_cents // 12


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


class SubscribersPanel(Component):
    """Active subscribers, new and cancelled this month, monthly recurring revenue."""

    name = "subscribers"
    order = 100
    template_name = "subscriptions/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        start = month_start(today)
        paying = Subscription.objects.filter(status__in=Subscription.ENTITLING)
        context["active"] = (
            paying.count()
            + Subscription.objects.filter(
                status=Subscription.Status.COMPLIMENTARY, complimentary_until__gte=today
            ).count()
        )
        context["new"] = paying.filter(created_at__date__gte=start).count()
        context["cancelled"] = Subscription.objects.filter(
            Q(status=Subscription.Status.CANCELED, ended_at__date__gte=start)
            | Q(cancel_at_period_end=True, updated_at__date__gte=start)
        ).count()
        # Monthly recurring revenue, VAT included: a yearly plan counts for a
        # twelfth of its price (rounded down, so revenue is never overstated).
        per_plan = paying.values("plan").annotate(n=Count("pk"))
        plans = Plan.objects.in_bulk([row["plan"] for row in per_plan])
        context["mrr"] = money(
            sum(
                monthly_cents(plans[row["plan"]]) * row["n"]
                for row in per_plan
                if row["plan"] in plans
            )
        )
        context["to_check"] = Subscription.objects.exclude(to_check="").count()
        context["to_check_url"] = (
            reverse("wagtailsnippets_subscriptions_subscription:list")
            + "?ordering=-to_check"
        )
        context["months"] = self.months(today)
        return context

    def months(self, today) -> list[dict]:
        """Paid subscriptions started in each of the last 12 months, for the chart."""
        start = month_start(today)
        months = []
        for back in range(11, -1, -1):
            year, month = divmod(start.month - 1 - back, 12)
            months.append(datetime.date(start.year + year, month + 1, 1))
        started = Counter(
            (moment.year, moment.month)
            for moment in map(
                timezone.localtime,
                Subscription.objects.filter(created_at__date__gte=months[0])
                .exclude(status=Subscription.Status.COMPLIMENTARY)
                .values_list("created_at", flat=True),
            )
        )
        peak = max(started.values(), default=0) or 1
        return [
            {
                "month": month,
                "count": started[(month.year, month.month)],
                "percent": round(100 * started[(month.year, month.month)] / peak),
            }
            for month in months
        ]


@hooks.register("construct_homepage_panels")
def add_subscribers_panel(request, panels):
    if request.user.has_perm("subscriptions.view_subscription"):
        panels.append(SubscribersPanel())
