"""What readers and editors do with topics: propose, moderate, support, vote,
decide a tie, commission the winner.

Integrity rules live here, not in the views:
- a ballot is one row per reader and poll (database constraint); its choices and
  the counters change in the same transaction, option counters always in the same
  order, so concurrent ballots neither deadlock nor drift;
- a proposal's supporters are rows (one per reader, by constraint) and its counter
  moves with them;
- each email to a proposer is recorded (``ProposalNotice``) and owed once, in the
  same transaction (``core.outbox``), then sent after it commits.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from core.outbox import owe_email
from core.ratelimit import address_over_limit, over_limit
from debates.polls.models import (
    QUESTION_MAX,
    QUESTION_MIN,
    WHY_MAX,
    Ballot,
    BallotChoice,
    OptionTally,
    PollDecision,
    PollOption,
    PollTally,
    Proposal,
    ProposalNotice,
    ProposalSupport,
    TopicPollPage,
)


class ProposalError(DomainError):
    """A proposal, a support or a moderation decision the rules refuse."""


class BallotError(DomainError):
    """A ballot the rules refuse; nothing was recorded."""


class PollClosed(BallotError):
    """The ballot came after the closing time, often from a page loaded while
    the poll was open; views answer with the results rather than the form."""


def is_verified(user) -> bool:
    from allauth.account.models import EmailAddress

    return bool(
        user.is_authenticated
        and EmailAddress.objects.filter(user=user, verified=True).exists()
    )


def _limit(name: str) -> tuple[int, int]:
    return settings.RATE_LIMITS[name]


def _check_rate(name: str, *, user=None, ip_address=None, message) -> None:
    limit, seconds = _limit(f"{name}_per_reader")
    if user is not None and over_limit(f"rl:{name}:u:{user.pk}", limit, seconds):
        raise DomainError(message)
    limit, seconds = _limit(f"{name}_per_ip")
    if address_over_limit(name, ip_address, limit, seconds):
        raise DomainError(message)


# --- Proposals ----------------------------------------------------------------------


@transaction.atomic
def submit_proposal(*, user, question: str, why: str, theme, ip_address=None):
    """A reader's proposal, held for moderation; the proposer supports it."""
    if not is_verified(user):
        raise ProposalError(_("Verify your email address to propose a topic."))
    question = " ".join(question.split())
    why = why.replace("\x00", "").strip()
    if not QUESTION_MIN <= len(question) <= QUESTION_MAX or not question.endswith("?"):
        raise ProposalError(
            _("Phrase it as a question of 10 to 200 characters, ending with « ? ».")
        )
    if not why or len(why) > WHY_MAX:
        raise ProposalError(_("Say why it matters, in 1,500 characters at most."))
    if theme is None:
        raise ProposalError(_("Choose a theme."))
    try:
        _check_rate(
            "proposals",
            user=user,
            ip_address=ip_address,
            message=_("You have proposed many topics today. Try again tomorrow."),
        )
    except DomainError as error:
        raise ProposalError(error.message) from None
    proposal = Proposal.objects.create(
        author=user,
        question=question,
        why=why,
        theme=theme,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        support_count=1,
    )
    ProposalSupport.objects.create(proposal=proposal, reader=user)
    return proposal


