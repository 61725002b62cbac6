"""What the page cache forgets when conferences change (``core.pagepurge``).

A conference page shows the seats left: holding, selling or releasing seats
(``events.services.seat_stock``, the only code that moves the stock) reports
``SEATS`` and purges the page, its index and the home page. The rest of a
conference's page changes with its publication, which Wagtail's signals cover.
"""

from core.pagepurge import page_targets, register
from events.models import ConferencePage

SEATS = "events.seats"


def seats_dependents(conference_id: int) -> list:
    conference = ConferencePage.objects.filter(pk=conference_id).first()
    return page_targets(conference) if conference is not None else []


register(SEATS, seats_dependents)
