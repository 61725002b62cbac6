"""A booking's states and the only ways between them.

States move only along ``TRANSITIONS``; anything else raises ``BookingError``.
Each step locks the booking, logs who took it, and owes its email to the
booking's contact in the same transaction (``core.outbox``), built and sent after
it commits.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.models import OutgoingEmail
from core.outbox import owe_email
from events.models import Booking, BookingLog, Quote

State = Booking.State

TRANSITIONS = {
    State.REQUESTED: {State.QUOTED, State.CANCELLED},
    State.QUOTED: {State.QUOTED, State.ACCEPTED, State.CANCELLED},
    State.ACCEPTED: {State.INVOICED, State.CANCELLED},
    State.INVOICED: {State.PAID, State.CANCELLED},
    State.PAID: {State.DONE, State.CANCELLED},
    State.DONE: set(),
    State.CANCELLED: set(),
}


class BookingError(DomainError):
    """A step the rules refuse; the message is for the person who asked."""


class QuoteAlreadyAccepted(BookingError):
    """The quote is accepted already (a second click, a form sent again from
    the browser's history): nothing to do twice, and the invoice exists."""

    def __init__(self, message, *, quote: Quote):
        super().__init__(message)
        self.quote = quote


def lock_booking(booking: Booking) -> Booking:
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("conference", "offer")
        .get(pk=booking.pk)
    )


def check_transition(booking: Booking, to: str) -> None:
    if to not in TRANSITIONS[booking.state]:
        raise BookingError(
            _("A booking that is « %(state)s » cannot become « %(to)s ».")
            % {"state": booking.get_state_display(), "to": State(to).label}
        )


def move_booking(booking: Booking, to: str, *, actor=None, action: str, note=""):
    check_transition(booking, to)
    booking.state = to
    booking.save(update_fields=["state", "updated_at"])
    log_step(booking, action, actor=actor, note=note)


def log_step(booking: Booking, action: str, *, actor=None, note: str = "") -> None:
    BookingLog.objects.create(
        booking=booking,
        action=action,
        state=booking.state,
        actor=actor if actor is not None and actor.is_authenticated else None,
        note=note[:300],
    )


def owe_contact(
    builder: str, booking: Booking, *, key: str | None = None, **params
) -> OutgoingEmail | None:
    """The email to the booking's contact, owed with the change: a provider
    outage delays it and never undoes the step; ``key`` keeps a repeated cause
    (a Stripe event, a housekeeping run) to one email, and None comes back for
    the repeat."""
    return owe_email(
        f"events.emails.{builder}",
        to=booking.email,
        language=booking.language,
        key=key,
        **params,
    )


@transaction.atomic
def mark_done(booking: Booking, *, actor=None) -> Booking:
    booking = lock_booking(booking)
    if booking.conference_id and booking.conference.ends_at > timezone.now():
        raise BookingError(_("The conference has not taken place yet."))
    move_booking(booking, State.DONE, actor=actor, action="done")
    return booking


def close_held_conferences(*, now: datetime.datetime | None = None) -> int:
    """Paid bookings of public conferences that have ended become « réalisé »;
    conferences organised on site are marked by an editor, who knows."""
    now = now or timezone.now()
    ended = Booking.objects.filter(
        state=State.PAID, conference__isnull=False, conference__ends_at__lt=now
    ).values_list("pk", flat=True)
    closed = 0
    for pk in list(ended):
        try:
            mark_done(Booking(pk=pk))
        except BookingError:
            # Closed by a run at the same time, or cancelled by an editor meanwhile.
            continue
        closed += 1
    return closed
