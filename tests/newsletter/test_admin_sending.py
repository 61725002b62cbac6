"""An issue's sending page, through the real admin as an editor: a test to
oneself, scheduling, « Envoyer maintenant », the progress and what came of it."""

import datetime
import zoneinfo
from urllib.parse import urlsplit

import pytest
from anymail.signals import AnymailTrackingEvent, EventType, tracking
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import GroupPagePermission, Page

from accounts.factories import UserFactory
from core.models import OutgoingEmail
from newsletter.factories import NewsletterIssuePageFactory, SubscriptionFactory
from newsletter.models import ConsentEvent, Delivery, IssueDispatch
from newsletter.services import consent, proofs, scheduling, sending
from newsletter.services.rendering import UNSUBSCRIBE_MARK
from tests.clients import CommittingClient

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
EDITOR = "redaction@example.org"


@pytest.fixture
def editor():
    return UserFactory(email=EDITOR, editor=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def readers(weekly_list):
    return [
        SubscriptionFactory(subscriber__email=f"lecteur{n}@example.org")
        for n in range(4)
    ]


def _url(name, issue):
    return reverse(name, args=[issue.pk])


def _messages(response) -> list[tuple[str, str]]:
    return [
        (message.level_tag, str(message))
        for message in get_messages(response.wsgi_request)
    ]


def _state(issue) -> str:
    dispatch = IssueDispatch.objects.filter(issue=issue).first()
    return dispatch.state if dispatch else IssueDispatch.State.READY


def _paris(moment: datetime.datetime) -> str:
    return timezone.localtime(moment, PARIS).strftime("%Y-%m-%dT%H:%M")


# --- « M'envoyer un test » --------------------------------------------------------


def test_a_test_goes_once_to_the_editor_marked_and_sends_the_issue_to_nobody(
    editor_client, issue, readers, esp
):
    response = editor_client.post(
        _url("newsletter_send_proof", issue),
        {"extra_addresses": "Camille@example.org, camille@example.org"},
    )
    assert response.status_code == 302
    assert sorted(address for message in esp for address in message.to) == [
        "camille@example.org",
        EDITOR,
    ]
    for message in esp:
        assert message.subject == f"[TEST] {issue.subject}"
        html = message.alternatives[0][0]
        assert "desinscription" not in html + message.body
        assert UNSUBSCRIBE_MARK not in html + message.body
        assert issue.get_parent().get_full_url() in html
    assert OutgoingEmail.objects.filter(builder="newsletter.emails.proof").count() == 2
    assert not Delivery.objects.exists()
    assert not IssueDispatch.objects.exists()


def test_a_test_shows_the_latest_draft_not_the_published_version(
    editor_client, issue, esp
):
    draft = issue.get_latest_revision_as_object()
    draft.subject = "Sujet encore en travaux"
    draft.save_revision()
    editor_client.post(_url("newsletter_send_proof", issue), {"extra_addresses": ""})
    assert [message.subject for message in esp] == ["[TEST] Sujet encore en travaux"]
    issue.refresh_from_db()
    assert issue.subject != "Sujet encore en travaux"


def test_tests_are_limited_per_editor(editor_client, issue, esp, monkeypatch):
    monkeypatch.setattr(proofs, "PROOFS_PER_EDITOR", (2, 3600))
    for _attempt in range(3):
        response = editor_client.post(
            _url("newsletter_send_proof", issue), {"extra_addresses": ""}
        )
    assert len(esp) == 2
    assert response.status_code == 302
    assert _messages(response)[-1][0] == "error"
    # Another editor has their own allowance.
    other = CommittingClient()
    other.force_login(UserFactory(email="autre@example.org", editor=True))
    other.post(_url("newsletter_send_proof", issue), {"extra_addresses": ""})
    assert len(esp) == 3


@pytest.mark.parametrize(
    "extra",
    [
        "pas-une-adresse",
        ", ".join(f"ami{n}@example.org" for n in range(proofs.MAX_EXTRA_ADDRESSES + 1)),
    ],
)
def test_wrong_extra_addresses_are_shown_next_to_the_field_and_nothing_is_sent(
    editor_client, issue, esp, extra
):
    response = editor_client.post(
        _url("newsletter_send_proof", issue), {"extra_addresses": extra}
    )
    assert response.status_code == 400
    errors = response.context["proof_form"].errors["extra_addresses"]
    assert escape(errors[0]) in response.content.decode()
    assert esp == []
    assert not OutgoingEmail.objects.exists()


# --- Scheduling -------------------------------------------------------------------


def test_an_issue_is_scheduled_in_paris_time_and_the_page_says_when(
    editor_client, issue
):
    at = (timezone.now() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    response = editor_client.post(
        _url("newsletter_schedule", issue), {"at": _paris(at)}
    )
    assert response.status_code == 302
    dispatch = IssueDispatch.objects.get(issue=issue)
    assert dispatch.state == IssueDispatch.State.SCHEDULED
    assert dispatch.scheduled_for == at
    page = editor_client.get(_url("newsletter_send", issue)).content.decode()
    assert _url("newsletter_unschedule", issue) in page
    assert f"{timezone.localtime(at, PARIS):%H:%M}" in page


def test_a_typed_paris_time_is_read_as_paris_time(editor_client, issue):
    editor_client.post(_url("newsletter_schedule", issue), {"at": "24/12/2099 08:00"})
    assert IssueDispatch.objects.get(issue=issue).scheduled_for == datetime.datetime(
        2099, 12, 24, 7, 0, tzinfo=datetime.UTC
    )


@pytest.mark.parametrize(
    "value",
    [
        lambda: _paris(timezone.now() - datetime.timedelta(minutes=5)),
        lambda: "demain matin",
        lambda: "",
    ],
    ids=["past", "invalid", "empty"],
)
def test_a_wrong_time_is_refused_next_to_the_field_and_nothing_is_stored(
    editor_client, issue, value
):
    response = editor_client.post(_url("newsletter_schedule", issue), {"at": value()})
    assert response.status_code == 400
    errors = response.context["schedule_form"].errors["at"]
    html = response.content.decode()
    field = html.index('id="id_at"')
    # Wagtail's field template puts the message in the field's own block.
    assert html.find(escape(errors[0]), field - 1500, field + 1500) != -1
    assert not IssueDispatch.objects.exists()


def test_a_draft_cannot_be_scheduled(editor_client, issue):
    issue.unpublish()
    response = editor_client.post(
        _url("newsletter_schedule", issue),
        {"at": _paris(timezone.now() + datetime.timedelta(days=1))},
    )
    assert response.status_code == 400
    assert not IssueDispatch.objects.exists()


def test_a_scheduled_issue_is_unscheduled(editor_client, issue):
    sending.schedule_issue(issue, at=timezone.now() + datetime.timedelta(days=1))
    response = editor_client.post(_url("newsletter_unschedule", issue))
    assert response.status_code == 302
    dispatch = IssueDispatch.objects.get(issue=issue)
    assert (dispatch.state, dispatch.scheduled_for) == ("ready", None)
    # Twice: refused with a message, nothing changed.
    again = editor_client.post(_url("newsletter_unschedule", issue))
    assert again.status_code == 302
    assert _messages(again)[-1][0] == "error"
    assert _state(issue) == "ready"


def test_unscheduling_is_refused_once_the_sending_started(issue, readers, esp):
    sending.schedule_issue(issue, at=timezone.now() - datetime.timedelta(minutes=1))
    assert sending.send_due_issues() == 1
    with pytest.raises(scheduling.NotScheduled):
        scheduling.unschedule_issue(issue)
    assert _state(issue) in ("sending", "sent")


# --- Envoyer maintenant -----------------------------------------------------------


def test_send_now_asks_for_confirmation(editor_client, issue, readers, esp):
    response = editor_client.post(_url("newsletter_send", issue), {})
    assert response.status_code == 400
    assert response.context["send_form"].errors["confirm"]
    assert esp == []
    assert not Delivery.objects.exists()


def test_a_second_send_is_refused_with_a_message(editor_client, issue, readers, esp):
    first = editor_client.post(_url("newsletter_send", issue), {"confirm": "on"})
    assert first.status_code == 302
    assert Delivery.objects.count() == 4
    assert len(esp) == 2  # two batches: NEWSLETTER_BATCH_SIZE is 3 (esp fixture)
    second = editor_client.post(_url("newsletter_send", issue), {"confirm": "on"})
    assert second.status_code == 302
    assert _messages(first)[-1][0] == "success"
    assert _messages(second)[-1][0] == "error"
    assert Delivery.objects.count() == 4
    assert len(esp) == 2
    page = editor_client.get(_url("newsletter_send", issue)).content.decode()
    assert 'name="confirm"' not in page  # nothing left to send


def test_the_forms_are_disabled_on_submit_by_a_static_script(editor_client, issue):
    html = editor_client.get(_url("newsletter_send", issue)).content.decode()
    assert html.count("data-send-once") == 3  # test, schedule, send now
    assert '<script src="/static/newsletter/admin/sending.js" defer>' in html


# --- Progress and outcome ---------------------------------------------------------


def test_the_progress_json_counts_each_group(editor_client, issue, readers, esp):
    sending.send_issue(issue)  # batches held: no on-commit in the test transaction
    Delivery.objects.filter(pk=Delivery.objects.order_by("pk")[0].pk).update(
        status=Delivery.Status.SENT
    )
    Delivery.objects.filter(pk=Delivery.objects.order_by("pk")[1].pk).update(
        status=Delivery.Status.SKIPPED
    )
    response = editor_client.get(_url("newsletter_send_progress", issue))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "state": "sending",
        "recipients": 4,
        "done": 2,
        "progress": {"in_progress": 2, "sent": 1, "failed": 1},
        "outcome": {"delivered": 0, "bounced": 0, "complained": 0, "unsubscribed": 0},
        "finished": False,
    }
    page = editor_client.get(_url("newsletter_send", issue)).content.decode()
    # Without JavaScript, the numbers of the page's load.
    assert '<progress id="send-progress"' in page
    assert 'max="4"' in page
    assert 'value="2"' in page


def test_the_progress_json_is_refused_to_a_reader(client, issue, reader):
    url = _url("newsletter_send_progress", issue)
    client.force_login(reader)
    polled = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert polled.status_code == 403  # what the page's script receives
    assert client.get(url).status_code == 302  # to the admin's sign-in page


@pytest.mark.parametrize("name", ["newsletter_send_progress", "newsletter_send"])
def test_an_unknown_issue_is_not_found(editor_client, name):
    assert editor_client.get(reverse(name, args=[999999])).status_code == 404


@pytest.fixture
def contributor_client(client, home_page):
    """May enter the admin and add and edit pages, not publish them (the group is
    made here: a transactional test elsewhere may have flushed Wagtail's own)."""
    group = Group.objects.create(name="Pigistes")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    for action in ("add", "change"):
        GroupPagePermission.objects.create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )
    user = UserFactory(email="pigiste@example.org", is_staff=True, verified=True)
    user.groups.add(group)
    client.force_login(user)
    return client


