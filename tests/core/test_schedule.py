"""The schedule kept by ``manage.py crontask``: which jobs, how often, and that each
one, enqueued as the scheduler enqueues it, does its work in the task worker
(django-tasks-db, on the test's own database: SQLite, or PostgreSQL with
DATABASE_URL)."""

import datetime
import threading

import pytest
from crontask import scheduler
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.jobs import SKIPPED, exclusive
from core.models import OutgoingEmail
from events import services as events
from events.factories import ConferencePageFactory, EventIndexPageFactory
from events.models import SeatOrder
from home.models import StandardPage
from payments.models import StripeEvent
from subscriptions.factories import BillingAccountFactory, PlanFactory
from subscriptions.models import Subscription
from tests.subscriptions.fake_stripe import PRICE, event, subscription

EXPECTED = {
    "send_due_emails": "* * * * *",
    "publish_scheduled_pages": "* * * * *",
    "events_housekeeping": "*/5 * * * *",
    "reconcile_stripe": "17 * * * *",
    "clear_expired_sessions": "40 3 * * *",
    "prune_task_results": "50 3 * * *",
}


def crontab(trigger) -> str:
    fields = {field.name: str(field) for field in trigger.fields}
    return "{minute} {hour} {day} {month} {day_of_week}".format(**fields)


def scheduled_jobs() -> dict:
    """The jobs as ``manage.py crontask`` loads them: every app's tasks module."""
    import core.tasks  # noqa: F401
    import events.tasks  # noqa: F401
    import subscriptions.tasks  # noqa: F401

    return {job.name: job for job in scheduler.get_jobs() if job.name in EXPECTED}


def enqueue_as_the_scheduler_does(name: str) -> DBTaskResult:
    job = scheduled_jobs()[name]
    result = job.func(*job.args, **job.kwargs)
    return DBTaskResult.objects.get(id=result.id)


def work():
    from django.core.management import call_command

    call_command(
        "db_worker",
        "--batch",
        "--queue-name",
        "default,email",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )


def run_job(name: str) -> DBTaskResult:
    queued = enqueue_as_the_scheduler_does(name)
    assert queued.status == "READY"  # the scheduler only enqueues
    work()
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL", queued.traceback
    return queued


def test_the_schedule_lists_every_job_with_its_crontab():
    jobs = scheduled_jobs()

    assert {name: crontab(job.trigger) for name, job in jobs.items()} == EXPECTED
    # The scheduler's job enqueues the task; it never runs it itself.
    for name, job in jobs.items():
        assert job.func.__name__ == "enqueue"
        assert job.func.__self__.name == name
    # Daily jobs run at night, Paris time.
    assert str(jobs["prune_task_results"].trigger.timezone) == "Europe/Paris"


@pytest.mark.django_db(transaction=True)
def test_due_emails_are_sent_by_the_worker(database_tasks, provider):
    email = OutgoingEmail.objects.create(
        builder="tests.core.builders.note",
        params={"address": "lea@example.org", "text": "Bonjour"},
        language="fr",
        recipient="lea@example.org",
        next_attempt_at=timezone.now() - datetime.timedelta(minutes=1),
    )

    result = run_job("send_due_emails")

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert [message.to for message in mail.outbox] == [["lea@example.org"]]
    assert result.return_value == "sent: 1"
    assert result.queue_name == "email"


@pytest.mark.django_db(transaction=True)
def test_scheduled_pages_go_live_and_expire_in_the_worker(database_tasks, home_page):
    now = timezone.now()
    coming = home_page.add_child(
        instance=StandardPage(title="À paraître", slug="a-paraitre", live=False)
    )
    coming.go_live_at = now + datetime.timedelta(hours=1)
    revision = coming.save_revision()
    revision.publish()  # scheduled, not live
    # An hour later: the go-live time has come.
    past = now - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    coming.refresh_from_db()
    assert not coming.live
    leaving = home_page.add_child(
        instance=StandardPage(
            title="Jusqu'à ce matin",
            slug="jusqua-ce-matin",
            expire_at=now - datetime.timedelta(minutes=1),
        )
    )

    run_job("publish_scheduled_pages")

    coming.refresh_from_db()
    leaving.refresh_from_db()
    assert coming.live
    assert not leaving.live
    assert leaving.expired


