import datetime

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from debates.factories import DebateIndexPageFactory
from newsroom.factories import CommissionFactory
from newsroom.models import Commission


@pytest.fixture
def index(home_page):
    return DebateIndexPageFactory(parent=home_page)


@pytest.fixture
def editor(db):
    return UserFactory(email="redaction@example.org", editor=True)


@pytest.mark.django_db
def test_the_pipeline_filters_by_status(client, editor):
    CommissionFactory(question="À attribuer ?", status="to_assign")
    CommissionFactory(question="En relecture ?", status="in_review")
    client.force_login(editor)

    html = client.get("/admin/snippets/newsroom/commission/?status=in_review").content

    assert "En relecture ?" in html.decode()
    assert "À attribuer ?" not in html.decode()


@pytest.mark.django_db
def test_the_dashboard_lists_commissions_due_this_week(client, editor):
    today = timezone.localdate()
    CommissionFactory(
        question="Due demain ?", deadline=today + datetime.timedelta(days=1)
    )
    CommissionFactory(
        question="Due plus tard ?", deadline=today + datetime.timedelta(days=30)
    )
    CommissionFactory(
        question="Abandonnée ?", deadline=today, status=Commission.Status.ABANDONED
    )
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert "Due demain ?" in html
    assert "Due plus tard ?" not in html
    assert "Abandonnée ?" not in html
