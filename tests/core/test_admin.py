"""The email queue in the admin: editors see what waits and what failed, and
send a failed one again; nobody edits or deletes the record."""

import pytest
from django.core import mail

from core.models import OutgoingEmail


def failed_email():
    return OutgoingEmail.objects.create(
        builder="tests.core.builders.note",
        params={"address": "lea@example.org", "text": "Bonjour"},
        language="fr",
        recipient="lea@example.org",
        subject="Bonjour",
        status="failed",
        attempts=12,
        last_error="AnymailAPIError('503 Service Unavailable')",
    )


@pytest.mark.django_db
def test_editors_list_the_failed_emails_and_see_why(
    admin_client, django_assert_max_num_queries
):
    email = failed_email()
    OutgoingEmail.objects.create(
        builder="x", language="fr", recipient="sam@example.org", status="sent"
    )

    with django_assert_max_num_queries(25):
        listing = admin_client.get("/admin/snippets/core/outgoingemail/?status=failed")
    page = admin_client.get(f"/admin/snippets/core/outgoingemail/inspect/{email.pk}/")

    assert listing.status_code == 200
    assert [row.pk for row in listing.context["object_list"]] == [email.pk]
    assert page.status_code == 200
    assert "503 Service Unavailable" in page.content.decode()
    assert "Réessayer maintenant" in page.content.decode()


@pytest.mark.django_db
def test_a_failed_email_is_sent_again_on_request(
    admin_client, django_capture_on_commit_callbacks
):
    email = failed_email()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/snippets/core/outgoingemail/{email.pk}/retry/"
        )

    assert response.status_code == 302
    email.refresh_from_db()
    assert email.status == "sent"
    assert [m.subject for m in mail.outbox] == ["[fr] Bonjour"]


@pytest.mark.django_db
def test_the_queue_cannot_be_edited_or_deleted_by_hand(admin_client):
    email = failed_email()

    edit = admin_client.get(f"/admin/snippets/core/outgoingemail/edit/{email.pk}/")
    delete = admin_client.post(f"/admin/snippets/core/outgoingemail/delete/{email.pk}/")

    assert edit.status_code in (302, 403)
    assert delete.status_code in (302, 403)
    assert OutgoingEmail.objects.filter(pk=email.pk).exists()


@pytest.mark.django_db
def test_the_dashboard_says_when_emails_wait(admin_client):
    failed_email()

    page = admin_client.get("/admin/").content.decode()

    assert "E-mails en attente" in page
    assert "?status=failed" in page
