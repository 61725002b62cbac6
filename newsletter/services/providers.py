"""What differs between email providers when sending a newsletter in batches.

Anymail sends one message with many ``to`` as one personalised email per
recipient when it is given ``merge_data`` (https://anymail.dev/en/stable/sending/
templates/#batch-send), but each provider has its own syntax for a merge field in
the body, and some only merge into templates stored at the provider (Postmark,
Amazon SES): for those the batch is sent as one message per recipient, on one
connection, with the links already in place. Per-message tracking switches exist
only where the provider has them; elsewhere open and click tracking must be off
in the provider's account (the README says so).
"""

from dataclasses import dataclass, field

from django.conf import settings


@dataclass(frozen=True)
class Profile:
    # "%s" stands for the field's name; None: the provider cannot merge inline.
    merge_field: str | None
    # Whether track_opens / track_clicks may be set on a message.
    tracking_flags: bool
    esp_extra: dict = field(default_factory=dict)

    @property
    def batch(self) -> bool:
        return self.merge_field is not None


def profile(esp_name: str) -> Profile:
    """The profile of an Anymail backend, by its ``esp_name``."""
    name = (esp_name or "").lower()
    if name in {"brevo", "sendinblue"}:
        return Profile("{{ params.%s }}", tracking_flags=False)
    if name == "mailgun":
        return Profile("%%recipient.%s%%", tracking_flags=True)
    if name == "mailjet":
        return Profile("[[var:%s]]", tracking_flags=True)
    if name == "test":  # Anymail's test backend records the batch as it is
        return Profile("{{ %s }}", tracking_flags=True)
    if name == "postmark":
        # Bulk mail goes through Postmark's broadcast stream, never the
        # transactional one. https://postmarkapp.com/message-streams
        return Profile(
            None,
            tracking_flags=True,
            esp_extra={"MessageStream": settings.NEWSLETTER_POSTMARK_STREAM},
        )
    if name in {"sendgrid", "console"}:
        return Profile(None, tracking_flags=True)
    return Profile(None, tracking_flags=False)
