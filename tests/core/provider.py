"""An email provider that refuses what it is told to: Django's in-memory
backend, behind the error Anymail raises when an ESP answers with a failure.
The ``provider`` fixture (tests/conftest.py) puts it in place."""

import datetime

from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused
from django.core.mail.backends.locmem import EmailBackend as LocMemBackend
from django.utils import timezone

from core import outbox
from core.models import OutgoingEmail


class RefusingBackend(LocMemBackend):
    #: While True, every send is refused (the provider is down).
    down = False
    #: Otherwise, what the next sends meet, in order: "refuse" (an outage),
    #: "reject" (it will never take this address), or "accept". Then: accept.
    script: list[str] = []
    attempts = 0

    @classmethod
    def reset(cls):
        cls.down, cls.script, cls.attempts = False, [], 0

    def send_messages(self, messages):
        sent = 0
        for message in messages:
            type(self).attempts += 1
            outcome = (
                "refuse"
                if self.down
                else (self.script.pop(0) if self.script else "accept")
            )
            if outcome == "refuse":
                raise AnymailAPIError("503 Service Unavailable from the provider")
            if outcome == "reject":
                raise AnymailRecipientsRefused("all recipients were rejected")
            sent += super().send_messages([message])
        return sent


def owed_then_sent_once(key: str) -> OutgoingEmail:
    """The email owed for ``key`` waits after one refused attempt; once due, it
    goes, and only once. Call with the provider back up."""
    owed = OutgoingEmail.objects.get(key=key)
    assert owed.status == OutgoingEmail.Status.OWED
    assert owed.attempts == 1
    assert "503 Service Unavailable" in owed.last_error
    assert owed.next_attempt_at > timezone.now()
    later = owed.next_attempt_at + datetime.timedelta(seconds=1)
    assert outbox.send_due_emails(now=later) == 1
    assert outbox.send_due_emails(now=later + datetime.timedelta(hours=1)) == 0
    owed.refresh_from_db()
    assert owed.status == OutgoingEmail.Status.SENT
    return owed
