"""« Mon compte »: the lists, the address they go to; export and deletion."""

import json

import pytest
from django.core import mail

from accounts import services as account_services
from accounts.factories import UserFactory
from newsletter.factories import POLL_RESULTS, SubscriptionFactory
from newsletter.models import (
    ConsentEvent,
    Newsletter,
    Subscriber,
    Subscription,
    Suppression,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def both_lists(weekly_list):
    results, _created = Newsletter.objects.get_or_create(
        slug=POLL_RESULTS, defaults={"name": "Les résultats des votes"}
    )
    return weekly_list, results


def test_my_account_shows_the_lists_and_the_address(client, reader, both_lists):
    client.force_login(reader)
    html = client.get("/compte/").content.decode()
    assert "La semaine des débats" in html
    assert "Les résultats des votes" in html
    assert "Elles sont envoyées à lea@example.org" in html
    assert 'action="/lettre/mes-lettres/"' in html


def test_ticking_subscribes_at_once_and_unticking_leaves(client, reader, both_lists):
    weekly, results = both_lists
    client.force_login(reader)
    client.post("/lettre/mes-lettres/", {"newsletters": [weekly.pk, results.pk]})
    subscriber = Subscriber.objects.get(user=reader)
    assert set(subscriber.subscriptions.values_list("status", flat=True)) == {"active"}
    assert mail.outbox == []  # the account's address is verified already
    client.post("/lettre/mes-lettres/", {"newsletters": [weekly.pk]})
    statuses = dict(subscriber.subscriptions.values_list("newsletter__slug", "status"))
    assert statuses == {weekly.slug: "active", results.slug: "unsubscribed"}
    sources = set(ConsentEvent.objects.values_list("kind", "source"))
    assert sources == {
        ("requested", "account"),
        ("confirmed", "account"),
        ("unsubscribed", "account"),
    }
    html = client.get("/compte/").content.decode()
    assert f'value="{weekly.pk}"' in html
    assert html.count("checked") == 1


def test_an_unverified_account_is_asked_to_confirm_first(client, both_lists):
    user = UserFactory(email="new@example.org", verified=False)
    client.force_login(user)
    response = client.post(
        "/lettre/mes-lettres/", {"newsletters": [both_lists[0].pk]}, follow=True
    )
    assert "Confirmez d’abord votre adresse e-mail" in response.content.decode()
    assert not Subscription.objects.exists()


def test_an_address_subscribed_by_the_form_is_linked_to_the_account(
    client, reader, weekly_list
):
    SubscriptionFactory(subscriber__email="lea@example.org")
    client.force_login(reader)
    client.post("/lettre/mes-lettres/", {"newsletters": [weekly_list.pk]})
    assert Subscriber.objects.get().user == reader


def test_mail_follows_the_accounts_current_address(reader, weekly_list):
    subscription = SubscriptionFactory(subscriber__email="lea@example.org")
    subscription.subscriber.user = reader
    subscription.subscriber.save()
    reader.email = "lea.nouvelle@example.org"
    reader.save()
    assert Subscriber.objects.get().address == "lea.nouvelle@example.org"


def test_the_export_holds_the_consent_and_its_log(client, reader, weekly_list):
    client.force_login(reader)
    client.post("/lettre/mes-lettres/", {"newsletters": [weekly_list.pk]})
    data = json.loads(client.get("/compte/mes-donnees/").content)
    section = data["newsletter"]
    assert section["address"] == "lea@example.org"
    assert section["suppressed"] is False
    assert [s["status"] for s in section["subscriptions"]] == ["active"]
    assert [(e["event"], e["source"]) for e in section["consent_log"]] == [
        ("requested", "account"),
        ("confirmed", "account"),
    ]


def test_deleting_the_account_unsubscribes_and_records_it(reader, weekly_list):
    subscription = SubscriptionFactory(subscriber__email="lea@example.org")
    Subscriber.objects.filter(pk=subscription.subscriber_id).update(user=reader)
    account_services.delete_account(reader)
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    assert subscription.subscriber.user is None
    event = ConsentEvent.objects.get()
    assert (event.kind, event.source, event.address) == (
        "unsubscribed",
        "account_deletion",
        "lea@example.org",
    )


def test_a_suppressed_address_is_told_on_my_account(client, reader, weekly_list):
    Suppression.objects.create(address="LEA@example.org", reason="hard_bounce")
    client.force_login(reader)
    html = client.get("/compte/").content.decode()
    assert "nous avons cessé d’y envoyer les lettres" in html
