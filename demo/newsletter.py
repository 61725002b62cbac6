"""The demo newsletter, from ``newsletters.yaml``: the archive at /lettre/, a few
hundred confirmed demo recipients, an issue already sent and one scheduled.

The sent issue is recorded as sent (its dispatch and one delivery per recipient)
without mailing anyone: seeding must not fill ``var/mail/`` with three hundred
files. The scheduled one goes when its time comes, through the minute job."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from newsletter.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from newsletter.models import (
    ConsentEvent,
    Delivery,
    IssueDispatch,
    Newsletter,
    NewsletterIndexPage,
    NewsletterIssuePage,
    Subscriber,
    Subscription,
)
from newsletter.services import sending
from newsletter.services.throttle import batch_size

__all__ = ["seed_newsletter"]

RECIPIENT = "lecteur-lettre-{n}@example.org"


def _moment(days: int, at: datetime.time) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, at))


def _recipients(count: int, newsletter: Newsletter) -> None:
    """``count`` confirmed subscribers, with the request and the confirmation
    in their consent log, as the double opt-in leaves them."""
    have = Subscriber.objects.filter(email__startswith="lecteur-lettre-").count()
    if have >= count:
        return
    now = timezone.now()
    subscribers = Subscriber.objects.bulk_create(
        Subscriber(email=RECIPIENT.format(n=n)) for n in range(have + 1, count + 1)
    )
    Subscription.objects.bulk_create(
        Subscription(
            subscriber=subscriber,
            newsletter=newsletter,
            status=Subscription.Status.ACTIVE,
            requested_at=now,
            confirmed_at=now,
        )
        for subscriber in subscribers
    )
    ConsentEvent.objects.bulk_create(
        ConsentEvent(
            subscriber=subscriber,
            newsletter=newsletter,
            kind=kind,
            source=source,
            address=subscriber.email,
            at=now,
        )
        for subscriber in subscribers
        for kind, source in (("requested", "home"), ("confirmed", "link"))
    )


def _record_as_sent(issue, when: datetime.datetime) -> None:
    IssueDispatch.objects.update_or_create(
        issue=issue,
        defaults={
            "state": IssueDispatch.State.SENT,
            "started_at": when,
            "finished_at": when,
            "started_by": "demo",
            "subject": issue.subject,
        },
    )
    rows = Subscription.objects.filter(
        newsletter=issue.newsletter, status=Subscription.Status.ACTIVE
    ).values_list("subscriber_id", "subscriber__email")
    size = batch_size()
    Delivery.objects.bulk_create(
        [
            Delivery(
                issue=issue,
                subscriber_id=subscriber_id,
                address=address,
                batch=n // size,
                status=Delivery.Status.SENT,
                attempts=1,
                next_attempt_at=when,
                sent_at=when,
            )
            for n, (subscriber_id, address) in enumerate(rows)
        ],
        ignore_conflicts=True,
    )
    IssueDispatch.objects.filter(issue=issue).update(
        recipients=Delivery.objects.filter(issue=issue).count()
    )


def seed_newsletter(home, data: dict, *, stdout) -> None:
    archive = NewsletterIndexPage.objects.first()
    if archive is None:
        archive = NewsletterIndexPageFactory(
            parent=home,
            title=data["archive"]["title"],
            slug="lettre",
            intro=f"<p>{data['archive']['intro']}</p>",
        )
    lists = {newsletter.slug: newsletter for newsletter in Newsletter.objects.all()}
    _recipients(data["recipients"], lists["semaine-des-debats"])
    for spec in data["issues"]:
        if NewsletterIssuePage.objects.filter(title=spec["title"]).exists():
            continue
        issue = NewsletterIssuePageFactory(
            parent=archive,
            title=spec["title"],
            slug=slugify(spec["title"]),
            subject=spec["subject"],
            newsletter=lists[spec["newsletter"]],
            editorial=spec["editorial"],
            body=spec["body"],
            premium=spec["premium"],
        )
        if spec["sent"] is not None:
            when = _moment(spec["sent"], spec["at"])
            NewsletterIssuePage.objects.filter(pk=issue.pk).update(
                first_published_at=when, last_published_at=when
            )
            _record_as_sent(issue, when)
        elif spec["scheduled"] is not None:
            sending.schedule_issue(issue, at=_moment(spec["scheduled"], spec["at"]))
        stdout.write(f"  newsletter issue {issue.url}")
    active = Subscription.objects.filter(status=Subscription.Status.ACTIVE)
    stdout.write(f"  newsletter recipients: {active.count()}")
