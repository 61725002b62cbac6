import io

import pytest
from django.core.management import call_command

from newsletter.models import Delivery, IssueDispatch, NewsletterIssuePage, Subscription


@pytest.mark.django_db
def test_the_demo_seeds_a_sent_issue_a_scheduled_one_and_hundreds_of_readers(client):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # idempotent
    assert Subscription.objects.filter(status="active").count() == 300
    sent, scheduled = NewsletterIssuePage.objects.order_by("pk")
    assert IssueDispatch.objects.get(issue=sent).state == "sent"
    assert Delivery.objects.filter(issue=sent, status="sent").count() == 300
    dispatch = IssueDispatch.objects.get(issue=scheduled)
    assert dispatch.state == "scheduled"
    assert dispatch.scheduled_for is not None
    archive = client.get("/lettre/").content.decode()
    assert sent.subject in archive
