"""The issue's blocks that fill themselves from the site: what each picks, what
an editor's choice overrides, and that a block with nothing to show shows
nothing, on the web page and in the email alike."""

import datetime
import re
from html import unescape

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from debates.factories import (
    DebateIndexPageFactory,
    DebatePageFactory,
    PollIndexPageFactory,
    TopicPollPageFactory,
)
from debates.models import DebatePage
from events.factories import ConferencePageFactory, EventIndexPageFactory
from newsletter.blocks import (
    IssueBodyBlock,
    LatestEditionBlock,
    NextConferencesBlock,
    OpenPollBlock,
    WeekDebatesBlock,
    first_lines,
)
from newsletter.factories import NewsletterIssuePageFactory
from newsletter.services import sending
from newsletter.services.rendering import render_issue
from newsroom.factories import EditionFactory
from subscriptions.factories import SubscriptionFactory as PaidSubscriptionFactory
from tests.newsletter.images import cover_image

pytestmark = pytest.mark.django_db

NOW = timezone.now


def published(page, days_ago: float):
    moment = NOW() - datetime.timedelta(days=days_ago)
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=moment, last_published_at=moment
    )
    page.refresh_from_db()
    return page


def argument(text: str):
    return [("paragraph", f"<p>{text}<sup>1</sup></p><p>La suite, réservée.</p>")]


@pytest.fixture
def debate_index(home_page):
    return DebateIndexPageFactory(parent=home_page)


@pytest.fixture
def week_debates(debate_index):
    return [
        published(
            DebatePageFactory(
                parent=debate_index,
                title="Faut-il interdire les réseaux sociaux avant 15 ans ?",
                pour_body=argument("Les plateformes captent l'attention des enfants."),
                contre_body=argument("Interdire ne protège personne."),
            ),
            days_ago=2,
        ),
        published(
            DebatePageFactory(
                parent=debate_index, title="Faut-il taxer les vols intérieurs ?"
            ),
            days_ago=5,
        ),
    ]


@pytest.fixture
def old_debate(debate_index):
    return published(
        DebatePageFactory(
            parent=debate_index, title="Faut-il une semaine de 4 jours ?"
        ),
        days_ago=12,
    )


@pytest.fixture
def poll(home_page):
    return TopicPollPageFactory(
        parent=PollIndexPageFactory(parent=home_page),
        title="Quel sujet pour le mois prochain ?",
        intro="Trois questions, un seul débat.",
    )


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def conferences(event_index):
    return [
        ConferencePageFactory(
            parent=event_index,
            title=f"Débat public à Nantes n° {n}",
            starts_at=NOW() + datetime.timedelta(days=3 + n),
            ends_at=NOW() + datetime.timedelta(days=3 + n, hours=2),
            city="Nantes",
        )
        for n in range(4)
    ]


@pytest.fixture
def edition():
    cover = cover_image(12, "Le vote")
    EditionFactory(
        number=11, published_on=timezone.localdate() - datetime.timedelta(40)
    )
    # Prepared ahead: not out yet, so not the latest.
    EditionFactory(
        number=13,
        published_on=timezone.localdate() + datetime.timedelta(9),
        title="Un numéro préparé d'avance",
    )
    return EditionFactory(
        number=12,
        published_on=timezone.localdate() - datetime.timedelta(days=3),
        title="Faut-il rendre le vote obligatoire ?",
        cover=cover,
    )


def render(block, value, **context) -> str:
    """The block's web rendering, entities decoded for the assertions."""
    return unescape(block.render(block.to_python(value), context))


# --- Each block fills itself ----------------------------------------------------


