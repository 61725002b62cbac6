"""Background work of the newsletter: one task per batch, on the ``email`` queue
of the worker that sends every email, and a minute job that starts scheduled
issues and picks up what a stopped worker left (``services.sending.sweep``).

Batches run at a lower priority than the transactional emails of the same queue:
a sign-in code or a ticket never waits behind fifty thousand newsletters.
https://docs.djangoproject.com/en/6.1/topics/tasks/
"""

from crontask import cron
from django.tasks import task

from core.jobs import run_alone
from newsletter.services import sending

# Below django.tasks' default priority (0), which the outbox's emails take.
BATCH_PRIORITY = -10


@task(queue_name="email", priority=BATCH_PRIORITY)
def send_batch_task(issue_id: int, batch: int) -> dict:
    return sending.send_batch(issue_id, batch)


@cron("* * * * *")
@task(queue_name="email")
def newsletter_minute() -> str:
    """Scheduled issues whose time has come, and what a stopped worker left."""
    return str(run_alone("newsletter_minute", _minute))


def _minute() -> dict:
    return {"started": sending.send_due_issues(), **sending.sweep()}
