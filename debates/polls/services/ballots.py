"""Ballots: one row per reader and poll (database constraint); its choices and the
counters change in the same transaction, so concurrent ballots neither deadlock
nor drift.

A ballot is the hottest write of the site, so it is counted in queries
(``tests/polls/test_ballot_queries.py``, ``docs/benchmarks.md``): the poll and
everything its checks need come in one query (``poll_for_ballot``); the ballot row
is inserted or locked by one statement; each counter table moves by one UPDATE.

Locks are always taken in one order, ballot row, then poll counter, then option
counters by id, so that no transaction waits on one that waits on it: the ballot
row serialises one reader's ballots in a poll, the poll counter serialises first
ballots, and a single UPDATE locks the option counters in id order (its subquery
``ORDER BY ... FOR UPDATE``) before it moves them.
"""

from allauth.account.models import EmailAddress
from django.db import connection, transaction
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    OuterRef,
    StringAgg,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.db.models.lookups import StartsWith
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from core.errors import DomainError
from debates.polls.models import (
    Ballot,
    BallotChoice,
    OptionTally,
    PollOption,
    PollTally,
    TopicPollPage,
)
from debates.polls.selectors import is_verified
from debates.polls.services.rules import BallotError, PollClosed, check_rate


def poll_for_ballot(pk: int, user) -> TopicPollPage | None:
    """The live, public poll a ballot is sent to, or None, in one query, with what
    the ballot's checks need: ``option_ids``, the ids of its options, and for a
    logged-in reader ``voter_verified``, whether their address is verified.

    "Public" as Wagtail's ``PageQuerySet.public()`` means it (no view restriction
    on the page or above it), tested in the same query instead of a query for
    every restriction of the site first."""
    options = (
        PollOption.objects.filter(poll=OuterRef("pk"))
        .order_by()
        .values("poll")
        .annotate(ids=StringAgg(Cast("pk", CharField()), delimiter=Value(",")))
        .values("ids")
    )
    restricted = PageViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("page__path"))
    )
    polls = (
        TopicPollPage.objects.live()
        .filter(~Exists(restricted), pk=pk)
        .annotate(joined_option_ids=Subquery(options))
    )
    if user.is_authenticated:
        polls = polls.annotate(
            voter_verified=Exists(
                EmailAddress.objects.filter(user_id=user.pk, verified=True)
            )
        )
    poll = polls.first()
    if poll is not None:
        joined = poll.joined_option_ids or ""
        poll.option_ids = frozenset(int(pk) for pk in joined.split(",") if pk)
    return poll


def _clean_choices(poll: TopicPollPage, option_ids, known=None) -> list[int]:
    try:
        chosen = sorted({int(pk) for pk in option_ids})
    except (TypeError, ValueError):
        raise BallotError(_("This choice does not exist.")) from None
    if not chosen:
        raise BallotError(_("Choose at least one topic."))
    if len(chosen) > poll.choices_allowed:
        if poll.choices_allowed == 1:
            raise BallotError(_("Choose one topic only."))
        raise BallotError(
            _("Choose %(count)s topics at most.") % {"count": poll.choices_allowed}
        )
    if known is None:
        found = PollOption.objects.filter(poll=poll, pk__in=chosen).count()
    else:
        found = len(set(chosen) & set(known))
    if found != len(chosen):
        raise BallotError(_("This choice is not part of this poll."))
    return chosen


def cast_ballot(
    poll: TopicPollPage,
    *,
    user,
    option_ids,
    ip_address=None,
    verified: bool | None = None,
    poll_option_ids=None,
) -> None:
    """Record or change the reader's ballot; the counters move with it.

    ``verified`` (the reader's address) and ``poll_option_ids`` (the poll's
    options) spare a query each when the caller already has them, as
    ``poll_for_ballot`` gives them; otherwise they are read here."""
    if not user.is_authenticated:
        raise BallotError(_("Log in to vote."))
    if not (is_verified(user) if verified is None else verified):
        raise BallotError(_("Verify your email address to vote."))
    if not poll.live:
        raise BallotError(_("This poll is not published."))
    state = poll.state()
    if state == TopicPollPage.State.UPCOMING:
        raise BallotError(_("This poll is not open yet."))
    if state == TopicPollPage.State.CLOSED:
        raise PollClosed(_("This poll is closed."))
    chosen = _clean_choices(poll, option_ids, poll_option_ids)
    try:
        check_rate(
            "ballots",
            user=user,
            ip_address=ip_address,
            message=_("Too many ballots in a short time. Try again in a moment."),
        )
    except DomainError as error:
        raise BallotError(error.message) from None
    try:
        _record_ballot(poll, user, chosen)
    except _MissingCounters:
        # Rolled back whole: nothing moved. The rows are made, then it counts.
        ensure_tallies(poll)
        _record_ballot(poll, user, chosen)


class _MissingCounters(Exception):
    """A counter row the ballot would move does not exist yet."""


