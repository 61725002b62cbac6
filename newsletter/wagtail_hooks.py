"""The newsletter in the Wagtail admin: the lists, the subscribers and their
consent log (read only: consent is only given or withdrawn by the reader), the
suppression list (editable), each issue's sending page (``admin_views``) and its
send state in the explorer, and a flag on the users and outgoing emails whose
address is suppressed."""

from django.db.models import OuterRef, Subquery
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from wagtail import hooks
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.widgets import Button, ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_permissions import RefusingPermissionPolicy
from core.models import OutgoingEmail
from newsletter import admin_views
from newsletter.admin_forms import PARIS
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


# --- Sending an issue (newsletter.admin_views) ------------------------------------


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("lettre/<int:pk>/envoi/", admin_views.send_view, name="newsletter_send"),
        path(
            "lettre/<int:pk>/envoi/test/",
            admin_views.proof_view,
            name="newsletter_send_proof",
        ),
        path(
            "lettre/<int:pk>/envoi/programmer/",
            admin_views.schedule_view,
            name="newsletter_schedule",
        ),
        path(
            "lettre/<int:pk>/envoi/deprogrammer/",
            admin_views.unschedule_view,
            name="newsletter_unschedule",
        ),
        path(
            "lettre/<int:pk>/envoi/progression/",
            admin_views.progress_view,
            name="newsletter_send_progress",
        ),
    ]


@hooks.register("register_page_header_buttons")
def send_button(page, user, next_url=None, view_name=None):
    if isinstance(page.specific_deferred, NewsletterIssuePage):
        yield Button(
            pgettext("the admin page of an issue", "Sending"),
            reverse("newsletter_send", args=[page.pk]),
            icon_name="mail",
            priority=10,
        )


SEND_STATE = "newsletter_send_state"
SCHEDULED_FOR = "newsletter_scheduled_for"
SEND_STATE_ICONS = {
    IssueDispatch.State.READY: "mail",
    IssueDispatch.State.SCHEDULED: "time",
    IssueDispatch.State.SENDING: "resubmit",
    IssueDispatch.State.SENT: "success",
}


@hooks.register("construct_explorer_page_queryset")
def annotate_send_state(parent_page, pages, request):
    """Each issue's send state read with the listing, not once per row."""
    dispatch = IssueDispatch.objects.filter(issue_id=OuterRef("pk"))
    return pages.annotate(
        **{
            SEND_STATE: Subquery(dispatch.values("state")[:1]),
            SCHEDULED_FOR: Subquery(dispatch.values("scheduled_for")[:1]),
        }
    )


@hooks.register("register_page_listing_buttons")
def send_state_button(page, user, next_url=None):
    """The issue's send state in the explorer, leading to its sending page."""
    if not isinstance(page, NewsletterIssuePage) or not hasattr(page, SEND_STATE):
        return
    state = IssueDispatch.State(getattr(page, SEND_STATE) or IssueDispatch.State.READY)
    label = _("Not sent yet") if state == IssueDispatch.State.READY else state.label
    if state == IssueDispatch.State.SCHEDULED and getattr(page, SCHEDULED_FOR, None):
        when = timezone.localtime(getattr(page, SCHEDULED_FOR), PARIS)
        label = f"{label} · {date_format(when, 'SHORT_DATETIME_FORMAT')}"
    yield ListingButton(
        label,
        reverse("newsletter_send", args=[page.pk]),
        icon_name=SEND_STATE_ICONS[state],
        attrs={
            "aria-label": _("Sending of « %(title)s »: %(state)s")
            % {"title": page.get_admin_display_title(), "state": label}
        },
        priority=15,
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
