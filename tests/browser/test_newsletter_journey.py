"""A visitor asks for the newsletter from a debate page and confirms from the
email, opened on another device; an editor composes an issue in the Wagtail
admin (the editorial, then « Les débats de la semaine », which fills itself),
previews it as an email, sends herself a test, publishes it and sends it; the
visitor leaves in one click from the mail client, and the link in the email
says the address no longer receives the list.

Mail goes where ``make run`` puts it: one ``.eml`` file per message in a folder
(``core.mail.DevelopmentEmailBackend``, ``var/mail/`` in development), read back
with the ``email`` package as a mail client would. The sending page's own
journey (``test_newsletter_sending_journey``) covers scheduling and progress."""

import datetime
import email
import re
from email import policy

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Site

from accounts.factories import UserFactory
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from newsletter.factories import NewsletterIndexPageFactory, weekly
from newsletter.models import (
    ConsentEvent,
    Delivery,
    NewsletterIssuePage,
    Subscription,
)
from newsroom.factories import ContributorFactory
from tests.browser.axe import assert_accessible
from tests.browser.screenshots import save_screenshots_at_widths
from tests.browser.steps import admin_log_in

VISITOR = "visiteuse@example.org"
EDITOR = "redaction@example.org"
QUESTION = "Faut-il interdire les jets privés ?"
TITLE = "La semaine des débats n° 42"
SUBJECT = "Jets privés : le débat de la semaine"
EDITORIAL = "Cette semaine, une question qui agite les aéroports."
LIST_NAME = "La semaine des débats"
LINK = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture
def mailbox(settings, tmp_path):
    """The folder every email lands in, as in development."""
    folder = tmp_path / "mail"
    settings.MAILERS = {
        "default": {
            "BACKEND": "core.mail.DevelopmentEmailBackend",
            "OPTIONS": {"folder": str(folder)},
        }
    }
    return folder


def received(folder, *, to: str) -> list:
    """The messages in the folder addressed to ``to``, oldest first."""
    messages = [
        email.message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted(folder.glob("*.eml"))
    ]
    return [message for message in messages if message["To"] == to]


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(("html",)).get_content()


def write_rich_text(field, name, text):
    """Types into a Draftail editor, then waits for Draftail to copy it into the
    form's hidden input (a moment later: a form sent before saves it as it was)."""
    editor = field.get_by_role("textbox")
    editor.click()
    editor.press_sequentially(text)
    expect(editor).to_have_text(text)
    expect(field.locator(f"input[type=hidden][name={name}]")).to_have_value(
        re.compile(re.escape(text))
    )


def footer_actions(page):
    footer = page.get_by_role("navigation", name="Actions (pied de page)")
    footer.get_by_role("button", name="Plus d'actions").click()
    return footer


