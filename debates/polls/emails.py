"""What a proposer hears about their proposal, in their language (the caller
sets it)."""

from django.utils.translation import gettext as _

from config.emails import send_templated
from debates.polls.models import ProposalNotice


def _subjects():
    Kind = ProposalNotice.Kind
    return {
        Kind.APPROVED: _("[Versus] Your proposal is published"),
        Kind.REJECTED: _("[Versus] Your proposal was not kept"),
        Kind.MERGED: _("[Versus] Your proposal joins a similar one"),
        Kind.POLLED: _("[Versus] Your proposal is put to the vote"),
        Kind.CHOSEN: _("[Versus] Readers chose your proposal"),
        Kind.PUBLISHED: _("[Versus] The debate you proposed is published"),
        Kind.FIGURES: _("[Versus] How readers' opinion moved on your topic"),
    }


def send_proposal_notice(*, proposal, author, kind, poll=None, debate=None) -> None:
    from debates.polls.selectors import absolute

    tally = None
    if debate is not None:
        from debates.selectors import tally_for

        tally = tally_for(debate)
    context = {
        "proposal": proposal,
        "author": author,
        "kind": kind,
        "poll": poll,
        "poll_url": absolute(poll.url) if poll is not None and poll.url else "",
        "debate": debate,
        "debate_url": absolute(debate.url) if debate is not None else "",
        "tally": tally if tally is not None and tally.both else None,
        "proposals_url": absolute_proposals_url(),
        "merged_into": proposal.merged_into,
    }
    send_templated(
        subject=_subjects()[kind],
        template="debates/email/proposal_notice",
        context=context,
        to=[author.email],
    )


def absolute_proposals_url() -> str:
    from django.urls import reverse

    from debates.polls.selectors import absolute

    return absolute(reverse("polls:proposals"))
