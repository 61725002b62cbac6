"""A ballot's database queries, counted through the view as a reader sends it.

Sessions as in production (``cached_db``: read from the cache, written through to
the database), so that the session's own reads do not hide the ballot's. What a
first ballot costs: the reader's row (``AuthenticationMiddleware``), the poll with
its options' ids and whether the reader's address is verified, then BEGIN, the
ballot row, its choice, the poll counter, the option counters, COMMIT."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from debates.factories import TopicPollPageFactory
from debates.polls.models import (
    Ballot,
    BallotChoice,
    OptionTally,
    PollOption,
    PollTally,
    TopicPollPage,
)

FIRST_BALLOT = 8
SAME_AGAIN = 7  # no choice and no counter moves: BEGIN, ballot row, its choices, COMMIT
CHANGE = 10  # and the choices that go, those that come, the option counters


@pytest.fixture(autouse=True)
def _sessions_as_in_production(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def option_ids(poll) -> list[int]:
    return list(poll.options.order_by("sort_order").values_list("pk", flat=True))


def vote(client, poll, *choices, **extra):
    return client.post(f"/avis/sondage/{poll.pk}/", {"choices": choices}, **extra)


def assert_counters_match_rows(poll):
    assert PollTally.objects.get(poll=poll).ballots == (
        Ballot.objects.filter(poll=poll).count()
    )
    for tally in OptionTally.objects.filter(poll=poll):
        assert tally.votes == BallotChoice.objects.filter(option=tally.option).count()


@pytest.mark.django_db
def test_a_first_ballot_a_repeat_and_a_change_take_few_queries(
    client, poll, reader, django_assert_max_num_queries
):
    first, second, _third = option_ids(poll)
    client.force_login(reader)
    client.get(poll.url)

    with django_assert_max_num_queries(FIRST_BALLOT):
        response = vote(client, poll, first)
    assert response.status_code == 302
    assert response["Location"] == f"{poll.url}#poll"
    with django_assert_max_num_queries(SAME_AGAIN):
        assert vote(client, poll, first).status_code == 302
    with django_assert_max_num_queries(CHANGE):
        assert vote(client, poll, second).status_code == 302

    ballot = Ballot.objects.get(poll=poll, voter=reader)
    assert set(ballot.choices.values_list("option_id", flat=True)) == {second}
    assert ballot.updated_at > ballot.created_at
    assert_counters_match_rows(poll)
    assert dict(
        OptionTally.objects.filter(poll=poll).values_list("option_id", "votes")
    ) == {first: 0, second: 1, _third: 0}


@pytest.mark.django_db
def test_an_approval_change_moves_every_counter_in_one_statement(
    client, poll_index, reader, django_assert_max_num_queries
):
    poll = TopicPollPageFactory(
        parent=poll_index, rule=TopicPollPage.Rule.APPROVAL, max_choices=2
    )
    first, second, third = option_ids(poll)
    client.force_login(reader)
    vote(client, poll, first, second)

    with django_assert_max_num_queries(CHANGE):
        assert vote(client, poll, second, third).status_code == 302

    votes = dict(
        OptionTally.objects.filter(poll=poll).values_list("option_id", "votes")
    )
    assert votes == {first: 0, second: 1, third: 1}
    assert_counters_match_rows(poll)


@pytest.mark.django_db
def test_a_poll_inside_a_private_section_takes_no_ballot(client, poll, reader):
    PageViewRestriction.objects.create(
        page=poll.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    client.force_login(reader)

    response = vote(client, poll, option_ids(poll)[0])

    assert response.status_code == 404
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_an_unpublished_poll_takes_no_ballot(client, poll, reader):
    poll.unpublish()
    client.force_login(reader)

    assert vote(client, poll, option_ids(poll)[0]).status_code == 404
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_an_option_of_another_poll_is_refused(client, poll, poll_index, reader):
    other = TopicPollPageFactory(parent=poll_index, title="Un autre sondage")
    client.force_login(reader)

    response = vote(client, poll, option_ids(other)[0])

    assert response.status_code == 400
    assert "Ce choix ne fait pas partie de ce vote." in response.content.decode()
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_a_refused_ballot_shows_the_options_with_their_questions(
    client, poll_index, reader
):
    """The form that checks a ballot knows only the options' ids; the one shown
    again carries their questions, what the reader ticked and the refusal."""
    poll = TopicPollPageFactory(
        parent=poll_index, rule=TopicPollPage.Rule.APPROVAL, max_choices=2
    )
    client.force_login(reader)

    response = vote(client, poll, *option_ids(poll))

    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    box = page.select_one(".poll-box")
    assert "Choisissez 2 sujets au plus." in box.get_text()
    labels = [label.get_text(strip=True) for label in box.select("label")]
    for option in poll.options.all():
        assert option.label in labels
    assert len(box.select("input[name=choices][checked]")) == 3
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_a_reader_without_a_verified_address_is_refused(client, poll):
    unverified = UserFactory(email="pas-encore@example.org", verified=False)
    client.force_login(unverified)

    response = vote(client, poll, option_ids(poll)[0])

    assert response.status_code == 400
    assert "Vérifiez votre adresse e-mail</a> pour voter." in response.content.decode()
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_counters_missing_are_made_and_the_ballot_counted_once(
    client, poll, reader, make_reader
):
    """Counter rows normally exist from publication on; a poll whose rows are gone,
    or an option added without one, still counts each ballot exactly once."""
    first, second, _third = option_ids(poll)
    PollTally.objects.filter(poll=poll).delete()
    client.force_login(reader)
    assert vote(client, poll, first).status_code == 302
    added = PollOption.objects.create(poll=poll, question="Faut-il ajouter ceci ?")

    assert vote(client, poll, added.pk).status_code == 302
    client.force_login(make_reader(2))
    assert vote(client, poll, second).status_code == 302

    assert_counters_match_rows(poll)
    assert PollTally.objects.get(poll=poll).ballots == 2
    assert OptionTally.objects.get(option=added).votes == 1
