"""An editor sends an issue from its sending page in the Wagtail admin: a test to
herself, a time in the past refused next to the field, then « Envoyer
maintenant », confirmed; the page's script follows the batches as the worker sends
them, and once sent the page shows what the provider reported."""

import datetime

import pytest
from anymail.signals import AnymailTrackingEvent, EventType, tracking
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import UserFactory
from newsletter.factories import (
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    SubscriptionFactory,
    weekly,
)
from newsletter.models import Delivery
from newsletter.services import sending
from newsletter.services.sending import start
from tests.browser.screenshots import save_screenshot
from tests.browser.steps import admin_log_in

EDITOR = "redaction@example.org"


@pytest.fixture
def newsletter_issue(home_page, settings, monkeypatch):
    """A published issue, four readers, the provider's test backend, and the
    batches held until the test runs them as a worker would."""
    settings.MAILERS = {"default": {"BACKEND": "anymail.backends.test.EmailBackend"}}
    settings.NEWSLETTER_BATCH_SIZE = 2
    settings.NEWSLETTER_SEND_RATE = 1000
    mail.outbox = []
    monkeypatch.setattr(start, "enqueue_batches", lambda *args, **kwargs: 0)
    archive = NewsletterIndexPageFactory(parent=home_page)
    for n in range(4):
        SubscriptionFactory(subscriber__email=f"lecteur{n}@example.org")
    return NewsletterIssuePageFactory(
        parent=archive, newsletter=weekly(), title="La semaine des débats n° 12"
    )


def _shot(page, name):
    save_screenshot(page, f"newsletter-admin-{name}")


def test_an_editor_tests_then_sends_an_issue_and_follows_it(
    page, site_url, newsletter_issue
):
    issue = newsletter_issue
    UserFactory(email=EDITOR, editor=True)
    admin_log_in(page, site_url, EDITOR)
    page.goto(f"{site_url}/admin/lettre/{issue.pk}/envoi/")
    _shot(page, "before")

    # A test to herself and a colleague.
    page.locator("#id_extra_addresses").fill("camille@example.org")
    page.locator("form[action$='/envoi/test/'] button[type=submit]").click()
    expect(page.locator(".messages .success")).to_be_visible()
    proofs = [m for m in mail.outbox if m.subject.startswith("[TEST] ")]
    assert sorted(m.to[0] for m in proofs) == ["camille@example.org", EDITOR]

    # A time already past is refused next to the field.
    past = timezone.localtime(timezone.now() - datetime.timedelta(hours=1))
    page.locator("#id_at").fill(past.strftime("%Y-%m-%dT%H:%M"))
    page.locator("form[action$='/envoi/programmer/'] button[type=submit]").click()
    field = page.locator("[data-field]").filter(has=page.locator("#id_at"))
    expect(field.locator(".error-message")).to_be_visible()
    _shot(page, "schedule-error")

    # Scheduled for tomorrow, then taken back.
    tomorrow = timezone.localtime(timezone.now() + datetime.timedelta(days=1))
    page.locator("#id_at").fill(tomorrow.strftime("%Y-%m-%dT%H:%M"))
    page.locator("form[action$='/envoi/programmer/'] button[type=submit]").click()
    expect(page.locator(".messages .success")).to_be_visible()
    expect(page.locator("form[action$='/envoi/deprogrammer/']")).to_be_visible()
    _shot(page, "scheduled")
    page.locator("form[action$='/envoi/deprogrammer/'] button[type=submit]").click()
    expect(page.locator("form[action$='/envoi/deprogrammer/']")).to_have_count(0)

    # Send now, confirmed.
    page.locator("#id_confirm").check()
    page.locator("form[action$='/envoi/'] button[type=submit]").click()
    done = page.locator("[data-count=done]")
    expect(done).to_have_text("0")
    expect(page.locator("progress")).to_have_attribute("max", "4")

    # The worker sends the first batch; the page's script sees it.
    sending.send_batch(issue.pk, 0)
    expect(done).to_have_text("2", timeout=15_000)
    expect(page.locator("progress")).to_have_attribute("value", "2")
    _shot(page, "sending")

    # The last batch: the script reloads the page, now « sent ».
    sending.send_batch(issue.pk, 1)
    expect(page.locator("[data-progress-state=sent]")).to_be_attached(timeout=15_000)
    rows = list(Delivery.objects.order_by("address"))
    for n, (kind, row) in enumerate(
        [
            (EventType.DELIVERED, rows[0]),
            (EventType.DELIVERED, rows[1]),
            (EventType.BOUNCED, rows[2]),
        ]
    ):
        event = AnymailTrackingEvent(
            event_type=kind,
            message_id=row.esp_message_id,
            recipient=row.address,
            event_id=f"evt-{n}",
            esp_event={},
        )
        tracking.send(sender=object, event=event, esp_name="Test")
    page.reload()
    bounced = Delivery.objects.filter(status=Delivery.Status.BOUNCED).count()
    assert bounced
    expect(page.locator("[data-count='outcome.bounced']")).to_have_text(str(bounced))
    _shot(page, "after")

    # The archive's listing says which issues went.
    NewsletterIssuePageFactory(
        parent=issue.get_parent(), newsletter=issue.newsletter, title="N° 13"
    )
    page.goto(f"{site_url}/admin/pages/{issue.get_parent().pk}/")
    sent_link = page.locator(f"a[href$='/admin/lettre/{issue.pk}/envoi/']")
    expect(sent_link.first).to_be_visible()
    _shot(page, "explorer")
