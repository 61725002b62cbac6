"""Email that is never lost and never sent twice.

``owe_email`` records an email inside the caller's transaction, naming a builder
(a function that returns the message, given JSON parameters) and, where the email
answers a cause that may repeat (a Stripe event delivered twice, a retried form),
a ``key`` that makes the second one a no-op. Once the transaction commits, a task
delivers it (``core.tasks.deliver_email``); if the provider refuses or cannot be
reached, the email stays owed and is tried again later, with a growing delay,
until it is accepted or ``MAX_ATTEMPTS`` is reached. The step that owed the email
never sees the provider's failure.

Builders run at delivery, in the recipient's language, so that what is heavy
(PDF, QR codes) is made outside the caller's transaction and from the state as
committed. Messages rendered elsewhere (allauth's) travel whole through
``owe_rendered``, and their text is dropped once sent.

https://docs.djangoproject.com/en/6.1/topics/tasks/
"""

import datetime
import logging
import random
from functools import partial

from anymail.exceptions import AnymailRecipientsRefused
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from core.models import OutgoingEmail

logger = logging.getLogger(__name__)

# With the delay doubling from EMAIL_RETRY_BASE_SECONDS up to six hours, twelve
# attempts cover about a day and a half of provider outage.
MAX_ATTEMPTS = 12
MAX_DELAY = datetime.timedelta(hours=6)
# How long a worker may hold an email while it builds and sends it.
CLAIM = datetime.timedelta(minutes=10)
RENDERED = "core.outbox.rendered"


def compose(
    *,
    subject: str,
    template: str,
    context: dict,
    to: list[str],
    attachments: list[tuple[str, bytes, str]] = (),
    reply_to: list[str] = (),
) -> EmailMultiAlternatives:
    """One message, plain text and HTML, from ``<template>.txt`` and
    ``<template>.html``, rendered in the active language; ``attachments`` are
    (filename, content, MIME type)."""
    context = {**context, "subject": subject}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        to=to,
        reply_to=list(reply_to) or None,
    )
    message.attach_alternative(
        render_to_string(f"{template}.html", context), "text/html"
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def owe_email(
    builder: str,
    *,
    to: str,
    language: str,
    key: str | None = None,
    **params,
) -> OutgoingEmail | None:
    """Record an email to send once the caller's transaction commits.

    ``builder`` is the dotted path of a function taking ``params`` (JSON values)
    and returning the message. Returns None when ``key`` was already owed: that
    cause has had its email."""
    fields = {
        "builder": builder,
        "params": params,
        "language": language or settings.LANGUAGE_CODE,
        "recipient": to[:500],
    }
    if key is None:
        email = OutgoingEmail.objects.create(**fields)
    else:
        try:
            with transaction.atomic():
                email = OutgoingEmail.objects.create(key=key[:200], **fields)
        except IntegrityError:
            return None
    transaction.on_commit(partial(enqueue_delivery, email.pk), robust=True)
    return email


def owe_rendered(
    message: EmailMessage, *, language: str, key: str | None = None
) -> OutgoingEmail | None:
    """An email already rendered by someone else (allauth, Wagtail's moderation
    notifications), owed as it is; ``key`` as for ``owe_email``."""
    alternatives = [
        [content, mimetype]
        for content, mimetype in getattr(message, "alternatives", [])
        if isinstance(content, str)
    ]
    return owe_email(
        RENDERED,
        to=", ".join(message.to),
        language=language,
        key=key,
        subject=str(message.subject),
        body=message.body,
        alternatives=alternatives,
        to_addresses=list(message.to),
        from_email=message.from_email,
        reply_to=list(message.reply_to),
        headers=dict(message.extra_headers),
    )


def rendered(
    *, subject, body, alternatives, to_addresses, from_email, reply_to, headers
):
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email,
        to=to_addresses,
        reply_to=reply_to or None,
        headers=headers or None,
    )
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    return message


def enqueue_delivery(email_id: int, *, at: datetime.datetime | None = None) -> None:
    """Hand the email to the task worker; if the backend cannot defer, a later
    attempt is left to ``send_due_emails``."""
    # Imported here: core.tasks imports this module.
    from core.tasks import deliver_email

    task = deliver_email
    if at is not None:
        if not task.get_backend().supports_defer:
            return
        task = task.using(run_after=at)
    task.enqueue(email_id)


def retry_delay(attempts: int) -> datetime.timedelta:
    """Doubling from EMAIL_RETRY_BASE_SECONDS, capped at six hours, with a tenth
    of jitter so that a provider coming back is not hit by every email at once."""
    base = settings.EMAIL_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    seconds = min(base, MAX_DELAY.total_seconds())
    return datetime.timedelta(seconds=seconds * random.uniform(1.0, 1.1))  # noqa: S311


