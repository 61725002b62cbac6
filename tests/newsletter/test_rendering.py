"""An issue as an email: real email HTML with its CSS inlined, a text part with
the same content, nothing loaded from another host, a bounded number of queries,
and the content frozen when the send starts; previewed in the admin as sent."""

import datetime
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.factories import UserFactory
from core.links import absolute_url
from debates.factories import (
    DebateIndexPageFactory,
    DebatePageFactory,
    PollIndexPageFactory,
    TopicPollPageFactory,
)
from debates.models import DebatePage
from events.factories import ConferencePageFactory, EventIndexPageFactory
from newsletter.factories import NewsletterIssuePageFactory, SubscriptionFactory
from newsletter.models import IssueDispatch
from newsletter.services import sending
from newsletter.services.rendering import UNSUBSCRIBE_MARK, render_issue
from newsroom.factories import EditionFactory
from tests.newsletter.images import cover_image

pytestmark = pytest.mark.django_db


def published(page, days_ago: float):
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    DebatePage.objects.filter(pk=page.pk).update(
        first_published_at=moment, last_published_at=moment
    )
    return page


@pytest.fixture
def debate_index(home_page):
    return DebateIndexPageFactory(parent=home_page)


@pytest.fixture
def site_content(home_page, debate_index):
    """A week of debates, an open poll, two conferences and an edition out."""
    debates = [
        published(
            DebatePageFactory(parent=debate_index, title=f"Faut-il trancher n° {n} ?"),
            days_ago=n + 1,
        )
        for n in range(3)
    ]
    poll = TopicPollPageFactory(
        parent=PollIndexPageFactory(parent=home_page), title="Le sujet du mois"
    )
    events = EventIndexPageFactory(parent=home_page)
    conferences = [
        ConferencePageFactory(parent=events, title=f"Débat à Lille n° {n}")
        for n in range(2)
    ]
    cover = cover_image(4, "Le vote")
    edition = EditionFactory(
        number=4,
        published_on=timezone.localdate() - datetime.timedelta(days=2),
        title="Le vote obligatoire",
        cover=cover,
    )
    return {
        "debates": debates,
        "poll": poll,
        "conferences": conferences,
        "edition": edition,
    }


@pytest.fixture
def full_issue(archive, weekly_list, site_content):
    return NewsletterIssuePageFactory(
        parent=archive,
        newsletter=weekly_list,
        filled_from_site=True,
        subject="La semaine de Versus",
    )


@pytest.fixture
def rendered(full_issue):
    return render_issue(full_issue)


def img_sources(html: str) -> list[str]:
    return re.findall(r'<img\b[^>]*\bsrc="([^"]*)"', html)


# --- Email HTML ---------------------------------------------------------------------


def test_the_email_is_a_table_layout_with_its_css_inlined(rendered):
    _subject, html, _text = rendered

    assert '<table role="presentation"' in html
    assert "max-width: 600px" in html
    assert "<!--[if mso]>" in html  # Outlook's fixed width
    # Inlined: the elements carry their style.
    h1 = re.search(r"<h1\b[^>]*>", html).group(0)
    assert 'style="' in h1
    assert "font-size: 28px" in h1
    button = re.search(r'<a class="button"[^>]*>', html).group(0)
    assert "color: #ffffff" in button
    # The media queries stay in <head> for phones and dark mode.
    head = html.split("</head>")[0]
    assert "@media only screen and (max-width: 620px)" in head
    assert "prefers-color-scheme: dark" in head


def test_the_email_declares_both_colour_schemes(rendered):
    html = rendered[1]
    assert '<meta name="color-scheme" content="light dark">' in html
    assert '<meta name="supported-color-schemes" content="light dark">' in html


def test_the_email_loads_nothing_from_another_host(rendered):
    html = rendered[1]
    site = urlsplit(absolute_url("/")).netloc
    sources = img_sources(html)
    assert sources  # the edition's cover
    assert {urlsplit(src).netloc for src in sources} == {site}
    assert all(
        re.search(r'\balt="[^"]+"', tag) for tag in re.findall(r"<img\b[^>]*>", html)
    )
    # No tracking pixel, no web font, no remote stylesheet or script.
    assert len(sources) == 1
    assert "<link" not in html
    assert "<script" not in html
    assert "@import" not in html
    hosts = {
        urlsplit(url).netloc for url in re.findall(r'href="(https?://[^"]*)"', html)
    }
    assert hosts == {site}


