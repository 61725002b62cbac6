"""Wagtail's moderation emails leave through the outbox: owed during the
editor's request, sent after commit by the email task, once."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import PageSubscription
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accounts.factories import UserFactory
from core.models import OutgoingEmail
from core.tasks import deliver_email
from home.models import StandardPage


@pytest.fixture
def editor(db):
    user = UserFactory(email="plume@example.org", verified=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(db):
    user = UserFactory(email="chef@example.org", verified=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def submit_for_moderation(client, parent):
    data = nested_form_data(
        {
            "title": "Nos sources",
            "slug": "nos-sources",
            "intro": "Comment nous vérifions.",
            "body": streamfield([]),
        }
    )
    data["action-submit"] = "action-submit"
    return client.post(f"/admin/pages/add/home/standardpage/{parent.pk}/", data)


def owed_then_sent_once(provider, after_commit, capture_on_commit) -> None:
    """The moderator's email about « Nos sources » was owed during the editor's
    request, nothing reaching the provider; after commit the email task sends it,
    once, even when the task runs again."""
    assert provider.attempts == 0
    assert mail.outbox == []
    owed = OutgoingEmail.objects.get()
    assert owed.status == OutgoingEmail.Status.OWED
    assert owed.recipient == "chef@example.org"

    with capture_on_commit(execute=True):
        for callback in after_commit:
            callback()

    assert provider.attempts == 1
    [message] = mail.outbox
    assert message.to == ["chef@example.org"]
    assert "Nos sources" in message.subject
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    owed.refresh_from_db()
    assert owed.status == OutgoingEmail.Status.SENT

    # The task run again (a worker's retry, a duplicate) finds it sent.
    deliver_email.enqueue(owed.pk)
    assert provider.attempts == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_submitting_a_page_owes_the_moderators_email_and_sends_it_after_commit(
    client, home_page, editor, moderator, provider, django_capture_on_commit_callbacks
):
    client.force_login(editor)

    with django_capture_on_commit_callbacks() as after_commit:
        response = submit_for_moderation(client, home_page)

    assert response.status_code == 302
    page = StandardPage.objects.get(slug="nos-sources")
    assert page.workflow_in_progress
    owed_then_sent_once(provider, after_commit, django_capture_on_commit_callbacks)


@pytest.mark.django_db
def test_a_provider_outage_never_fails_the_submission(
    client, home_page, editor, moderator, provider, django_capture_on_commit_callbacks
):
    provider.down = True
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = submit_for_moderation(client, home_page)

    assert response.status_code == 302
    assert StandardPage.objects.get(slug="nos-sources").workflow_in_progress
    owed = OutgoingEmail.objects.get()
    assert owed.status == OutgoingEmail.Status.OWED
    assert owed.attempts == 1


@pytest.mark.django_db
def test_a_comment_owes_the_subscribed_editors_email_and_sends_it_after_commit(
    client, home_page, editor, moderator, provider, django_capture_on_commit_callbacks
):
    page = home_page.add_child(
        instance=StandardPage(title="Nos sources", slug="nos-sources", intro="…")
    )
    # The moderator follows the page's comments; the editor writes one.
    PageSubscription.objects.create(
        page=page, user=moderator, comment_notifications=True
    )
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": "Nos sources",
            "slug": "nos-sources",
            "intro": "Comment nous vérifions.",
            "body": streamfield([]),
        }
    )
    data.update(
        {
            "comments-TOTAL_FORMS": "1",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "",
            "comments-0-DELETE": "",
            "comments-0-resolved": "",
            "comments-0-id": "",
            "comments-0-contentpath": "title",
            "comments-0-text": "Ajouter la date de mise à jour ?",
            "comments-0-position": "",
            "comments-0-replies-TOTAL_FORMS": "0",
            "comments-0-replies-INITIAL_FORMS": "0",
            "comments-0-replies-MIN_NUM_FORMS": "0",
            "comments-0-replies-MAX_NUM_FORMS": "0",
        }
    )

    with django_capture_on_commit_callbacks() as after_commit:
        response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 302
    assert page.wagtail_admin_comments.get().text == "Ajouter la date de mise à jour ?"
    owed_then_sent_once(provider, after_commit, django_capture_on_commit_callbacks)
