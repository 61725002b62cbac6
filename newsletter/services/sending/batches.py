"""One batch, as a worker sends it: claimed (``SKIP LOCKED``), handed before the
provider is called, then what the provider answered for each recipient; a
refusal puts the rows back in the queue with a doubling delay."""

import datetime
import logging
import os
import socket
import uuid

import requests
from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused
from django.conf import settings
from django.core import mail
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from newsletter.models import Delivery, IssueDispatch, Subscription, Suppression
from newsletter.services import providers, throttle
from newsletter.services.sending.messages import batch_messages, single_messages
from newsletter.services.sending.queueing import enqueue_later, finish_if_done

logger = logging.getLogger(__name__)

Status = Delivery.Status
MAX_DELAY = datetime.timedelta(hours=1)
# Messages handed to the provider per committed UPDATE (see ``_hand``).
HAND_AHEAD = 20
OUTCOME = {
    "sent": Status.SENT,
    "queued": Status.SENT,
    "rejected": Status.FAILED,
    "invalid": Status.FAILED,
    "failed": Status.FAILED,
    "bounced": Status.BOUNCED,
}


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _claim(issue_id: int, batch: int, claim: str, now) -> list[Delivery]:
    with transaction.atomic():
        due = Delivery.objects.filter(
            issue_id=issue_id,
            batch=batch,
            status=Status.QUEUED,
            next_attempt_at__lte=now,
        )
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True))
        Delivery.objects.filter(pk__in=ids, status=Status.QUEUED).update(
            status=Status.SENDING,
            claimed_by=claim,
            claimed_at=now,
            attempts=F("attempts") + 1,
        )
    return list(
        Delivery.objects.filter(pk__in=ids, claimed_by=claim, status=Status.SENDING)
    )


def _skip_withdrawn(rows: list[Delivery], issue) -> list[Delivery]:
    """Rows whose reader left, or whose address was suppressed, since the send
    started: not sent."""
    active = set(
        Subscription.objects.filter(
            newsletter_id=issue.newsletter_id,
            status=Subscription.Status.ACTIVE,
            subscriber_id__in=[row.subscriber_id for row in rows],
        ).values_list("subscriber_id", flat=True)
    )
    suppressed = set(
        Suppression.objects.filter(
            address__in=[row.address for row in rows]
        ).values_list("address", flat=True)
    )
    withdrawn = [
        row.pk
        for row in rows
        if row.subscriber_id not in active or row.address in suppressed
    ]
    Delivery.objects.filter(pk__in=withdrawn).update(
        status=Status.SKIPPED, claimed_by=""
    )
    return [row for row in rows if row.pk not in set(withdrawn)]


def certainly_refused(error: Exception) -> bool:
    """True when the provider cannot have taken the message: it answered with
    an error status, or no connection was ever made."""
    if isinstance(error, AnymailAPIError) and (error.status_code or 0) >= 400:
        return True
    cause = error
    while cause is not None:
        if isinstance(cause, requests.ConnectTimeout):
            return True
        if isinstance(cause, requests.ConnectionError) and (
            "NewConnectionError" in repr(cause) or "Connection refused" in str(cause)
        ):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


def _describe(error: Exception) -> str:
    try:
        return f"{type(error).__name__}: {error}"[-2000:]
    except Exception:  # some exceptions cannot describe themselves
        return type(error).__name__


def retry_delay(attempts: int) -> datetime.timedelta:
    base = settings.NEWSLETTER_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return min(datetime.timedelta(seconds=base), MAX_DELAY)


def _record(message, rows, now) -> None:
    statuses = getattr(getattr(message, "anymail_status", None), "recipients", {})
    for row in rows:
        status = statuses.get(row.address)
        row.status = OUTCOME.get(getattr(status, "status", None), Status.UNKNOWN)
        message_id = getattr(status, "message_id", None)
        row.esp_message_id = "" if message_id is None else str(message_id)[:200]
        row.sent_at = now
    Delivery.objects.bulk_update(rows, ["status", "esp_message_id", "sent_at"])


