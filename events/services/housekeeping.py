"""What the scheduler asks of events every few minutes
(``events.tasks.events_housekeeping``), and ``manage.py events_housekeeping``
by hand: frees seats whose checkout or waiting-list offer has lapsed, offering
them on; reminds overdue invoices; marks paid bookings of conferences that have
ended as held; gives back late payments Stripe has not refunded yet; tries
Stripe again for invoices it has not taken yet.

Each step claims or locks its rows one by one, so two runs at once do each
thing once.
"""

import dataclasses

from events.services.booking_state import close_held_conferences
from events.services.invoicing import remind_overdue
from events.services.seat_orders import complete_late_refunds, release_expired_holds
from events.services.stripe_sync import run_due_operations


@dataclasses.dataclass(frozen=True)
class Housekeeping:
    released: int
    reminded: int
    closed: int
    refunded: int
    synced: int

    def __str__(self) -> str:
        return (
            f"released {self.released} hold(s), sent {self.reminded} reminder(s), "
            f"closed {self.closed} booking(s), {self.refunded} late refund(s) done, "
            f"{self.synced} Stripe operation(s) done"
        )


def housekeeping() -> Housekeeping:
    return Housekeeping(
        released=release_expired_holds(),
        reminded=remind_overdue(),
        closed=close_held_conferences(),
        refunded=complete_late_refunds(),
        synced=run_due_operations(),
    )
