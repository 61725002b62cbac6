"""What readers and editors do on debates: open one to read it, give a verdict,
react, moderate reactions, turn a commission into its debate's draft."""

from debates.services.commissions import CommissionError, create_debate_draft
from debates.services.reactions import (
    REACTIONS_PER_WINDOW,
    WITHDRAWN_PARENT,
    ParentUnavailable,
    ParentWithdrawn,
    ReactionError,
    anonymise_reactions,
    approve_reaction,
    export_reactions,
    post_reaction,
    reject_reaction,
)
from debates.services.reading import open_debate
from debates.services.verdicts import (
    VerdictError,
    cast_verdict,
    erase_verdicts,
    export_verdicts,
    give_stance_consent,
    has_consented,
    reader_key,
)

__all__ = [
    "REACTIONS_PER_WINDOW",
    "WITHDRAWN_PARENT",
    "CommissionError",
    "ParentUnavailable",
    "ParentWithdrawn",
    "ReactionError",
    "VerdictError",
    "anonymise_reactions",
    "approve_reaction",
    "cast_verdict",
    "create_debate_draft",
    "erase_verdicts",
    "export_reactions",
    "export_verdicts",
    "give_stance_consent",
    "has_consented",
    "open_debate",
    "post_reaction",
    "reader_key",
    "reject_reaction",
]
