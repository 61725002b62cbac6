"""The body of a newsletter issue: simple blocks the editor writes, and blocks
that fill themselves from the site (this week's debates, the open poll, the next
conferences, the latest edition), each with optional overrides.

A self-filling block picks its content as of the issue's moment
(``NewsletterIssuePage.content_moment``: when the send started, or when it is
scheduled to, or now), which the page and the email put in the context as
``issue_moment``. The email is rendered once, when the send starts
(``newsletter.services.sending.send_issue``), so subscribers get what the editor
previewed then, whatever the site publishes afterwards.

Every block has three renderings: the web page's template (``Meta.template``),
the email's (``email_template``, table layout, styled by the email's inlined
CSS) and the plain-text part's (``text_template``). A block with nothing to
show renders nothing in all three, never an empty heading.

https://docs.wagtail.org/en/stable/topics/streamfield.html
"""

import datetime
import re
from dataclasses import dataclass
from html import unescape

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import HeadingBlock, ParagraphBlock
from debates.polls.selectors import live_polls
from debates.selectors import published_debates
from events.selectors import conferences_from
from newsroom.models import Edition

MOMENT = "issue_moment"
WEEK = datetime.timedelta(days=7)
MAX_WEEK_DEBATES = 6
FIRST_LINES_WORDS = 40
_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
_FOOTNOTE = re.compile(r"<sup>[^<]*</sup>", re.IGNORECASE)


def issue_moment(context) -> datetime.datetime:
    return (context or {}).get(MOMENT) or timezone.now()


class EmailRenderingMixin:
    """A block the email renders with its own templates (HTML and text)."""

    email_template = ""
    text_template = ""

    def render_email(self, value, context=None) -> str:
        return render_to_string(self.email_template, self.get_context(value, context))

    def render_text(self, value, context=None) -> str:
        text = render_to_string(self.text_template, self.get_context(value, context))
        return re.sub(r"\n{3,}", "\n\n", text).strip()


class PageLinkBlock(EmailRenderingMixin, blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    text = blocks.CharBlock(
        label=_("Link text"),
        max_length=120,
        required=False,
        help_text=_("The page's title when left empty."),
    )

    email_template = "blocks/newsletter_link_block_email.html"
    text_template = "blocks/newsletter_link_block.txt"

    class Meta:
        icon = "link"
        label = _("Link to a page")
        template = "blocks/newsletter_link_block.html"
        description = _("A link to a debate, a poll or a conference of the site.")
        preview_value = {"text": "Lire le débat de la semaine"}


# --- Blocks that fill themselves ---------------------------------------------------


class SelfFillingBlock(EmailRenderingMixin, blocks.StructBlock):
    """Shows ``items`` picked from the site, or nothing when there are none.

    The title and the introduction override the block's own."""

    title = blocks.CharBlock(
        label=_("Title"),
        max_length=120,
        required=False,
        help_text=_("The block's usual title when left empty."),
    )
    intro = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        max_length=600,
        help_text=_("A sentence or two above the content, if you like."),
    )

    default_title = ""

    def items(self, value, moment: datetime.datetime) -> list:
        raise NotImplementedError

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["items"] = self.items(value, issue_moment(parent_context))
        context["heading"] = value.get("title") or self.default_title
        return context


def _live(pages) -> list:
    """The chosen pages still published, in the editor's order."""
    return [page for page in pages if page is not None and page.live]


def first_lines(body, words: int = FIRST_LINES_WORDS) -> str:
    """The opening words of an argument's first paragraph, as plain text.

    Read from the stream's raw data: converting the whole stream would load the
    images of every argument, one query per debate."""
    for child in body.raw_data:
        if child["type"] != "paragraph":
            continue
        first = _FIRST_PARAGRAPH.search(str(child["value"]))
        if first is None:
            continue
        text = " ".join(unescape(strip_tags(_FOOTNOTE.sub("", first.group(1)))).split())
        return Truncator(text).words(words, truncate=" …")
    return ""


@dataclass(frozen=True)
class SideLines:
    label: str
    stance: str
    name: str
    headline: str
    lines: str


@dataclass(frozen=True)
class DebateTeaser:
    page: object
    question: str
    sides: tuple[SideLines, ...]


def debate_teaser(debate) -> DebateTeaser:
    return DebateTeaser(
        page=debate,
        question=debate.title,
        sides=tuple(
            SideLines(
                label=side.label,
                stance=side.stance,
                name=side.contributor.name if side.contributor else "",
                headline=side.headline,
                lines=first_lines(side.body),
            )
            for side in debate.sides
        ),
    )