@transaction.atomic
def _record_ballot(poll, user, chosen: list[int]) -> None:
    # Checked again inside the transaction: a ballot never lands after closing.
    if poll.state() != TopicPollPage.State.OPEN:
        raise PollClosed(_("This poll is closed."))
    ballot_id, first = _hold_ballot(poll, user)
    previous = set()
    if not first:
        previous = set(
            BallotChoice.objects.filter(ballot_id=ballot_id).values_list(
                "option_id", flat=True
            )
        )
    added = sorted(set(chosen) - previous)
    removed = sorted(previous - set(chosen))
    if removed:
        _delete_choices(ballot_id, removed)
    if added:
        BallotChoice.objects.bulk_create(
            [BallotChoice(ballot_id=ballot_id, option_id=pk) for pk in added]
        )
    if first and not PollTally.objects.filter(poll=poll).update(
        ballots=F("ballots") + 1
    ):
        raise _MissingCounters
    steps = dict.fromkeys(added, 1) | dict.fromkeys(removed, -1)
    if steps and _move_option_counters(steps) != len(steps):
        raise _MissingCounters


def _hold_ballot(poll, user) -> tuple[int, bool]:
    """The reader's ballot row in this poll, locked until the transaction ends, and
    whether this transaction has just created it.

    Inserted if there is none (``ON CONFLICT DO NOTHING``: a concurrent first
    ballot of the same reader makes this one wait, then find nothing inserted);
    otherwise its ``updated_at`` is moved, which locks it. Raw SQL because
    Django's ORM returns neither the id of an ``ignore_conflicts`` insert nor
    the rows of an UPDATE; PostgreSQL and SQLite (3.35+) both speak it.
    https://www.postgresql.org/docs/current/sql-insert.html#SQL-ON-CONFLICT"""
    meta, quote = Ballot._meta, connection.ops.quote_name
    table = quote(meta.db_table)
    poll_col = quote(meta.get_field("poll").column)
    voter_col = quote(meta.get_field("voter").column)
    pk_col = quote(meta.pk.column)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        # Twice at most: a row found by the insert may be gone before the update
        # (the reader's account erased in between), and the second insert wins.
        for _attempt in range(2):
            cursor.execute(
                f"INSERT INTO {table} ({poll_col}, {voter_col}, "  # noqa: S608
                f"{quote('created_at')}, {quote('updated_at')}) "
                f"VALUES (%s, %s, %s, %s) ON CONFLICT ({poll_col}, {voter_col}) "
                f"DO NOTHING RETURNING {pk_col}",
                [poll.pk, user.pk, now, now],
            )
            row = cursor.fetchone()
            if row is not None:
                return row[0], True
            cursor.execute(
                f"UPDATE {table} SET {quote('updated_at')} = %s "  # noqa: S608
                f"WHERE {poll_col} = %s AND {voter_col} = %s RETURNING {pk_col}",
                [now, poll.pk, user.pk],
            )
            row = cursor.fetchone()
            if row is not None:
                return row[0], False
    # Unreachable: the second insert finds no row left to conflict with.
    raise RuntimeError(f"No ballot row for reader {user.pk} in poll {poll.pk}.")


def _delete_choices(ballot_id: int, option_ids: list[int]) -> None:
    """One DELETE: the ORM's ``delete()`` would first read the rows, to send each
    one's ``post_delete`` (Wagtail listens for every model's)."""
    meta, quote = BallotChoice._meta, connection.ops.quote_name
    ballot_col = quote(meta.get_field("ballot").column)
    option_col = quote(meta.get_field("option").column)
    marks = ", ".join(["%s"] * len(option_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(meta.db_table)} WHERE {ballot_col} = %s "  # noqa: S608
            f"AND {option_col} IN ({marks})",
            [ballot_id, *option_ids],
        )


def _move_option_counters(steps: dict[int, int]) -> int:
    """Every option counter of the ballot in one UPDATE; how many rows it moved.

    Its subquery locks the rows in option id order before any moves (PostgreSQL
    sorts, locks, then updates), the order every ballot uses. SQLite has no row
    locks and needs none: it lets one writer at a time in."""
    locked = (
        OptionTally.objects.filter(pk__in=list(steps))
        .order_by("pk")
        .select_for_update()
        .values("pk")
    )
    return OptionTally.objects.filter(pk__in=locked).update(
        votes=F("votes")
        + Case(
            *[When(pk=pk, then=Value(step)) for pk, step in steps.items()],
            default=Value(0),
        )
    )


def ensure_tallies(poll: TopicPollPage) -> None:
    """The counter rows a poll's ballots update, created before anyone votes."""
    PollTally.objects.get_or_create(poll=poll)
    existing = set(
        OptionTally.objects.filter(poll=poll).values_list("option_id", flat=True)
    )
    OptionTally.objects.bulk_create(
        [
            OptionTally(option_id=pk, poll=poll)
            for pk in poll.options.values_list("pk", flat=True)
            if pk not in existing
        ],
        ignore_conflicts=True,
    )
