"""First openings at the same instant, on PostgreSQL: the quota holds and a
debate is counted once."""

import datetime
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from debates.factories import DebatePageFactory
from subscriptions.models import PremiumRead
from subscriptions.paywall import can_read

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks and concurrent transactions are PostgreSQL's",
    ),
    pytest.mark.django_db(transaction=True),
]

TODAY = datetime.date(2026, 3, 14)


def open_together(user_pk, debates) -> list:
    """Each debate opened by the same reader in its own thread and connection."""
    barrier = threading.Barrier(len(debates))
    results, errors = [], []

    def run(debate):
        try:
            user = get_user_model().objects.get(pk=user_pk)
            barrier.wait()
            results.append(can_read(user, debate, record=True, today=TODAY, quota=2))
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(d,)) for d in debates]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "an opening hung"
    assert errors == []
    return results


def test_simultaneous_first_openings_take_no_more_than_the_quota(
    debate_index, verified_reader
):
    debates = [
        DebatePageFactory(parent=debate_index, premium=True, title=f"Débat {n} ?")
        for n in range(6)
    ]

    results = open_together(verified_reader.pk, debates)

    assert sum(access.allowed for access in results) == 2
    assert PremiumRead.objects.filter(user=verified_reader).count() == 2


def test_the_same_debate_opened_at_once_is_counted_once(premium, verified_reader):
    results = open_together(verified_reader.pk, [premium] * 6)

    assert all(access.allowed for access in results)
    assert PremiumRead.objects.filter(user=verified_reader).count() == 1
