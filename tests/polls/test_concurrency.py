"""Ballots fired at the same time, at the real service, on PostgreSQL: afterwards
the counters equal the rows, every reader holds one ballot, nothing failed."""

import random
import threading

import pytest
from django.db import connection

from accounts.factories import UserFactory
from debates.factories import PollIndexPageFactory, TopicPollPageFactory
from debates.polls import services
from debates.polls.models import (
    Ballot,
    BallotChoice,
    OptionTally,
    PollTally,
    TopicPollPage,
)

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks and concurrent transactions are PostgreSQL's",
    ),
    pytest.mark.django_db(transaction=True),
]

READERS = 50
REPEATS = 12


def run_together(jobs) -> list[BaseException]:
    """Starts every job at the same instant, each in its own thread and database
    connection; returns what they raised."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a ballot hung"
    return errors


def ballot(poll, user, chosen):
    return lambda: services.cast_ballot(poll, user=user, option_ids=chosen)


def assert_counters_match_rows(poll):
    tally = PollTally.objects.get(poll=poll)
    assert tally.ballots == Ballot.objects.filter(poll=poll).count()
    for row in OptionTally.objects.filter(poll=poll):
        assert row.votes == BallotChoice.objects.filter(option_id=row.option_id).count()


def test_concurrent_ballots_from_many_readers_and_one_hurried_reader(
    home_page, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ballots_per_reader": (100, 600)}
    poll = TopicPollPageFactory(
        parent=PollIndexPageFactory(parent=home_page),
        rule=TopicPollPage.Rule.APPROVAL,
        max_choices=2,
    )
    options = [option.pk for option in poll.options.order_by("sort_order")]
    readers = [
        UserFactory(email=f"foule{n}@example.org", verified=True)
        for n in range(READERS)
    ]
    hurried = UserFactory(email="presse@example.org", verified=True)
    rng = random.Random(2026)  # noqa: S311 - a reproducible test order

    jobs = [
        ballot(poll, reader, rng.sample(options, rng.randint(1, 2)))
        for reader in readers
    ]
    # The same reader, many times at once: first ballots racing, then changes.
    jobs += [
        ballot(poll, hurried, rng.sample(options, rng.randint(1, 2)))
        for _ in range(REPEATS)
    ]
    rng.shuffle(jobs)

    errors = run_together(jobs)

    assert errors == []
    assert Ballot.objects.filter(poll=poll).count() == READERS + 1
    assert Ballot.objects.filter(poll=poll, voter=hurried).count() == 1
    assert_counters_match_rows(poll)
    assert PollTally.objects.get(poll=poll).ballots == READERS + 1


def test_concurrent_changes_of_the_same_ballots_keep_exact_totals(home_page, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ballots_per_reader": (100, 600)}
    poll = TopicPollPageFactory(parent=PollIndexPageFactory(parent=home_page))
    options = [option.pk for option in poll.options.order_by("sort_order")]
    readers = [
        UserFactory(email=f"indecis{n}@example.org", verified=True) for n in range(10)
    ]
    for reader in readers:
        services.cast_ballot(poll, user=reader, option_ids=[options[0]])
    rng = random.Random(7)  # noqa: S311 - a reproducible test order

    jobs = [
        ballot(poll, reader, [rng.choice(options)])
        for reader in readers
        for _ in range(5)
    ]
    errors = run_together(jobs)

    assert errors == []
    assert Ballot.objects.filter(poll=poll).count() == 10
    assert_counters_match_rows(poll)
    assert (
        sum(OptionTally.objects.filter(poll=poll).values_list("votes", flat=True)) == 10
    )