@pytest.mark.django_db(transaction=True)
def test_housekeeping_frees_lapsed_holds_in_the_worker(database_tasks, home_page):
    conference = ConferencePageFactory(
        parent=EventIndexPageFactory(parent=home_page), capacity=10
    )
    order = events.hold_seats(
        conference,
        price=conference.prices.get(category="individual"),
        quantity=2,
        name="Ana Lopez",
        email="ana@example.org",
    )
    SeatOrder.objects.filter(pk=order.pk).update(
        held_until=timezone.now() - datetime.timedelta(minutes=1)
    )

    result = run_job("events_housekeeping")

    order.refresh_from_db()
    assert order.status == SeatOrder.Status.RELEASED
    assert result.return_value.startswith("released 1 hold(s)")
    # A second run finds nothing left to do.
    assert run_job("events_housekeeping").return_value.startswith("released 0 hold(s)")


@pytest.mark.django_db(transaction=True)
def test_reconciling_is_skipped_in_demo_mode(database_tasks, settings):
    settings.STRIPE_DEMO_MODE = True

    assert run_job("reconcile_stripe").return_value == (
        "skipped: demo mode, no Stripe account"
    )


@pytest.mark.django_db(transaction=True)
def test_reconciling_applies_what_stripe_could_not_deliver(
    database_tasks, stripe_http, reader
):
    PlanFactory(stripe_price_id=PRICE)
    BillingAccountFactory(user=reader, stripe_customer_id="cus_1")
    remote = subscription("sub_1")
    missed = event("customer.subscription.created", remote)
    listing = {"object": "list", "has_more": False}
    stripe_http.route("get", "/v1/subscriptions/sub_1", remote)
    stripe_http.route(
        "get", "/v1/subscriptions", {**listing, "data": [remote], "url": "/v1/s"}
    )
    stripe_http.route(
        "get", "/v1/events", {**listing, "data": [missed], "url": "/v1/events"}
    )

    result = run_job("reconcile_stripe")

    assert result.return_value.startswith("undelivered events applied: 1;")
    assert Subscription.objects.get(stripe_subscription_id="sub_1").status == "active"
    assert StripeEvent.objects.get(id=missed["id"]).outcome == "applied"


@pytest.mark.django_db(transaction=True)
def test_expired_sessions_are_cleared_in_the_worker(database_tasks):
    kept = SessionStore()
    kept["reader"] = 1
    kept.create()
    gone = SessionStore()
    gone.create()
    Session.objects.filter(session_key=gone.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(days=1)
    )

    run_job("clear_expired_sessions")

    assert list(Session.objects.values_list("session_key", flat=True)) == [
        kept.session_key
    ]


@pytest.mark.django_db(transaction=True)
def test_old_finished_task_results_are_pruned_in_the_worker(database_tasks):
    old = run_job("send_due_emails")
    recent = run_job("send_due_emails")
    DBTaskResult.objects.filter(pk=old.pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=8)
    )

    pruning = run_job("prune_task_results")

    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {
        recent.pk,
        pruning.pk,
    }


@pytest.mark.django_db(transaction=True)
def test_a_run_that_meets_the_previous_one_still_going_does_nothing(
    database_tasks, home_page
):
    """A slow housekeeping and the next one: the second finds the lock held (in
    another thread, with its own connection, as another worker would) and skips."""
    held, release = threading.Event(), threading.Event()

    def slow_run():
        from django.db import connection

        try:
            with exclusive("events_housekeeping") as got_it:
                assert got_it
                held.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    slow = threading.Thread(target=slow_run)
    slow.start()
    try:
        assert held.wait(timeout=30)
        assert run_job("events_housekeeping").return_value == SKIPPED
    finally:
        release.set()
        slow.join(timeout=30)

    assert run_job("events_housekeeping").return_value.startswith("released 0")


def test_the_scheduler_refuses_to_run_the_jobs_itself():
    from django.core.management import CommandError, call_command

    # The tests' immediate backend would run each job inside the scheduler.
    with pytest.raises(CommandError, match="TASKS_BACKEND=database"):
        call_command("crontask", "--no-heartbeat")
