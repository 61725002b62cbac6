"""Readers choose the next topics: proposals, the polls they are put to, ballots.

The models belong to the ``debates`` app; ``debates.models`` imports them so that
Django finds them.
"""

from debates.polls.models.ballots import (
    Ballot,
    BallotChoice,
    OptionTally,
    PollDecision,
    PollTally,
)
from debates.polls.models.pages import (
    PollIndexPage,
    PollOption,
    TopicPollPage,
)
from debates.polls.models.proposals import (
    QUESTION_MAX,
    QUESTION_MIN,
    WHY_MAX,
    Proposal,
    ProposalNotice,
    ProposalSupport,
    validate_question,
)

__all__ = [
    "QUESTION_MAX",
    "QUESTION_MIN",
    "WHY_MAX",
    "Ballot",
    "BallotChoice",
    "OptionTally",
    "PollDecision",
    "PollIndexPage",
    "PollOption",
    "PollTally",
    "Proposal",
    "ProposalNotice",
    "ProposalSupport",
    "TopicPollPage",
    "validate_question",
]
