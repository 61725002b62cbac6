from typing import NamedTuple

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.client import client_address
from debates.polls import selectors, services
from debates.polls.forms import BallotForm, ProposalForm, ballot_form_for
from debates.polls.models import Proposal
from debates.polls.services.ballots import poll_for_ballot

PROPOSALS_PER_PAGE = 20


def proposals(request):
    """« Les propositions des lecteurs »: approved proposals to support."""
    sort = request.GET.get("tri", "soutiens")
    listing, theme = selectors.approved_proposals(
        sort="recent" if sort == "recentes" else "support",
        theme_slug=request.GET.get("theme", ""),
        user=request.user,
    )
    page = Paginator(listing, PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "debates/polls/proposal_list.html",
        {
            "proposals": page,
            "sort": "recentes" if sort == "recentes" else "soutiens",
            "current_theme": theme,
            "themes": selectors.proposal_themes(),
            "can_propose": services.is_verified(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def propose(request):
    form = ProposalForm(request.POST or None)
    verified = services.is_verified(request.user)
    if request.method == "POST" and verified:
        if form.is_from_a_bot():
            return redirect("polls:proposals")
        if form.is_valid():
            try:
                services.submit_proposal(
                    user=request.user,
                    question=form.cleaned_data["question"],
                    why=form.cleaned_data["why"],
                    theme=form.cleaned_data["theme"],
                    ip_address=client_address(request),
                )
            except services.ProposalError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you! Your proposal will be published once the "
                        "newsroom has read it; we will tell you by email."
                    ),
                )
                return redirect("polls:proposals")
    return render(
        request,
        "debates/polls/proposal_form.html",
        {"form": form, "verified": verified},
        status=400 if request.method == "POST" else 200,
    )


def _back(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    # A path of ours only: redirect() would take any other word for a view's name.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@require_POST
def support(request, pk: int):
    proposal = get_object_or_404(Proposal, pk=pk)
    back = _back(request, "/")
    try:
        if request.POST.get("action") == "withdraw":
            services.withdraw_support(
                proposal, user=request.user, ip_address=client_address(request)
            )
            messages.success(request, _("Your support is withdrawn."))
        else:
            services.support(
                proposal, user=request.user, ip_address=client_address(request)
            )
            messages.success(request, _("Thank you for your support."))
    except services.ProposalError as error:
        messages.error(request, error.message)
    return redirect(f"{back}#proposal-{proposal.pk}")


def _is_fetch(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


class _Choice(NamedTuple):
    """An option as the ballot form needs it to check a choice: its id."""

    pk: int
    label: str = ""


@require_POST
def vote(request, pk: int):
    """A ballot, from the poll page's form: a redirect back without JavaScript, the
    updated poll box with it. Results are only read when a page is rendered.

    A recorded ballot costs the reader's row, one query for the poll and what its
    checks need, and the ballot's own transaction; the redirect is built without
    the request, which would look the site up again (the site's root paths are
    cached)."""
    poll = poll_for_ballot(pk, request.user)
    if poll is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(poll.get_url(request))
    form = BallotForm(
        request.POST,
        poll=poll,
        options=[_Choice(option_id) for option_id in sorted(poll.option_ids)],
        auto_id="poll-%s",
    )
    if form.is_from_a_bot():
        # Told nothing, so it does not learn to leave the field empty.
        return redirect(f"{poll.get_url()}#poll")
    closed, refusal = False, None
    if form.is_valid():
        try:
            services.cast_ballot(
                poll,
                user=request.user,
                option_ids=form.chosen(),
                ip_address=client_address(request),
                verified=poll.voter_verified,
                poll_option_ids=poll.option_ids,
            )
        except services.PollClosed:
            closed = True
        except services.BallotError as error:
            refusal = error.message
        else:
            done = _("Your vote is recorded. You can change it until the poll closes.")
            if not _is_fetch(request):
                messages.success(request, done)
                return redirect(f"{poll.get_url()}#poll")
            context = selectors.poll_context(poll, request.user)
            context.update(
                {
                    "page": poll,
                    "form": ballot_form_for(poll, context),
                    "vote_message": done,
                }
            )
            return render(request, "debates/polls/includes/poll_box.html", context)
    elif poll.is_closed:
        # Whatever was ticked, the poll closed first: that is what to say.
        closed = True
    if closed:
        return _closed(request, poll)
    if _is_fetch(request):
        context = selectors.poll_context(poll, request.user)
        context.update(
            {"page": poll, "form": _refused(request, poll, context, refusal)}
        )
        return render(
            request, "debates/polls/includes/poll_box.html", context, status=400
        )
    full = poll.get_context(request)
    full["form"] = _refused(request, poll, full, refusal)
    return render(request, poll.get_template(request), full, status=400)


def _refused(request, poll, context: dict, refusal) -> BallotForm:
    """The ballot form shown again with what the reader sent, its errors and the
    options' labels (the form that checked the ballot knew only their ids)."""
    form = BallotForm(
        request.POST, poll=poll, options=context["options"], auto_id="poll-%s"
    )
    form.is_valid()
    if refusal is not None:
        form.add_error(None, refusal)
    return form


def _closed(request, poll):
    """A ballot sent after closing, usually from a page loaded while the poll
    was open: say when it closed and whether an earlier ballot counts, and show
    the results, which are public once a poll closes. 409: nothing was stored."""
    if _is_fetch(request):
        template = "debates/polls/includes/poll_box.html"
        context = selectors.poll_context(poll, request.user)
        context.update({"page": poll, "form": ballot_form_for(poll, context)})
    else:
        template = poll.get_template(request)
        context = poll.get_context(request)
    closed_at = timezone.localtime(poll.closes_at)
    when = {
        "day": date_format(closed_at, "j F Y"),
        "time": date_format(closed_at, "H:i"),
    }
    if context["my_choices"]:
        refusal = _(
            "This poll closed on %(day)s at %(time)s, before your change arrived: "
            "your earlier ballot is the one counted. Here are the results."
        )
    else:
        refusal = _(
            "This poll closed on %(day)s at %(time)s, before your ballot arrived: "
            "it could not be counted. Here are the results."
        )
    context["vote_refusal"] = refusal % when
    return render(request, template, context, status=409)
