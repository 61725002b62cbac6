"""The newsroom's side of topics, in the Wagtail admin: the proposals queue and
a poll's results desk (break a tie, commission the winner)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from debates.polls import selectors, services
from debates.polls.models import Proposal, TopicPollPage

MODERATE = "debates.change_proposal"


def _require(request, perm=MODERATE):
    if not request.user.has_perm(perm):
        raise PermissionDenied


def proposal_queue(request):
    _require(request)
    pending = (
        Proposal.objects.filter(status=Proposal.Status.PENDING)
        .select_related("theme", "author")
        .order_by("created_at")
    )
    approved = Proposal.objects.filter(status=Proposal.Status.APPROVED).order_by(
        "-support_count", "question"
    )
    return TemplateResponse(
        request,
        "debates/admin/proposal_queue.html",
        {"proposals": pending, "approved": list(approved)},
    )


@require_POST
def decide_proposal(request, pk: int, decision: str):
    _require(request)
    proposal = get_object_or_404(Proposal, pk=pk)
    try:
        if decision == "approve":
            services.approve_proposal(proposal, editor=request.user)
            done = _("Proposal approved and published; its author is told.")
        elif decision == "reject":
            services.reject_proposal(
                proposal, editor=request.user, reason=request.POST.get("reason", "")
            )
            done = _("Proposal rejected; its author receives your reason.")
        else:
            into = Proposal.objects.filter(pk=request.POST.get("into") or 0).first()
            if into is None:
                raise services.ProposalError(_("Choose the proposal to merge into."))
            services.merge_proposal(proposal, into=into, editor=request.user)
            done = _("Proposal merged; its supporters now count for the other one.")
    except services.ProposalError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("debates_proposals")


def _poll(request, pk) -> TopicPollPage:
    poll = get_object_or_404(TopicPollPage, pk=pk)
    if not poll.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return poll


def poll_desk(request, pk: int):
    """Live totals, and once closed: break a tie, commission the winner."""
    poll = _poll(request, pk)
    results = selectors.poll_results(poll)
    return TemplateResponse(
        request,
        "debates/admin/poll_desk.html",
        {
            "poll": poll,
            "results": results,
            "commission": poll.commissions.first(),
            "can_commission": request.user.has_perm("newsroom.add_commission"),
        },
    )


@require_POST
def break_tie(request, pk: int):
    poll = _poll(request, pk)
    try:
        winner_id = int(request.POST.get("winner", ""))
        services.decide_tie(poll, winner_id=winner_id, editor=request.user)
    except ValueError:
        messages.error(request, _("Choose one of the options tied for first place."))
    except services.ProposalError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The tie is broken; the poll page says so."))
    return redirect("debates_poll_desk", pk)


@require_POST
def commission(request, pk: int):
    poll = _poll(request, pk)
    _require(request, "newsroom.add_commission")
    try:
        commission = services.commission_winner(poll, editor=request.user)
    except services.ProposalError as error:
        messages.error(request, error.message)
        return redirect("debates_poll_desk", pk)
    messages.success(
        request,
        _("The commission is created: choose the two experts."),
    )
    return redirect("wagtailsnippets_newsroom_commission:edit", commission.pk)
