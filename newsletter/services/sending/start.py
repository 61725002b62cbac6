"""Starting an issue: the conditional UPDATE that lets one click through, one
``Delivery`` row per recipient, and the batches queued after commit."""

import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from newsletter.models import Delivery, IssueDispatch
from newsletter.selectors import recipients
from newsletter.services import rendering, throttle
from newsletter.services.sending.queueing import enqueue_batches

State = IssueDispatch.State
CREATE_CHUNK = 2000


class IssueAlreadySent(DomainError):
    pass


def send_issue(issue, *, by: str = "", now=None) -> IssueDispatch:
    """Start sending ``issue`` to its list; raises ``IssueAlreadySent`` if it
    was started before (by this editor or another)."""
    now = now or timezone.now()
    if not issue.live:
        raise DomainError(_("Publish the issue before sending it."))
    subject, html, text = rendering.render_issue(issue)
    with transaction.atomic():
        dispatch, _created = IssueDispatch.objects.get_or_create(issue=issue)
        started = IssueDispatch.objects.filter(
            pk=dispatch.pk, state__in=[State.READY, State.SCHEDULED]
        ).update(
            state=State.SENDING,
            started_at=now,
            started_by=by[:200],
            subject=subject[:200],
            html=html,
            text=text,
        )
        if not started:
            raise IssueAlreadySent(_("This issue is being sent or was sent already."))
        count = _create_deliveries(issue, now)
        IssueDispatch.objects.filter(pk=dispatch.pk).update(recipients=count)
        transaction.on_commit(partial(enqueue_batches, issue.pk), robust=True)
    dispatch.refresh_from_db()
    return dispatch


@transaction.atomic
def schedule_issue(issue, *, at: datetime.datetime) -> IssueDispatch:
    dispatch, _created = IssueDispatch.objects.get_or_create(issue=issue)
    if not IssueDispatch.objects.filter(
        pk=dispatch.pk, state__in=[State.READY, State.SCHEDULED]
    ).update(state=State.SCHEDULED, scheduled_for=at):
        raise IssueAlreadySent(_("This issue is being sent or was sent already."))
    dispatch.refresh_from_db()
    return dispatch


def _create_deliveries(issue, now) -> int:
    size = throttle.batch_size()
    seen: set[str] = set()
    rows: list[Delivery] = []
    for subscriber_id, address in recipients(issue.newsletter).iterator(
        chunk_size=CREATE_CHUNK
    ):
        if address in seen:  # two subscribers behind one mailbox get one email
            continue
        seen.add(address)
        rows.append(
            Delivery(
                issue=issue,
                subscriber_id=subscriber_id,
                address=address,
                batch=(len(seen) - 1) // size,
                next_attempt_at=now,
            )
        )
        if len(rows) >= CREATE_CHUNK:
            Delivery.objects.bulk_create(rows, ignore_conflicts=True)
            rows = []
    Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    return len(seen)
