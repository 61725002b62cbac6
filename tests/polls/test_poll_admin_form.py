"""Editors build polls in the Wagtail admin; the form keeps them sound."""

import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from debates.factories import ProposalFactory
from debates.polls import services
from debates.polls.models import PollOption, TopicPollPage


def poll_form(options, **fields):
    now = timezone.localtime()
    data = {
        "title": "Le sujet de janvier",
        "slug": "le-sujet-de-janvier",
        "intro": "",
        "opens_at": (now + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "closes_at": (now + datetime.timedelta(days=7)).strftime("%Y-%m-%d %H:%M"),
        "rule": "single",
        "max_choices": "1",
        "results_visibility": "after_vote",
        "options": inline_formset(options),
    }
    data.update(fields)
    return nested_form_data(data)


def add_url(index):
    return f"/admin/pages/add/debates/topicpollpage/{index.pk}/"


@pytest.mark.django_db
def test_an_editor_builds_a_poll_from_proposals_and_own_questions(
    client, editor, poll_index, make_reader
):
    proposal = ProposalFactory(author=make_reader(1), question="Faut-il A ici ?")
    client.force_login(editor)

    response = client.post(
        add_url(poll_index),
        poll_form(
            [
                {"proposal": proposal.pk, "question": ""},
                {"proposal": "", "question": "Faut-il B là-bas ?"},
            ]
        ),
    )

    assert response.status_code == 302
    poll = TopicPollPage.objects.get(slug="le-sujet-de-janvier")
    assert [option.label for option in poll.options.order_by("sort_order")] == [
        "Faut-il A ici ?",
        "Faut-il B là-bas ?",
    ]


@pytest.mark.parametrize(
    ("options", "fields", "message"),
    [
        ([{"proposal": "", "question": "Faut-il A ici ?"}], {}, "entre 2 et 12"),
        (
            [
                {"proposal": "", "question": "Faut-il A ici ?"},
                {"proposal": "", "question": "Faut-il B là ?"},
            ],
            {"rule": "approval", "max_choices": "3"},
            "Entre 1 et le nombre de sujets (2).",
        ),
        (
            [
                {"proposal": "", "question": "Faut-il A ici ?"},
                {"proposal": "", "question": "Pas une question"},
            ],
            {},
            "Formulez-la comme une question",
        ),
        (
            [
                {"proposal": "", "question": "Faut-il A ici ?"},
                {"proposal": "", "question": ""},
            ],
            {},
            "Choisissez une proposition de lecteur ou écrivez la question.",
        ),
    ],
)
@pytest.mark.django_db
def test_an_unsound_poll_is_refused_with_a_message(
    client, editor, poll_index, options, fields, message
):
    client.force_login(editor)

    response = client.post(add_url(poll_index), poll_form(options, **fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TopicPollPage.objects.exists()


@pytest.mark.django_db
def test_a_poll_must_close_after_it_opens(client, editor, poll_index):
    client.force_login(editor)
    opens = timezone.localtime() + datetime.timedelta(days=2)

    response = client.post(
        add_url(poll_index),
        poll_form(
            [
                {"proposal": "", "question": "Faut-il A ici ?"},
                {"proposal": "", "question": "Faut-il B là ?"},
            ],
            opens_at=opens.strftime("%Y-%m-%d %H:%M"),
            closes_at=(opens - datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
        ),
    )

    assert "Le vote doit se clore après son ouverture." in response.content.decode()
    assert not TopicPollPage.objects.exists()


@pytest.mark.django_db
def test_an_option_with_votes_cannot_be_removed(client, editor, poll, reader):
    voted, kept, other = poll.options.order_by("sort_order")
    services.cast_ballot(poll, user=reader, option_ids=[voted.pk])
    client.force_login(editor)
    forms = [
        {"id": option.pk, "proposal": "", "question": option.question}
        for option in (voted, kept, other)
    ]
    forms[0]["DELETE"] = "1"

    response = client.post(
        f"/admin/pages/{poll.pk}/edit/",
        poll_form(
            forms,
            title=poll.title,
            slug=poll.slug,
            opens_at=timezone.localtime(poll.opens_at).strftime("%Y-%m-%d %H:%M"),
            closes_at=timezone.localtime(poll.closes_at).strftime("%Y-%m-%d %H:%M"),
        ),
    )

    assert "Un sujet qui a déjà reçu des votes ne peut pas être retiré." in (
        response.content.decode()
    )
    assert PollOption.objects.filter(pk=voted.pk).exists()