def _requeue(rows, error, now) -> None:
    for row in rows:
        Delivery.objects.filter(pk=row.pk).update(
            status=Status.QUEUED,
            claimed_by="",
            handed_at=None,
            next_attempt_at=now + retry_delay(row.attempts),
            last_error=_describe(error),
        )


def _hand(pending: list, claim: str, now) -> list:
    """Marks the rows of the next ``HAND_AHEAD`` messages handed, committed before
    the provider is called: from there a crash means « maybe sent », never « send
    again ». Handing a few messages at a time, not the whole batch, is what keeps
    a worker killed mid-batch from leaving the rest of its batch « unknown »: the
    rows not handed yet go back to the queue. Messages whose rows a sweep took
    back meanwhile are dropped (they will be sent from the queue). Every group
    is stamped with the batch's ``now``, the moment its messages (and their
    signed unsubscribe links) were built: ``consent`` finds the issue of an
    unsubscribe link by that stamp."""
    ahead = pending[:HAND_AHEAD]
    ids = [row.pk for _message, rows, _handed in ahead for row in rows]
    updated = Delivery.objects.filter(
        pk__in=ids, claimed_by=claim, status=Status.SENDING
    ).update(status=Status.HANDED, handed_at=now)
    if updated == len(ids):
        handed = set(ids)
    else:
        handed = set(
            Delivery.objects.filter(
                pk__in=ids, claimed_by=claim, status=Status.HANDED
            ).values_list("pk", flat=True)
        )
    kept = [
        (message, rows, True)
        for message, rows, _handed in ahead
        if all(row.pk in handed for row in rows)
    ]
    return kept + pending[HAND_AHEAD:]


def send_batch(issue_id: int, batch: int, *, now=None) -> dict:
    """Send what is due in one batch; returns the rows' outcomes counted."""
    now = now or timezone.now()
    claim = worker_id()
    rows = _claim(issue_id, batch, claim, now)
    counts = {"sent": 0, "requeued": 0, "unknown": 0, "failed": 0}
    if not rows:
        finish_if_done(issue_id)
        return counts
    dispatch = IssueDispatch.objects.select_related("issue").get(issue_id=issue_id)
    rows = _skip_withdrawn(rows, dispatch.issue)
    throttle.wait_for_room(len(rows))
    connection_ = mail.mailers.default
    profile = providers.profile(getattr(connection_, "esp_name", ""))
    build = batch_messages if profile.batch else single_messages
    pending = [
        (message, rows_, False) for message, rows_ in build(rows, dispatch, profile)
    ]
    retry_at = None
    connection_.open()
    try:
        while pending:
            while pending and not pending[0][2]:
                pending = _hand(pending, claim, now)
            if not pending:
                break
            message, message_rows, _handed = pending.pop(0)
            try:
                connection_.send_messages([message])
            except AnymailRecipientsRefused:
                _record(message, message_rows, now)
                counts["failed"] += len(message_rows)
            except Exception as error:
                if certainly_refused(error):
                    logger.warning(
                        "Newsletter batch %s/%s refused: %s",
                        issue_id,
                        batch,
                        _describe(error),
                    )
                    left = message_rows + [r for _m, rs, _h in pending for r in rs]
                    _requeue(left, error, now)
                    counts["requeued"] += len(left)
                    retry_at = now + retry_delay(max(r.attempts for r in left))
                    pending = []
                else:
                    logger.error(
                        "Newsletter batch %s/%s: outcome unknown: %s",
                        issue_id,
                        batch,
                        _describe(error),
                    )
                    Delivery.objects.filter(pk__in=[r.pk for r in message_rows]).update(
                        status=Status.UNKNOWN, last_error=_describe(error)
                    )
                    counts["unknown"] += len(message_rows)
            else:
                _record(message, message_rows, now)
                counts["sent"] += len(message_rows)
    finally:
        connection_.close()
    if retry_at is not None:
        enqueue_later(issue_id, batch, retry_at)
    finish_if_done(issue_id)
    return counts
