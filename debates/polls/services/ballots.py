"""Ballots: one row per reader and poll (database constraint); its choices and the
counters change in the same transaction, option counters always in the same
order, so concurrent ballots neither deadlock nor drift."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from debates.polls.models import (
    Ballot,
    BallotChoice,
    OptionTally,
    PollOption,
    PollTally,
    TopicPollPage,
)
from debates.polls.services.rules import (
    BallotError,
    PollClosed,
    check_rate,
    is_verified,
)


def _clean_choices(poll: TopicPollPage, option_ids) -> list[int]:
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
    found = PollOption.objects.filter(poll=poll, pk__in=chosen).count()
    if found != len(chosen):
        raise BallotError(_("This choice is not part of this poll."))
    return chosen


def cast_ballot(poll: TopicPollPage, *, user, option_ids, ip_address=None) -> Ballot:
    """Record or change the reader's ballot; the counters move with it."""
    if not user.is_authenticated:
        raise BallotError(_("Log in to vote."))
    if not is_verified(user):
        raise BallotError(_("Verify your email address to vote."))
    if not poll.live:
        raise BallotError(_("This poll is not published."))
    state = poll.state()
    if state == TopicPollPage.State.UPCOMING:
        raise BallotError(_("This poll is not open yet."))
    if state == TopicPollPage.State.CLOSED:
        raise PollClosed(_("This poll is closed."))
    chosen = _clean_choices(poll, option_ids)
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
        return _record_ballot(poll, user, chosen)
    except IntegrityError:
        # Two first ballots from the same reader at once: the other one won the
        # insert and has committed; this one is now a change of that ballot.
        return _record_ballot(poll, user, chosen)


@transaction.atomic
def _record_ballot(poll, user, chosen: list[int]) -> Ballot:
    # Checked again inside the transaction: a ballot never lands after closing.
    if poll.state() != TopicPollPage.State.OPEN:
        raise PollClosed(_("This poll is closed."))
    ballot = Ballot.objects.select_for_update().filter(poll=poll, voter=user).first()
    if ballot is None:
        ballot = Ballot.objects.create(poll=poll, voter=user)
        previous = set()
        _bump(PollTally.objects.filter(poll=poll), "ballots", 1, poll=poll)
    else:
        previous = set(ballot.choices.values_list("option_id", flat=True))
        Ballot.objects.filter(pk=ballot.pk).update(updated_at=timezone.now())
    added = sorted(set(chosen) - previous)
    removed = sorted(previous - set(chosen))
    if removed:
        BallotChoice.objects.filter(ballot=ballot, option_id__in=removed).delete()
    BallotChoice.objects.bulk_create(
        [BallotChoice(ballot=ballot, option_id=pk) for pk in added]
    )
    # One order for every transaction (by option id), so none waits on another
    # that waits on it.
    for pk, step in sorted([(pk, 1) for pk in added] + [(pk, -1) for pk in removed]):
        _bump(OptionTally.objects.filter(option_id=pk), "votes", step, poll=poll)
    return ballot


def _bump(counter, field: str, step: int, *, poll) -> None:
    """Move a counter; its row is created first if the poll was never prepared
    (``ensure_tallies`` normally runs when the poll is published)."""
    if not counter.update(**{field: F(field) + step}):
        ensure_tallies(poll)
        counter.update(**{field: F(field) + step})


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


def my_choices(poll: TopicPollPage, user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        BallotChoice.objects.filter(ballot__poll=poll, ballot__voter=user).values_list(
            "option_id", flat=True
        )
    )
