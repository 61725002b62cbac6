"""Reaction moderation in the Wagtail admin: a queue of pending reactions, each
approved or rejected with a reason, through the services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from debates import services
from debates.models import DebateIndexPage, Reaction
from newsroom.models import Commission

MODERATE = "debates.change_reaction"


def _require_moderator(request):
    if not request.user.has_perm(MODERATE):
        raise PermissionDenied


def moderation_queue(request):
    _require_moderator(request)
    pending = (
        Reaction.objects.filter(status=Reaction.Status.PENDING)
        .select_related("debate", "author", "parent")
        .order_by("created_at")
    )
    return TemplateResponse(
        request, "debates/admin/moderation_queue.html", {"reactions": pending}
    )


@require_POST
def approve(request, pk: int):
    _require_moderator(request)
    reaction = get_object_or_404(Reaction, pk=pk)
    try:
        services.approve_reaction(reaction, editor=request.user)
    except services.ReactionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Reaction approved; its author is notified."))
    return redirect("debates_moderation")


@require_POST
def reject(request, pk: int):
    _require_moderator(request)
    reaction = get_object_or_404(Reaction, pk=pk)
    try:
        services.reject_reaction(
            reaction, editor=request.user, reason=request.POST.get("reason", "")
        )
    except services.ReactionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Reaction rejected."))
    return redirect("debates_moderation")


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("reactions/", moderation_queue, name="debates_moderation"),
        path("reactions/<id:pk>/approve/", approve, name="debates_moderation_approve"),
        path("reactions/<id:pk>/reject/", reject, name="debates_moderation_reject"),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(MODERATE)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        gettext_lazy("Reactions to moderate"),
        reverse("debates_moderation"),
        icon_name="comment",
        order=300,
    )


class PendingReactionsPanel(Component):
    """The editors' dashboard: reactions waiting for a decision, oldest first."""

    name = "pending_reactions"
    order = 110
    template_name = "debates/admin/pending_reactions_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pending = Reaction.objects.filter(status=Reaction.Status.PENDING)
        context["pending_count"] = pending.count()
        context["pending"] = pending.select_related("debate").order_by("created_at")[:5]
        return context


@hooks.register("construct_homepage_panels")
def add_pending_reactions_panel(request, panels):
    if request.user.has_perm(MODERATE):
        panels.append(PendingReactionsPanel(request))


# --- Commissions: from the newsroom's pipeline to the debate's draft ----------------


def create_debate(request, pk: int):
    """Confirm, then create the debate page's draft for a commission."""
    if not request.user.has_perm("newsroom.change_commission"):
        raise PermissionDenied
    commission = get_object_or_404(Commission, pk=pk)
    if request.method == "POST":
        index = DebateIndexPage.objects.first()
        try:
            if index is None:
                raise services.CommissionError(_("Create the « Débats » page first."))
            page = services.create_debate_draft(
                commission, index=index, user=request.user
            )
        except services.CommissionError as error:
            messages.error(request, error.message)
            return redirect("wagtailsnippets_newsroom_commission:list")
        messages.success(
            request, _("The debate's draft is ready: write it, then submit it.")
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request, "debates/admin/create_debate.html", {"commission": commission}
    )


@hooks.register("register_admin_urls")
def register_commission_urls():
    return [
        path(
            "newsroom/commissions/<id:pk>/create-debate/",
            create_debate,
            name="newsroom_commission_create_debate",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def commission_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Commission) and snippet.debate_id is None:
        yield Button(
            _("Create the debate"),
            reverse("newsroom_commission_create_debate", args=[snippet.pk]),
            icon_name="doc-full",
            priority=10,
        )


from debates.polls import wagtail_hooks as poll_hooks  # noqa: E402, F401  (registers the poll hooks)
