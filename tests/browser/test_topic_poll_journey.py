"""Readers choose the next topic: a reader proposes a question; an editor approves
it and builds a poll with it in the admin; three readers vote (in place, with
JavaScript); the poll closes; the editor commissions the winner; the proposer
finds every step in their inbox."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import UserFactory
from debates.factories import PollIndexPageFactory
from debates.polls.models import Ballot, PollTally, Proposal, TopicPollPage
from newsroom.factories import ThemeFactory
from newsroom.models import Commission
from tests.browser.axe import assert_accessible
from tests.browser.screenshots import save_screenshots_at_widths
from tests.browser.steps import admin_log_in, log_in

QUESTION = "Faut-il interdire les écrans à l'école maternelle ?"
WHY = "Les enseignants voient arriver des enfants qui parlent moins bien."
NEWSROOM_QUESTION = "Faut-il une semaine de quatre jours au travail ?"


def admin_datetime(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def people(db):
    return {
        "proposer": UserFactory(
            email="ines@example.org", first_name="Inès", verified=True
        ),
        "voters": [
            UserFactory(email=f"votant{n}@example.org", verified=True) for n in (1, 2)
        ],
        "editor": UserFactory(email="redaction@example.org", editor=True),
    }


def test_a_proposal_goes_to_a_poll_wins_and_is_commissioned(
    page, new_page, site_url, home_page, people
):
    index = PollIndexPageFactory(parent=home_page)
    ThemeFactory(name="Éducation", slug="education")

    # The reader proposes a topic from « Votez ».
    log_in(page, site_url, "ines@example.org")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Votez pour les prochains sujets"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Votez")
    page.get_by_role("main").get_by_role("link", name="Proposer un sujet").click()
    page.get_by_label("Votre question").fill("Écrans")
    page.get_by_role("button", name="Envoyer ma proposition").click()
    expect(page.get_by_text("Formulez-la comme une question")).to_be_visible()
    assert not Proposal.objects.exists()
    page.get_by_label("Votre question").fill(QUESTION)
    page.get_by_label("Pourquoi c'est important").fill(WHY)
    page.get_by_label("Thème").select_option(label="Éducation")
    page.get_by_role("button", name="Envoyer ma proposition").click()
    expect(page.get_by_role("status")).to_contain_text("Merci")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Les propositions des lecteurs"
    )
    expect(page.get_by_text(QUESTION)).to_have_count(0)  # not before moderation

    # The editor approves it from the admin's queue.
    desk = new_page()
    admin_log_in(desk, site_url, "redaction@example.org")
    desk.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Propositions de sujets"
    ).click()
    row = desk.get_by_role("row").filter(has_text=QUESTION)
    row.get_by_role("button", name="Publier").click()
    expect(desk.get_by_text("Proposition approuvée et publiée")).to_be_visible()

    # Everyone sees it now.
    page.reload()
    assert_accessible(page, context="proposals list")
    expect(page.get_by_role("heading", name=QUESTION)).to_be_visible()

    # The editor builds a poll with it under « Votez ».
    now = timezone.now()
    desk.goto(f"{site_url}/admin/pages/{index.pk}/")
    desk.get_by_role("link", name="Ajouter une sous-page").click()
    expect(desk.get_by_role("heading", level=1)).to_have_text(
        "Nouveau: Vote sur les sujets"
    )
    desk.get_by_role("textbox", name="Titre*").fill("Le sujet de décembre")
    desk.get_by_role("textbox", name="Ouverture*").fill(
        admin_datetime(now - datetime.timedelta(minutes=5))
    )
    desk.get_by_role("textbox", name="Clôture*").fill(
        admin_datetime(now + datetime.timedelta(days=7))
    )
    # A poll starts with the two options it needs at least.
    expect(desk.get_by_role("combobox", name="Proposition de lecteur")).to_have_count(2)
    desk.get_by_role("combobox", name="Proposition de lecteur").nth(0).select_option(
        label=QUESTION
    )
    desk.get_by_role("textbox", name="Question", exact=True).nth(1).fill(
        NEWSROOM_QUESTION
    )
    footer = desk.get_by_role("navigation", name="Actions (pied de page)")
    footer.get_by_role("button", name="Plus d'actions").click()
    footer.get_by_role("button", name="Publier").click()
    expect(desk.get_by_role("status")).to_contain_text(
        "Page « Le sujet de décembre » créée et publiée."
    )
    poll = TopicPollPage.objects.get(title="Le sujet de décembre")
    assert poll.live

    # Three readers vote; the page updates in place.
    voters = [page] + [new_page() for _ in people["voters"]]
    for n, voter in enumerate(voters[1:], start=1):
        log_in(voter, site_url, f"votant{n}@example.org")
    for voter, choice in zip(
        voters, [QUESTION, QUESTION, NEWSROOM_QUESTION], strict=True
    ):
        voter.goto(site_url + poll.url)
        voter.get_by_label(choice).check()
        voter.get_by_role("button", name="Voter").click()
        expect(voter.locator("[data-poll-box]")).to_contain_text(
            "Votre vote est enregistré."
        )
        expect(voter.get_by_role("button", name="Modifier mon vote")).to_be_visible()
    page.reload()
    expect(page.locator(".poll-results")).to_contain_text("3 lecteurs ont voté.")
    assert_accessible(page, context="poll page")
    save_screenshots_at_widths(page, "poll-open")
    assert Ballot.objects.filter(poll=poll).count() == 3
    assert PollTally.objects.get(poll=poll).ballots == 3

    # Time passes: the poll closes by itself, from its closing time.
    TopicPollPage.objects.filter(pk=poll.pk).update(
        closes_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    visitor = new_page()
    visitor.goto(site_url + poll.url)
    expect(visitor.get_by_role("heading", name="Résultats définitifs")).to_be_visible()
    expect(visitor.locator(".poll-results__winner")).to_contain_text(QUESTION)
    expect(visitor.locator(".poll-results")).to_contain_text("67 % (2 votes)")
    expect(visitor.get_by_role("button", name="Voter")).to_have_count(0)
    assert_accessible(visitor, context="closed poll page")
    save_screenshots_at_widths(visitor, "poll-closed")

    # The editor commissions the winner from the poll's desk.
    desk.goto(f"{site_url}/admin/pages/{index.pk}/")
    desk.get_by_role("row").filter(has_text="Le sujet de décembre").get_by_role(
        "button", name=re.compile("Plus d.options pour")
    ).click()
    desk.get_by_role("link", name="Résultats et commande").click()
    desk.get_by_role("button", name="Commissionner ce sujet").click()
    expect(desk.get_by_text("La commande est créée")).to_be_visible()
    commission = Commission.objects.get(poll=poll)
    assert commission.question == QUESTION
    assert commission.proposal.author == people["proposer"]

    # The proposer heard at each step.
    subjects = [m.subject for m in mail.outbox if m.to == ["ines@example.org"]]
    assert subjects == [
        "[Versus] Votre proposition est publiée",
        "[Versus] Votre proposition est soumise au vote",
        "[Versus] Les lecteurs ont choisi votre proposition",
    ]


def test_a_ballot_sent_after_closing_is_answered_in_place_with_the_results(
    page, site_url, home_page, people
):
    from debates.factories import TopicPollPageFactory

    poll = TopicPollPageFactory(parent=PollIndexPageFactory(parent=home_page))
    log_in(page, site_url, "ines@example.org")
    page.goto(site_url + poll.url)
    page.evaluate("window.__sameDocument = true")

    # The page was read while the poll was open; it closes before the click.
    closed_at = timezone.now() - datetime.timedelta(seconds=1)
    TopicPollPage.objects.filter(pk=poll.pk).update(closes_at=closed_at)
    page.get_by_label("Faut-il rendre le vote obligatoire ?").check()
    page.get_by_role("button", name="Voter").click()

    status = page.locator(".poll-box__status .message--warning")
    expect(status).to_contain_text(timezone.localtime(closed_at).strftime("%H:%M"))
    expect(status).to_be_focused()
    expect(page.get_by_role("heading", name="Résultats définitifs")).to_be_visible()
    expect(page.get_by_role("button", name="Voter")).to_have_count(0)
    # Answered by the script, in place: the page was not loaded again.
    assert page.evaluate("window.__sameDocument === true")
    assert not Ballot.objects.exists()
    assert_accessible(page, context="ballot after closing")
