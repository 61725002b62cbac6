"""Readers' reactions: held for moderation, published by ``approve_reaction``."""

from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from core.outbox import owe_email
from debates.models import DebatePage, Reaction

REACTIONS_PER_WINDOW = 5
REACTION_WINDOW_SECONDS = 15 * 60
WITHDRAWN_PARENT = _(
    "The reaction you were replying to has been withdrawn by the moderators in "
    "the meantime. Your reply is kept below: you can send it as a new reaction "
    "to the debate."
)


class ReactionError(DomainError):
    """A reaction the rules refuse."""


class ParentUnavailable(ReactionError):
    """A reply to a reaction it cannot go under. The reply itself may be fine, so
    views offer it back as a reaction to the debate rather than dropping it."""


class ParentWithdrawn(ParentUnavailable):
    """The reaction being replied to is no longer published: moderators took it
    down while the reader was writing."""


def _is_verified(user) -> bool:
    return EmailAddress.objects.filter(user=user, verified=True).exists()


@transaction.atomic
def post_reaction(
    debate: DebatePage, *, user, tag: str, text: str, parent: Reaction | None = None
) -> Reaction:
    """A reader's reaction, held for moderation. Plain text only: it is escaped
    wherever it is shown, and links only become links once approved."""
    if not user.is_authenticated:
        raise ReactionError(_("Log in to react."))
    if not _is_verified(user):
        raise ReactionError(_("Verify your email address to react."))
    if not debate.live:
        raise ReactionError(_("This debate is not published."))
    if tag not in Reaction.Tag.values:
        raise ReactionError(_("This choice does not exist."))
    text = text.replace("\x00", "").strip()
    if not text:
        raise ReactionError(_("Write your reaction."))
    if parent is not None:
        if parent.debate_id != debate.pk or parent.parent_id is not None:
            raise ParentUnavailable(
                _("You can only reply to a published reaction of this debate.")
            )
        if parent.status == Reaction.Status.REJECTED:
            raise ParentWithdrawn(WITHDRAWN_PARENT)
        if parent.status != Reaction.Status.APPROVED:
            raise ParentUnavailable(
                _("You can only reply to a published reaction of this debate.")
            )
    key = f"reactions:{user.pk}"
    cache.add(key, 0, REACTION_WINDOW_SECONDS)
    if cache.incr(key) > REACTIONS_PER_WINDOW:
        raise ReactionError(
            _("You have posted many reactions in a short time. Try again in a while.")
        )
    return Reaction.objects.create(
        debate=debate, author=user, tag=tag, text=text, parent=parent
    )


@transaction.atomic
def approve_reaction(reaction: Reaction, *, editor) -> Reaction:
    reaction = Reaction.objects.select_for_update().get(pk=reaction.pk)
    if reaction.status != Reaction.Status.PENDING:
        raise ReactionError(_("This reaction has already been moderated."))
    reaction.status = Reaction.Status.APPROVED
    reaction.moderated_by = editor
    reaction.moderated_at = timezone.now()
    reaction.save(update_fields=["status", "moderated_by", "moderated_at"])
    author = reaction.author
    if author is not None:
        # Owed with the approval: a provider outage delays the email only.
        owe_email(
            "debates.emails.reaction_approved",
            to=author.email,
            language=author.language,
            key=f"reaction-approved:{reaction.pk}",
            reaction_id=reaction.pk,
            author_id=author.pk,
        )
    return reaction


@transaction.atomic
def reject_reaction(reaction: Reaction, *, editor, reason: str) -> Reaction:
    reason = reason.strip()
    if not reason:
        raise ReactionError(_("Give the reason for the rejection."))
    reaction = Reaction.objects.select_for_update().get(pk=reaction.pk)
    if reaction.status != Reaction.Status.PENDING:
        raise ReactionError(_("This reaction has already been moderated."))
    reaction.status = Reaction.Status.REJECTED
    reaction.rejection_reason = reason[:300]
    reaction.moderated_by = editor
    reaction.moderated_at = timezone.now()
    reaction.save(
        update_fields=["status", "rejection_reason", "moderated_by", "moderated_at"]
    )
    return reaction


def export_reactions(user) -> list[dict]:
    return [
        {
            "debate": reaction.debate.title,
            "stance": reaction.tag,
            "text": reaction.text,
            "status": reaction.status,
            "posted_at": reaction.created_at.isoformat(),
        }
        for reaction in Reaction.objects.filter(author=user).select_related("debate")
    ]


def anonymise_reactions(user) -> None:
    """Published reactions stay, without their author; the rest goes."""
    Reaction.objects.filter(author=user).exclude(
        status=Reaction.Status.APPROVED
    ).delete()
    Reaction.objects.filter(author=user).update(author=None)
