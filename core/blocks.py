"""StreamField blocks for editorial and legal pages.

https://docs.wagtail.org/en/stable/topics/streamfield.html
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Subheading"), max_length=120)

    class Meta:
        icon = "title"
        label = _("Subheading")
        template = "blocks/heading_block.html"
        description = _("A subheading that splits the page into parts.")
        preview_value = {"text": "Comment les sujets sont choisis"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["bold", "italic", "link", "ol", "ul", "h3", "superscript"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        description = _("Running text, with links and lists.")
        preview_value = (
            "<p>Chaque mois, les lecteurs proposent et votent pour les questions "
            "que la rédaction mettra en débat.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Author"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        description = _("A highlighted quote, with its author.")
        preview_value = {
            "text": "C'est au lecteur de faire la synthèse.",
            "attribution": "La rédaction",
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("An image with its caption and alternative text.")


class StandardBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = ImageBlock()

    class Meta:
        block_counts = {}
