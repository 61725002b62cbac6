"""Readers propose topics; editors approve, reject or merge; readers support."""

import pytest
from django.core import mail

from accounts.factories import UserFactory
from debates.factories import ProposalFactory
from debates.polls import services
from debates.polls.models import Proposal, ProposalNotice, ProposalSupport

QUESTION = "Faut-il interdire les écrans à l'école maternelle ?"
WHY = "Les enseignants voient arriver des enfants qui parlent moins bien."


@pytest.mark.django_db
def test_a_verified_reader_proposes_and_supports_their_own_topic(reader, society):
    proposal = services.submit_proposal(
        user=reader, question=QUESTION, why=WHY, theme=society
    )

    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING
    assert proposal.support_count == 1
    assert ProposalSupport.objects.filter(proposal=proposal, reader=reader).exists()


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("Écrans ?", "Formulez une question de 10 à 200 caractères"),
        ("Interdire les écrans à l'école maternelle", "terminée par"),
        ("Faut-il " + "vraiment " * 30 + "?", "10 à 200 caractères"),
    ],
)
@pytest.mark.django_db
def test_a_proposal_must_be_a_question_of_sensible_length(
    reader, society, question, message
):
    with pytest.raises(services.ProposalError) as refused:
        services.submit_proposal(user=reader, question=question, why=WHY, theme=society)

    assert message in refused.value.message
    assert not Proposal.objects.exists()


@pytest.mark.django_db
def test_an_unverified_reader_cannot_propose(society):
    newcomer = UserFactory(email="nouveau@example.org", verified=False)

    with pytest.raises(services.ProposalError):
        services.submit_proposal(
            user=newcomer, question=QUESTION, why=WHY, theme=society
        )
    assert not Proposal.objects.exists()


@pytest.mark.django_db
def test_a_flood_of_proposals_is_stopped(reader, society, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "proposals_per_reader": (2, 60)}
    for n in range(2):
        services.submit_proposal(
            user=reader, question=f"Faut-il tester {n} fois ?", why=WHY, theme=society
        )

    with pytest.raises(services.ProposalError) as refused:
        services.submit_proposal(user=reader, question=QUESTION, why=WHY, theme=society)

    assert refused.value.message.startswith("Vous avez proposé beaucoup de sujets")
    assert Proposal.objects.count() == 2


