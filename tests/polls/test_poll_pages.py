"""The poll page: voting with and without JavaScript, results when allowed."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from debates.factories import TopicPollPageFactory
from debates.polls import services
from debates.polls.models import Ballot, TopicPollPage


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
    client.force_login(reader)
    services.cast_ballot(poll, user=reader, option_ids=[first_option(poll).pk])
    client.get(poll.url)
    with django_assert_max_num_queries(20) as few:
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


@pytest.mark.django_db
def test_a_ballot_takes_a_bounded_number_of_queries(
    client, poll, reader, django_assert_max_num_queries
):
    client.force_login(reader)
    option = first_option(poll)

    with django_assert_max_num_queries(16):
        response = client.post(f"/avis/sondage/{poll.pk}/", {"choices": option.pk})

    assert response.status_code == 302
    assert Ballot.objects.filter(poll=poll, voter=reader).exists()
