"""Editors follow subscribers and offer complimentary subscriptions."""

import datetime

import pytest
from django.utils import timezone

from subscriptions.access import has_reader_access
from subscriptions.factories import PlanFactory, SubscriptionFactory
from subscriptions.models import Subscription


@pytest.fixture
def editor(db):
    from accounts.factories import UserFactory

    return UserFactory(email="redaction@example.org", editor=True)


@pytest.mark.django_db
def test_an_editor_offers_a_subscription_with_an_end_date(client, editor, reader):
    client.force_login(editor)
    until = timezone.localdate() + datetime.timedelta(days=30)

    response = client.post(
        "/admin/snippets/subscriptions/subscription/offer/",
        {"email": reader.email.upper(), "until": until.isoformat(), "note": "Presse"},
    )

    assert response.status_code == 302
    offered = Subscription.objects.get()
    assert (offered.status, offered.complimentary_until) == ("complimentary", until)
    assert offered.granted_by == editor
    assert has_reader_access(reader)


@pytest.mark.django_db
def test_offering_to_an_unknown_address_is_refused_with_a_message(client, editor):
    client.force_login(editor)
    until = timezone.localdate() + datetime.timedelta(days=30)

    response = client.post(
        "/admin/snippets/subscriptions/subscription/offer/",
        {"email": "inconnu@example.org", "until": until.isoformat()},
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Aucun lecteur n'a de compte à cette adresse."
    ]
    assert "Aucun lecteur n&#x27;a de compte à cette adresse." in (
        response.content.decode()
    )
    assert not Subscription.objects.exists()


@pytest.mark.django_db
def test_the_dashboard_shows_subscribers_and_monthly_revenue(client, editor):
    monthly = PlanFactory()
    yearly = PlanFactory(name="Abonnement annuel", price_cents=4990, interval="year")
    SubscriptionFactory(plan=monthly)
    SubscriptionFactory(plan=monthly, status="past_due")
    SubscriptionFactory(plan=yearly)
    SubscriptionFactory(plan=monthly, status="canceled")
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert "Abonnés actifs" in html
    # 2 x 4,99 € + 49,90 € / 12 (4,15 €, rounded down) = 14,13 €
    assert "14,13\u00a0€" in html