def test_the_email_keeps_the_unsubscribe_link_in_html_and_text(rendered):
    _subject, html, text = rendered
    assert f'href="{UNSUBSCRIBE_MARK}"' in html
    assert UNSUBSCRIBE_MARK in text


def test_the_text_part_has_the_content_of_the_html(rendered, site_content):
    _subject, html, text = rendered
    html = unescape(html)
    shown = [
        *(debate.title for debate in site_content["debates"]),
        site_content["poll"].title,
        *(conference.title for conference in site_content["conferences"]),
        str(site_content["edition"]),
        "Un argument pour, sourcé.",
        "Premier paragraphe, public.",
        "Cette semaine, une question qui divise.",
    ]
    for words in shown:
        assert words in html, words
        assert words in text, words
    assert "<" not in text
    # Links are written out, absolute.
    debate = site_content["debates"][0]
    assert debate.get_full_url() in text
    assert "(/" not in text


def test_a_full_issue_renders_in_a_bounded_number_of_queries(
    full_issue, site_content, debate_index, django_assert_max_num_queries
):
    issue = type(full_issue).objects.get(pk=full_issue.pk)
    with django_assert_max_num_queries(20) as few:
        render_issue(issue)
    for n in range(4):
        published(
            DebatePageFactory(parent=debate_index, title=f"Encore un débat {n} ?"), 1
        )
    issue = type(full_issue).objects.get(pk=full_issue.pk)
    with django_assert_max_num_queries(len(few.captured_queries)):
        _subject, html, _text = render_issue(issue)
    assert "Encore un débat 3 ?" in unescape(html)


# --- Frozen at send time --------------------------------------------------------------


def test_subscribers_get_what_was_rendered_when_the_send_started(
    esp, full_issue, debate_index, site_content, django_capture_on_commit_callbacks
):
    SubscriptionFactory.create_batch(2)
    previewed = render_issue(full_issue)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        dispatch = sending.send_issue(full_issue, by="editor")
    # Published while the batches wait: not in this issue.
    published(DebatePageFactory(parent=debate_index, title="Un débat tardif ?"), 0)
    for callback in queued:
        callback()

    dispatch = IssueDispatch.objects.get(pk=dispatch.pk)
    assert dispatch.html == previewed[1]
    assert dispatch.text == previewed[2]
    assert sum(len(message.to) for message in mail.outbox) == 2
    for message in mail.outbox:
        html = message.alternatives[0][0]
        assert site_content["debates"][0].title in unescape(html)
        assert "Un débat tardif ?" not in unescape(html)


# --- Admin preview ------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(email="redaction@example.org", editor=True))
    return client


def test_the_issue_previews_as_an_email_and_as_a_web_page(full_issue):
    assert full_issue.preview_modes[0][0] == "email"
    assert "" in dict(full_issue.preview_modes)


def test_an_editor_previews_the_email_from_the_edit_form(
    editor_client, full_issue, site_content
):
    url = f"/admin/pages/{full_issue.pk}/edit/preview/"
    data = nested_form_data(
        {
            "title": full_issue.title,
            "slug": full_issue.slug,
            "newsletter": full_issue.newsletter_id,
            "subject": "Sujet en cours d'écriture",
            "editorial": rich_text("<p>Un édito pas encore enregistré.</p>"),
            "body": streamfield(
                [
                    (
                        "open_poll",
                        {"title": "Votez !", "intro": "", "poll": ""},
                    )
                ]
            ),
        }
    )
    answer = editor_client.post(url, data)
    assert answer.json()["is_valid"], answer.content

    email = editor_client.get(url, {"mode": "email"})
    html = unescape(email.content.decode())
    assert email.status_code == 200
    # Shown in the admin's preview panel, a frame of the admin itself.
    assert email["X-Frame-Options"] == "SAMEORIGIN"
    assert "Un édito pas encore enregistré." in html
    assert "Votez !" in html
    assert site_content["poll"].title in html
    assert '<meta name="color-scheme" content="light dark">' in html
    # A sample unsubscribe link, never the placeholder.
    assert UNSUBSCRIBE_MARK not in html

    page = editor_client.get(url, {"mode": ""})
    assert page.status_code == 200
    assert '<table role="presentation"' not in page.content.decode()
    assert "Un édito pas encore enregistré." in unescape(page.content.decode())
