"""Background tasks of the core: delivering the outgoing email queue, and the
site-wide scheduled jobs (emails due again, Wagtail's scheduled publication,
expired sessions, finished task results).

They run in the task worker (``manage.py db_worker`` with the database backend)
or, in tests, at once after commit (the immediate backend). The scheduler
(``manage.py crontask``) only enqueues the ``@cron`` ones; each does what its
management command does, by calling the same function or the command itself,
under ``core.jobs.run_alone`` so that a slow run and the next do not overlap.
https://docs.djangoproject.com/en/6.1/topics/tasks/
"""

import io

from crontask import cron
from django.core.management import call_command
from django.tasks import task, task_backends
from django_tasks_db.backend import DatabaseBackend

from core import outbox
from core.jobs import run_alone

# Finished task results are kept this long, failed ones longer (to look into).
KEEP_RESULTS_DAYS = 7
KEEP_FAILED_RESULTS_DAYS = 30


@task(queue_name="email")
def deliver_email(email_id: int) -> str:
    return outbox.deliver(email_id)


def _command(name: str, *args) -> str:
    out = io.StringIO()
    call_command(name, *args, stdout=out, stderr=out)
    return out.getvalue().strip()


@cron("* * * * *")
@task(queue_name="email")
def send_due_emails() -> str:
    """Retries that are due, and emails a dead worker left claimed."""
    sent = run_alone("send_due_emails", outbox.send_due_emails)
    return f"sent: {sent}"


@cron("* * * * *")
@task()
def publish_scheduled_pages() -> str:
    """Pages (and snippets) whose go-live or expiry time has come."""
    return run_alone("publish_scheduled", lambda: _command("publish_scheduled"))


@cron("40 3 * * *")
@task()
def clear_expired_sessions() -> str:
    return run_alone("clearsessions", lambda: _command("clearsessions") or "done")


@cron("50 3 * * *")
@task()
def prune_task_results() -> str:
    """Only the database backend keeps results."""
    backend = task_backends["default"]
    if not isinstance(backend, DatabaseBackend):
        return "skipped: no task results kept by this backend"
    return run_alone(
        "prune_db_task_results",
        lambda: (
            _command(
                "prune_db_task_results",
                "--queue-name=*",
                f"--min-age-days={KEEP_RESULTS_DAYS}",
                f"--failed-min-age-days={KEEP_FAILED_RESULTS_DAYS}",
                "--verbosity=1",
            )
            or "done"
        ),
    )
