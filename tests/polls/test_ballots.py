"""Ballots: one per reader and poll, changeable until closing, counters exact."""

import datetime

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from debates.factories import TopicPollPageFactory
from debates.polls import selectors, services
from debates.polls.models import (
    Ballot,
    BallotChoice,
    OptionTally,
    PollTally,
    TopicPollPage,
)


def options(poll):
    return list(poll.options.order_by("sort_order"))


def counters(poll) -> dict:
    return {
        "ballots": PollTally.objects.get(poll=poll).ballots,
        "votes": dict(
            OptionTally.objects.filter(poll=poll).values_list("option_id", "votes")
        ),
    }


def counted_rows(poll) -> dict:
    votes = {option.pk: 0 for option in poll.options.all()}
    for option_id in BallotChoice.objects.filter(ballot__poll=poll).values_list(
        "option_id", flat=True
    ):
        votes[option_id] += 1
    return {"ballots": Ballot.objects.filter(poll=poll).count(), "votes": votes}


@pytest.mark.django_db
def test_a_ballot_counts_once_and_can_be_changed(poll, reader):
    first, second, _third = options(poll)

    services.cast_ballot(poll, user=reader, option_ids=[first.pk])
    services.cast_ballot(poll, user=reader, option_ids=[second.pk])
    services.cast_ballot(poll, user=reader, option_ids=[second.pk])

    assert Ballot.objects.filter(poll=poll, voter=reader).count() == 1
    assert services.my_choices(poll, reader) == {second.pk}
    assert counters(poll) == counted_rows(poll)
    assert counters(poll)["votes"][first.pk] == 0
    assert counters(poll)["votes"][second.pk] == 1


@pytest.mark.django_db
def test_approval_voting_takes_up_to_k_choices(poll_index, reader):
    poll = TopicPollPageFactory(
        parent=poll_index, rule=TopicPollPage.Rule.APPROVAL, max_choices=2
    )
    first, second, third = options(poll)

    services.cast_ballot(poll, user=reader, option_ids=[first.pk, second.pk])
    with pytest.raises(services.BallotError) as refused:
        services.cast_ballot(
            poll, user=reader, option_ids=[first.pk, second.pk, third.pk]
        )
    assert refused.value.message == "Choisissez 2 sujets au plus."
    services.cast_ballot(poll, user=reader, option_ids=[third.pk, second.pk])

    assert services.my_choices(poll, reader) == {second.pk, third.pk}
    assert counters(poll) == counted_rows(poll)
    assert counters(poll)["ballots"] == 1


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ([], "Choisissez au moins un sujet."),
        (["abc"], "Ce choix n'existe pas."),
        ("two", "Choisissez un seul sujet."),
        ("other", "Ce choix ne fait pas partie de ce vote."),
    ],
)
@pytest.mark.django_db
def test_bad_ballots_are_refused_and_change_nothing(
    poll, poll_index, reader, choice, message
):
    first, second, _third = options(poll)
    other_poll = TopicPollPageFactory(parent=poll_index)
    named = {"two": [first.pk, second.pk], "other": [options(other_poll)[0].pk]}
    option_ids = named[choice] if isinstance(choice, str) else choice

    with pytest.raises(services.BallotError) as refused:
        services.cast_ballot(poll, user=reader, option_ids=option_ids)

    assert refused.value.message == message
    assert not Ballot.objects.exists()
    assert counters(poll)["ballots"] == 0


@pytest.mark.django_db
def test_no_ballot_before_opening_after_closing_or_on_a_draft(poll_index, reader):
    now = timezone.now()
    upcoming = TopicPollPageFactory(
        parent=poll_index, opens_at=now + datetime.timedelta(hours=1)
    )
    closed = TopicPollPageFactory(
        parent=poll_index,
        opens_at=now - datetime.timedelta(days=8),
        closes_at=now - datetime.timedelta(seconds=1),
    )
    draft = TopicPollPageFactory(parent=poll_index, live=False)
    expected = {
        upcoming: "Ce vote n'est pas encore ouvert.",
        closed: "Ce vote est clos.",
        draft: "Ce vote n'est pas publié.",
    }

    for poll, message in expected.items():
        with pytest.raises(services.BallotError) as refused:
            services.cast_ballot(poll, user=reader, option_ids=[options(poll)[0].pk])
        assert refused.value.message == message
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_only_verified_readers_vote(poll):
    unverified = UserFactory(email="nouveau@example.org", verified=False)

    with pytest.raises(services.BallotError) as refused:
        services.cast_ballot(poll, user=unverified, option_ids=[options(poll)[0].pk])

    assert refused.value.message == "Vérifiez votre adresse e-mail pour voter."
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_the_state_follows_the_clock(poll):
    assert poll.state() == "open"
    assert poll.state(poll.opens_at - datetime.timedelta(seconds=1)) == "upcoming"
    assert poll.state(poll.closes_at) == "closed"


@pytest.mark.django_db
def test_a_reader_who_votes_too_often_is_slowed_down(poll, reader, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ballots_per_reader": (3, 600)}
    first = options(poll)[0]
    for _ in range(3):
        services.cast_ballot(poll, user=reader, option_ids=[first.pk])

    with pytest.raises(services.BallotError) as refused:
        services.cast_ballot(poll, user=reader, option_ids=[first.pk])

    assert "Trop de votes" in refused.value.message


@pytest.mark.django_db
def test_results_give_shares_turnout_and_winner(poll, make_reader):
    first, second, third = options(poll)
    for n, option in enumerate([first, first, second, first, third]):
        services.cast_ballot(poll, user=make_reader(n), option_ids=[option.pk])

    results = selectors.poll_results(poll)

    assert results.ballots == 5
    assert [(row.option.pk, row.votes, row.percent) for row in results.rows] == [
        (first.pk, 3, 60),
        (second.pk, 1, 20),
        (third.pk, 1, 20),
    ]
    assert results.winner.option == first
    assert results.tied == []


@pytest.mark.django_db
def test_a_tie_waits_for_the_newsrooms_recorded_choice(poll, make_reader, editor):
    first, second, _third = options(poll)
    services.cast_ballot(poll, user=make_reader(1), option_ids=[first.pk])
    services.cast_ballot(poll, user=make_reader(2), option_ids=[second.pk])
    TopicPollPage.objects.filter(pk=poll.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    poll.refresh_from_db()

    results = selectors.poll_results(poll)
    assert {row.option for row in results.tied} == {first, second}
    assert results.winner is None

    services.decide_tie(poll, winner_id=second.pk, editor=editor)

    results = selectors.poll_results(poll)
    assert results.winner.option == second
    assert results.decision.decided_by == editor
    with pytest.raises(services.ProposalError):
        services.decide_tie(poll, winner_id=first.pk, editor=editor)


@pytest.mark.django_db
def test_erasing_a_voter_keeps_the_totals(poll, reader):
    from accounts import services as account_services

    services.cast_ballot(poll, user=reader, option_ids=[options(poll)[0].pk])

    account_services.delete_account(reader)

    assert counters(poll) == counted_rows(poll)
    assert counters(poll)["ballots"] == 1
    assert Ballot.objects.get().voter is None
