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


# --- A late payment's refund leaves the webhook as a task ---------------------------


@pytest.mark.django_db(transaction=True)
def test_a_late_payment_is_refunded_by_the_worker_not_in_the_webhook(
    database_tasks, stripe_http, home_page
):
    from events import services
    from events.factories import ConferencePageFactory, EventIndexPageFactory
    from events.models import SeatOrder
    from payments.events import receive_event
    from tests.stripe_fake.objects import build
    from tests.subscriptions.fake_stripe import event

    stripe_http.route(
        "post", "/v1/refunds", build("refund", id="re_1", status="succeeded")
    )
    conference = ConferencePageFactory(
        parent=EventIndexPageFactory(parent=home_page), capacity=2
    )
    price = conference.prices.get(category="individual")
    late = services.hold_seats(
        conference, price=price, quantity=2, name="Ana", email="ana@example.org"
    )
    services.release_order(late.pk)
    services.hold_seats(
        conference, price=price, quantity=2, name="Bo", email="bo@example.org"
    )
    paid = build(
        "checkout.session",
        id="cs_late",
        mode="payment",
        status="complete",
        payment_status="paid",
        payment_intent="pi_late",
        metadata={"seat_order": str(late.pk)},
        amount_total=late.amount_cents,
        currency="eur",
    )

    receive_event(event("checkout.session.completed", paid))

    late.refresh_from_db()
    assert late.status == SeatOrder.Status.REFUNDED
    assert late.refunded_at is None  # owed, not done yet
    assert stripe_http.calls_to("post", "/v1/refunds") == []
    assert DBTaskResult.objects.filter(
        task_path="events.tasks.refund_seat_order", status="READY"
    ).exists()

    call_command(
        "db_worker",
        "--batch",
        "--queue-name",
        "default,email",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )

    late.refresh_from_db()
    assert late.refunded_at is not None
    refunds = stripe_http.calls_to("post", "/v1/refunds")
    assert [call["form"]["payment_intent"] for call in refunds] == [["pi_late"]]
    assert refunds[0]["headers"]["Idempotency-Key"] == f"refund:seat-order:{late.pk}"
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