def test_the_week_debates_are_those_published_in_the_seven_days_before_sending(
    week_debates, old_debate
):
    block = WeekDebatesBlock()
    html = render(block, {"debates": []})

    assert str(block.default_title) in html
    for debate in week_debates:
        assert debate.title in html
    assert old_debate.title not in html
    # The question, then the first lines of each side, footnotes dropped.
    assert "Les plateformes captent l'attention des enfants." in html
    assert "Interdire ne protège personne." in html
    assert "La suite, réservée." not in html
    assert "Oui, et voici pourquoi" in html
    assert html.index(week_debates[0].title) < html.index(week_debates[1].title)


def test_the_week_is_counted_back_from_the_issue_moment(week_debates, old_debate):
    block = WeekDebatesBlock()
    ten_days_ago = NOW() - datetime.timedelta(days=10)

    html = render(block, {"debates": []}, issue_moment=ten_days_ago)

    assert old_debate.title in html
    assert week_debates[0].title not in html


def test_first_lines_are_cut_to_forty_words():
    body = DebatePage().pour_body.stream_block.to_python(
        [{"type": "paragraph", "value": "<p>" + "mot " * 60 + "</p>"}]
    )
    assert first_lines(body).split() == ["mot"] * 40 + ["…"]


def test_the_open_poll_shows_its_closing_date(poll):
    html = render(OpenPollBlock(), {"poll": None})

    assert str(OpenPollBlock.default_title) in html
    assert poll.title in html
    assert "Trois questions, un seul débat." in html
    closes = timezone.localtime(poll.closes_at)
    assert f"{closes.day} " in html
    assert closes.strftime("%H:%M") in html


def test_the_next_conferences_are_the_upcoming_ones_soonest_first(conferences):
    html = render(NextConferencesBlock(), {"count": 3, "conferences": []})

    shown = [c.title for c in conferences if c.title in html]
    assert shown == [c.title for c in conferences[:3]]
    assert html.index(conferences[0].title) < html.index(conferences[2].title)


def test_a_conference_over_is_not_announced(event_index):
    ConferencePageFactory(
        parent=event_index,
        title="Débat passé",
        starts_at=NOW() - datetime.timedelta(days=2),
        ends_at=NOW() - datetime.timedelta(days=2, hours=-2),
    )
    assert render(NextConferencesBlock(), {"count": 3, "conferences": []}).strip() == ""


def test_the_latest_edition_is_the_last_one_out(edition):
    html = render(LatestEditionBlock(), {"edition": None})

    assert str(edition) in html
    assert "Faut-il rendre le vote obligatoire ?" in html
    assert "préparé d'avance" not in html
    assert re.search(r'<img [^>]*alt="[^"]+ 12"', html)


# --- Overrides win ----------------------------------------------------------------


def test_debates_chosen_by_hand_replace_the_automatic_pick(week_debates, old_debate):
    html = render(
        WeekDebatesBlock(),
        {
            "title": "À relire",
            "intro": "Deux débats qui reviennent dans l'actualité.",
            "debates": [old_debate.pk],
        },
    )

    assert "À relire" in html
    assert str(WeekDebatesBlock.default_title) not in html
    assert "Deux débats qui reviennent" in html
    assert old_debate.title in html
    assert week_debates[0].title not in html


def test_a_chosen_poll_conference_or_edition_replaces_the_automatic_one(
    home_page, poll, conferences, edition
):
    other_poll = TopicPollPageFactory(
        parent=poll.get_parent(),
        title="Le sujet de l'été",
        opens_at=NOW() + datetime.timedelta(days=20),
        closes_at=NOW() + datetime.timedelta(days=30),
    )
    older = EditionFactory(number=5, published_on=timezone.localdate())

    poll_html = render(OpenPollBlock(), {"poll": other_poll.pk, "title": "Bientôt"})
    conference_html = render(
        NextConferencesBlock(), {"count": 3, "conferences": [conferences[3].pk]}
    )
    edition_html = render(LatestEditionBlock(), {"edition": older.pk})

    assert "Le sujet de l'été" in poll_html
    assert poll.title not in poll_html
    assert "Bientôt" in poll_html
    assert conferences[3].title in conference_html
    assert conferences[0].title not in conference_html
    assert str(older) in edition_html
    assert str(edition) not in edition_html


