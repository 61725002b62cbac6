"""The newsletter's own task queue: an issue's batches never stand in front of
the transactional emails, and batches queued on ``email`` before the queue
existed still run."""

from collections import Counter

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from core import outbox
from newsletter.factories import SubscriptionFactory
from newsletter.models import Delivery, IssueDispatch
from newsletter.services import sending
from newsletter.tasks import newsletter_minute, send_batch_task
from scripts.run import commands

pytestmark = pytest.mark.django_db(transaction=True)

BATCH_PATH = "newsletter.tasks.send_batch_task"


@pytest.fixture
def database_tasks(settings):
    """The production task backend: tasks are rows, run by ``db_worker``."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "email", "newsletter"],
        }
    }


@pytest.fixture
def readers(weekly_list):
    return [
        SubscriptionFactory(
            subscriber__email=f"lecteur{n}@example.org"
        ).subscriber.email
        for n in range(5)
    ]


def work(queues: str) -> None:
    call_command(
        "db_worker",
        "--batch",
        "--queue-name",
        queues,
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )


def _sent_to() -> Counter:
    return Counter(address for message in mail.outbox for address in message.to)


def test_an_issues_batches_go_to_the_newsletter_queue(
    database_tasks, esp, issue, readers
):
    sending.send_issue(issue)  # its batches are queued after commit

    queued = DBTaskResult.objects.filter(task_path=BATCH_PATH)
    assert sorted(row.args_kwargs["args"] for row in queued) == [
        [issue.pk, 0],
        [issue.pk, 1],
    ]
    assert set(queued.values_list("queue_name", flat=True)) == {"newsletter"}
    assert newsletter_minute.queue_name == "newsletter"


def test_a_worker_on_the_email_queue_sends_the_emails_and_leaves_the_batches(
    database_tasks, esp, issue, readers
):
    sending.send_issue(issue)
    with transaction.atomic():
        outbox.owe_email(
            "tests.core.builders.note",
            to="lea@example.org",
            language="fr",
            address="lea@example.org",
            text="Votre code",
        )

    work("email")

    assert _sent_to() == Counter({"lea@example.org": 1})
    assert set(Delivery.objects.values_list("status", flat=True)) == {"queued"}

    work("newsletter")

    assert _sent_to() == Counter([*readers, "lea@example.org"])
    assert IssueDispatch.objects.get().state == IssueDispatch.State.SENT


def test_a_batch_queued_on_the_email_queue_before_the_change_still_runs(
    database_tasks, esp, issue, readers, monkeypatch
):
    monkeypatch.setattr(sending.start, "enqueue_batches", lambda *a, **k: 0)
    sending.send_issue(issue)
    for batch in (0, 1):  # as the previous release queued them
        send_batch_task.using(queue_name="email").enqueue(issue.pk, batch)

    work("email")

    assert _sent_to() == Counter(readers)
    assert set(
        DBTaskResult.objects.filter(task_path=BATCH_PATH).values_list(
            "queue_name", "status"
        )
    ) == {("email", "SUCCESSFUL")}


def test_make_run_starts_a_worker_that_takes_the_newsletter_queue():
    worker = commands("127.0.0.1:8000")["worker"]
    queues = worker[worker.index("--queue-name") + 1].split(",")
    assert set(queues) == {"default", "email", "newsletter"}