def test_a_visitor_subscribes_an_editor_sends_an_issue_the_visitor_leaves_in_one_click(
    page, new_page, playwright, site_url, home_page, mailbox
):
    # The site's address, as an installation sets it: emails sent by a task have
    # no request, and take their links from the default site.
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = re.match(r"https?://([^:/]+):(\d+)", site_url).groups()
    site.save()
    index = DebateIndexPageFactory(parent=home_page)
    debate = DebatePageFactory(
        parent=index,
        title=QUESTION,
        pour_contributor=ContributorFactory(name="Claire Morvan"),
        contre_contributor=ContributorFactory(name="Karim Benali"),
    )
    # Published this week: « Les débats de la semaine » picks it by itself.
    yesterday = timezone.now() - datetime.timedelta(days=1)
    type(debate).objects.filter(pk=debate.pk).update(
        first_published_at=yesterday, last_published_at=yesterday
    )
    archive = NewsletterIndexPageFactory(parent=home_page)
    newsletter = weekly()

    # A visitor reads the debate and finds « Recevoir la lettre » under it.
    page.goto(site_url + debate.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(QUESTION)
    signup = page.get_by_role("main").get_by_role("region", name="Recevoir la lettre")
    expect(signup).to_contain_text("Chaque semaine, le nouveau débat")
    assert_accessible(page, context="debate page with the sign-up form")
    signup.scroll_into_view_if_needed()
    save_screenshots_at_widths(page, "newsletter-signup-debate")
    signup.get_by_label("Votre adresse e-mail").fill(VISITOR)
    signup.get_by_role("button", name="Recevoir la lettre").click()
    expect(page).to_have_url(site_url + "/lettre/inscription/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vérifiez votre boîte de réception"
    )
    expect(page.get_by_role("status")).to_contain_text("un lien de confirmation")
    assert_accessible(page, context="sign-up sent")
    save_screenshots_at_widths(page, "newsletter-signup-done")
    subscription = Subscription.objects.get(subscriber__email=VISITOR)
    assert subscription.status == Subscription.Status.PENDING

    # The sign-up page of its own, for a reader who comes back to correct it.
    page.goto(site_url + "/lettre/inscription/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Recevoir la lettre")
    assert_accessible(page, context="sign-up page")

    # The confirmation email, opened on a phone.
    (confirmation,) = received(mailbox, to=VISITOR)
    assert (
        confirmation["Subject"] == "Confirmez votre inscription à la lettre de Versus"
    )
    links = [url for url in LINK.findall(text_of(confirmation)) if "/confirmer/" in url]
    assert len(links) == 1, text_of(confirmation)
    assert links[0].startswith(site_url + "/lettre/confirmer/")
    phone = new_page()
    phone.goto(links[0])
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Confirmez votre inscription"
    )
    assert_accessible(phone, context="confirmation page")
    save_screenshots_at_widths(phone, "newsletter-confirm")
    phone.get_by_role("button", name="Oui, envoyez-moi la lettre").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Inscription confirmée")
    expect(phone.get_by_role("main").get_by_role("listitem")).to_have_text(LIST_NAME)
    assert_accessible(phone, context="subscription confirmed")
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.ACTIVE
    log = ConsentEvent.objects.filter(subscriber=subscription.subscriber)
    assert list(log.values_list("kind", "source", "detail")) == [
        (ConsentEvent.Kind.REQUESTED, ConsentEvent.Source.DEBATE, ""),
        (ConsentEvent.Kind.CONFIRMED, ConsentEvent.Source.LINK, "debate"),
    ]

    # An editor composes the issue under the archive.
    UserFactory(email=EDITOR, editor=True)
    desk = new_page()
    admin_log_in(desk, site_url, EDITOR)
    desk.goto(f"{site_url}/admin/pages/{archive.pk}/")
    desk.get_by_role("link", name="Ajouter une sous-page").click()
    expect(desk.get_by_role("heading", level=1)).to_have_text(
        "Nouveau: Numéro de la lettre"
    )
    desk.get_by_role("textbox", name="Titre*").fill(TITLE)
    desk.get_by_role("button", name="Choisir lettre d’information").click()
    chooser = desk.get_by_role("dialog")
    chooser.get_by_role("link", name=LIST_NAME).click()
    expect(chooser).to_be_hidden()
    desk.get_by_role("textbox", name="Objet de l’e-mail*").fill(SUBJECT)
    write_rich_text(
        desk.get_by_role("region", name="Éditorial*"), "editorial", EDITORIAL
    )
    body = desk.get_by_role("region", name="Corps")
    body.get_by_role("button", name="Insérer un bloc").first.click()
    desk.get_by_role("option", name=re.compile("^Les débats de la semaine")).click()
    expect(body.get_by_role("region", name=re.compile("^Les débats"))).to_be_visible()
    desk.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(desk.get_by_role("status")).to_contain_text(TITLE)
    issue = NewsletterIssuePage.objects.get(title=TITLE)
    assert not issue.live
    assert [
        block.block_type for block in issue.get_latest_revision().as_object().body
    ] == ["week_debates"]

    # The preview, as an email: the week's debate is in it.
    desk.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    expect(desk.get_by_label("Mode prévisualisation")).to_have_value("email")
    frame = desk.locator("#w-preview-iframe")
    expect(frame).to_have_attribute("src", re.compile(r"mode=email"))
    preview = desk.frame_locator("#w-preview-iframe")
    expect(preview.locator("body")).to_contain_text(EDITORIAL)
    expect(preview.get_by_role("heading", name=QUESTION)).to_be_visible()
    expect(preview.locator("body")).to_contain_text(EDITORIAL)
    preview_url = frame.get_attribute("src")
    email_view = desk.context.new_page()
    email_view.goto(preview_url)
    expect(email_view.get_by_role("heading", name=QUESTION)).to_be_visible()
    save_screenshots_at_widths(email_view, "newsletter-email-preview")
    email_view.close()

    # « Envoi », then a test to herself.
    header = desk.get_by_role("navigation", name="Actions", exact=True)
    header.get_by_role("button", name="Actions").click()
    header.get_by_role("link", name="Envoi", exact=True).click()
    expect(desk).to_have_url(f"{site_url}/admin/lettre/{issue.pk}/envoi/")
    desk.get_by_role("button", name="M'envoyer un test").click()
    expect(desk.get_by_role("status")).to_contain_text(f"Test envoyé à {EDITOR}")
    (proof,) = received(mailbox, to=EDITOR)
    assert proof["Subject"] == f"[TEST] {SUBJECT}"
    assert QUESTION in html_of(proof)

    # She publishes it, then sends it, confirmed.
    desk.goto(f"{site_url}/admin/pages/{issue.pk}/edit/")
    footer_actions(desk).get_by_role("button", name="Publier", exact=True).click()
    expect(desk.get_by_role("status")).to_contain_text(TITLE)
    issue.refresh_from_db()
    assert issue.live
    desk.goto(f"{site_url}/admin/lettre/{issue.pk}/envoi/")
    desk.get_by_label(
        "J'ai relu l'e-mail de test : envoyer le numéro à tous les abonnés."
    ).check()
    desk.get_by_role("button", name="Envoyer maintenant").click()
    expect(desk.get_by_role("status")).to_contain_text("1")
    (delivery,) = Delivery.objects.filter(issue=issue)
    assert delivery.address == VISITOR

    # The issue in the visitor's mailbox, with the one-click headers.
    issue_email = received(mailbox, to=VISITOR)[-1]
    assert issue_email["Subject"] == SUBJECT
    assert QUESTION in html_of(issue_email)
    assert issue_email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = re.match(r"<([^>]+)>", issue_email["List-Unsubscribe"]).group(1)
    assert one_click.startswith(site_url + "/lettre/desinscription/")
    assert f'href="{one_click}"' in html_of(issue_email)

    # The mail client unsubscribes in one click: a POST without cookies.
    client = playwright.request.new_context()
    answer = client.post(one_click, form={"List-Unsubscribe": "One-Click"})
    assert answer.status == 200
    client.dispose()
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    left = log.get(kind=ConsentEvent.Kind.UNSUBSCRIBED)
    assert (left.source, left.issue_id) == (ConsentEvent.Source.ONE_CLICK, issue.pk)
    assert left.newsletter == newsletter

    # The link in the email says so.
    phone.goto(one_click)
    expect(phone.get_by_role("status")).to_have_text(
        f"Vous ne recevez plus « {LIST_NAME} »."
    )
    assert_accessible(phone, context="unsubscribe link, once unsubscribed")
