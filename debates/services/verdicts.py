"""Where readers stand: every verdict goes through ``cast_verdict``, which keeps
``VerdictTally`` exact in the same transaction as the verdict row, under a lock on
the tally row."""

import hashlib
import hmac

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from debates.models import (
    DebatePage,
    Moment,
    Stance,
    StanceConsent,
    Verdict,
    VerdictTally,
)
from debates.polls.services import notify_opinion_shift


class VerdictError(DomainError):
    """A verdict the rules refuse; the message is shown to the reader."""


def reader_key(user) -> str:
    """A keyed hash standing for the reader in verdict rows (pseudonymisation).

    Without the key the rows cannot be tied back to a person; with it, the reader's
    own rows can be found to show, export or erase them.
    """
    secret = settings.VERDICT_PSEUDONYM_KEY.encode()
    return hmac.new(secret, f"verdict:{user.pk}".encode(), hashlib.sha256).hexdigest()


def has_consented(user) -> bool:
    return StanceConsent.objects.filter(user=user).exists()


@transaction.atomic
def give_stance_consent(user) -> None:
    StanceConsent.objects.get_or_create(user=user)


@transaction.atomic
def cast_verdict(debate: DebatePage, *, user, moment: str, stance: str) -> Verdict:
    """Record the reader's stance; change a "before" until an "after" is given."""
    if moment not in Moment.values or stance not in Stance.values:
        raise VerdictError(_("This choice does not exist."))
    if not user.is_authenticated:
        raise VerdictError(_("Log in to give your verdict."))
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        raise VerdictError(_("Verify your email address to give your verdict."))
    if not has_consented(user):
        raise VerdictError(_("Your consent is needed to record your stance."))
    if not debate.live:
        raise VerdictError(_("This debate is not published."))

    VerdictTally.objects.get_or_create(debate=debate)
    # The lock serialises verdicts on one debate, so counters and rows agree.
    VerdictTally.objects.select_for_update().get(debate=debate)
    key = reader_key(user)
    mine = {v.moment: v for v in Verdict.objects.filter(debate=debate, reader_key=key)}

    if Moment.AFTER in mine:
        raise VerdictError(_("You have already given your verdict after reading."))

    counters = {}
    if moment == Moment.BEFORE:
        previous = mine.get(Moment.BEFORE)
        if previous is not None:
            if previous.stance == stance:
                return previous
            counters[f"before_{previous.stance}"] = F(f"before_{previous.stance}") - 1
            previous.stance = stance
            previous.save(update_fields=["stance", "updated_at"])
            verdict = previous
        else:
            verdict = _create(debate, key, moment, stance)
        counters[f"before_{stance}"] = F(f"before_{stance}") + 1
    else:
        verdict = _create(debate, key, moment, stance)
        counters[f"after_{stance}"] = F(f"after_{stance}") + 1
        before = mine.get(Moment.BEFORE)
        if before is not None:
            counters["both"] = F("both") + 1
            if before.stance != stance:
                counters["changed"] = F("changed") + 1
    VerdictTally.objects.filter(debate=debate).update(**counters)
    if "both" in counters:
        _tell_proposer_once_figures_exist(debate)
    return verdict


def _tell_proposer_once_figures_exist(debate) -> None:
    """A debate born from a reader's proposal: once enough readers gave both
    verdicts for the shift to mean something, its proposer hears the figures."""
    both = VerdictTally.objects.filter(debate=debate).values_list("both", flat=True)
    if both and both[0] == settings.PROPOSER_FIGURES_AFTER:
        notify_opinion_shift(debate)


def _create(debate, key, moment, stance) -> Verdict:
    try:
        with transaction.atomic():
            return Verdict.objects.create(
                debate=debate, reader_key=key, moment=moment, stance=stance
            )
    except IntegrityError:
        # Only reachable if the row lock was bypassed; the constraint still holds.
        raise VerdictError(_("Your verdict is already recorded.")) from None


def export_verdicts(user) -> list[dict]:
    key = reader_key(user)
    return [
        {
            "debate": title,
            "moment": moment,
            "stance": stance,
            "given_at": created_at.isoformat(),
        }
        for title, moment, stance, created_at in Verdict.objects.filter(reader_key=key)
        .order_by("created_at")
        .values_list("debate__title", "moment", "stance", "created_at")
    ]


def erase_verdicts(user) -> None:
    """Delete the reader's stances; the published totals keep their share."""
    Verdict.objects.filter(reader_key=reader_key(user)).delete()