def test_an_editor_who_cannot_publish_can_do_nothing_here(
    contributor_client, issue, readers, esp
):
    """Wagtail answers a refusal in its admin with its home page and a message,
    and with a 403 to a script."""
    future = _paris(timezone.now() + datetime.timedelta(days=1))
    page = contributor_client.get(_url("newsletter_send", issue))
    assert (page.status_code, page["Location"]) == (302, reverse("wagtailadmin_home"))
    progress = contributor_client.get(
        _url("newsletter_send_progress", issue),
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert progress.status_code == 403
    for name, data in [
        ("newsletter_send", {"confirm": "on"}),
        ("newsletter_send_proof", {"extra_addresses": ""}),
        ("newsletter_schedule", {"at": future}),
        ("newsletter_unschedule", {}),
    ]:
        refused = contributor_client.post(_url(name, issue), data)
        assert refused["Location"] == reverse("wagtailadmin_home")
    assert esp == []
    assert not OutgoingEmail.objects.exists()
    assert not IssueDispatch.objects.exists()
    assert not Delivery.objects.exists()


def _event(kind, delivery, n):
    return AnymailTrackingEvent(
        event_type=kind,
        message_id=delivery.esp_message_id,
        recipient=delivery.address,
        event_id=f"evt-{n}",
        esp_event={},
    )


def test_the_outcome_counts_the_providers_reports_and_who_left_by_this_issue(
    editor_client, issue, readers, esp, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 1  # one message, so one message id, a reader
    editor_client.post(_url("newsletter_send", issue), {"confirm": "on"})
    rows = list(Delivery.objects.order_by("address"))
    assert len({row.esp_message_id for row in rows}) == 4
    for n, (kind, row) in enumerate(
        [
            (EventType.DELIVERED, rows[0]),
            (EventType.DELIVERED, rows[1]),
            (EventType.BOUNCED, rows[2]),
            (EventType.COMPLAINED, rows[3]),
        ]
    ):
        tracking.send(sender=object, event=_event(kind, row, n), esp_name="Test")
    # A reader leaves by the link of this issue's email.
    message = next(m for m in esp if m.to == [rows[1].address])
    link = message.anymail_test_params["merge_data"][rows[1].address]["unsubscribe_url"]
    CommittingClient().post(urlsplit(link).path)
    assert ConsentEvent.objects.get(kind="unsubscribed").issue_id == issue.pk
    data = editor_client.get(_url("newsletter_send_progress", issue)).json()
    assert data["finished"] is True
    assert data["outcome"] == {
        "delivered": 2,
        "bounced": 1,
        "complained": 1,
        "unsubscribed": 1,
    }
    assert data["progress"] == {"in_progress": 0, "sent": 2, "failed": 2}


def test_an_unsubscription_names_the_issue_whose_email_carried_the_link(
    issue, archive, readers, esp, django_capture_on_commit_callbacks
):
    """The next issue of the list, handed to the provider after the link was
    signed, does not take the unsubscription of a reader who clicked an older
    email."""
    with django_capture_on_commit_callbacks(execute=True):
        sending.send_issue(issue)
    first = list(esp)
    later = NewsletterIssuePageFactory(parent=archive, newsletter=issue.newsletter)
    sending.send_issue(later)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    for batch in (0, 1):
        sending.send_batch(later.pk, batch, now=tomorrow)
    assert Delivery.objects.filter(issue=later, handed_at=tomorrow).count() == 4
    address = readers[0].subscriber.email
    message = next(m for m in first if address in m.to)
    link = message.anymail_test_params["merge_data"][address]["unsubscribe_url"]
    token = urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1]
    consent.unsubscribe_by_token(token, source=ConsentEvent.Source.LINK)
    assert ConsentEvent.objects.get(kind="unsubscribed").issue_id == issue.pk


# --- The page itself --------------------------------------------------------------


def test_the_sending_page_reads_in_a_bounded_number_of_queries(
    editor_client, issue, weekly_list, esp
):
    def count_queries() -> int:
        editor_client.get(_url("newsletter_send", issue))  # warm Wagtail's caches
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(_url("newsletter_send", issue))
        assert response.status_code == 200
        return len(queries)

    SubscriptionFactory()
    sending.send_issue(issue)
    few = count_queries()
    subscribers = [SubscriptionFactory().subscriber for _n in range(30)]
    Delivery.objects.bulk_create(
        Delivery(
            issue=issue,
            subscriber=subscriber,
            address=subscriber.email,
            batch=0,
            next_attempt_at=timezone.now(),
        )
        for subscriber in subscribers
    )
    assert count_queries() == few
    assert few <= 40


def test_the_explorer_shows_each_issues_send_state(editor_client, archive, issue):
    sent = NewsletterIssuePageFactory(parent=archive, newsletter=issue.newsletter)
    scheduled = NewsletterIssuePageFactory(parent=archive, newsletter=issue.newsletter)
    IssueDispatch.objects.create(issue=sent, state=IssueDispatch.State.SENT)
    at = datetime.datetime(2099, 12, 24, 7, 0, tzinfo=datetime.UTC)
    IssueDispatch.objects.create(
        issue=scheduled, state=IssueDispatch.State.SCHEDULED, scheduled_for=at
    )
    html = editor_client.get(reverse("wagtailadmin_explore", args=[archive.pk]))
    html = html.content.decode()
    for page, label in [
        (issue, gettext("Not sent yet")),
        (sent, IssueDispatch.State.SENT.label),
        (scheduled, IssueDispatch.State.SCHEDULED.label),
    ]:
        assert _url("newsletter_send", page) in html
        assert escape(str(label)) in html
    assert "24/12/2099 08:00" in html  # the scheduled time, in Paris


def test_the_issue_header_leads_to_its_sending_page(editor_client, issue):
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
    assert _url("newsletter_send", issue) in html.content.decode()


def test_an_unsubscription_at_the_provider_counts_for_the_issue_it_names(
    editor_client, issue, readers, esp
):
    editor_client.post(_url("newsletter_send", issue), {"confirm": "on"})
    row = Delivery.objects.order_by("address").first()
    event = _event(EventType.UNSUBSCRIBED, row, 1)
    tracking.send(sender=object, event=event, esp_name="Test")
    assert ConsentEvent.objects.get(kind="unsubscribed").issue_id == issue.pk
    data = editor_client.get(_url("newsletter_send_progress", issue)).json()
    assert data["outcome"]["unsubscribed"] == 1
