"""A commission becomes a published debate, by two people in the Wagtail admin: an
editor creates the draft from the newsroom's pipeline, writes both sides and, not
allowed to publish, submits it to the moderators; a moderator finds it on their
dashboard and approves it, which publishes it and closes the commission; then a
reader finds it in « Débats » and reads both sides."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils.html import strip_tags
from playwright.sync_api import expect
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from accounts.factories import UserFactory
from debates.factories import DebateIndexPageFactory
from debates.models import DebatePage
from newsroom.factories import CommissionFactory, ContributorFactory, ThemeFactory
from newsroom.models import Commission
from tests.browser.axe import assert_accessible
from tests.browser.screenshots import save_screenshots_at_widths
from tests.browser.steps import admin_log_in

QUESTION = "Faut-il instaurer un revenu universel ?"
CONTEXT = "Le revenu universel revient dans le débat public depuis les années 1980."
POUR_HEADLINE = "Un filet de sécurité pour chacun"
POUR_ARGUMENT = "Verser un revenu à tous met fin au non-recours aux aides sociales."
CONTRE_HEADLINE = "Un coût hors de portée"
CONTRE_ARGUMENT = "Le financer demanderait de relever fortement l'impôt sur le revenu."

# Where Draftail keeps what was typed in the context and in a paragraph.
DRAFTAIL_INPUT = "input[type=hidden][name=context], input[type=hidden][name$='-value']"


@pytest.fixture
def newsroom_groups(home_page):
    """« Editors » and « Moderators » with what this journey needs of a fresh
    install: the admin, the commissions, their rights on the page tree, and the
    « Moderators approval » workflow on the root page.

    Live-server tests are transactional: the tables are flushed after each test,
    taking the groups and the workflow the migrations created with them, so they are
    rebuilt here. A serialized rollback would restore them, but it fails once an
    earlier live-server test has flushed the tables: the content types recreated by
    the flush clash with the restored ones.
    """
    root = Page.get_first_root_node()
    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    for group in (editors, moderators):
        group.permissions.add(
            permission("wagtailadmin", "access_admin"),
            *(
                permission("newsroom", f"{action}_commission")
                for action in ("add", "change", "view")
            ),
        )
    for group, actions in (
        (editors, ["add", "change"]),
        (moderators, ["add", "change", "publish", "lock", "unlock"]),
    ):
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=permission("wagtailcore", f"{action}_page"),
            )
    workflow, _ = Workflow.objects.get_or_create(name="Moderators approval")
    task, _ = GroupApprovalTask.objects.get_or_create(name="Moderators approval")
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task)
    WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})
    return editors, moderators


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def write_rich_text(field, text):
    """Types into the field's Draftail editor as a person does, then waits for
    Draftail to copy what was typed into the form: it does so a moment later, and a
    form sent before that saves the text as it was."""
    editor = field.get_by_role("textbox")
    editor.click()
    editor.press_sequentially(text)
    expect(editor).to_have_text(text)
    expect(field.locator(DRAFTAIL_INPUT)).to_have_value(re.compile(re.escape(text)))


def add_paragraph(page, side, text):
    side.get_by_role("button", name="Insérer un bloc").first.click()
    page.get_by_role("option", name="Paragraphe", exact=True).click()
    paragraph = side.get_by_role("region", name=re.compile(r"^Paragraphe"))
    write_rich_text(paragraph, text)


def plain_text(stream) -> str:
    """The text of a StreamField of paragraphs, as the editor typed it."""
    return " ".join(unescape(strip_tags(block.value.source)) for block in stream)


def footer_actions(page):
    footer = page.get_by_role("navigation", name="Actions (pied de page)")
    footer.get_by_role("button", name="Plus d'actions").click()
    return footer


def test_an_editor_drafts_a_commissioned_debate_a_moderator_publishes_it(
    page, new_page, site_url, home_page, newsroom_groups
):
    editors, moderators = newsroom_groups
    index = DebateIndexPageFactory(parent=home_page)
    commission = CommissionFactory(
        question=QUESTION,
        origin=Commission.Origin.READER_POLL,
        theme=ThemeFactory(name="Économie", slug="economie"),
        pour_contributor=ContributorFactory(name="Claire Morvan", slug="claire-morvan"),
        contre_contributor=ContributorFactory(name="Karim Benali", slug="karim-benali"),
    )
    editor = UserFactory(email="plume@example.org", first_name="Inès", verified=True)
    editor.groups.add(editors)
    moderator = UserFactory(email="chef@example.org", verified=True)
    moderator.groups.add(moderators)

    # The editor opens the newsroom's pipeline from the admin menu.
    admin_log_in(page, site_url, "plume@example.org")
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Rédaction").click()
    menu.get_by_role("link", name="Commandes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Commandes")
    row = page.get_by_role("row", name=re.compile(re.escape(QUESTION)))
    expect(row).to_contain_text("À attribuer")
    row.get_by_role("button", name=f"Plus d’options pour « {QUESTION} »").click()
    row.get_by_role("link", name="Créer le débat").click()

    # A confirmation, then the page editor of the new draft.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Créer le débat")
    page.get_by_role("button", name="Créer le brouillon").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    draft = DebatePage.objects.get(title=QUESTION)
    assert page.url == f"{site_url}/admin/pages/{draft.pk}/edit/"
    expect(page.get_by_role("status")).to_contain_text(
        "Le brouillon du débat est prêt : rédigez-le, puis soumettez-le."
    )
    expect(page.get_by_role("textbox", name="Titre*")).to_have_value(QUESTION)
    pour = page.get_by_role("region", name="Pour", exact=True)
    contre = page.get_by_role("region", name="Contre", exact=True)
    expect(pour).to_contain_text("Claire Morvan")
    expect(contre).to_contain_text("Karim Benali")
    commission.refresh_from_db()
    assert (commission.status, commission.debate_id) == ("in_review", draft.pk)

    # The editor writes what the commission could not fill in.
    context = page.get_by_role("region", name="Contexte*")
    write_rich_text(context, CONTEXT)
    pour.get_by_role("textbox", name="Titre du pour*").fill(POUR_HEADLINE)
    add_paragraph(page, pour, POUR_ARGUMENT)
    contre.get_by_role("textbox", name="Titre du contre*").fill(CONTRE_HEADLINE)
    add_paragraph(page, contre, CONTRE_ARGUMENT)

    # Editors submit; only moderators publish.
    actions = footer_actions(page)
    expect(actions.get_by_role("button", name="Publier", exact=True)).to_have_count(0)
    actions.get_by_role("button", name="Soumettre à Moderators approval").click()
    expect(page.get_by_role("status")).to_contain_text(
        f"La page « {QUESTION} » a été soumise pour modération."
    )
    draft.refresh_from_db()
    assert not draft.live
    submitted = draft.latest_revision.as_object()
    assert submitted.pour_headline == POUR_HEADLINE
    assert plain_text(submitted.pour_body) == POUR_ARGUMENT
    assert plain_text(submitted.contre_body) == CONTRE_ARGUMENT
    state = WorkflowState.objects.for_instance(draft).get()
    assert (state.status, state.requested_by) == ("in_progress", editor)

    # The moderator, on another computer, finds it on the dashboard.
    desk = new_page()
    admin_log_in(desk, site_url, "chef@example.org")
    review = desk.get_by_role("region", name="En attente de votre vérification")
    review.get_by_role("link", name=QUESTION).click()
    expect(desk).to_have_url(f"{site_url}/admin/pages/{draft.pk}/edit/")
    expect(desk.get_by_role("region", name="Pour", exact=True)).to_contain_text(
        POUR_ARGUMENT
    )
    approve = footer_actions(desk).get_by_role("button", name="Approuver et Publier")
    expect(approve).to_be_visible()
    approve.click()
    expect(desk.get_by_role("status")).to_contain_text(
        f"La page « {QUESTION} » a été mise à jour."
    )
    # Back in « Débats », where the page now shows as published.
    expect(desk).to_have_url(f"{site_url}/admin/pages/{index.pk}/")
    expect(
        desk.get_by_role("row", name=re.compile(re.escape(QUESTION)))
    ).to_contain_text("publiée")

    draft.refresh_from_db()
    state.refresh_from_db()
    commission.refresh_from_db()
    assert draft.live
    assert state.status == "approved"
    assert (commission.status, commission.debate_id) == ("published", draft.pk)

    # A reader finds the debate in « Débats » and reads both sides.
    reader = new_page()
    reader.goto(site_url + "/")
    reader.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Débats", exact=True
    ).click()
    expect(reader).to_have_url(site_url + index.url)
    card = reader.locator(".debate-card").filter(has_text=QUESTION)
    expect(card).to_contain_text("Économie")
    expect(card).to_contain_text("Choisi par les lecteurs")
    expect(card).to_contain_text("Claire Morvan")
    expect(card).to_contain_text("Karim Benali")
    assert_accessible(reader, context="debate index")
    card.get_by_role("link", name=QUESTION).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(QUESTION)
    expect(reader.get_by_role("region", name="Le contexte")).to_contain_text(CONTEXT)
    pour_side = reader.get_by_role("region", name=POUR_HEADLINE)
    contre_side = reader.get_by_role("region", name=CONTRE_HEADLINE)
    expect(pour_side).to_contain_text("Claire Morvan")
    expect(pour_side).to_contain_text(POUR_ARGUMENT)
    expect(contre_side).to_contain_text("Karim Benali")
    expect(contre_side).to_contain_text(CONTRE_ARGUMENT)
    assert_accessible(reader, context="published debate")
    save_screenshots_at_widths(reader, "debate-from-commission")
