"""The minute job's work: what dead workers left, and issues whose scheduled
time has come."""

import datetime
import logging

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from core.errors import DomainError
from newsletter.models import Delivery, IssueDispatch
from newsletter.services.sending.queueing import enqueue_batches
from newsletter.services.sending.start import send_issue

logger = logging.getLogger(__name__)

Status = Delivery.Status
State = IssueDispatch.State


def sweep(*, now=None) -> dict:
    """What dead workers left: claimed rows back to the queue, handed rows to
    « unknown » (never sent again); then every sending issue's due batches are
    queued again, and finished issues marked sent."""
    now = now or timezone.now()
    stale = now - datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS)
    requeued = Delivery.objects.filter(
        status=Status.SENDING, claimed_at__lt=stale
    ).update(status=Status.QUEUED, claimed_by="", next_attempt_at=now)
    unknown = Delivery.objects.filter(
        Q(status=Status.HANDED), Q(handed_at__lt=stale)
    ).update(status=Status.UNKNOWN, last_error="worker stopped during the send")
    batches = 0
    for issue_id in IssueDispatch.objects.filter(state=State.SENDING).values_list(
        "issue_id", flat=True
    ):
        batches += enqueue_batches(issue_id, now=now)
    return {"requeued": requeued, "unknown": unknown, "batches": batches}


def send_due_issues(*, now=None) -> int:
    """Issues whose scheduled time has come."""
    now = now or timezone.now()
    started = 0
    for dispatch in IssueDispatch.objects.filter(
        state=State.SCHEDULED, scheduled_for__lte=now
    ).select_related("issue"):
        try:
            send_issue(dispatch.issue, by="schedule", now=now)
        except DomainError as error:
            logger.warning("Scheduled issue %s not sent: %s", dispatch.issue_id, error)
        else:
            started += 1
    return started
