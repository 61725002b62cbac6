"""A reader finds a debate by theme, says where they stand, reads both sides on a
phone, says where they stand after reading and sees the chart move."""

import re

from playwright.sync_api import expect

from accounts.factories import UserFactory
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from debates.models import Verdict, VerdictTally
from newsroom.factories import ContributorFactory, ThemeFactory
from tests.browser.axe import assert_accessible
from tests.browser.screenshots import save_screenshots_at_widths
from tests.browser.steps import log_in


def test_a_reader_filters_gives_both_verdicts_and_sees_the_chart_move(
    page, site_url, home_page
):
    index = DebateIndexPageFactory(parent=home_page)
    health = ThemeFactory(name="Santé", slug="sante")
    economy = ThemeFactory(name="Économie", slug="economie")
    expert = ContributorFactory(name="Claire Morvan", slug="claire-morvan")
    debate = DebatePageFactory(
        parent=index,
        title="Faut-il rendre la vaccination des soignants obligatoire ?",
        themes=[health],
        pour_contributor=expert,
        pour_headline="Protéger les patients d'abord",
        contre_headline="Convaincre plutôt que contraindre",
    )
    DebatePageFactory(
        parent=index, title="Faut-il taxer l'héritage ?", themes=[economy]
    )
    UserFactory(email="lea@example.org", verified=True)
    log_in(page, site_url, "lea@example.org")

    # « Débats », filtered by theme.
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Débats", exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Débats")
    assert_accessible(page, context="debate index")
    page.get_by_role("navigation", name="Thèmes").get_by_role(
        "link", name="Santé", exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"\?theme=sante$"))
    cards = page.locator(".debate-card__title")
    expect(cards).to_have_count(1)
    cards.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(debate.title)

    # Before reading: consent once, then the stance.
    before = page.locator("#verdict-before")
    before.get_by_label("Contre").check()
    before.get_by_role("button", name="Donner mon avis").click()
    expect(before.locator(".errorlist")).to_contain_text(
        "Votre accord est nécessaire pour enregistrer votre position."
    )
    assert not Verdict.objects.exists()
    before = page.locator("#verdict-before")
    before.get_by_label("Contre").check()
    before.get_by_label(
        re.compile("J'accepte que Versus enregistre ma position")
    ).check()
    before.get_by_role("button", name="Donner mon avis").click()
    expect(page.get_by_role("status")).to_contain_text("Votre avis est enregistré.")
    expect(page.locator("#verdict-before .verdict__mine")).to_contain_text("Contre")
    results = page.locator("#verdict")
    expect(results).to_contain_text("Contre : 100 % (1)")
    assert_accessible(page, context="debate page")
    save_screenshots_at_widths(page, "debate")

    # Reading on a phone: one side at a time, an equal switch between them.
    page.set_viewport_size({"width": 390, "height": 844})
    switch = page.locator("[data-side-switch]")
    expect(switch).to_be_visible()
    pour_button = switch.get_by_role("button", name="Pour")
    contre_button = switch.get_by_role("button", name="Contre")
    pour_button.click()
    expect(page.locator("#side-pour")).to_be_visible()
    expect(page.locator("#side-contre")).to_be_hidden()
    expect(pour_button).to_have_attribute("aria-pressed", "true")
    contre_button.click()
    expect(page.locator("#side-contre")).to_be_visible()
    expect(page.locator("#side-pour")).to_be_hidden()
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator("#side-pour")).to_be_visible()
    expect(page.locator("#side-contre")).to_be_visible()

    # After reading: convinced by the other side.
    after = page.locator("#verdict-after")
    after.get_by_label("Pour").check()
    after.get_by_role("button", name="Donner mon avis").click()
    expect(page.locator("#verdict-after .verdict__mine")).to_contain_text("Pour")
    results = page.locator("#verdict")
    expect(results).to_contain_text("Pour : 100 % (1)")
    expect(results).to_contain_text(
        "Lecteurs ayant donné leurs deux avis\u00a0: 1. Ont changé d'avis\u00a0: 100\u00a0%."
    )
    # Once the after verdict is given, the before one is settled too.
    expect(page.locator("#verdict-before form")).to_have_count(0)
    tally = VerdictTally.objects.get(debate=debate)
    assert (tally.before_contre, tally.after_pour, tally.both, tally.changed) == (
        1,
        1,
        1,
        1,
    )

    # The expert's profile, from the side.
    page.locator("#side-pour").get_by_role("link", name="Claire Morvan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Claire Morvan")
    expect(page.locator(".debate-card__title")).to_have_text(debate.title)
    assert_accessible(page, context="contributor page")
    save_screenshots_at_widths(page, "contributor")
