"""The same queue with the production backend: tasks are rows written in the
transaction of the change (django-tasks-db), run by ``manage.py db_worker``."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from core import outbox
from core.models import OutgoingEmail

ADDRESS = "lea@example.org"


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "email"],
        }
    }


def work():
    call_command(
        "db_worker",
        "--batch",
        "--queue-name",
        "email",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )


def owe():
    return outbox.owe_email(
        "tests.core.builders.note",
        to=ADDRESS,
        language="fr",
        address=ADDRESS,
        text="Bonjour",
    )


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_what_was_owed_once_committed(database_tasks, provider):
    with transaction.atomic():
        email = owe()
    assert (
        DBTaskResult.objects.filter(task_path="core.tasks.deliver_email").count() == 1
    )
    assert mail.outbox == []  # nothing goes without the worker

    work()
    work()

    email.refresh_from_db()
    assert email.status == "sent"
    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_the_worker_tries_again_later_when_the_provider_refuses(
    database_tasks, provider, settings
):
    settings.EMAIL_RETRY_BASE_SECONDS = 0  # the retry is due at once
    provider.script = ["refuse"]
    with transaction.atomic():
        email = owe()

    work()

    email.refresh_from_db()
    assert email.status == "sent"
    assert email.attempts == 2
    assert provider.attempts == 2
    assert len(mail.outbox) == 1
    # The refusal did not fail the task: it queued the next attempt.
    assert list(
        DBTaskResult.objects.order_by("enqueued_at").values_list("status", flat=True)
    ) == ["SUCCESSFUL", "SUCCESSFUL"]


@pytest.mark.django_db(transaction=True)
def test_a_retry_not_yet_due_waits_in_the_queue(database_tasks, provider):
    provider.script = ["refuse"]
    with transaction.atomic():
        email = owe()

    work()

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.OWED
    waiting = DBTaskResult.objects.get(status="READY")
    assert waiting.run_after >= email.next_attempt_at
    assert mail.outbox == []
