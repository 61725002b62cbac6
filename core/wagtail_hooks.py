"""The outgoing email queue in the Wagtail admin: what is owed, what failed and
why, with « Réessayer » for a failed one; and a dashboard line when mail waits."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import DateColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from core import outbox
from core.admin_permissions import RefusingPermissionPolicy
from core.models import OutgoingEmail

# The queue is the site's record of what it sent: read, retried, never edited.
register_permission_policy(
    OutgoingEmail,
    RefusingPermissionPolicy(OutgoingEmail, refused={"add", "change", "delete"}),
)


class EmailInspectView(InspectView):
    template_name = "core/admin/email_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_retry"] = self.object.status in (
            OutgoingEmail.Status.FAILED,
            OutgoingEmail.Status.OWED,
        )
        return context


class OutgoingEmailViewSet(SnippetViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = gettext_lazy("Emails")
    menu_order = 900
    add_to_admin_menu = True
    list_display = [
        "subject",
        "recipient",
        "status",
        "attempts",
        DateColumn("created_at", label=gettext_lazy("Owed since")),
        DateColumn("sent_at", label=gettext_lazy("Sent on")),
        DateColumn("retry_at", label=gettext_lazy("Next attempt")),
    ]
    list_filter = {"status": ["exact"], "created_at": ["gte", "lte"]}
    search_fields = ["recipient", "subject", "key"]
    inspect_view_enabled = True
    inspect_view_class = EmailInspectView
    inspect_view_fields = [
        "subject",
        "recipient",
        "status",
        "key",
        "builder",
        "language",
        "attempts",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "provider_message_id",
        "last_error",
    ]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<id:pk>/retry/", retry, name="retry"),
        ]


@require_POST
def retry(request, pk: int):
    if not request.user.has_perm("core.view_outgoingemail"):
        raise PermissionDenied
    email = get_object_or_404(OutgoingEmail, pk=pk)
    outbox.retry_now(email)
    messages.success(request, _("The email will be tried again in a moment."))
    return redirect("wagtailsnippets_core_outgoingemail:inspect", pk)


register_snippet(OutgoingEmailViewSet)


class WaitingEmailsPanel(Component):
    """Shown only when mail waits: owed for more than a few minutes, or failed."""

    name = "waiting_emails"
    order = 50
    template_name = "core/admin/waiting_emails_panel.html"

    def __init__(self, owed: int, failed: int):
        self.owed, self.failed = owed, failed

    def get_context_data(self, parent_context):
        listing = reverse("wagtailsnippets_core_outgoingemail:list")
        return {
            "owed": self.owed,
            "failed": self.failed,
            "owed_url": f"{listing}?status=owed",
            "failed_url": f"{listing}?status=failed",
        }


@hooks.register("construct_homepage_panels")
def add_waiting_emails_panel(request, panels):
    if not request.user.has_perm("core.view_outgoingemail"):
        return
    owed = OutgoingEmail.objects.filter(
        status__in=[OutgoingEmail.Status.OWED, OutgoingEmail.Status.SENDING],
        attempts__gt=0,
    ).count()
    failed = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).count()
    if owed or failed:
        panels.append(WaitingEmailsPanel(owed, failed))
