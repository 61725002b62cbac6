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


@pytest.fixture
def newsroom_editor(db):
    from django.contrib.auth.models import Group

    from accounts.factories import UserFactory

    user = UserFactory(email="plume@example.org", verified=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.mark.django_db
def test_an_editor_sees_subscribers_and_payments_but_cannot_write_them(
    client, newsroom_editor
):
    from payments.models import StripeEvent
    from subscriptions.models import Payment

    subscription = SubscriptionFactory()
    payment = Payment.objects.create(
        account=subscription.account,
        stripe_invoice_id="in_1",
        status="paid",
        amount_cents=499,
        created=timezone.now(),
    )
    StripeEvent.objects.create(
        id="evt_1", type="invoice.paid", created=timezone.now(), payload={}
    )
    client.force_login(newsroom_editor)
    base = "/admin/snippets/subscriptions"
    events = "/admin/snippets/payments/stripeevent"

    listing = client.get(f"{base}/subscription/")
    assert listing.status_code == 200
    assert subscription.account.user.email in listing.content.decode()
    assert client.get(f"{base}/payment/inspect/{payment.pk}/").status_code == 200
    assert client.get(f"{events}/inspect/evt_1/").status_code == 200
    # Stripe's records arrive through events, never by hand.
    for url in (
        f"{base}/subscription/add/",
        f"{base}/payment/add/",
        f"{base}/payment/edit/{payment.pk}/",
        f"{events}/edit/evt_1/",
        f"{base}/subscription/delete/{subscription.pk}/",
    ):
        assert client.get(url).status_code in (302, 403), url
    assert client.get(f"{base}/subscription/offer/").status_code == 200