def _lock(proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def _decide(proposal, *, editor, status, **fields) -> Proposal:
    proposal.status = status
    proposal.decided_by = editor
    proposal.decided_at = timezone.now()
    for name, value in fields.items():
        setattr(proposal, name, value)
    proposal.save(update_fields=["status", "decided_by", "decided_at", *fields.keys()])
    return proposal


@transaction.atomic
def approve_proposal(proposal, *, editor) -> Proposal:
    proposal = _lock(proposal)
    if proposal.status != Proposal.Status.PENDING:
        raise ProposalError(_("This proposal has already been moderated."))
    _decide(proposal, editor=editor, status=Proposal.Status.APPROVED)
    notify(proposal, ProposalNotice.Kind.APPROVED)
    return proposal


@transaction.atomic
def reject_proposal(proposal, *, editor, reason: str) -> Proposal:
    reason = reason.strip()
    if not reason:
        raise ProposalError(_("Give the reason for the rejection."))
    proposal = _lock(proposal)
    if proposal.status != Proposal.Status.PENDING:
        raise ProposalError(_("This proposal has already been moderated."))
    _decide(
        proposal,
        editor=editor,
        status=Proposal.Status.REJECTED,
        rejection_reason=reason[:600],
    )
    notify(proposal, ProposalNotice.Kind.REJECTED)
    return proposal


@transaction.atomic
def merge_proposal(duplicate, *, into, editor) -> Proposal:
    """Fold a duplicate into an approved proposal: its supporters move over, a
    reader who supported both counts once."""
    if duplicate.pk == into.pk:
        raise ProposalError(_("A proposal cannot be merged into itself."))
    # Locked in id order, so two merges crossing each other cannot deadlock.
    locked = {
        p.pk: p
        for p in Proposal.objects.select_for_update()
        .filter(pk__in=[duplicate.pk, into.pk])
        .order_by("pk")
    }
    duplicate, into = locked[duplicate.pk], locked[into.pk]
    if duplicate.status not in (Proposal.Status.PENDING, Proposal.Status.APPROVED):
        raise ProposalError(_("Only a pending or approved proposal can be merged."))
    if into.status != Proposal.Status.APPROVED:
        raise ProposalError(_("Merge into an approved proposal."))
    already = ProposalSupport.objects.filter(proposal=into).values("reader")
    ProposalSupport.objects.filter(proposal=duplicate).exclude(
        reader__in=already
    ).update(proposal=into)
    ProposalSupport.objects.filter(proposal=duplicate).delete()
    into.support_count = ProposalSupport.objects.filter(proposal=into).count()
    into.save(update_fields=["support_count"])
    _decide(
        duplicate,
        editor=editor,
        status=Proposal.Status.MERGED,
        merged_into=into,
        support_count=0,
    )
    notify(duplicate, ProposalNotice.Kind.MERGED)
    return into


def _check_support_rate(user, ip_address) -> None:
    try:
        _check_rate(
            "supports",
            user=user,
            ip_address=ip_address,
            message=_("Too many clicks in a short time. Try again in a moment."),
        )
    except DomainError as error:
        raise ProposalError(error.message) from None


@transaction.atomic
def support(proposal, *, user, ip_address=None) -> bool:
    """The reader backs an approved proposal; True if it is new."""
    if not is_verified(user):
        raise ProposalError(_("Verify your email address to support a proposal."))
    _check_support_rate(user, ip_address)
    proposal = _lock(proposal)
    if proposal.status != Proposal.Status.APPROVED:
        raise ProposalError(_("This proposal is not open to support."))
    try:
        with transaction.atomic():
            ProposalSupport.objects.create(proposal=proposal, reader=user)
    except IntegrityError:
        return False
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    return True


@transaction.atomic
def withdraw_support(proposal, *, user, ip_address=None) -> bool:
    if ip_address is not None:  # a reader's click, not the account's erasure
        _check_support_rate(user, ip_address)
    proposal = _lock(proposal)
    deleted, _rows = ProposalSupport.objects.filter(
        proposal=proposal, reader=user
    ).delete()
    if deleted:
        Proposal.objects.filter(pk=proposal.pk).update(
            support_count=F("support_count") - 1
        )
    return bool(deleted)


# --- Ballots ------------------------------------------------------------------------


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
        _check_rate(
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


# --- After the poll -----------------------------------------------------------------


@transaction.atomic
def decide_tie(poll: TopicPollPage, *, winner_id: int, editor) -> PollDecision:
    """The newsroom picks the winner among options tied for first place."""
    from debates.polls.selectors import poll_results

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
    from debates.polls.selectors import poll_results
    from newsroom.models import Commission

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


def notify_put_to_poll(poll: TopicPollPage) -> None:
    """When a poll is published, each proposer on it hears once."""
    with transaction.atomic():
        for option in poll.options.select_related("proposal"):
            if option.proposal is not None:
                notify(option.proposal, ProposalNotice.Kind.POLLED, poll=poll)


def notify_debate_published(page) -> None:
    """A debate born from a reader's proposal is out: the proposer hears once."""
    from newsroom.models import Commission

    with transaction.atomic():
        for commission in Commission.objects.filter(
            debate_id=page.pk, proposal__isnull=False
        ).select_related("proposal"):
            notify(commission.proposal, ProposalNotice.Kind.PUBLISHED, debate=page)


def notify_opinion_shift(debate) -> None:
    """The figures of how opinion moved, to the proposer of the debate's topic."""
    from newsroom.models import Commission

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


# --- Personal data ------------------------------------------------------------------


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
