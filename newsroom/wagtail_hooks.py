import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from core.admin_permissions import RefusingPermissionPolicy
from newsroom import services
from newsroom.forms import DeclineApplicationForm
from newsroom.models import (
    Commission,
    Contributor,
    Edition,
    ExpertApplication,
    Theme,
)

DECIDE = "newsroom.change_expertapplication"
APPLICATION_URLS = "wagtailsnippets_newsroom_expertapplication"


# Registered before the viewset asks for it (Wagtail falls back to a default one).
# Applications only arrive through the public form: nobody adds or copies one.
register_permission_policy(
    ExpertApplication, RefusingPermissionPolicy(ExpertApplication, refused={"add"})
)


class ContributorViewSet(SnippetViewSet):
    model = Contributor
    icon = "user"
    menu_label = gettext_lazy("Citizen experts")
    list_display = ["name", "occupation", "qualification", "live"]
    list_filter = ["qualification", "live"]
    search_fields = ["name", "occupation"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = gettext_lazy("Themes")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class ReadOnlyPanel(FieldPanel):
    """What the applicant sent, or what was decided: shown, never edited here."""

    def __init__(self, field_name, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if value is None or value == "":
            return "—"
        return super().format_value_for_display(value)


class PlainTextPanel(ReadOnlyPanel):
    """An applicant's text: escaped, with its line breaks kept."""

    def format_value_for_display(self, value):
        if not value:
            return "—"
        return linebreaksbr(value, autoescape=True)


class ApplicationEditView(EditView):
    """The application as the applicant sent it, with the decision buttons.

    Nothing here is edited by hand: the status only changes through the accept and
    decline views below, which call the services; so this page is read-only.
    """

    http_method_names = ["get", "head", "options"]
    accept_url_name = None
    decline_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        context["can_decide"] = application.is_pending and self.request.user.has_perm(
            DECIDE
        )
        context["decline_form"] = DeclineApplicationForm(auto_id="decline-%s")
        context["accept_url"] = reverse(self.accept_url_name, args=[application.pk])
        context["decline_url"] = reverse(self.decline_url_name, args=[application.pk])
        if application.contributor_id:
            context["contributor_url"] = reverse(
                "wagtailsnippets_newsroom_contributor:edit",
                args=[application.contributor_id],
            )
        return context


def _decidable(request, pk) -> ExpertApplication:
    if not request.user.has_perm(DECIDE):
        raise PermissionDenied
    return get_object_or_404(ExpertApplication, pk=pk)


@require_POST
def accept_application(request, pk: int):
    application = _decidable(request, pk)
    try:
        contributor = services.accept_application(application, editor=request.user)
    except services.ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "Application accepted: a draft profile for %(name)s is ready to "
                "complete, and the applicant is told by email."
            )
            % {"name": contributor.name},
            buttons=[
                messages.button(
                    reverse(
                        "wagtailsnippets_newsroom_contributor:edit",
                        args=[contributor.pk],
                    ),
                    _("Complete the profile"),
                )
            ],
        )
    return redirect(f"{APPLICATION_URLS}:edit", pk)


@require_POST
def decline_application(request, pk: int):
    application = _decidable(request, pk)
    try:
        # The service says what is wrong with the reason, in one place.
        services.decline_application(
            application, editor=request.user, reason=request.POST.get("reason", "")
        )
    except services.ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Application declined; the applicant receives your reason.")
        )
    return redirect(f"{APPLICATION_URLS}:edit", pk)


class ExpertApplicationViewSet(SnippetViewSet):
    model = ExpertApplication
    icon = "form"
    menu_label = gettext_lazy("Expert applications")
    copy_view_enabled = False
    edit_view_class = ApplicationEditView
    edit_template_name = "newsroom/admin/application_edit.html"
    list_display = [
        "name",
        "email",
        "field_of_expertise",
        "qualification",
        StatusTagColumn(
            "get_status_display",
            label=gettext_lazy("Status"),
            sort_key="status",
            primary=lambda application: application.is_pending,
        ),
        DateColumn("created_at", label=gettext_lazy("Received"), sort_key="created_at"),
    ]
    list_filter = ["status", "qualification"]
    search_fields = ["name", "email"]
    panels = [
        MultiFieldPanel(
            [
                ReadOnlyPanel("name"),
                ReadOnlyPanel("email"),
                ReadOnlyPanel("field_of_expertise"),
                ReadOnlyPanel("qualification"),
                ReadOnlyPanel("language"),
                ReadOnlyPanel("created_at"),
                ReadOnlyPanel("consented_at"),
            ],
            heading=gettext_lazy("Applicant"),
        ),
        PlainTextPanel("motivation"),
        PlainTextPanel("writing_sample"),
        MultiFieldPanel(
            [
                ReadOnlyPanel("status"),
                ReadOnlyPanel("decided_by"),
                ReadOnlyPanel("decided_at"),
                PlainTextPanel("decision_reason"),
            ],
            heading=gettext_lazy("Decision"),
        ),
    ]

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            accept_url_name=self.get_url_name("accept"),
            decline_url_name=self.get_url_name("decline"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("accept/<id:pk>/", accept_application, name="accept"),
            path("decline/<id:pk>/", decline_application, name="decline"),
        ]


class CommissionViewSet(SnippetViewSet):
    model = Commission
    icon = "tasks"
    menu_label = gettext_lazy("Commissions")
    list_display = ["question", "status", "theme", "deadline", "origin"]
    list_filter = ["status", "theme", "origin"]
    search_fields = ["question"]
    ordering = ["deadline"]


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Print editions")
    list_display = [
        "__str__",
        "title",
        DateColumn(
            "published_on",
            label=gettext_lazy("Publication date"),
            sort_key="published_on",
        ),
    ]
    ordering = ["-published_on"]


class NewsroomViewSetGroup(SnippetViewSetGroup):
    items = (
        CommissionViewSet,
        ContributorViewSet,
        ThemeViewSet,
        EditionViewSet,
        ExpertApplicationViewSet,
    )
    menu_icon = "edit"
    menu_label = gettext_lazy("Newsroom")
    menu_name = "newsroom"


register_snippet(NewsroomViewSetGroup)


class NewsroomPanel(Component):
    """The editors' dashboard: commissions due within a week, new applications."""

    name = "newsroom"
    order = 105
    template_name = "newsroom/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        context["due"] = (
            Commission.objects.filter(
                deadline__lte=today + datetime.timedelta(days=7),
                status__in=[
                    Commission.Status.TO_ASSIGN,
                    Commission.Status.EXPERTS_CONTACTED,
                    Commission.Status.TEXTS_RECEIVED,
                    Commission.Status.IN_REVIEW,
                ],
            )
            .select_related("pour_contributor", "contre_contributor")
            .order_by("deadline")[:10]
        )
        context["applications"] = ExpertApplication.objects.filter(
            status=ExpertApplication.Status.PENDING
        ).order_by("-created_at")[:5]
        return context


@hooks.register("construct_homepage_panels")
def add_newsroom_panel(request, panels):
    if request.user.has_perm("newsroom.change_commission") or request.user.has_perm(
        "newsroom.change_expertapplication"
    ):
        panels.append(NewsroomPanel())
