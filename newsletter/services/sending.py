"""Sending an issue: once, to every consenting address, and never twice.

``send_issue`` moves the issue's dispatch from ready (or scheduled) to sending
with one conditional UPDATE: of two clicks, or two editors, one finds the state
changed and is refused. In the same transaction it writes one ``Delivery`` per
recipient (unique per issue and subscriber) and, after commit, queues one task
per batch.

A batch (``send_batch``) takes its rows from ``queued`` to ``sending`` under its
own claim (``SKIP LOCKED`` on PostgreSQL, so two workers never take the same
rows), then to ``handed`` *before* calling the provider, then to what the
provider answered for each recipient. A worker killed mid-batch leaves:

* rows in ``sending``: never handed to the provider, so ``sweep`` returns them to
  ``queued`` and they are sent later;
* rows in ``handed``: the provider may have taken them (the worker may have died
  after the call and before writing its answer), so ``sweep`` marks them
  ``unknown`` and they are *not* sent again. None of the providers Anymail
  supports takes an idempotency key for a send, so this is the trade-off: at
  worst a recipient misses one issue when a worker dies during the provider's
  call, never gets it twice. The count of ``unknown`` rows shows how many.

A provider that answers with an error (HTTP 4xx/5xx) or that cannot be reached
at all has certainly not taken the batch: its rows go back to ``queued`` and the
batch is tried again later, with a doubling delay and no limit on the attempts
(never dropped). An error that leaves the outcome unknown (the connection cut
after the request was sent) is treated as handed.
"""

import datetime
import logging
import os
import socket
import uuid
from functools import partial

import requests
from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused
from django.conf import settings
from django.core import mail
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.links import absolute_url
from newsletter import tokens
from newsletter.models import Delivery, IssueDispatch, Subscription, Suppression
from newsletter.selectors import recipients
from newsletter.services import providers, rendering, throttle

logger = logging.getLogger(__name__)

Status = Delivery.Status
State = IssueDispatch.State
CREATE_CHUNK = 2000
MAX_DELAY = datetime.timedelta(hours=1)
OUTCOME = {
    "sent": Status.SENT,
    "queued": Status.SENT,
    "rejected": Status.FAILED,
    "invalid": Status.FAILED,
    "failed": Status.FAILED,
    "bounced": Status.BOUNCED,
}


class IssueAlreadySent(DomainError):
    pass


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


# --- Starting -------------------------------------------------------------------


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


def enqueue_batches(issue_id: int, *, now=None) -> int:
    """One task per batch that has rows due."""
    from newsletter.tasks import send_batch_task  # the tasks import this module

    now = now or timezone.now()
    batches = (
        Delivery.objects.filter(
            issue_id=issue_id, status=Status.QUEUED, next_attempt_at__lte=now
        )
        .values_list("batch", flat=True)
        .distinct()
        .order_by("batch")
    )
    batches = list(batches)
    for batch in batches:
        send_batch_task.enqueue(issue_id, batch)
    if not batches:
        finish_if_done(issue_id)
    return len(batches)


# --- One batch ------------------------------------------------------------------


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


def _site_root() -> str:
    """The site's origin, looked up once a batch (``absolute_url`` asks the
    database for the default site each time)."""
    return absolute_url("/").rstrip("/")


