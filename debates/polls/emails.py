"""What a proposer hears about their proposal. A builder for the outgoing queue
(``core.outbox``): owed by ``debates.polls.services`` once per proposal and kind,
built after commit in the proposer's language."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.translation import gettext as _

from core.links import absolute_url
from core.outbox import compose
from debates.models import DebatePage
from debates.polls.models import Proposal, ProposalNotice, TopicPollPage
from debates.selectors import tally_for


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


def proposal_notice(
    *,
    proposal_id: int,
    author_id: int,
    kind: str,
    poll_id: int | None = None,
    debate_id: int | None = None,
) -> EmailMultiAlternatives:
    proposal = Proposal.objects.select_related("merged_into").get(pk=proposal_id)
    # Looked up by id: a proposer who erased their account meanwhile gets nothing.
    author = get_user_model().objects.get(pk=author_id)
    poll = TopicPollPage.objects.get(pk=poll_id) if poll_id is not None else None
    debate = tally = None
    if debate_id is not None:
        debate = DebatePage.objects.get(pk=debate_id)
        tally = tally_for(debate)
    context = {
        "proposal": proposal,
        "author": author,
        "kind": kind,
        "poll": poll,
        "poll_url": absolute_url(poll.url) if poll is not None and poll.url else "",
        "debate": debate,
        "debate_url": absolute_url(debate.url) if debate is not None else "",
        "tally": tally if tally is not None and tally.both else None,
        "proposals_url": absolute_proposals_url(),
        "merged_into": proposal.merged_into,
    }
    return compose(
        subject=_subjects()[kind],
        template="debates/email/proposal_notice",
        context=context,
        to=[author.email],
    )


def absolute_proposals_url() -> str:
    return absolute_url(reverse("polls:proposals"))
