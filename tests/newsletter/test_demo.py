import gc
import io
import warnings
from html import unescape

import pytest
from django.core.management import call_command

from debates.polls.selectors import live_polls
from debates.selectors import published_debates
from events.models import ConferencePage
from newsletter.models import Delivery, IssueDispatch, NewsletterIssuePage, Subscription
from newsletter.services.rendering import render_issue


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


@pytest.mark.django_db
def test_the_demo_issues_are_filled_from_the_site():
    call_command("seed_demo", stdout=io.StringIO())
    issues = list(NewsletterIssuePage.objects.order_by("pk"))
    # The first rendering makes the covers' renditions; Wagtail leaves their
    # spooled files to the garbage collector, collected here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        rendered = [render_issue(issue) for issue in issues]
        gc.collect()
    for issue, (_subject, html, text) in zip(issues, rendered, strict=True):
        html = unescape(html)
        moment = issue.content_moment()
        newest = published_debates().filter(first_published_at__lte=moment).first()
        poll = live_polls().filter(opens_at__lte=moment, closes_at__gt=moment).first()
        conference = ConferencePage.objects.live().order_by("starts_at").last()
        for shown in (newest.title, poll.title, conference.title, "Versus n°"):
            assert shown in html, (issue.title, shown)
            assert shown in text, (issue.title, shown)
