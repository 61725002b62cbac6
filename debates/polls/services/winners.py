"""After the poll: the newsroom breaks a tie and commissions the winner."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from debates.polls.models import PollDecision, ProposalNotice, TopicPollPage
from debates.polls.selectors import poll_results
from debates.polls.services.notices import notify
from debates.polls.services.rules import ProposalError
from newsroom.models import Commission


@transaction.atomic
def decide_tie(poll: TopicPollPage, *, winner_id: int, editor) -> PollDecision:
    """The newsroom picks the winner among options tied for first place."""
    results = poll_results(poll)
    if not poll.is_closed:
        raise ProposalError(_("The poll is still open."))
    if not results.tied:
        raise ProposalError(_("There is no tie to break."))
    if winner_id not in {row.option.pk for row in results.tied}:
        raise ProposalError(_("Choose one of the options tied for first place."))
    decision, created = PollDecision.objects.get_or_create(
        poll=poll, defaults={"winner_id": winner_id, "decided_by": editor}
    )
    if not created:
        raise ProposalError(_("The tie has already been broken."))
    return decision


@transaction.atomic
def commission_winner(poll: TopicPollPage, *, editor):
    """« Commissionner ce sujet »: the winner becomes a commission in the newsroom."""
    poll = TopicPollPage.objects.select_for_update().get(pk=poll.pk)
    if not poll.is_closed:
        raise ProposalError(_("The poll is still open."))
    if Commission.objects.filter(poll=poll).exists():
        raise ProposalError(_("This poll's winner is already commissioned."))
    winner = poll_results(poll).winner
    if winner is None:
        raise ProposalError(_("Break the tie first: choose the winner."))
    option = winner.option
    proposal = option.proposal
    commission = Commission.objects.create(
        question=option.label,
        origin=Commission.Origin.READER_POLL,
        poll=poll,
        proposal=proposal,
        theme=proposal.theme if proposal else None,
        notes=proposal.why if proposal else "",
    )
    if proposal is not None:
        notify(proposal, ProposalNotice.Kind.CHOSEN, poll=poll)
    return commission
