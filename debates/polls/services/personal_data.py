"""A reader's topics in their data export, and what their account's erasure
leaves of them."""

from django.db import transaction

from debates.polls.models import Ballot, Proposal, ProposalSupport
from debates.polls.services.proposals import withdraw_support


def export_topics(user) -> dict:
    return {
        "proposals": [
            {
                "question": p.question,
                "why": p.why,
                "status": p.status,
                "proposed_at": p.created_at.isoformat(),
            }
            for p in Proposal.objects.filter(author=user)
        ],
        "supported": list(
            ProposalSupport.objects.filter(reader=user).values_list(
                "proposal__question", flat=True
            )
        ),
        "ballots": [
            {
                "poll": ballot.poll.title,
                "choices": [choice.option.label for choice in ballot.choices.all()],
                "updated_at": ballot.updated_at.isoformat(),
            }
            for ballot in Ballot.objects.filter(voter=user)
            .select_related("poll")
            .prefetch_related("choices__option__proposal")
        ],
    }


@transaction.atomic
def erase_topics(user) -> None:
    """Ballots stay in the totals, without their voter; supports are withdrawn;
    approved proposals stay public without their author, the rest goes."""
    Ballot.objects.filter(voter=user).update(voter=None)
    for proposal_id in ProposalSupport.objects.filter(reader=user).values_list(
        "proposal_id", flat=True
    ):
        withdraw_support(Proposal(pk=proposal_id), user=user)
    Proposal.objects.filter(author=user).exclude(
        status__in=[Proposal.Status.APPROVED, Proposal.Status.MERGED]
    ).delete()
    Proposal.objects.filter(author=user).update(author=None)
