"""The public archive at /lettre/: in the sitemap and the feed, behind the
paywall where an issue says so."""

import pytest
from django.core import mail
from django.test import Client

from accounts.factories import UserFactory
from newsletter.factories import NewsletterIssuePageFactory, SubscriptionFactory
from newsletter.models import Delivery
from subscriptions.factories import SubscriptionFactory as PaidSubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def premium_issue(archive, weekly_list):
    return NewsletterIssuePageFactory(
        parent=archive,
        newsletter=weekly_list,
        premium=True,
        subject="Numéro réservé aux abonnés",
    )


def test_the_archive_lists_the_issues(client, issue, premium_issue):
    response = client.get("/lettre/")
    assert response.status_code == 200
    html = response.content.decode()
    assert issue.subject in html
    assert premium_issue.subject in html
    assert html.index(premium_issue.subject) < html.index(issue.subject)  # newest first


def test_a_free_issue_is_read_whole_by_anyone(client, issue):
    html = client.get(issue.url).content.decode()
    assert "Premier paragraphe, public." in html
    assert "Second, pour les abonnés." in html


def test_a_premium_issue_shows_its_teaser_to_visitors(client, premium_issue):
    response = client.get(premium_issue.url)
    html = response.content.decode()
    assert "Cette semaine, une question qui divise." in html  # the editorial
    assert "Premier paragraphe, public." in html
    assert "Second, pour les abonnés." not in html
    assert "La suite de ce numéro est réservée aux abonnés." in html
    assert "public" in response["Cache-Control"]


def test_a_subscriber_reads_a_premium_issue_whole(client, premium_issue):
    user = UserFactory(email="abonne@example.org", verified=True)
    PaidSubscriptionFactory(account__user=user)
    client.force_login(user)
    html = client.get(premium_issue.url).content.decode()
    assert "Second, pour les abonnés." in html
    assert "réservée aux abonnés" not in html


def test_the_issues_are_in_the_sitemap(client, issue, premium_issue):
    xml = client.get("/sitemap.xml").content.decode()
    assert issue.full_url in xml
    assert premium_issue.full_url in xml


def test_the_feed_gives_subjects_and_editorials_never_a_premium_body(
    client, issue, premium_issue
):
    response = client.get("/lettre/flux.rss")
    assert response.status_code == 200
    xml = response.content.decode()
    assert premium_issue.full_url in xml
    assert issue.full_url in xml
    assert "Second, pour les abonnés." not in xml


def test_an_editor_sends_an_issue_from_the_admin_once(client, issue, esp):
    SubscriptionFactory(subscriber__email="ines@example.org")
    client.force_login(UserFactory(editor=True))
    url = f"/admin/lettre/{issue.pk}/envoi/"
    edit = client.get(f"/admin/pages/{issue.pk}/edit/")
    assert edit.status_code == 200
    assert url in edit.content.decode()  # the header's « Envoi » button
    page = client.get(url)
    assert "Envoyer maintenant" in page.content.decode()
    client.post(url, {"confirm": "on"})
    client.post(url, {"confirm": "on"})  # a double click
    assert [message.to for message in mail.outbox] == [["ines@example.org"]]
    assert Delivery.objects.get().status == Delivery.Status.SENT
    again = client.get(url).content.decode()
    assert "Envoyer maintenant" not in again


def test_only_editors_may_send(issue):
    client = Client()
    client.force_login(UserFactory(email="lecteur@example.org", verified=True))
    response = client.post(f"/admin/lettre/{issue.pk}/envoi/")
    assert response.status_code in (302, 403)
    assert not Delivery.objects.exists()
