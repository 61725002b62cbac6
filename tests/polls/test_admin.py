"""The newsroom moderates proposals and follows polls from the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group

from accounts.factories import UserFactory
from debates.factories import ProposalFactory
from debates.polls import services
from debates.polls.models import Proposal


@pytest.fixture
def moderator(db):
    user = UserFactory(email="chef@example.org", verified=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.mark.django_db
def test_a_moderator_approves_rejects_and_merges_from_the_queue(
    client, moderator, make_reader
):
    approved = ProposalFactory(author=make_reader(1), question="Faut-il A ici ?")
    to_approve, to_reject, duplicate = (
        ProposalFactory(
            author=make_reader(n), status=Proposal.Status.PENDING, question=q
        )
        for n, q in [(2, "Faut-il B là ?"), (3, "Faut-il C là ?"), (4, "Faut-il A ?")]
    )
    client.force_login(moderator)

    queue = client.get("/admin/proposals/").content.decode()
    client.post(f"/admin/proposals/{to_approve.pk}/approve/")
    client.post(f"/admin/proposals/{to_reject.pk}/reject/", {"reason": "Hors sujet."})
    client.post(f"/admin/proposals/{duplicate.pk}/merge/", {"into": approved.pk})

    assert "Faut-il B là ?" in queue
    statuses = dict(Proposal.objects.values_list("question", "status"))
    assert statuses == {
        "Faut-il A ici ?": "approved",
        "Faut-il B là ?": "approved",
        "Faut-il C là ?": "rejected",
        "Faut-il A ?": "merged",
    }
    approved.refresh_from_db()
    assert approved.support_count == 2


@pytest.mark.django_db
def test_a_rejection_without_reason_is_refused_with_a_message(
    client, moderator, make_reader
):
    pending = ProposalFactory(author=make_reader(1), status=Proposal.Status.PENDING)
    client.force_login(moderator)

    response = client.post(
        f"/admin/proposals/{pending.pk}/reject/", {"reason": ""}, follow=True
    )

    assert "Indiquez le motif du refus." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Proposal.Status.PENDING


@pytest.mark.django_db
def test_readers_cannot_reach_the_queue(client, reader):
    client.force_login(reader)

    response = client.get("/admin/proposals/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_the_dashboard_shows_open_polls_and_waiting_proposals(
    client, moderator, poll, make_reader
):
    ProposalFactory(author=make_reader(1), status=Proposal.Status.PENDING)
    services.cast_ballot(
        poll,
        user=make_reader(2),
        option_ids=[poll.options.order_by("sort_order").first().pk],
    )
    client.force_login(moderator)

    html = client.get("/admin/").content.decode()

    assert "Votes et propositions" in html
    assert poll.title in html
    assert "1 proposition attend d'être modérée." in html
