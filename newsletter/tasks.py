"""Background work of the newsletter, on its own ``newsletter`` queue: one task
per batch, and a minute job that starts scheduled issues and picks up what a
stopped worker left (``services.sending.sweep``).

A queue of its own, so that a sign-in code or a ticket on the ``email`` queue
never waits behind fifty thousand newsletters: production may give it a worker
of its own. Where one worker takes every queue (``make run``), batches still
come after other tasks by their lower priority, and the minute job ahead of
the batches it sweeps. Tasks queued on ``email`` before the queue existed run
all the same: a worker runs a task by its module path, which has not changed.
https://docs.djangoproject.com/en/6.1/topics/tasks/
"""

from crontask import cron
from django.tasks import task

from core.jobs import run_alone
from newsletter.services import sending

QUEUE = "newsletter"
# Below django.tasks' default priority (0), which every other task takes.
BATCH_PRIORITY = -10


@task(queue_name=QUEUE, priority=BATCH_PRIORITY)
def send_batch_task(issue_id: int, batch: int) -> dict:
    return sending.send_batch(issue_id, batch)


@cron("* * * * *")
@task(queue_name=QUEUE)
def newsletter_minute() -> str:
    """Scheduled issues whose time has come, and what a stopped worker left."""
    return str(run_alone("newsletter_minute", _minute))


def _minute() -> dict:
    return {"started": sending.send_due_issues(), **sending.sweep()}
