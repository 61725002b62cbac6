"""The suppression list in the admin, and the flag on mail to a suppressed address."""

import pytest

from accounts.factories import UserFactory
from core.models import OutgoingEmail
from newsletter.models import Suppression

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(email="redaction@example.org", editor=True))
    return client


def test_an_editor_adds_a_suppressed_address_by_hand(editor_client):
    response = editor_client.post(
        "/admin/snippets/newsletter/suppression/add/",
        {"address": " Ines@Example.org", "reason": "manual", "note": "À sa demande"},
    )
    assert response.status_code == 302
    suppression = Suppression.objects.get()
    assert (suppression.address, suppression.reason) == ("ines@example.org", "manual")
    listing = editor_client.get("/admin/snippets/newsletter/suppression/")
    assert "ines@example.org" in listing.content.decode()


def test_mail_owed_to_a_suppressed_address_is_flagged(editor_client):
    OutgoingEmail.objects.create(
        builder="accounts.emails.account_deleted",
        params={},
        language="fr",
        recipient="ines@example.org",
        subject="Votre compte",
    )
    OutgoingEmail.objects.create(
        builder="accounts.emails.account_deleted",
        params={},
        language="fr",
        recipient="lea@example.org",
        subject="Votre compte",
    )
    Suppression.objects.create(address="ines@example.org", reason="hard_bounce")
    html = editor_client.get("/admin/snippets/core/outgoingemail/").content.decode()
    assert html.count("Adresse suspendue : Rebond définitif") == 1


def test_a_user_whose_address_is_suppressed_is_flagged(editor_client):
    UserFactory(email="ines@example.org", verified=True)
    Suppression.objects.create(address="ines@example.org", reason="complaint")
    html = editor_client.get("/admin/users/").content.decode()
    assert "Adresse suspendue : Signalement comme indésirable" in html
