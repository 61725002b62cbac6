"""Actions on a reader's account (Django-Styleguide services: typed, atomic)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts import personal_data
from core.outbox import owe_email

User = get_user_model()


@transaction.atomic
def update_profile(user, *, first_name: str, last_name: str, language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language {language!r}.")
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.language = language
    user.save(update_fields=["first_name", "last_name", "language"])


def export_personal_data(user) -> dict:
    """Everything Versus holds about the reader, as JSON (GDPR art. 15 and 20)."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "publication": "Versus",
    }
    for section in personal_data.sections():
        data[section.key] = section.export(user)
    return data


@transaction.atomic
def delete_account(user) -> None:
    """Erase the reader (GDPR art. 17).

    Each room first anonymises what must outlive the account (aggregates, published
    contributions), then the user row and everything that cascades from it goes.
    The goodbye email is sent once the deletion is committed.
    """
    email, language, name = user.email, user.language, user.display_name
    for section in personal_data.sections():
        if section.erase is not None:
            section.erase(user)
    User.objects.filter(pk=user.pk).delete()
    owe_email(
        "accounts.emails.account_deleted",
        to=email,
        language=language,
        email=email,
        name=name,
    )
