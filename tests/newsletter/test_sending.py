"""Sending an issue: in batches with merge data, once, and resumed after a kill."""

import datetime
import email
from collections import Counter
from email import policy

import pytest
from django.core import mail
from django.utils import timezone

from core.errors import DomainError
from newsletter.factories import NewsletterIssuePageFactory, SubscriptionFactory
from newsletter.models import Delivery, IssueDispatch, Suppression
from newsletter.services import sending
from newsletter.services.sending import batches, start
from tests.newsletter.providers import FlakyProvider

pytestmark = pytest.mark.django_db

LATER = datetime.timedelta(hours=2)


@pytest.fixture
def readers(weekly_list):
    """Five confirmed subscribers, one pending, one unsubscribed, one suppressed."""
    active = [
        SubscriptionFactory(subscriber__email=f"lecteur{n}@example.org")
        for n in range(5)
    ]
    SubscriptionFactory(subscriber__email="attente@example.org", pending=True)
    SubscriptionFactory(subscriber__email="parti@example.org", status="unsubscribed")
    SubscriptionFactory(subscriber__email="rebond@example.org")
    Suppression.objects.create(address="rebond@example.org", reason="hard_bounce")
    return [s.subscriber.email for s in active]


def _sent_to(outbox) -> Counter:
    return Counter(address for message in outbox for address in message.to)


@pytest.fixture
def held_batches(monkeypatch):
    """Batches are written but not queued: the worker is « down »."""
    monkeypatch.setattr(start, "enqueue_batches", lambda *args, **kwargs: 0)


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """``send_issue`` as a request runs it: its batches queued after commit."""

    def send(issue):
        with django_capture_on_commit_callbacks(execute=True):
            return sending.send_issue(issue)

    return send


def test_an_issue_goes_in_batches_with_each_readers_own_links(
    esp, issue, readers, send
):
    dispatch = send(issue)
    assert dispatch.recipients == 5
    assert [len(message.to) for message in esp] == [3, 2]  # NEWSLETTER_BATCH_SIZE
    assert _sent_to(esp) == Counter(readers)
    for message in esp:
        params = message.anymail_test_params
        assert params["is_batch_send"]
        assert params["track_opens"] is False
        assert params["track_clicks"] is False
        assert "{{ unsubscribe_url }}" in params["html_body"]
        assert "{{ unsubscribe_url }}" in params["text_body"]
        for address in message.to:
            url = params["merge_data"][address]["unsubscribe_url"]
            assert "/lettre/desinscription/" in url
            headers = params["merge_headers"][address]
            assert headers["List-Unsubscribe"].startswith(f"<{url}>, <mailto:")
            assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    urls = [
        m.anymail_test_params["merge_data"][a]["unsubscribe_url"]
        for m in esp
        for a in m.to
    ]
    assert len(set(urls)) == 5
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    message_ids = Delivery.objects.values_list("esp_message_id", flat=True)
    assert sorted(message_ids) == ["0", "0", "0", "1", "1"]  # one per message
    dispatch.refresh_from_db()
    assert dispatch.state == IssueDispatch.State.SENT


def test_the_issue_cannot_be_sent_twice(esp, issue, readers):
    sending.send_issue(issue)
    with pytest.raises(sending.IssueAlreadySent):
        sending.send_issue(issue)
    assert Delivery.objects.count() == 5


def test_a_draft_is_not_sent(esp, issue, readers):
    issue.unpublish()
    with pytest.raises(DomainError):
        sending.send_issue(issue)
    assert not Delivery.objects.exists()


