"""Proposals: submitted by readers, moderated by the newsroom, supported by readers.

A proposal's supporters are rows (one per reader, by constraint) and its counter
moves with them, in the same transaction.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from debates.polls.models import (
    QUESTION_MAX,
    QUESTION_MIN,
    WHY_MAX,
    Proposal,
    ProposalNotice,
    ProposalSupport,
)
from debates.polls.selectors import is_verified
from debates.polls.services.notices import notify
from debates.polls.services.rules import ProposalError, check_rate


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
        check_rate(
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
        check_rate(
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