def _claim(email_id: int, now) -> bool:
    """Take the email for this worker, if it is due and nobody holds it."""
    due = Q(status=OutgoingEmail.Status.OWED, next_attempt_at__lte=now) | Q(
        status=OutgoingEmail.Status.SENDING, claimed_until__lt=now
    )
    return bool(
        OutgoingEmail.objects.filter(due, pk=email_id).update(
            status=OutgoingEmail.Status.SENDING,
            claimed_until=now + CLAIM,
            attempts=F("attempts") + 1,
        )
    )


def deliver(email_id: int, *, now=None) -> str:
    """Build and send one owed email; returns its status afterwards.

    Nothing raised by the provider escapes: a refusal leaves the email owed with
    its next attempt scheduled, so the caller (a task) always succeeds."""
    if not _claim(email_id, now or timezone.now()):
        return "not due"
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        with translation.override(email.language):
            message = import_string(email.builder)(**email.params)
    except ObjectDoesNotExist as error:
        # What the email was about is gone (an order deleted with its account).
        _finish(email, OutgoingEmail.Status.CANCELLED, error=repr(error))
        return email.status
    except Exception as error:
        logger.exception("Email %s (%s) could not be built", email.pk, email.builder)
        return _retry_later(email, error)
    email.subject = str(message.subject)[:255]
    email.recipient = ", ".join(message.to)[:500] or email.recipient
    # Anymail passes metadata to the provider, whose tracking events carry it
    # back: a bounce or a complaint can be tied to this row.
    message.metadata = {
        **getattr(message, "metadata", {}),
        "versus_email": str(email.pk),
    }
    try:
        message.send()
    except AnymailRecipientsRefused as error:
        # The provider will never take this address; trying again changes nothing.
        _finish(email, OutgoingEmail.Status.FAILED, error=str(error))
        return email.status
    except Exception as error:
        logger.warning("Email %s not accepted yet: %s", email.pk, error)
        return _retry_later(email, error)
    status = getattr(message, "anymail_status", None)
    _finish(
        email,
        OutgoingEmail.Status.SENT,
        message_id=(getattr(status, "message_id", None) or "") if status else "",
    )
    return email.status


def _finish(email: OutgoingEmail, status: str, *, error: str = "", message_id=""):
    email.status = status
    email.claimed_until = None
    email.last_error = error[-4000:]
    fields = ["status", "claimed_until", "last_error", "subject", "recipient"]
    if status == OutgoingEmail.Status.SENT:
        email.sent_at = timezone.now()
        email.provider_message_id = str(message_id)[:200]
        fields += ["sent_at", "provider_message_id"]
        if email.builder == RENDERED:
            # A sign-in code or a reset link has done its work: keep no copy.
            email.params = {}
            fields.append("params")
    email.save(update_fields=fields)


def _retry_later(email: OutgoingEmail, error: Exception) -> str:
    if email.attempts >= MAX_ATTEMPTS:
        _finish(email, OutgoingEmail.Status.FAILED, error=repr(error))
        logger.error("Email %s given up after %s attempts", email.pk, email.attempts)
        return email.status
    email.status = OutgoingEmail.Status.OWED
    email.claimed_until = None
    email.last_error = repr(error)[-4000:]
    email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
    email.save(
        update_fields=[
            "status",
            "claimed_until",
            "last_error",
            "next_attempt_at",
            "subject",
            "recipient",
        ]
    )
    try:
        enqueue_delivery(email.pk, at=email.next_attempt_at)
    except Exception:
        # The row stays owed: send_due_emails finds it.
        logger.exception("Email %s: retry not queued", email.pk)
    return email.status


def send_due_emails(*, now=None, limit: int = 500) -> int:
    """Deliver owed emails that are due, and those a dead worker left claimed;
    returns how many were sent. Catches up after an outage of the task queue
    itself, and runs failed retries where the backend cannot defer."""
    now = now or timezone.now()
    due = (
        OutgoingEmail.objects.filter(
            Q(status=OutgoingEmail.Status.OWED, next_attempt_at__lte=now)
            | Q(status=OutgoingEmail.Status.SENDING, claimed_until__lt=now)
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(deliver(pk, now=now) == OutgoingEmail.Status.SENT for pk in list(due))


def retry_now(email: OutgoingEmail) -> None:
    """An editor asks for another attempt at a failed or waiting email."""
    OutgoingEmail.objects.filter(
        pk=email.pk,
        status__in=[OutgoingEmail.Status.FAILED, OutgoingEmail.Status.OWED],
    ).update(
        status=OutgoingEmail.Status.OWED,
        next_attempt_at=timezone.now(),
        attempts=0,
    )
    transaction.on_commit(partial(enqueue_delivery, email.pk), robust=True)
