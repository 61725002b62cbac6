"""An email provider that refuses what it is told to: Django's in-memory
backend, behind the error Anymail raises when an ESP answers with a failure."""

from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused
from django.core.mail.backends.locmem import EmailBackend as LocMemBackend


class RefusingBackend(LocMemBackend):
    #: What the next sends meet, in order: "refuse" (the provider is down),
    #: "reject" (it will never take this address), or "accept". Then: accept.
    script: list[str] = []
    attempts = 0

    def send_messages(self, messages):
        sent = 0
        for message in messages:
            type(self).attempts += 1
            outcome = self.script.pop(0) if self.script else "accept"
            if outcome == "refuse":
                raise AnymailAPIError("503 Service Unavailable from the provider")
            if outcome == "reject":
                raise AnymailRecipientsRefused("all recipients were rejected")
            sent += super().send_messages([message])
        return sent
