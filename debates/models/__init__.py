"""The debates room's models, one module per concept. Django finds every model
of the ``debates`` app through this package, the topic polls' included."""

from debates.models.pages import (
    DebateIndexPage,
    DebatePage,
    Side,
)
from debates.models.reactions import Reaction
from debates.models.verdicts import (
    Moment,
    Stance,
    StanceConsent,
    Verdict,
    VerdictTally,
)
from debates.polls.models import (
    Ballot,
    BallotChoice,
    OptionTally,
    PollDecision,
    PollIndexPage,
    PollOption,
    PollTally,
    Proposal,
    ProposalNotice,
    ProposalSupport,
    TopicPollPage,
)

__all__ = [
    "Ballot",
    "BallotChoice",
    "DebateIndexPage",
    "DebatePage",
    "Moment",
    "OptionTally",
    "PollDecision",
    "PollIndexPage",
    "PollOption",
    "PollTally",
    "Proposal",
    "ProposalNotice",
    "ProposalSupport",
    "Reaction",
    "Side",
    "Stance",
    "StanceConsent",
    "TopicPollPage",
    "Verdict",
    "VerdictTally",
]
