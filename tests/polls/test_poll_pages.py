"""The poll page: voting with and without JavaScript, results when allowed."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from debates.factories import TopicPollPageFactory
from debates.polls import services
from debates.polls.models import Ballot, OptionTally, PollTally, TopicPollPage
from debates.polls.services import ballots


def first_option(poll):
    return poll.options.order_by("sort_order").first()


@pytest.mark.django_db
def test_an_anonymous_visitor_sees_the_options_and_is_asked_to_log_in(client, poll):
    html = client.get(poll.url).content.decode()

    assert "Connectez-vous</a> pour voter" in html
    assert 'name="choices"' not in html
    assert "Les résultats s'affichent une fois votre vote enregistré." in html
    assert "En cas d'égalité, la rédaction tranche" in html


@pytest.mark.django_db
def test_voting_without_javascript_redirects_back_with_a_message(client, poll, reader):
    client.force_login(reader)
    option = first_option(poll)

    response = client.post(f"/avis/sondage/{poll.pk}/", {"choices": option.pk})
    page = client.get(poll.url).content.decode()

    assert response.status_code == 302
    assert response["Location"] == f"{poll.url}#poll"
    assert "Votre vote est enregistré." in page
    assert "Modifier mon vote" in page
    assert "Résultats provisoires" in page
    assert "1 lecteur a voté." in page


@pytest.mark.django_db
def test_voting_with_javascript_returns_the_updated_box(client, poll, reader):
    client.force_login(reader)

    response = client.post(
        f"/avis/sondage/{poll.pk}/",
        {"choices": first_option(poll).pk},
        headers={"X-Requested-With": "fetch"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="poll-box"')
    assert "Votre vote est enregistré." in html
    assert "<html" not in html
    # The form is back, with the reader's choice ticked, to change it.
    assert html.count('name="choices"') == 3
    assert "checked" in html
    assert "Modifier mon vote" in html


@pytest.mark.django_db
def test_an_empty_ballot_is_refused_next_to_the_choices(client, poll, reader):
    client.force_login(reader)

    response = client.post(f"/avis/sondage/{poll.pk}/", {})

    assert response.status_code == 400
    assert "Choisissez un sujet." in response.content.decode()
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_a_cross_site_ballot_is_refused(poll, reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    response = client.post(
        f"/avis/sondage/{poll.pk}/", {"choices": first_option(poll).pk}
    )

    assert response.status_code == 403
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_an_anonymous_ballot_goes_to_the_login_page(client, poll):
    response = client.post(
        f"/avis/sondage/{poll.pk}/", {"choices": first_option(poll).pk}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_results_after_closing_only_stay_hidden_until_then(
    client, poll_index, reader, make_reader
):
    poll = TopicPollPageFactory(
        parent=poll_index, results_visibility=TopicPollPage.Results.AFTER_CLOSE
    )
    services.cast_ballot(poll, user=reader, option_ids=[first_option(poll).pk])
    client.force_login(reader)

    before = client.get(poll.url).content.decode()
    TopicPollPage.objects.filter(pk=poll.pk).update(
        closes_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    after = client.get(poll.url).content.decode()

    assert "Résultats provisoires" not in before
    assert "Les résultats s'affichent à la clôture du vote." in before
    assert "Résultats définitifs" in after
    assert "Choisi par les lecteurs\u00a0: <strong>" in after
    assert 'name="choices"' not in after


@pytest.mark.django_db
def test_the_poll_page_takes_the_same_queries_whatever_the_ballots(
    client, poll, reader, make_reader, django_assert_max_num_queries
):
    """Options, counters, total and the reader's own choices come in one query;
    the user bar asks one more, to draw nothing for a reader."""
    client.force_login(reader)
    services.cast_ballot(poll, user=reader, option_ids=[first_option(poll).pk])
    client.get(poll.url)
    with django_assert_max_num_queries(13) as few:
        client.get(poll.url)
    for n in range(30):
        services.cast_ballot(
            poll, user=make_reader(n), option_ids=[first_option(poll).pk]
        )

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(poll.url)


@pytest.mark.django_db
def test_the_home_page_shows_the_open_poll(client, poll):
    html = client.get("/").content.decode()

    assert poll.title in html
    assert "Faut-il rendre le vote obligatoire ?" in html


@pytest.mark.django_db
def test_mon_compte_lists_the_readers_ballots_and_proposals(client, poll, reader):
    from debates.factories import ProposalFactory

    ProposalFactory(author=reader, question="Faut-il taxer le kérosène ?")
    services.cast_ballot(poll, user=reader, option_ids=[first_option(poll).pk])
    client.force_login(reader)

    html = client.get("/compte/").content.decode()

    assert "Mes votes et propositions" in html
    assert poll.title in html
    assert "Faut-il rendre le vote obligatoire" in html
    assert "Faut-il taxer le kérosène ?" in html


@pytest.mark.django_db
def test_a_ballot_with_the_honeypot_filled_is_not_recorded(client, poll, reader):
    client.force_login(reader)

    response = client.post(
        f"/avis/sondage/{poll.pk}/",
        {"choices": first_option(poll).pk, "website": "http://spam.example"},
    )

    assert response.status_code == 302
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_the_votez_page_sorts_polls_by_state(client, poll_index):
    now = timezone.now()
    TopicPollPageFactory(parent=poll_index, title="Le vote ouvert")
    TopicPollPageFactory(
        parent=poll_index,
        title="Le vote à venir",
        opens_at=now + datetime.timedelta(days=2),
        closes_at=now + datetime.timedelta(days=9),
    )
    TopicPollPageFactory(
        parent=poll_index,
        title="Le vote passé",
        opens_at=now - datetime.timedelta(days=9),
        closes_at=now - datetime.timedelta(days=2),
    )

    response = client.get(poll_index.url)

    assert [p.title for p in response.context["open_polls"]] == ["Le vote ouvert"]
    assert [p.title for p in response.context["upcoming_polls"]] == ["Le vote à venir"]
    assert [p.title for p in response.context["closed_polls"]] == ["Le vote passé"]
    html = response.content.decode()
    assert html.index("Le vote ouvert") < html.index("Le vote à venir")
    assert html.index("Le vote à venir") < html.index("Le vote passé")


# --- A ballot that arrives after the poll closed -----------------------------------

PARIS = ZoneInfo("Europe/Paris")
CLOSED_AT = datetime.datetime(2025, 3, 1, 18, 0, tzinfo=PARIS)
TOO_LATE = (
    "This poll closed on 1 March 2025 at 18:00, before your ballot arrived: it "
    "could not be counted. Here are the results."
)
CHANGE_TOO_LATE = (
    "This poll closed on 1 March 2025 at 18:00, before your change arrived: your "
    "earlier ballot is the one counted. Here are the results."
)


def close(poll, at=CLOSED_AT):
    TopicPollPage.objects.filter(pk=poll.pk).update(
        opens_at=at - datetime.timedelta(days=7), closes_at=at
    )


def tallies(poll):
    return (
        PollTally.objects.get(poll=poll).ballots,
        sorted(OptionTally.objects.filter(poll=poll).values_list("votes", flat=True)),
    )


def poll_box(response):
    return BeautifulSoup(response.content, "html.parser").select_one("[data-poll-box]")


@pytest.mark.django_db
def test_a_ballot_after_closing_says_so_and_shows_the_results(
    client, poll, reader, make_reader
):
    other = poll.options.order_by("sort_order")[1]
    services.cast_ballot(poll, user=make_reader(1), option_ids=[other.pk])
    close(poll)
    before = tallies(poll)
    client.force_login(reader)

    response = client.post(
        f"/en/avis/sondage/{poll.pk}/", {"choices": first_option(poll).pk}
    )

    assert response.status_code == 409
    box = poll_box(response)
    assert box.select_one(".poll-box__status").get_text(strip=True) == TOO_LATE
    assert box.select_one("#poll-results-title").get_text(strip=True) == "Final results"
    assert "1 reader voted." in box.get_text()
    assert not box.select("input[name=choices]")
    assert not Ballot.objects.filter(voter=reader).exists()
    assert tallies(poll) == before


@pytest.mark.django_db
def test_a_change_after_closing_keeps_the_earlier_ballot_and_says_it_counts(
    client, poll, reader
):
    first, other = poll.options.order_by("sort_order")[:2]
    services.cast_ballot(poll, user=reader, option_ids=[first.pk])
    close(poll)
    client.force_login(reader)

    response = client.post(f"/en/avis/sondage/{poll.pk}/", {"choices": other.pk})

    assert response.status_code == 409
    box = poll_box(response)
    assert box.select_one(".poll-box__status").get_text(strip=True) == CHANGE_TOO_LATE
    mine = box.select_one(".poll-results__mine").find_parent("li")
    assert first.label in mine.get_text()
    assert services.my_choices(poll, reader) == {first.pk}


@pytest.mark.django_db
def test_a_late_ballot_sent_with_javascript_gets_the_box_with_the_results(
    client, poll, reader
):
    close(poll)
    client.force_login(reader)

    response = client.post(
        f"/en/avis/sondage/{poll.pk}/",
        {"choices": first_option(poll).pk},
        headers={"X-Requested-With": "fetch"},
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert html.lstrip().startswith('<section class="poll-box"')
    assert "<html" not in html
    assert poll_box(response).select_one(".poll-box__status").get_text(strip=True) == (
        TOO_LATE
    )
    assert "Final results" in html
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_an_empty_ballot_after_closing_is_told_the_poll_closed(client, poll, reader):
    close(poll)
    client.force_login(reader)

    response = client.post(f"/en/avis/sondage/{poll.pk}/", {})

    assert response.status_code == 409
    assert poll_box(response).select_one(".poll-box__status").get_text(strip=True) == (
        TOO_LATE
    )
    assert "Choose a topic." not in response.content.decode()


@pytest.mark.django_db
def test_a_ballot_caught_by_the_closing_time_on_its_way_in_is_not_counted(
    client, poll, reader, monkeypatch
):
    """Open when the ballot arrived, closed by the time it was to be stored: the
    check inside the transaction refuses it, with the same answer."""
    checked = ballots._clean_choices

    def closing_meanwhile(poll, *args):
        chosen = checked(poll, *args)
        poll.closes_at = timezone.now() - datetime.timedelta(seconds=1)
        TopicPollPage.objects.filter(pk=poll.pk).update(closes_at=poll.closes_at)
        return chosen

    monkeypatch.setattr(ballots, "_clean_choices", closing_meanwhile)
    client.force_login(reader)

    response = client.post(
        f"/avis/sondage/{poll.pk}/", {"choices": first_option(poll).pk}
    )

    assert response.status_code == 409
    status = poll_box(response).select_one(".poll-box__status p")
    assert "message--warning" in status["class"]
    assert "Résultats définitifs" in response.content.decode()
    assert not Ballot.objects.exists()
    assert tallies(poll)[0] == 0


@pytest.mark.django_db
def test_a_ballot_before_opening_is_told_so_above_the_options(
    client, poll_index, reader
):
    upcoming = TopicPollPageFactory(
        parent=poll_index, opens_at=timezone.now() + datetime.timedelta(hours=1)
    )
    client.force_login(reader)

    response = client.post(
        f"/avis/sondage/{upcoming.pk}/", {"choices": first_option(upcoming).pk}
    )

    assert response.status_code == 400
    assert poll_box(response).select_one(".poll-box__status").get_text(strip=True) == (
        "Ce vote n'est pas encore ouvert."
    )
    assert not Ballot.objects.exists()