@pytest.mark.django_db
def test_approving_tells_the_proposer_once(
    reader, society, editor, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(author=reader, status=Proposal.Status.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_proposal(proposal, editor=editor)
    with pytest.raises(services.ProposalError):
        services.approve_proposal(proposal, editor=editor)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reader.email]
    assert message.subject == "[Versus] Votre proposition est publiée"
    assert proposal.question in message.body
    assert "/propositions/" in message.body
    assert (
        ProposalNotice.objects.filter(proposal=proposal, kind="approved").count() == 1
    )


@pytest.mark.django_db
def test_rejecting_needs_a_reason_that_the_proposer_receives(
    reader, editor, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(author=reader, status=Proposal.Status.PENDING)

    with pytest.raises(services.ProposalError):
        services.reject_proposal(proposal, editor=editor, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_proposal(
            proposal, editor=editor, reason="Le sujet a été débattu le mois dernier."
        )

    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REJECTED
    assert "Le sujet a été débattu le mois dernier." in mail.outbox[0].body


@pytest.mark.django_db
def test_merging_carries_supporters_over_without_counting_anyone_twice(
    make_reader, editor
):
    target = ProposalFactory(author=make_reader(1))
    duplicate = ProposalFactory(author=make_reader(2), status=Proposal.Status.PENDING)
    both = make_reader(3)
    only_duplicate = make_reader(4)
    services.support(target, user=both)
    ProposalSupport.objects.create(proposal=duplicate, reader=both)
    ProposalSupport.objects.create(proposal=duplicate, reader=only_duplicate)

    services.merge_proposal(duplicate, into=target, editor=editor)

    target.refresh_from_db()
    duplicate.refresh_from_db()
    supporters = set(
        ProposalSupport.objects.filter(proposal=target).values_list(
            "reader__email", flat=True
        )
    )
    assert supporters == {
        "lecteur1@example.org",
        "lecteur2@example.org",
        "lecteur3@example.org",
        "lecteur4@example.org",
    }
    assert target.support_count == 4
    assert duplicate.status == Proposal.Status.MERGED
    assert duplicate.merged_into == target
    assert not ProposalSupport.objects.filter(proposal=duplicate).exists()


@pytest.mark.django_db
def test_a_reader_supports_once_and_can_withdraw(make_reader):
    proposal = ProposalFactory(author=make_reader(1))
    reader = make_reader(2)

    assert services.support(proposal, user=reader) is True
    assert services.support(proposal, user=reader) is False
    proposal.refresh_from_db()
    assert proposal.support_count == 2

    assert services.withdraw_support(proposal, user=reader) is True
    assert services.withdraw_support(proposal, user=reader) is False
    proposal.refresh_from_db()
    assert proposal.support_count == 1 == proposal.supports.count()


@pytest.mark.django_db
def test_pending_or_rejected_proposals_cannot_be_supported(make_reader):
    pending = ProposalFactory(author=make_reader(1), status=Proposal.Status.PENDING)

    with pytest.raises(services.ProposalError):
        services.support(pending, user=make_reader(2))
    assert pending.supports.count() == 1


# --- The public pages ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_public_list_shows_approved_proposals_by_support_or_date(
    client, make_reader, society, django_assert_max_num_queries
):
    older = ProposalFactory(author=make_reader(1), question="Faut-il A ou pas ?")
    newer = ProposalFactory(author=make_reader(2), question="Faut-il B ou pas ?")
    ProposalFactory(
        author=make_reader(3),
        question="Faut-il C ou pas ?",
        status=Proposal.Status.PENDING,
    )
    for n in range(4, 7):
        services.support(older, user=make_reader(n))
    client.force_login(make_reader(9))

    with django_assert_max_num_queries(11):
        by_support = client.get("/propositions/")
    by_date = client.get("/propositions/?tri=recentes")

    assert [p.pk for p in by_support.context["proposals"]] == [older.pk, newer.pk]
    assert [p.pk for p in by_date.context["proposals"]] == [newer.pk, older.pk]
    html = by_support.content.decode()
    assert "Faut-il C ou pas" not in html
    assert "4 soutiens" in html
    assert html.count("Soutenir") == 2


@pytest.mark.django_db
def test_the_list_filters_by_theme(client, make_reader, society):
    from newsroom.factories import ThemeFactory

    europe = ThemeFactory(name="Europe", slug="europe")
    ProposalFactory(author=make_reader(1), theme=society, question="Faut-il X ici ?")
    ProposalFactory(author=make_reader(2), theme=europe, question="Faut-il Y là ?")

    response = client.get("/propositions/?theme=europe")

    assert [p.question for p in response.context["proposals"]] == ["Faut-il Y là ?"]


@pytest.mark.django_db
def test_the_form_shows_errors_next_to_the_fields_and_stores_nothing(
    client, reader, society
):
    client.force_login(reader)

    response = client.post(
        "/propositions/proposer/",
        {"question": "Écrans", "why": "", "theme": ""},
    )

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["question"] == [
        "Formulez-la comme une question, terminée par un point d'interrogation.",
        "Écrivez au moins 10 caractères.",
    ]
    assert errors["why"] == ["Dites en quelques lignes pourquoi c'est important."]
    assert errors["theme"] == ["Choisissez un thème."]
    assert not Proposal.objects.exists()


@pytest.mark.django_db
def test_the_form_stores_a_proposal_and_thanks_the_reader(client, reader, society):
    client.force_login(reader)

    response = client.post(
        "/propositions/proposer/",
        {"question": QUESTION, "why": WHY, "theme": society.pk},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/propositions/"
    assert "Merci\u00a0! Votre proposition sera publiée" in response.content.decode()
    assert Proposal.objects.get().question == QUESTION


@pytest.mark.django_db
def test_a_filled_honeypot_stores_nothing(client, reader, society):
    client.force_login(reader)

    client.post(
        "/propositions/proposer/",
        {"question": QUESTION, "why": WHY, "theme": society.pk, "website": "x"},
    )

    assert not Proposal.objects.exists()


@pytest.mark.django_db
def test_supporting_from_the_list(client, make_reader):
    proposal = ProposalFactory(author=make_reader(1))
    reader = make_reader(2)
    client.force_login(reader)

    client.post(
        f"/propositions/{proposal.pk}/soutien/",
        {"action": "support", "next": "/propositions/"},
    )
    page = client.get("/propositions/").content.decode()
    client.post(f"/propositions/{proposal.pk}/soutien/", {"action": "withdraw"})

    assert "Retirer mon soutien" in page
    proposal.refresh_from_db()
    assert proposal.support_count == 1


@pytest.mark.django_db
def test_a_flood_of_support_clicks_is_stopped(make_reader, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "supports_per_reader": (3, 60)}
    proposal = ProposalFactory(author=make_reader(1))
    reader = make_reader(2)
    services.support(proposal, user=reader, ip_address="203.0.113.9")
    services.withdraw_support(proposal, user=reader, ip_address="203.0.113.9")
    services.support(proposal, user=reader, ip_address="203.0.113.9")

    with pytest.raises(services.ProposalError) as refused:
        services.withdraw_support(proposal, user=reader, ip_address="203.0.113.9")

    assert (
        refused.value.message
        == "Trop de clics en peu de temps. Réessayez dans un moment."
    )
    proposal.refresh_from_db()
    assert proposal.support_count == 2 == proposal.supports.count()
