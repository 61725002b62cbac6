"""The emails a proposer gets about their proposal: each is recorded
(``ProposalNotice``) and owed once, in the same transaction (``core.outbox``), then
sent after it commits."""

from django.db import transaction

from core.outbox import owe_email
from debates.polls.models import Proposal, ProposalNotice, TopicPollPage
from newsroom.models import Commission


def notify_put_to_poll(poll: TopicPollPage) -> None:
    """When a poll is published, each proposer on it hears once."""
    with transaction.atomic():
        for option in poll.options.select_related("proposal"):
            if option.proposal is not None:
                notify(option.proposal, ProposalNotice.Kind.POLLED, poll=poll)


def notify_debate_published(page) -> None:
    """A debate born from a reader's proposal is out: the proposer hears once."""
    with transaction.atomic():
        for commission in Commission.objects.filter(
            debate_id=page.pk, proposal__isnull=False
        ).select_related("proposal"):
            notify(commission.proposal, ProposalNotice.Kind.PUBLISHED, debate=page)


def notify_opinion_shift(debate) -> None:
    """The figures of how opinion moved, to the proposer of the debate's topic."""
    for commission in Commission.objects.filter(
        debate_id=debate.pk, proposal__isnull=False
    ).select_related("proposal"):
        notify(commission.proposal, ProposalNotice.Kind.FIGURES, debate=debate)


def notify(proposal: Proposal, kind: str, *, poll=None, debate=None) -> None:
    """Record the notice and owe the proposer its email, together; never twice."""
    author = proposal.author
    if author is None:
        return
    with transaction.atomic():
        _notice, created = ProposalNotice.objects.get_or_create(
            proposal=proposal, kind=kind
        )
        if not created:
            return
        owe_email(
            "debates.polls.emails.proposal_notice",
            to=author.email,
            language=author.language or proposal.language,
            key=f"proposal-notice:{proposal.pk}:{kind}",
            proposal_id=proposal.pk,
            author_id=author.pk,
            kind=str(kind),
            poll_id=poll.pk if poll is not None else None,
            debate_id=debate.pk if debate is not None else None,
        )
