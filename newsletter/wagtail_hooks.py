"""The newsletter in the Wagtail admin: the lists, the subscribers and their
consent log (read only: consent is only given or withdrawn by the reader), the
suppression list (editable), « Envoyer maintenant » on an issue, and a flag on
the users and outgoing emails whose address is suppressed."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.widgets import Button, ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_permissions import RefusingPermissionPolicy
from core.errors import DomainError
from core.models import OutgoingEmail
from newsletter.models import (
    ConsentEvent,
    Delivery,
    IssueDispatch,
    Newsletter,
    NewsletterIssuePage,
    Subscriber,
    Suppression,
)
from newsletter.selectors import is_suppressed
from newsletter.services import sending

for model in (ConsentEvent, Subscriber, Delivery):
    register_permission_policy(
        model, RefusingPermissionPolicy(model, refused={"add", "change", "delete"})
    )
register_permission_policy(
    Newsletter, RefusingPermissionPolicy(Newsletter, refused={"delete"})
)


class NewsletterViewSet(SnippetViewSet):
    model = Newsletter
    icon = "mail"
    menu_label = gettext_lazy("Lists")
    list_display = ["name", "slug", "cadence", "is_default", "active"]
    copy_view_enabled = False


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_label = gettext_lazy("Subscribers")
    list_display = ["email", "user", DateColumn("created_at")]
    search_fields = ["email"]
    inspect_view_enabled = True
    copy_view_enabled = False


class ConsentEventViewSet(SnippetViewSet):
    model = ConsentEvent
    icon = "history"
    menu_label = gettext_lazy("Consent log")
    list_display = ["address", "newsletter", "kind", "source", DateColumn("at")]
    list_filter = {"kind": ["exact"], "source": ["exact"], "newsletter": ["exact"]}
    search_fields = ["address"]
    copy_view_enabled = False


class SuppressionViewSet(SnippetViewSet):
    model = Suppression
    icon = "warning"
    menu_label = gettext_lazy("Suppressed addresses")
    list_display = ["address", "reason", DateColumn("created_at"), "source_event_id"]
    list_filter = {"reason": ["exact"]}
    search_fields = ["address"]
    form_fields = ["address", "reason", "note"]
    copy_view_enabled = False


class NewsletterGroup(SnippetViewSetGroup):
    items = (
        NewsletterViewSet,
        SubscriberViewSet,
        ConsentEventViewSet,
        SuppressionViewSet,
    )
    menu_icon = "mail"
    menu_label = gettext_lazy("Newsletter")
    menu_name = "newsletter"
    menu_order = 850


register_snippet(NewsletterGroup)


# --- Sending an issue -------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def send_view(request, pk: int):
    """« Envoyer maintenant »: a confirmation page, then ``send_issue``."""
    issue = get_object_or_404(NewsletterIssuePage, pk=pk)
    if not issue.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    if request.method == "POST":
        try:
            sending.send_issue(issue, by=request.user.get_username())
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Sending has started."))
        return redirect("newsletter_send", pk)
    dispatch = IssueDispatch.objects.filter(issue=issue).first()
    return render(
        request,
        "newsletter/admin/send.html",
        {
            "issue": issue,
            "dispatch": dispatch,
            "state": issue.send_state,
            "progress": sending.progress(issue),
            "can_send": issue.live and issue.send_state in ("ready", "scheduled"),
        },
    )


@hooks.register("register_admin_urls")
def admin_urls():
    return [path("lettre/<int:pk>/envoi/", send_view, name="newsletter_send")]


@hooks.register("register_page_header_buttons")
def send_button(page, user, next_url=None, view_name=None):
    if isinstance(page.specific_deferred, NewsletterIssuePage):
        yield Button(
            _("Sending"),
            reverse("newsletter_send", args=[page.pk]),
            icon_name="mail",
            priority=10,
        )


# --- Flags where a suppressed address appears -------------------------------------


def _suppression_button(address: str):
    suppression = Suppression.objects.filter(address=address.strip().lower()).first()
    if suppression is None:
        return []
    return [
        ListingButton(
            _("Address suppressed: %(reason)s")
            % {"reason": suppression.get_reason_display()},
            reverse(
                "wagtailsnippets_newsletter_suppression:edit", args=[suppression.pk]
            ),
            icon_name="warning",
            priority=5,
        )
    ]


@hooks.register("register_user_listing_buttons")
def flag_suppressed_user(user, request_user):
    return _suppression_button(user.email) if user.email else []


@hooks.register("register_snippet_listing_buttons")
def flag_suppressed_email(snippet, user, next_url=None):
    if isinstance(snippet, OutgoingEmail) and is_suppressed(snippet.recipient):
        return _suppression_button(snippet.recipient)
    return []
