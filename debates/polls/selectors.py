"""Read queries for proposals and polls: listings, results, a reader's own."""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from debates.polls.models import (
    Ballot,
    BallotChoice,
    OptionTally,
    PollDecision,
    PollOption,
    PollTally,
    Proposal,
    ProposalSupport,
    TopicPollPage,
)
from newsroom.models import Theme

PROPOSAL_SORTS = {
    "support": ("-support_count", "-created_at"),
    "recent": ("-created_at",),
}


# --- Proposals ----------------------------------------------------------------------


def approved_proposals(*, sort: str = "support", theme_slug: str = "", user=None):
    """The public list: approved proposals, by support or by date, by theme."""
    order = PROPOSAL_SORTS.get(sort, PROPOSAL_SORTS["support"])
    proposals = Proposal.objects.filter(status=Proposal.Status.APPROVED).select_related(
        "theme"
    )
    theme = Theme.objects.filter(slug=theme_slug).first() if theme_slug else None
    if theme is not None:
        proposals = proposals.filter(theme=theme)
    if user is not None and user.is_authenticated:
        proposals = proposals.annotate(
            supported=Exists(
                ProposalSupport.objects.filter(proposal=OuterRef("pk"), reader=user)
            )
        )
    return proposals.order_by(*order), theme


def proposal_themes() -> QuerySet[Theme]:
    return (
        Theme.objects.filter(proposals__status=Proposal.Status.APPROVED)
        .distinct()
        .order_by("sort_order", "name")
    )


# --- Polls --------------------------------------------------------------------------


def live_polls() -> QuerySet[TopicPollPage]:
    return TopicPollPage.objects.live().public().order_by("-opens_at", "-pk")


def polls_by_state(index) -> dict:
    now = timezone.now()
    polls = list(live_polls().child_of(index))
    return {
        "open_polls": [p for p in polls if p.state(now) == p.State.OPEN],
        "upcoming_polls": [p for p in polls if p.state(now) == p.State.UPCOMING],
        "closed_polls": [p for p in polls if p.state(now) == p.State.CLOSED],
    }


def open_poll() -> TopicPollPage | None:
    """The poll the home page shows: the open one closing soonest."""
    now = timezone.now()
    return (
        live_polls()
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at")
        .first()
    )


@dataclass
class ResultRow:
    option: PollOption
    votes: int
    percent: int  # share of ballots that chose the option, rounded


@dataclass
class PollResults:
    ballots: int
    rows: list[ResultRow]
    decision: PollDecision | None = None
    tied: list[ResultRow] = field(default_factory=list)

    @property
    def winner(self) -> ResultRow | None:
        """The most chosen option; in a tie, the newsroom's recorded choice."""
        if not self.rows or self.ballots == 0:
            return None
        if not self.tied:
            return self.rows[0]
        if self.decision is not None:
            for row in self.tied:
                if row.option.pk == self.decision.winner_id:
                    return row
        return None


def _options_read(poll: TopicPollPage, user=None):
    """The poll's options with their counter, the poll's total and, for a
    logged-in reader, their own choices and whether their address is verified:
    one query, whatever the ballots (the total and the address repeat on each
    row, which costs less than a round trip each)."""
    options = (
        PollOption.objects.filter(poll=poll)
        .select_related("proposal")
        .annotate(
            votes=Coalesce(
                Subquery(
                    OptionTally.objects.filter(option=OuterRef("pk")).values("votes")[
                        :1
                    ]
                ),
                0,
            ),
            ballots=Coalesce(
                Subquery(PollTally.objects.filter(poll=poll).values("ballots")[:1]),
                0,
            ),
        )
        .order_by("sort_order", "pk")
    )
    if user is not None and user.is_authenticated:
        options = options.annotate(
            chosen=Exists(
                BallotChoice.objects.filter(
                    option=OuterRef("pk"), ballot__poll=poll, ballot__voter=user
                )
            ),
            reader_verified=Exists(
                EmailAddress.objects.filter(user=user, verified=True)
            ),
        )
    return list(options)


def _results_of(poll: TopicPollPage, options: list[PollOption]) -> PollResults:
    ballots = options[0].ballots if options else 0
    rows = [
        ResultRow(
            option,
            option.votes,
            round(100 * option.votes / ballots) if ballots else 0,
        )
        for option in options
    ]
    rows.sort(key=lambda row: -row.votes)  # stable: the ballot's order breaks nothing
    tied = []
    if ballots and len(rows) > 1 and rows[0].votes == rows[1].votes:
        tied = [row for row in rows if row.votes == rows[0].votes]
    decision = None
    if tied:
        decision = PollDecision.objects.filter(poll=poll).first()
    return PollResults(ballots=ballots, rows=rows, decision=decision, tied=tied)


def poll_results(poll: TopicPollPage) -> PollResults:
    """Totals from the counters (never by counting ballots): one query, and one
    more for the newsroom's decision when the first options are tied."""
    return _results_of(poll, _options_read(poll))


def is_verified(user) -> bool:
    return bool(
        user.is_authenticated
        and EmailAddress.objects.filter(user=user, verified=True).exists()
    )


def my_choices(poll: TopicPollPage, user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        BallotChoice.objects.filter(ballot__poll=poll, ballot__voter=user).values_list(
            "option_id", flat=True
        )
    )


def poll_context(poll: TopicPollPage, user) -> dict:
    """What a poll box shows: options, counters, total and the reader's own
    choices, read in one query (``_options_read``)."""
    state = poll.state()
    options = _options_read(poll, user)
    if user.is_authenticated:
        mine = {option.pk for option in options if option.chosen}
        # A poll without options has no row to carry the answer.
        verified = options[0].reader_verified if options else is_verified(user)
    else:
        mine, verified = set(), False
    show_results = state == poll.State.CLOSED or (
        poll.results_visibility == poll.Results.AFTER_VOTE and bool(mine)
    )
    results = _results_of(poll, options)
    return {
        "state": state,
        "results": results if show_results else None,
        "ballots": results.ballots,
        "options": options,
        "my_choices": mine,
        "can_vote": state == poll.State.OPEN and verified,
    }


def reader_ballots(user) -> list[Ballot]:
    return list(
        Ballot.objects.filter(voter=user)
        .select_related("poll")
        .prefetch_related(
            Prefetch(
                "choices__option",
                queryset=PollOption.objects.select_related("proposal"),
            )
        )
        .order_by("-updated_at")
    )


def reader_proposals(user) -> QuerySet[Proposal]:
    return (
        Proposal.objects.filter(author=user)
        .select_related("theme")
        .order_by("-created_at")
    )
