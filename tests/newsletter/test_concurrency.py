"""Two editors at once, two workers on one batch: on PostgreSQL, with real
concurrent transactions (one connection per thread)."""

import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection

from newsletter.factories import SubscriptionFactory
from newsletter.models import Delivery
from newsletter.services import sending
from newsletter.services.sending import start

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks and concurrent transactions are PostgreSQL's",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def readers(weekly_list):
    return [
        SubscriptionFactory(
            subscriber__email=f"lecteur{n}@example.org"
        ).subscriber.email
        for n in range(6)
    ]


def _at_once(job, count=2):
    barrier = threading.Barrier(count)
    results = []

    def run():
        barrier.wait()
        try:
            results.append(job())
        except Exception as error:
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_editors_at_once_start_it_once(esp, issue, readers, monkeypatch):
    monkeypatch.setattr(start, "enqueue_batches", lambda *args, **kwargs: 0)
    results = _at_once(lambda: sending.send_issue(issue))
    refused = [r for r in results if isinstance(r, sending.IssueAlreadySent)]
    started = [r for r in results if not isinstance(r, Exception)]
    assert (len(started), len(refused)) == (1, 1)
    assert Delivery.objects.count() == 6


def test_two_workers_on_one_batch_send_each_reader_once(
    esp, issue, readers, monkeypatch, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 10
    monkeypatch.setattr(start, "enqueue_batches", lambda *args, **kwargs: 0)
    sending.send_issue(issue)
    _at_once(lambda: sending.send_batch(issue.pk, 0), count=3)
    sent = Counter(a for message in mail.outbox for a in message.to)
    assert sent == Counter(readers)
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
