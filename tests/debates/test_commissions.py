"""A newsroom commission becomes its debate's draft, and is closed when the
debate is published."""

import pytest

from accounts.factories import UserFactory
from debates import services
from debates.factories import DebateIndexPageFactory
from debates.models import DebatePage
from newsroom.factories import CommissionFactory, ThemeFactory
from newsroom.models import Commission


@pytest.fixture
def index(home_page):
    return DebateIndexPageFactory(parent=home_page)


@pytest.fixture
def editor(db):
    return UserFactory(email="redaction@example.org", editor=True)


@pytest.mark.django_db
def test_a_commission_becomes_a_draft_debate_with_both_experts(index, editor):
    theme = ThemeFactory(name="Europe", slug="europe")
    commission = CommissionFactory(
        question="Faut-il élargir l'Union européenne ?",
        origin=Commission.Origin.READER_POLL,
        theme=theme,
    )

    page = services.create_debate_draft(commission, index=index, user=editor)

    page = DebatePage.objects.get(pk=page.pk)
    assert page.title == "Faut-il élargir l'Union européenne ?"
    assert page.live is False
    assert page.get_parent().specific == index
    assert (page.pour_contributor, page.contre_contributor) == (
        commission.pour_contributor,
        commission.contre_contributor,
    )
    assert list(page.themes.all()) == [theme]
    assert page.chosen_by_readers is True
    assert page.latest_revision is not None
    commission.refresh_from_db()
    assert (commission.debate_id, commission.status) == (page.pk, "in_review")


@pytest.mark.django_db
def test_a_commission_without_both_experts_or_with_a_debate_is_refused(index, editor):
    incomplete = CommissionFactory(contre_contributor=None)
    done = CommissionFactory()
    services.create_debate_draft(done, index=index, user=editor)

    for commission in (incomplete, done):
        with pytest.raises(services.CommissionError):
            services.create_debate_draft(commission, index=index, user=editor)
    assert DebatePage.objects.count() == 1


@pytest.mark.django_db
def test_publishing_the_debate_closes_its_commission(index, editor):
    commission = CommissionFactory()
    page = services.create_debate_draft(commission, index=index, user=editor)
    page.pour_headline = page.contre_headline = "Un titre"
    page.pour_body = page.contre_body = [("paragraph", "<p>Un argument.</p>")]
    page.context = "<p>Les faits.</p>"

    page.save_revision(user=editor).publish(user=editor)

    commission.refresh_from_db()
    assert commission.status == "published"


@pytest.mark.django_db
def test_editors_create_the_draft_from_the_admin_listing(client, index, editor):
    commission = CommissionFactory(question="Faut-il un service civique obligatoire ?")
    client.force_login(editor)

    listing = client.get("/admin/snippets/newsroom/commission/")
    url = f"/admin/newsroom/commissions/{commission.pk}/create-debate/"
    assert url in listing.content.decode()
    assert client.get(url).status_code == 200
    response = client.post(url)

    page = DebatePage.objects.get(title="Faut-il un service civique obligatoire ?")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"


@pytest.mark.django_db
def test_readers_cannot_create_debates_from_commissions(client, index):
    commission = CommissionFactory()
    client.force_login(UserFactory(email="lecteur@example.org", verified=True))

    response = client.post(
        f"/admin/newsroom/commissions/{commission.pk}/create-debate/"
    )

    assert response.status_code in {302, 403}
    assert not DebatePage.objects.exists()
