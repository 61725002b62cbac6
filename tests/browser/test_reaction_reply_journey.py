"""A reader answers a published reaction: the thread's « Répondre » link points the
page's one reaction form at it in place (static/js/reply.js), without leaving the
page; the reply goes to moderation under that thread."""

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from debates.models import Reaction
from tests.browser.axe import assert_accessible
from tests.browser.steps import log_in

REPLY = "Les chiffres de 2024 disent pourtant l'inverse, voyez le rapport."


@pytest.fixture
def thread(home_page):
    index = DebateIndexPageFactory(parent=home_page)
    debate = DebatePageFactory(parent=index, title="Faut-il taxer le kérosène ?")
    author = UserFactory(
        email="ines@example.org", first_name="Inès", last_name="Delmas", verified=True
    )
    return Reaction.objects.create(
        debate=debate,
        author=author,
        tag=Reaction.Tag.POUR,
        text="Le train de nuit est la vraie réponse.",
        status=Reaction.Status.APPROVED,
    )


def test_a_reply_link_points_the_one_form_at_its_thread(page, site_url, thread):
    UserFactory(email="paul@example.org", verified=True)
    log_in(page, site_url, "paul@example.org")
    page.goto(site_url + thread.debate.url)
    reactions = page.get_by_role("region", name="Réactions", exact=True)
    form = page.locator("#reply-form")
    expect(form.locator("[data-reply-notice]")).to_be_hidden()

    reactions.get_by_role("link", name="Répondre : Inès D.").click()

    # Filled in place: still the debate's address, no reload to ?repondre=.
    assert page.url == site_url + thread.debate.url
    expect(form.locator("input[name=parent]")).to_have_value(str(thread.pk))
    expect(form.locator("[data-reply-notice]")).to_be_visible()
    expect(form.locator("[data-reply-author]")).to_have_text("Inès D.")
    expect(form.get_by_label("Votre réaction", exact=True)).to_be_focused()
    assert_accessible(page, context="debate page, replying to a reaction")

    form.locator("[data-reply-cancel]").click()
    expect(form.locator("input[name=parent]")).to_have_value("")
    expect(form.locator("[data-reply-notice]")).to_be_hidden()

    reactions.get_by_role("link", name="Répondre : Inès D.").click()
    form.get_by_role("group", name="Votre réaction penche").get_by_label(
        "Contre", exact=True
    ).check()
    form.get_by_label("Votre réaction", exact=True).fill(REPLY)
    form.get_by_role("button", name="Envoyer ma réaction").click()

    expect(page.locator(".reaction-pending")).to_contain_text(REPLY)
    reply = Reaction.objects.get(text=REPLY)
    assert (reply.parent, reply.status, reply.tag) == (thread, "pending", "contre")
