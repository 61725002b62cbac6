"""The outgoing email queue: owed with the change that causes it, sent after
commit, retried until the provider accepts it, never twice."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from core import outbox
from core.models import OutgoingEmail

NOTE = "tests.core.builders.note"
ADDRESS = "lea@example.org"


def owe(text="Bonjour", *, key=None, language="fr"):
    return outbox.owe_email(
        NOTE, to=ADDRESS, language=language, key=key, address=ADDRESS, text=text
    )


def later(minutes=600):
    return timezone.now() + datetime.timedelta(minutes=minutes)


@pytest.mark.django_db(transaction=True)
def test_an_email_goes_once_the_change_commits_in_the_recipients_language(provider):
    with transaction.atomic():
        email = owe(language="en")
        assert mail.outbox == []  # not before the commit

    email.refresh_from_db()
    assert [m.subject for m in mail.outbox] == ["[en] Bonjour"]
    assert email.status == "sent"
    assert email.attempts == 1
    assert email.sent_at is not None
    assert email.subject == "[en] Bonjour"


@pytest.mark.django_db(transaction=True)
def test_a_change_rolled_back_owes_nothing(provider):
    def payment_step_that_fails():
        with transaction.atomic():
            owe()
            raise RuntimeError("the payment step failed")

    with pytest.raises(RuntimeError):
        payment_step_that_fails()

    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_the_same_cause_twice_owes_one_email(provider):
    with transaction.atomic():
        first = owe(key="welcome:sub_1")
    with transaction.atomic():
        second = owe(key="welcome:sub_1")

    assert first is not None
    assert second is None
    assert OutgoingEmail.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_provider_outage_delays_the_email_and_never_fails_the_step(provider):
    provider.script = ["refuse", "refuse"]

    with transaction.atomic():
        email = owe()  # no exception reaches the caller

    email.refresh_from_db()
    assert email.status == "owed"
    assert email.attempts == 1
    assert "503 Service Unavailable" in email.last_error
    first_delay = email.next_attempt_at - timezone.now()
    assert datetime.timedelta(seconds=50) < first_delay < datetime.timedelta(seconds=70)
    assert mail.outbox == []

    # Not due yet: nothing is tried.
    assert outbox.send_due_emails() == 0
    assert provider.attempts == 1

    # Due: refused again, the next delay doubles.
    assert outbox.send_due_emails(now=later()) == 0
    email.refresh_from_db()
    assert email.attempts == 2
    second_delay = email.next_attempt_at - timezone.now()
    assert (
        datetime.timedelta(seconds=110) < second_delay < datetime.timedelta(seconds=135)
    )

    # The provider is back: sent, once.
    assert outbox.send_due_emails(now=later()) == 1
    assert outbox.send_due_emails(now=later(2000)) == 0
    email.refresh_from_db()
    assert email.status == "sent"
    assert email.attempts == 3
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_an_address_the_provider_rejects_is_not_tried_again(provider):
    provider.script = ["reject"]

    email = owe()

    email.refresh_from_db()
    assert email.status == "failed"
    assert "rejected" in email.last_error
    assert outbox.send_due_emails(now=later()) == 0
    assert provider.attempts == 1


@pytest.mark.django_db(transaction=True)
def test_after_the_last_attempt_the_email_is_given_up_and_shown(provider):
    provider.script = ["refuse"] * outbox.MAX_ATTEMPTS

    email = owe()
    for hours in range(1, outbox.MAX_ATTEMPTS + 1):
        outbox.send_due_emails(now=later(hours * 24 * 60))

    email.refresh_from_db()
    assert email.status == "failed"
    assert email.attempts == outbox.MAX_ATTEMPTS
    assert provider.attempts == outbox.MAX_ATTEMPTS

    # An editor asks again once the provider is fixed.
    outbox.retry_now(email)
    email.refresh_from_db()
    assert email.status == "sent"
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_an_email_held_by_a_dead_worker_is_taken_up_again(provider, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}
    }
    email = owe()
    # A worker claimed it, then died before sending.
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status="sending", claimed_until=timezone.now() - datetime.timedelta(seconds=1)
    )

    assert outbox.send_due_emails() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_an_email_held_by_a_live_worker_is_left_to_it(provider, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}
    }
    email = owe()
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status="sending", claimed_until=timezone.now() + datetime.timedelta(minutes=5)
    )

    assert outbox.deliver(email.pk) == "not due"
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_an_email_about_something_deleted_meanwhile_is_cancelled(provider):
    email = outbox.owe_email(
        "subscriptions.emails.welcome",
        to=ADDRESS,
        language="fr",
        user_id=987654,
        subscription_id=123456,
    )

    email.refresh_from_db()
    assert email.status == "cancelled"
    assert "DoesNotExist" in email.last_error
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_a_rendered_email_keeps_no_copy_of_its_text_once_sent(provider):
    from django.core.mail import EmailMultiAlternatives

    message = EmailMultiAlternatives(
        subject="Votre code", body="Code : 123456", to=[ADDRESS]
    )
    message.attach_alternative("<p>Code : 123456</p>", "text/html")

    email = outbox.owe_rendered(message, language="fr")

    email.refresh_from_db()
    assert email.status == "sent"
    assert email.params == {}
    assert email.subject == "Votre code"
    sent = mail.outbox[0]
    assert sent.body == "Code : 123456"
    assert sent.alternatives[0][0] == "<p>Code : 123456</p>"
