"""A registered reader uses their free subscriber debate, hits the wall on the
next one, subscribes through the demo checkout, reads the whole debate, then
cancels in three clicks from the footer and finds the confirmation email."""

import re

from django.core import mail
from playwright.sync_api import expect

from accounts.factories import UserFactory
from core.models import SiteSettings
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from subscriptions.access import has_reader_access
from subscriptions.factories import PlanFactory
from subscriptions.models import Subscription
from tests.browser.axe import assert_accessible
from tests.browser.screenshots import save_screenshots_at_widths
from tests.browser.steps import log_in

SECRET = "Seuls les abonnés lisent cette phrase du deuxième paragraphe."


def premium_debate(index, title, slug):
    return DebatePageFactory(
        parent=index,
        title=title,
        slug=slug,
        premium=True,
        pour_body=[
            ("paragraph", "<p>Le premier paragraphe pour, ouvert à tous.</p>"),
            ("paragraph", f"<p>{SECRET}</p>"),
        ],
    )


def test_a_reader_hits_the_wall_subscribes_reads_and_cancels(page, site_url, home_page):
    settings = SiteSettings.load()
    settings.premium_quota = 1
    settings.save()
    PlanFactory()
    index = DebateIndexPageFactory(parent=home_page)
    first = premium_debate(index, "Faut-il taxer le kérosène ?", "kerosene")
    second = premium_debate(index, "Faut-il interdire les jets privés ?", "jets-prives")
    reader = UserFactory(email="lea@example.org", verified=True)
    log_in(page, site_url, "lea@example.org")

    # The month's free subscriber debate.
    page.goto(site_url + first.url)
    expect(page.get_by_text(SECRET)).to_be_visible()
    expect(page.locator(".free-reads")).to_contain_text(
        "Il ne vous reste aucun débat gratuit ce mois-ci."
    )

    # The next one stops at the first paragraphs.
    page.goto(site_url + second.url)
    wall = page.get_by_role("region", name="Ce débat est réservé aux abonnés")
    expect(wall).to_be_visible()
    expect(
        page.get_by_text("Le premier paragraphe pour, ouvert à tous.")
    ).to_be_visible()
    expect(page.get_by_text(SECRET)).to_have_count(0)
    assert_accessible(page, context="paywall")
    save_screenshots_at_widths(page, "paywall")

    # Subscribing: the pricing page, then the demo checkout.
    wall.get_by_role("link", name="S'abonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("S'abonner à Versus")
    expect(page.get_by_text("4,99")).to_be_visible()
    assert_accessible(page, context="pricing page")
    save_screenshots_at_widths(page, "pricing")
    page.get_by_role("button", name="S'abonner").click()
    expect(page.locator(".notice--demo")).to_contain_text(
        re.compile("Mode démo.*ceci n'est pas Stripe")
    )
    page.get_by_role("button", name=re.compile("Payer 4,99")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bienvenue parmi les abonnés !"
    )
    assert has_reader_access(reader)

    # The whole debate now.
    page.goto(site_url + second.url)
    expect(page.get_by_text(SECRET)).to_be_visible()
    expect(
        page.get_by_role("region", name="Ce débat est réservé aux abonnés")
    ).to_have_count(0)

    # Cancelling: the footer link, then the confirmation (already logged in).
    page.get_by_role("contentinfo").get_by_role(
        "link", name="Résilier mon abonnement"
    ).click()
    page.get_by_role("button", name="Confirmer la résiliation").click()
    expect(page.get_by_role("status")).to_contain_text("Votre abonnement est résilié")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon abonnement")
    expect(page.get_by_text(re.compile("Se termine le"))).to_be_visible()
    assert_accessible(page, context="subscription account page")
    save_screenshots_at_widths(page, "subscription-account")
    assert Subscription.objects.get().cancel_at_period_end
    subjects = [m.subject for m in mail.outbox if m.to == ["lea@example.org"]]
    assert subjects[-1] == "[Versus] Votre résiliation est confirmée"
