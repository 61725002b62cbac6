"""From a closed poll to a commission, to a debate with the readers' badge; the
proposer hears at each step, once."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.models import OutgoingEmail
from debates import services as debate_services
from debates.factories import (
    DebateIndexPageFactory,
    ProposalFactory,
    TopicPollPageFactory,
)
from debates.models import DebatePage
from debates.polls import services
from debates.polls.models import ProposalNotice, TopicPollPage
from newsroom.factories import ContributorFactory
from newsroom.models import Commission


def close(poll):
    TopicPollPage.objects.filter(pk=poll.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    poll.refresh_from_db()


@pytest.fixture
def proposer(make_reader):
    return make_reader(100, first_name="Inès")


@pytest.fixture
def winning_poll(poll_index, proposer, make_reader, society):
    proposal = ProposalFactory(
        author=proposer, question="Faut-il taxer le kérosène ?", theme=society
    )
    poll = TopicPollPageFactory(
        parent=poll_index, options=[proposal, "Faut-il une semaine de quatre jours ?"]
    )
    winner, other = poll.options.order_by("sort_order")
    for n in range(3):
        services.cast_ballot(poll, user=make_reader(n), option_ids=[winner.pk])
    services.cast_ballot(poll, user=make_reader(9), option_ids=[other.pk])
    return poll


@pytest.mark.django_db
def test_publishing_a_poll_tells_its_proposers_once(
    poll_index, proposer, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(author=proposer, question="Faut-il taxer le kérosène ?")
    poll = TopicPollPageFactory(
        parent=poll_index, live=False, options=[proposal, "Faut-il tout changer ?"]
    )

    with django_capture_on_commit_callbacks(execute=True):
        poll.save_revision().publish()
        poll.save_revision().publish()

    polled = [m for m in mail.outbox if "soumise au vote" in m.subject]
    assert len(polled) == 1
    assert polled[0].to == [proposer.email]
    assert poll.url in polled[0].body


@pytest.mark.django_db
def test_a_poll_published_twice_owes_its_proposer_one_email(
    poll_index, proposer, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(author=proposer, question="Faut-il taxer le kérosène ?")
    poll = TopicPollPageFactory(
        parent=poll_index, live=False, options=[proposal, "Faut-il tout changer ?"]
    )

    with django_capture_on_commit_callbacks(execute=True):
        poll.save_revision().publish()
        services.notify_put_to_poll(poll)

    owed = OutgoingEmail.objects.get(builder="debates.polls.emails.proposal_notice")
    assert owed.key == f"proposal-notice:{proposal.pk}:polled"
    assert owed.status == OutgoingEmail.Status.SENT
    assert owed.params["poll_id"] == poll.pk
    assert [m.to for m in mail.outbox] == [[proposer.email]]


@pytest.mark.django_db
def test_a_poll_cannot_be_commissioned_while_open(winning_poll, editor):
    with pytest.raises(services.ProposalError):
        services.commission_winner(winning_poll, editor=editor)
    assert not Commission.objects.exists()


@pytest.mark.django_db
def test_the_winner_becomes_a_commission_then_a_debate_with_the_badge(
    winning_poll, editor, proposer, home_page, django_capture_on_commit_callbacks
):
    close(winning_poll)

    with django_capture_on_commit_callbacks(execute=True):
        commission = services.commission_winner(winning_poll, editor=editor)
    with pytest.raises(services.ProposalError):
        services.commission_winner(winning_poll, editor=editor)

    assert commission.question == "Faut-il taxer le kérosène ?"
    assert commission.origin == Commission.Origin.READER_POLL
    assert commission.poll == winning_poll
    assert commission.proposal.author == proposer
    assert commission.theme.slug == "societe"
    chosen = [
        m
        for m in mail.outbox
        if m.subject == "[Versus] Les lecteurs ont choisi votre proposition"
    ]
    assert len(chosen) == 1

    commission.pour_contributor = ContributorFactory(slug="pour")
    commission.contre_contributor = ContributorFactory(slug="contre")
    commission.save()
    index = DebateIndexPageFactory(parent=home_page)
    draft = debate_services.create_debate_draft(commission, index=index, user=editor)
    assert DebatePage.objects.get(pk=draft.pk).chosen_by_readers is True

    debate = DebatePage.objects.get(pk=draft.pk)
    debate.context = "<p>Le contexte.</p>"
    debate.pour_headline = "Pour"
    debate.contre_headline = "Contre"
    debate.pour_body = [("paragraph", "<p>Oui.</p>")]
    debate.contre_body = [("paragraph", "<p>Non.</p>")]
    with django_capture_on_commit_callbacks(execute=True):
        debate.save_revision(user=editor).publish()

    published = [m for m in mail.outbox if "est publié" in m.subject]
    assert len(published) == 1
    assert published[0].to == [proposer.email]
    assert debate.full_url in published[0].body
    kinds = set(
        ProposalNotice.objects.filter(proposal=commission.proposal).values_list(
            "kind", flat=True
        )
    )
    assert {"chosen", "published"} <= kinds


@pytest.mark.django_db
def test_a_tied_poll_is_commissioned_only_after_the_tie_is_broken(
    poll_index, make_reader, editor
):
    poll = TopicPollPageFactory(parent=poll_index)
    first, second, _third = poll.options.order_by("sort_order")
    services.cast_ballot(poll, user=make_reader(1), option_ids=[first.pk])
    services.cast_ballot(poll, user=make_reader(2), option_ids=[second.pk])
    close(poll)

    with pytest.raises(services.ProposalError) as refused:
        services.commission_winner(poll, editor=editor)
    assert refused.value.message.startswith("Tranchez d'abord l'égalité")

    services.decide_tie(poll, winner_id=second.pk, editor=editor)
    commission = services.commission_winner(poll, editor=editor)

    assert commission.question == second.label
    assert commission.proposal is None


@pytest.mark.django_db
def test_the_desk_in_the_admin_commissions_the_winner(client, winning_poll, editor):
    close(winning_poll)
    client.force_login(editor)

    desk = client.get(f"/admin/polls/{winning_poll.pk}/")
    response = client.post(f"/admin/polls/{winning_poll.pk}/commission/")

    assert "Commissionner ce sujet" in desk.content.decode()
    commission = Commission.objects.get(poll=winning_poll)
    assert (
        response["Location"]
        == f"/admin/snippets/newsroom/commission/edit/{commission.pk}/"
    )


@pytest.mark.django_db
def test_the_proposer_gets_the_figures_once_enough_readers_gave_both_verdicts(
    winning_poll,
    editor,
    proposer,
    home_page,
    settings,
    django_capture_on_commit_callbacks,
):
    from accounts.factories import UserFactory
    from debates.factories import DebatePageFactory

    settings.PROPOSER_FIGURES_AFTER = 2
    close(winning_poll)
    commission = services.commission_winner(winning_poll, editor=editor)
    debate = DebatePageFactory(parent=DebateIndexPageFactory(parent=home_page))
    Commission.objects.filter(pk=commission.pk).update(debate=debate)

    for n, (before, after) in enumerate(
        [("pour", "contre"), ("contre", "contre"), ("pour", "pour")]
    ):
        reader = UserFactory(email=f"juge{n}@example.org", verified=True)
        debate_services.give_stance_consent(reader)
        with django_capture_on_commit_callbacks(execute=True):
            debate_services.cast_verdict(
                debate, user=reader, moment="before", stance=before
            )
            debate_services.cast_verdict(
                debate, user=reader, moment="after", stance=after
            )

    figures = [m for m in mail.outbox if "opinion" in m.subject or "avis" in m.subject]
    assert len(figures) == 1
    assert figures[0].to == [proposer.email]
    assert "2 lecteurs ont maintenant donné leur avis" in figures[0].body
    assert "50\u00a0% d'entre eux ont changé d'avis" in figures[0].body
