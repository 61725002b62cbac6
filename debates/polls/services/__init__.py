"""What readers and editors do with topics: propose, moderate, support, vote,
decide a tie, commission the winner.

Integrity rules live here, not in the views: see each module's docstring.
"""

from debates.polls.selectors import is_verified, my_choices
from debates.polls.services.ballots import cast_ballot, ensure_tallies
from debates.polls.services.notices import (
    notify,
    notify_debate_published,
    notify_opinion_shift,
    notify_put_to_poll,
)
from debates.polls.services.personal_data import erase_topics, export_topics
from debates.polls.services.proposals import (
    approve_proposal,
    merge_proposal,
    reject_proposal,
    submit_proposal,
    support,
    withdraw_support,
)
from debates.polls.services.rules import BallotError, PollClosed, ProposalError
from debates.polls.services.winners import commission_winner, decide_tie

__all__ = [
    "BallotError",
    "PollClosed",
    "ProposalError",
    "approve_proposal",
    "cast_ballot",
    "commission_winner",
    "decide_tie",
    "ensure_tallies",
    "erase_topics",
    "export_topics",
    "is_verified",
    "merge_proposal",
    "my_choices",
    "notify",
    "notify_debate_published",
    "notify_opinion_shift",
    "notify_put_to_poll",
    "reject_proposal",
    "submit_proposal",
    "support",
    "withdraw_support",
]
