"""The body of a newsletter issue. Simple blocks for now; the blocks that fill
themselves from the site (this week's debates, the open poll, the next
conferences, the latest edition) join this stream next, each a block of its own.

https://docs.wagtail.org/en/stable/topics/streamfield.html
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import HeadingBlock, ParagraphBlock


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    text = blocks.CharBlock(
        label=_("Link text"),
        max_length=120,
        required=False,
        help_text=_("The page's title when left empty."),
    )

    class Meta:
        icon = "link"
        label = _("Link to a page")
        template = "blocks/newsletter_link_block.html"
        description = _("A link to a debate, a poll or a conference of the site.")
        preview_value = {"text": "Lire le débat de la semaine"}


class IssueBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    page_link = PageLinkBlock()

    class Meta:
        block_counts = {"heading": {"max_num": 12}}