def _links(row: Delivery, issue, root: str) -> tuple[str, dict]:
    token = tokens.unsubscribe_token(
        subscriber_id=row.subscriber_id, newsletter_id=issue.newsletter_id
    )
    with translation.override(settings.LANGUAGE_CODE):
        url = root + reverse("newsletter:unsubscribe", args=[token])
    header = f"<{url}>"
    if settings.NEWSLETTER_UNSUBSCRIBE_MAILTO:
        header += f", <mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}?subject={token}>"
    return url, {
        "List-Unsubscribe": header,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _message(dispatch, profile, *, to, html, text, headers=None):
    message = mail.EmailMultiAlternatives(
        subject=dispatch.subject,
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=to,
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    message.tags = ["newsletter"]
    message.metadata = {"versus_issue": str(dispatch.issue_id)}
    if profile.tracking_flags:
        # No open pixel (it needs consent) and no rewritten links.
        message.track_opens = False
        message.track_clicks = False
    if profile.esp_extra:
        message.esp_extra = dict(profile.esp_extra)
    return message


def _batch_messages(rows, dispatch, profile):
    """One message for the whole batch, personalised by the provider."""
    field = profile.merge_field % "unsubscribe_url"
    message = _message(
        dispatch,
        profile,
        to=[row.address for row in rows],
        html=dispatch.html.replace(rendering.UNSUBSCRIBE_MARK, field),
        text=dispatch.text.replace(rendering.UNSUBSCRIBE_MARK, field),
    )
    message.merge_data, message.merge_headers, message.merge_metadata = {}, {}, {}
    message.merge_global_data = {}
    root = _site_root()
    for row in rows:
        url, headers = _links(row, dispatch.issue, root)
        message.merge_data[row.address] = {"unsubscribe_url": url}
        message.merge_headers[row.address] = headers
        message.merge_metadata[row.address] = {"versus_delivery": str(row.pk)}
    return [(message, rows)]


def _single_messages(rows, dispatch, profile):
    """One message per recipient, links in place, for providers that cannot
    merge into an inline body."""
    messages = []
    root = _site_root()
    for row in rows:
        url, headers = _links(row, dispatch.issue, root)
        message = _message(
            dispatch,
            profile,
            to=[row.address],
            html=dispatch.html.replace(rendering.UNSUBSCRIBE_MARK, url),
            text=dispatch.text.replace(rendering.UNSUBSCRIBE_MARK, url),
            headers=headers,
        )
        message.metadata["versus_delivery"] = str(row.pk)
        messages.append((message, [row]))
    return messages


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
    # Committed before the provider is called: from here a crash means
    # « maybe sent », never « send again ».
    Delivery.objects.filter(
        pk__in=[row.pk for row in rows], claimed_by=claim, status=Status.SENDING
    ).update(status=Status.HANDED, handed_at=now)
    handed = set(
        Delivery.objects.filter(
            pk__in=[row.pk for row in rows], claimed_by=claim, status=Status.HANDED
        ).values_list("pk", flat=True)
    )
    rows = [row for row in rows if row.pk in handed]  # a sweep may have taken some
    if not rows:
        return counts
    connection_ = mail.mailers.default
    profile = providers.profile(getattr(connection_, "esp_name", ""))
    build = _batch_messages if profile.batch else _single_messages
    pending = build(rows, dispatch, profile)
    retry_at = None
    connection_.open()
    try:
        while pending:
            message, message_rows = pending.pop(0)
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
                    left = message_rows + [r for _m, rs in pending for r in rs]
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
        _enqueue_later(issue_id, batch, retry_at)
    finish_if_done(issue_id)
    return counts


def _enqueue_later(issue_id: int, batch: int, at) -> None:
    from newsletter.tasks import send_batch_task

    if send_batch_task.get_backend().supports_defer:
        send_batch_task.using(run_after=at).enqueue(issue_id, batch)
    # Otherwise the periodic sweep queues it again once it is due.


def finish_if_done(issue_id: int) -> bool:
    open_rows = Delivery.objects.filter(
        issue_id=issue_id, status__in=[Status.QUEUED, Status.SENDING, Status.HANDED]
    )
    if open_rows.exists():
        return False
    return bool(
        IssueDispatch.objects.filter(issue_id=issue_id, state=State.SENDING).update(
            state=State.SENT, finished_at=timezone.now()
        )
    )


# --- After a crash, and on schedule ---------------------------------------------


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


def progress(issue) -> dict:
    """Rows per status, for the admin's progress bar."""
    counts = dict.fromkeys(Status.values, 0)
    rows = Delivery.objects.filter(issue=issue).values("status").annotate(n=Count("pk"))
    for row in rows:
        counts[row["status"]] = row["n"]
    return counts
