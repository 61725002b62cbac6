"""A reader reacts to a debate with a link to a source, and sends a second, rude
reaction; both wait for moderation, seen by their author only. A moderator publishes
the first and rejects the second from the admin's queue; an anonymous visitor then
reads the first, its link clickable but not endorsed (nofollow), and never the
second."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db.models import Q
from playwright.sync_api import expect

from accounts.factories import UserFactory
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from debates.models import Reaction
from tests.browser.axe import assert_accessible
from tests.browser.screenshots import save_screenshots_at_widths
from tests.browser.steps import admin_log_in, log_in

SOURCE = "https://www.insee.fr/fr/statistiques"
SOURCED = f"Les chiffres de l'Insee vont dans l'autre sens : {SOURCE} pour vérifier."
RUDE = "Les partisans du pour sont tous des menteurs."


@pytest.fixture
def moderators(db):
    """« Moderators », with the admin and the reaction queue, as a fresh install has
    them.

    Live-server tests are transactional: the tables are flushed after each test,
    taking the groups the migrations created with them, so the group is rebuilt
    here. A serialized rollback would restore it, but it fails once an earlier
    live-server test has flushed the tables: the content types recreated by the
    flush clash with the restored ones.
    """
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label="wagtailadmin", codename="access_admin")
            | Q(
                content_type__app_label="debates",
                codename__in=["view_reaction", "change_reaction"],
            )
        )
    )
    return group


def react(page, stance, text):
    reactions = page.get_by_role("region", name="Réactions", exact=True)
    reactions.get_by_role("group", name="Votre réaction penche").get_by_label(
        stance, exact=True
    ).check()
    reactions.get_by_label("Votre réaction", exact=True).fill(text)
    reactions.get_by_role("button", name="Envoyer ma réaction").click()
    # Back on the debate, the reaction among the reader's own ones awaiting.
    expect(page.locator(".reaction-pending")).to_contain_text(text)
    expect(page.get_by_role("status")).to_have_text(
        "Merci ! Votre réaction apparaîtra dès que la rédaction l'aura lue."
    )


def test_a_reaction_is_moderated_before_anyone_else_reads_it(
    page, new_page, site_url, home_page, moderators
):
    index = DebateIndexPageFactory(parent=home_page)
    debate = DebatePageFactory(
        parent=index, title="Faut-il instaurer un revenu universel ?"
    )
    author = UserFactory(
        email="ines@example.org", first_name="Inès", last_name="Delmas", verified=True
    )
    moderator = UserFactory(email="chef@example.org", verified=True)
    moderator.groups.add(moderators)

    # The reader opens the debate and reacts twice.
    log_in(page, site_url, "ines@example.org")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Débats", exact=True
    ).click()
    page.get_by_role("link", name=debate.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(debate.title)
    reactions = page.get_by_role("region", name="Réactions", exact=True)
    expect(reactions).to_contain_text("Aucune réaction publiée pour l'instant.")
    react(page, "Contre", SOURCED)
    expect(page).to_have_url(re.compile(r"#reactions$"))
    react(page, "Pour", RUDE)

    # Its author sees both as waiting, as plain text: links only once published.
    pending = page.locator(".reaction-pending")
    expect(
        pending.get_by_role("heading", name="Vos réactions en attente de modération")
    ).to_be_visible()
    expect(pending.get_by_role("listitem")).to_have_text([SOURCED, RUDE])
    expect(pending.get_by_role("link")).to_have_count(0)
    expect(reactions.locator(".reaction")).to_have_count(0)
    assert_accessible(page, context="debate page with pending reactions")
    assert list(Reaction.objects.values_list("tag", "status")) == [
        ("contre", "pending"),
        ("pour", "pending"),
    ]

    # Nobody else does.
    visitor = new_page()
    visitor.goto(site_url + debate.url)
    visitor_reactions = visitor.get_by_role("region", name="Réactions", exact=True)
    expect(visitor_reactions).to_contain_text("Aucune réaction publiée pour l'instant.")
    expect(visitor_reactions).not_to_contain_text("Insee")
    expect(visitor_reactions).not_to_contain_text(RUDE)
    expect(visitor_reactions.get_by_role("link", name="Connectez-vous")).to_be_visible()

    # A moderator finds them on the admin's dashboard, then in the queue.
    desk = new_page()
    admin_log_in(desk, site_url, "chef@example.org")
    panel = desk.get_by_role("region", name="Réactions à modérer")
    expect(panel).to_contain_text("2 réactions attendent une décision.")
    panel.get_by_role("link", name="Modérer", exact=True).click()
    expect(desk).to_have_url(site_url + "/admin/reactions/")
    expect(desk.get_by_role("heading", level=1)).to_have_text("Réactions à modérer")

    sourced = desk.get_by_role("row").filter(has_text="Insee")
    expect(sourced).to_contain_text("Contre · Inès D.")
    expect(sourced).to_contain_text(debate.title)
    sourced.get_by_role("button", name="Publier", exact=True).click()
    expect(desk.get_by_role("status")).to_contain_text(
        "Réaction publiée ; son auteur est prévenu."
    )

    rude = desk.get_by_role("row").filter(has_text=RUDE)
    rude.get_by_label("Motif du refus").fill("Attaque personnelle.")
    rude.get_by_role("button", name="Refuser").click()
    expect(desk.get_by_role("status")).to_contain_text("Réaction refusée.")
    expect(desk.get_by_role("main")).to_contain_text(
        "Aucune réaction en attente. Bravo !"
    )

    published = Reaction.objects.get(tag="contre")
    rejected = Reaction.objects.get(tag="pour")
    assert (published.author, published.status, published.moderated_by) == (
        author,
        "approved",
        moderator,
    )
    assert (rejected.status, rejected.rejection_reason) == (
        "rejected",
        "Attaque personnelle.",
    )
    assert [message.subject for message in mail.outbox] == [
        "[Versus] Votre réaction est publiée"
    ]
    assert mail.outbox[0].to == ["ines@example.org"]

    # The visitor reloads: the published reaction, its link not endorsed, and
    # never the rejected one.
    visitor.reload()
    visitor_reactions = visitor.get_by_role("region", name="Réactions", exact=True)
    reaction = visitor_reactions.locator(".reaction")
    expect(reaction).to_have_count(1)
    expect(reaction.locator(".reaction__tag")).to_have_text("Contre")
    expect(reaction.locator(".reaction__author")).to_have_text("Inès D.")
    expect(reaction.locator(".reaction__text")).to_have_text(SOURCED)
    link = reaction.get_by_role("link", name=SOURCE)
    expect(link).to_have_attribute("href", SOURCE)
    expect(link).to_have_attribute("rel", re.compile(r"\bnofollow\b"))
    expect(visitor_reactions).not_to_contain_text(RUDE)
    assert_accessible(visitor, context="debate page with a published reaction")
    save_screenshots_at_widths(visitor, "debate-reactions")

    # Its author no longer has anything waiting.
    page.reload()
    expect(page.locator(".reaction-pending")).to_have_count(0)
    expect(
        page.get_by_role("region", name="Réactions", exact=True).locator(".reaction")
    ).to_have_count(1)