def test_resumed_after_a_kill_nobody_twice_nobody_missed(
    esp, issue, readers, held_batches, monkeypatch, settings
):
    sending.send_issue(issue)
    now = timezone.now()
    # Batch 0: a worker claimed its rows and died before calling the provider.
    claimed = batches._claim(issue.pk, 0, "dead-worker", now)
    assert len(claimed) == 3

    # Batch 1: the provider took it, and the worker died before writing it down.
    def killed(*args, **kwargs):
        raise SystemExit("killed")

    monkeypatch.setattr(batches, "_record", killed)
    with pytest.raises(SystemExit):
        sending.send_batch(issue.pk, 1, now=now)
    monkeypatch.undo()  # the worker comes back, batches are queued again
    assert len(esp) == 1
    statuses = Counter(Delivery.objects.values_list("status", flat=True))
    assert statuses == {"sending": 3, "handed": 2}
    # The sweep, once the claims are stale: batch 0 again, batch 1 not resent.
    settings.NEWSLETTER_CLAIM_SECONDS = 0
    result = sending.sweep()
    assert result == {"requeued": 3, "unknown": 2, "batches": 1}
    assert _sent_to(esp) == Counter(readers)  # each once
    statuses = Counter(Delivery.objects.values_list("status", flat=True))
    assert statuses == {"sent": 3, "unknown": 2}
    assert IssueDispatch.objects.get().state == IssueDispatch.State.SENT
    assert sending.sweep() == {"requeued": 0, "unknown": 0, "batches": 0}
    assert len(esp) == 2


def test_a_refused_batch_waits_and_is_sent_later(settings, issue, readers, send):
    settings.MAILERS = {
        "default": {"BACKEND": "tests.newsletter.providers.FlakyProvider"}
    }
    settings.NEWSLETTER_BATCH_SIZE = 10
    mail.outbox = []
    FlakyProvider.mode = "refuse"
    try:
        send(issue)
        row = Delivery.objects.first()
        assert row.status == Delivery.Status.QUEUED
        assert row.attempts == 1
        assert "503" in row.last_error
        assert row.next_attempt_at > timezone.now()
        first_wait = row.next_attempt_at - timezone.now()
        # Time passes; still down at the next sweep: delayed again, longer.
        Delivery.objects.update(next_attempt_at=timezone.now())
        sending.sweep()
        row.refresh_from_db()
        assert (row.status, row.attempts) == (Delivery.Status.QUEUED, 2)
        assert row.next_attempt_at - timezone.now() > first_wait
        assert mail.outbox == []
        # Time passes; the provider is back.
        FlakyProvider.mode = None
        Delivery.objects.update(next_attempt_at=timezone.now())
        sending.sweep()
    finally:
        FlakyProvider.mode = None
    assert _sent_to(mail.outbox) == Counter(readers)
    assert IssueDispatch.objects.get().state == IssueDispatch.State.SENT


def test_an_answer_lost_on_the_way_is_never_sent_again(settings, issue, readers, send):
    settings.MAILERS = {
        "default": {"BACKEND": "tests.newsletter.providers.FlakyProvider"}
    }
    settings.NEWSLETTER_BATCH_SIZE = 10
    mail.outbox = []
    FlakyProvider.mode = "lost"
    try:
        send(issue)
    finally:
        FlakyProvider.mode = None
    assert set(Delivery.objects.values_list("status", flat=True)) == {"unknown"}
    sending.sweep(now=timezone.now() + LATER)
    assert mail.outbox == []
    assert IssueDispatch.objects.get().state == IssueDispatch.State.SENT


def test_a_reader_who_leaves_before_the_batch_is_skipped(
    esp, issue, readers, held_batches
):
    sending.send_issue(issue)
    Suppression.objects.create(address="lecteur0@example.org", reason="complaint")
    for batch in (0, 1):
        sending.send_batch(issue.pk, batch)
    assert "lecteur0@example.org" not in _sent_to(esp)
    assert Delivery.objects.get(address="lecteur0@example.org").status == "skipped"


def test_a_batch_costs_the_same_queries_whatever_its_size(
    esp, archive, issue, readers, held_batches, settings, django_assert_max_num_queries
):
    sending.send_issue(issue)
    with django_assert_max_num_queries(16):
        sending.send_batch(issue.pk, 0)  # three readers
    for n in range(7):
        SubscriptionFactory(subscriber__email=f"autre{n}@example.org")
    settings.NEWSLETTER_BATCH_SIZE = 20
    bigger = NewsletterIssuePageFactory(parent=archive, newsletter=issue.newsletter)
    sending.send_issue(bigger)
    with django_assert_max_num_queries(16):
        sending.send_batch(bigger.pk, 0)  # twelve readers
    assert len(esp[-1].to) == 12


