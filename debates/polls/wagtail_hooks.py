from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from debates.polls import admin_views, selectors
from debates.polls.models import Proposal, TopicPollPage


@hooks.register("register_admin_urls")
def register_poll_urls():
    return [
        path("proposals/", admin_views.proposal_queue, name="debates_proposals"),
        path(
            "proposals/<id:pk>/<str:decision>/",
            admin_views.decide_proposal,
            name="debates_proposal_decide",
        ),
        path("polls/<id:pk>/", admin_views.poll_desk, name="debates_poll_desk"),
        path("polls/<id:pk>/tie/", admin_views.break_tie, name="debates_poll_tie"),
        path(
            "polls/<id:pk>/commission/",
            admin_views.commission,
            name="debates_poll_commission",
        ),
    ]


class ProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.MODERATE)


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item():
    return ProposalsMenuItem(
        gettext_lazy("Topic proposals"),
        reverse("debates_proposals"),
        icon_name="help",
        order=310,
    )


def _desk_button(page, user, priority):
    is_poll = page.specific_class and issubclass(page.specific_class, TopicPollPage)
    if is_poll and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Results and commission"),
            reverse("debates_poll_desk", args=[page.pk]),
            icon_name="list-ol",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def poll_listing_button(page, user, next_url=None):
    yield from _desk_button(page, user, 5)


@hooks.register("register_page_header_buttons")
def poll_header_button(page, user, view_name, next_url=None):
    yield from _desk_button(page, user, 5)


class PollsPanel(Component):
    """The editors' dashboard: open polls with live totals, proposals to moderate."""

    name = "topic_polls"
    order = 108
    template_name = "debates/admin/polls_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        now = timezone.now()
        polls = TopicPollPage.objects.live().filter(
            opens_at__lte=now, closes_at__gt=now
        )
        context["open_polls"] = [
            (poll, selectors.poll_results(poll)) for poll in polls.order_by("closes_at")
        ]
        pending = Proposal.objects.filter(status=Proposal.Status.PENDING)
        context["pending_count"] = pending.count()
        context["pending"] = pending.order_by("created_at")[:5]
        return context


@hooks.register("construct_homepage_panels")
def add_polls_panel(request, panels):
    if request.user.has_perm(admin_views.MODERATE):
        panels.append(PollsPanel())