def test_an_unpublished_choice_falls_back_to_the_automatic_pick(
    week_debates, old_debate
):
    old_debate.unpublish()
    html = render(WeekDebatesBlock(), {"debates": [old_debate.pk]})
    assert old_debate.title not in html


# --- Nothing to show, nothing shown ---------------------------------------------------


@pytest.mark.parametrize(
    ("block", "value"),
    [
        (WeekDebatesBlock(), {"debates": []}),
        (OpenPollBlock(), {"poll": None}),
        (NextConferencesBlock(), {"count": 3, "conferences": []}),
        (LatestEditionBlock(), {"edition": None}),
    ],
)
def test_a_block_with_nothing_to_show_renders_nothing(home_page, block, value):
    value = block.to_python({**value, "title": "Un titre choisi"})
    assert block.render(value).strip() == ""
    assert block.render_email(value).strip() == ""
    assert block.render_text(value).strip() == ""


def test_an_issue_with_empty_blocks_has_no_empty_heading_in_its_email(
    archive, weekly_list
):
    issue = NewsletterIssuePageFactory(
        parent=archive, newsletter=weekly_list, filled_from_site=True
    )
    _subject, html, text = render_issue(issue)

    for block in (WeekDebatesBlock, OpenPollBlock, LatestEditionBlock):
        heading = str(block.default_title)
        assert heading not in html
        assert heading.upper() not in text
    assert "<h2" not in html


# --- Editors' picker ----------------------------------------------------------------


def test_every_block_has_an_icon_a_template_a_description_and_a_preview():
    for name, block in IssueBodyBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.template.startswith("blocks/"), name
        assert block.meta.description, name
        assert block.meta.preview_value is not None, name


def test_the_blocks_previews_render_in_the_picker(week_debates, poll):
    for block in (WeekDebatesBlock(), OpenPollBlock()):
        html = block.render(block.get_preview_value())
        assert "<h2>" in html


# --- The archive's page and its paywall -------------------------------------------


@pytest.fixture
def premium_issue(archive, weekly_list, week_debates, poll):
    return NewsletterIssuePageFactory(
        parent=archive,
        newsletter=weekly_list,
        premium=True,
        filled_from_site=True,
    )


def test_the_web_page_shows_the_blocks_filled(client, archive, weekly_list, poll):
    issue = NewsletterIssuePageFactory(
        parent=archive, newsletter=weekly_list, filled_from_site=True
    )
    html = client.get(issue.url).content.decode()
    assert poll.title in html
    assert "Second, pour les abonnés." in html


def test_a_premium_issue_keeps_its_site_blocks_for_subscribers(
    client, premium_issue, week_debates
):
    visitor = client.get(premium_issue.url).content.decode()
    assert "Premier paragraphe, public." in visitor
    assert week_debates[0].title not in visitor
    assert "La suite de ce numéro est réservée aux abonnés." in visitor

    user = UserFactory(email="abonne@example.org", verified=True)
    PaidSubscriptionFactory(account__user=user)
    client.force_login(user)
    subscriber = client.get(premium_issue.url).content.decode()
    assert week_debates[0].title in subscriber
    assert "réservée aux abonnés" not in subscriber


def test_the_archive_page_shows_what_was_sent(
    client, esp, premium_issue, week_debates, debate_index
):
    sending.send_issue(premium_issue, by="editor")
    # Published after the send started: neither sent nor in the archive's copy.
    published(
        DebatePageFactory(parent=debate_index, title="Un débat publié trop tard ?"),
        days_ago=0,
    )
    user = UserFactory(email="abonne@example.org", verified=True)
    PaidSubscriptionFactory(account__user=user)
    client.force_login(user)
    html = client.get(premium_issue.url).content.decode()
    assert week_debates[0].title in html
    assert "Un débat publié trop tard ?" not in html