def test_in_development_each_reader_gets_a_file_with_the_headers(
    settings, tmp_path, issue, readers, send
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "core.mail.DevelopmentEmailBackend",
            "OPTIONS": {"folder": str(tmp_path)},
        }
    }
    send(issue)
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 5
    for path in files:
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        url = message["List-Unsubscribe"].split(">")[0].lstrip("<")
        assert "/lettre/desinscription/" in url
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        html = message.get_body(("html",)).get_content()
        assert f'href="{url}"' in html
        assert "VERSUS_UNSUBSCRIBE_URL" not in path.read_text()


def test_a_kill_mid_batch_of_single_messages_leaves_only_the_messages_handed_unknown(
    esp, issue, weekly_list, held_batches, monkeypatch, settings
):
    """A provider without inline merge fields gets one message per reader. They
    are handed a few at a time: a worker killed at the seventh leaves the rows of
    that group « maybe sent », and the rest of its batch goes back to the queue."""
    addresses = [f"lectrice{n}@example.org" for n in range(30)]
    for address in addresses:
        SubscriptionFactory(subscriber__email=address)
    settings.NEWSLETTER_BATCH_SIZE = 50
    monkeypatch.setattr(batches, "HAND_AHEAD", 4)
    monkeypatch.setattr(
        batches.providers,
        "profile",
        lambda name: batches.providers.Profile(None, tracking_flags=False),
    )
    sending.send_issue(issue)
    backend = type(mail.mailers.default)
    real_send = backend.send_messages

    def killed_at_the_seventh(self, messages):
        if len(esp) == 6:
            raise SystemExit("killed")
        return real_send(self, messages)

    monkeypatch.setattr(backend, "send_messages", killed_at_the_seventh)
    with pytest.raises(SystemExit):
        sending.send_batch(issue.pk, 0)
    monkeypatch.setattr(backend, "send_messages", real_send)
    statuses = Counter(Delivery.objects.values_list("status", flat=True))
    # Messages 1 to 4 and 5, 6 sent; 7 and 8 handed with their group; 22 not yet.
    assert statuses == {"sent": 6, "handed": 2, "sending": 22}

    settings.NEWSLETTER_CLAIM_SECONDS = 0
    assert sending.sweep() == {"requeued": 22, "unknown": 2, "batches": 1}
    sent = _sent_to(esp)
    assert set(sent.values()) == {1}  # nobody twice
    assert len(sent) == 28
    unknown = set(
        Delivery.objects.filter(status="unknown").values_list("address", flat=True)
    )
    assert unknown == set(addresses) - set(sent)
    assert IssueDispatch.objects.get().state == IssueDispatch.State.SENT


# --- The Delivery rows written at the start -----------------------------------------


def test_the_rows_are_numbered_into_batches_in_subscriber_order(
    issue, readers, held_batches, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 2

    dispatch = sending.send_issue(issue)

    rows = list(
        Delivery.objects.filter(issue=issue)
        .order_by("subscriber_id")
        .values_list("address", "batch", "status", "attempts")
    )
    assert dispatch.recipients == 5
    assert rows == [(address, n // 2, "queued", 0) for n, address in enumerate(readers)]
    assert all(
        row.next_attempt_at is not None and row.claimed_at is None
        for row in Delivery.objects.filter(issue=issue)
    )


def test_two_subscribers_behind_one_mailbox_get_one_row(
    issue, weekly_list, held_batches
):
    from accounts.factories import UserFactory

    first = SubscriptionFactory(subscriber__email="Partage@Example.org")
    # A reader's account address counts, whatever the subscriber row says.
    second = SubscriptionFactory(
        subscriber__email="ancienne@example.org",
        subscriber__user=UserFactory(email="partage@example.org"),
    )
    SubscriptionFactory(subscriber__email="seule@example.org")

    dispatch = sending.send_issue(issue)

    rows = dict(
        Delivery.objects.filter(issue=issue).values_list("address", "subscriber_id")
    )
    assert dispatch.recipients == 2
    assert sorted(rows) == ["partage@example.org", "seule@example.org"]
    assert rows["partage@example.org"] == min(first.subscriber_id, second.subscriber_id)