class WeekDebatesBlock(SelfFillingBlock):
    debates = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="debates.DebatePage", label=_("Debate")),
        label=_("Debates chosen by hand"),
        required=False,
        default=[],
        help_text=_(
            "Leave empty for the debates published in the seven days before the "
            "issue is sent."
        ),
    )

    email_template = "blocks/newsletter_week_debates_email.html"
    text_template = "blocks/newsletter_week_debates.txt"
    default_title = _("This week's debates")

    class Meta:
        icon = "group"
        label = _("This week's debates")
        template = "blocks/newsletter_week_debates.html"
        description = _(
            "The debates of the week, with their question and the first lines of "
            "each side; filled by itself, or with the debates you choose."
        )
        preview_value = {"title": "", "intro": "", "debates": []}

    def items(self, value, moment) -> list[DebateTeaser]:
        debates = published_debates().prefetch_related(None)
        chosen = [page.pk for page in value.get("debates") or [] if page is not None]
        if chosen:
            found = debates.filter(pk__in=chosen).in_bulk()
            picked = [found[pk] for pk in chosen if pk in found]
        else:
            picked = list(
                debates.filter(
                    first_published_at__gt=moment - WEEK,
                    first_published_at__lte=moment,
                )[:MAX_WEEK_DEBATES]
            )
        return [debate_teaser(debate) for debate in picked]


class OpenPollBlock(SelfFillingBlock):
    poll = blocks.PageChooserBlock(
        page_type="debates.TopicPollPage",
        label=_("Poll chosen by hand"),
        required=False,
        help_text=_("Leave empty for the poll open when the issue is sent."),
    )

    email_template = "blocks/newsletter_open_poll_email.html"
    text_template = "blocks/newsletter_open_poll.txt"
    default_title = _("Vote for the next debate")

    class Meta:
        icon = "tasks"
        label = _("Open poll")
        template = "blocks/newsletter_open_poll.html"
        description = _(
            "The poll open for votes, with its closing date; filled by itself, or "
            "with the poll you choose. Shows nothing when no poll is open."
        )
        preview_value = {"title": "", "intro": "", "poll": None}

    def items(self, value, moment) -> list:
        chosen = _live([value.get("poll")])
        if chosen:
            return chosen
        poll = (
            live_polls()
            .filter(opens_at__lte=moment, closes_at__gt=moment)
            .order_by("closes_at")
            .first()
        )
        return [poll] if poll else []


class NextConferencesBlock(SelfFillingBlock):
    count = blocks.IntegerBlock(
        label=_("How many"),
        default=3,
        min_value=1,
        max_value=6,
        help_text=_("How many upcoming conferences to show."),
    )
    conferences = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="events.ConferencePage", label=_("Event")),
        label=_("Conferences chosen by hand"),
        required=False,
        default=[],
        help_text=_("Leave empty for the next conferences."),
    )

    email_template = "blocks/newsletter_next_conferences_email.html"
    text_template = "blocks/newsletter_next_conferences.txt"
    default_title = _("Come and debate")

    class Meta:
        icon = "date"
        label = _("Next conferences")
        template = "blocks/newsletter_next_conferences.html"
        description = _(
            "The next public debates, with their date and city; filled by itself, "
            "or with the conferences you choose."
        )
        preview_value = {"title": "", "intro": "", "count": 3, "conferences": []}

    def items(self, value, moment) -> list:
        chosen = _live(value.get("conferences") or [])
        if chosen:
            return chosen
        return conferences_from(moment, limit=value.get("count") or 3)


class LatestEditionBlock(SelfFillingBlock):
    edition = SnippetChooserBlock(
        Edition,
        label=_("Edition chosen by hand"),
        required=False,
        help_text=_("Leave empty for the latest edition out."),
    )

    email_template = "blocks/newsletter_latest_edition_email.html"
    text_template = "blocks/newsletter_latest_edition.txt"
    default_title = _("The latest print edition")

    class Meta:
        icon = "doc-full"
        label = _("Latest edition")
        template = "blocks/newsletter_latest_edition.html"
        description = _(
            "The latest print edition, with its cover; filled by itself, or with "
            "the edition you choose."
        )
        preview_value = {"title": "", "intro": "", "edition": None}

    def items(self, value, moment) -> list[Edition]:
        chosen = value.get("edition")
        if chosen is not None and chosen.is_out:
            return [chosen]
        edition = (
            Edition.objects.filter(published_on__lte=timezone.localdate(moment))
            .select_related("cover")
            .order_by("-published_on", "-number")
            .first()
        )
        return [edition] if edition else []


class IssueBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    page_link = PageLinkBlock()
    week_debates = WeekDebatesBlock()
    open_poll = OpenPollBlock()
    next_conferences = NextConferencesBlock()
    latest_edition = LatestEditionBlock()

    class Meta:
        block_counts = {"heading": {"max_num": 12}}
