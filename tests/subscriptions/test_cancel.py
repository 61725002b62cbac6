"""Cancelling in three steps (the link, identification, confirmation), at period
end, with an email at once; resuming before the end."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from subscriptions.access import has_reader_access
from subscriptions.factories import SubscriptionFactory
from subscriptions.models import Subscription
from tests.subscriptions.fake_stripe import subscription as stripe_subscription

PERIOD_END = timezone.now() + datetime.timedelta(days=12)


@pytest.fixture
def subscribed(customer, plan, stripe_http):
    local = SubscriptionFactory(
        account=customer,
        plan=plan,
        stripe_subscription_id="sub_1",
        current_period_end=PERIOD_END,
    )

    remote = {"cancel": False}

    def current(form=None):
        return stripe_subscription(
            period_end=int(PERIOD_END.timestamp()),
            cancel_at_period_end=remote["cancel"],
        )

    def update(form):
        remote["cancel"] = form["cancel_at_period_end"] == ["true"]
        return current()

    stripe_http.route("post", "/v1/subscriptions/sub_1", update)
    stripe_http.route("get", "/v1/subscriptions/sub_1", current)
    return local


@pytest.mark.django_db
def test_the_footer_link_leads_to_cancellation_in_three_steps(
    client, reader, subscribed, stripe_http, django_capture_on_commit_callbacks
):
    # 1. The link, on every page.
    home = client.get("/").content.decode()
    assert 'href="/abonnement/resilier/"' in home
    # 2. Identification.
    login = client.get("/abonnement/resilier/")
    assert login["Location"].startswith("/compte/login/?next=/abonnement/resilier/")
    client.force_login(reader)
    # 3. Confirmation.
    page = client.get("/abonnement/resilier/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post("/abonnement/resilier/", follow=True)

    assert "Confirmer la résiliation" in page
    update = stripe_http.calls_to("post", "/v1/subscriptions/sub_1")
    assert update[0]["form"]["cancel_at_period_end"] == ["true"]
    local = Subscription.objects.get()
    assert local.cancel_at_period_end is True
    assert has_reader_access(reader)  # until the end of the paid period
    from django.utils.formats import date_format

    end = date_format(timezone.localtime(PERIOD_END), "j F Y")
    assert f"Il reste ouvert jusqu&#x27;au {end}" in done.content.decode()
    assert [m.subject for m in mail.outbox] == [
        "[Versus] Votre résiliation est confirmée"
    ]
    assert end in mail.outbox[0].body


@pytest.mark.django_db
def test_the_confirmation_event_that_follows_sends_no_second_email(
    client, reader, subscribed, django_capture_on_commit_callbacks
):
    from payments.events import receive_event
    from tests.subscriptions.fake_stripe import event

    client.force_login(reader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/abonnement/resilier/")
        receive_event(
            event(
                "customer.subscription.updated",
                stripe_subscription(cancel_at_period_end=True),
            )
        )

    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_reader_resumes_before_the_end(client, reader, subscribed):
    client.force_login(reader)
    client.post("/abonnement/resilier/")

    client.post("/abonnement/reprendre/")

    assert Subscription.objects.get().cancel_at_period_end is False


@pytest.mark.django_db
def test_the_account_page_shows_status_next_payment_and_history(
    client, reader, subscribed
):
    from subscriptions.models import Payment

    Payment.objects.create(
        account=subscribed.account,
        stripe_invoice_id="in_1",
        status="paid",
        amount_cents=499,
        tax_cents=10,
        hosted_invoice_url="https://invoice.stripe.com/i/in_1",
        created=timezone.now(),
    )
    client.force_login(reader)

    html = client.get("/abonnement/mon-abonnement/").content.decode()

    assert "Actif" in html
    assert "Prochain paiement\u00a0: 4,99\u00a0€" in html
    assert "0,10\u00a0€" in html
    assert 'href="https://invoice.stripe.com/i/in_1"' in html
    assert "Gérer mon moyen de paiement" in html
    assert 'href="/abonnement/resilier/"' in html
