"""What each room knows about a reader, for the GDPR export and for deletion.

Each app that stores personal data registers a section in its ``AppConfig.ready()``:
an ``export`` callable returning JSON-serialisable data about the user, and an
optional ``erase`` callable run just before the account is deleted, to anonymise
what must outlive the reader (a comment's text, a vote's share in a total) and
delete the rest. ``accounts.services`` walks the sections; no room reaches into
another to do it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress

from core.models import OutgoingEmail


@dataclass(frozen=True)
class Section:
    key: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None = None


_sections: dict[str, Section] = {}


def register(key: str, *, export, erase=None) -> None:
    _sections[key] = Section(key=key, export=export, erase=erase)


def sections() -> list[Section]:
    return list(_sections.values())


def _export_profile(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


def _export_email_addresses(user) -> list[dict]:
    return [
        {
            "email": address.email,
            "verified": address.verified,
            "primary": address.primary,
        }
        for address in EmailAddress.objects.filter(user=user).order_by("email")
    ]


def _emails_to(user):
    return OutgoingEmail.objects.filter(recipient__iexact=user.email)


def _export_emails(user) -> list[dict]:
    """The emails we sent or owe the reader: what, when, and where it stands."""
    return [
        {
            "subject": email.subject,
            "status": email.status,
            "owed_since": email.created_at.isoformat(),
            "sent_at": email.sent_at.isoformat() if email.sent_at else None,
        }
        for email in _emails_to(user).order_by("created_at")
    ]


def _erase_emails(user) -> None:
    # The goodbye is owed after this runs, to the address just erased.
    _emails_to(user).delete()


def register_accounts_sections() -> None:
    register("profile", export=_export_profile)
    register("email_addresses", export=_export_email_addresses)
    register("emails", export=_export_emails, erase=_erase_emails)
