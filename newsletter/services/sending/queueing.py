"""An issue's batches on the task queue, the moment it is done, and how far it
got: what starting, sending and the sweep all ask of the ``Delivery`` rows."""

from django.db.models import Count
from django.utils import timezone

from newsletter.models import Delivery, IssueDispatch

Status = Delivery.Status
State = IssueDispatch.State


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


def enqueue_later(issue_id: int, batch: int, at) -> None:
    from newsletter.tasks import send_batch_task  # the tasks import this module

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


def progress(issue) -> dict:
    """Rows per status, for the admin's progress bar."""
    counts = dict.fromkeys(Status.values, 0)
    rows = Delivery.objects.filter(issue=issue).values("status").annotate(n=Count("pk"))
    for row in rows:
        counts[row["status"]] = row["n"]
    return counts
