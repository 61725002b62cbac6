"""StreamField blocks for debates: the key figures and each side's argument.

https://docs.wagtail.org/en/stable/topics/streamfield.html
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import ImageBlock, QuoteBlock


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=24)
    label = blocks.CharBlock(label=_("What it counts"), max_length=160)
    source = blocks.CharBlock(label=_("Source"), max_length=160)

    class Meta:
        icon = "table"
        label = _("Key figure")
        template = "blocks/key_figure_block.html"
        description = _("A number that frames the question, with its source.")
        preview_value = {
            "value": "4,8 millions",
            "label": "de salariés à temps partiel",
            "source": "Insee, 2023",
        }


class ArgumentParagraphBlock(blocks.RichTextBlock):
    """Running text; a superscript number refers to the side's source list."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "superscript"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/argument_paragraph_block.html"
        description = _(
            "Argument text. Write a superscript number to cite the side's sources."
        )
        preview_value = (
            "<p>Les études de terrain montrent un effet net sur l'absentéisme"
            "<sup>1</sup>.</p>"
        )


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=250)
    publisher = blocks.CharBlock(label=_("Publisher"), max_length=160)
    year = blocks.IntegerBlock(label=_("Year"), min_value=1800, max_value=2100)
    url = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        icon = "link"
        label = _("Source")
        template = "blocks/source_block.html"
        description = _("A checkable source: title, publisher, year and link.")
        preview_value = {
            "title": "Enquête emploi en continu",
            "publisher": "Insee",
            "year": 2023,
            "url": "https://www.insee.fr/",
        }


class ArgumentBlock(blocks.StreamBlock):
    paragraph = ArgumentParagraphBlock()
    quote = QuoteBlock()
    figure = KeyFigureBlock()
    image = ImageBlock()

    class Meta:
        min_num = 1


class KeyFiguresBlock(blocks.StreamBlock):
    figure = KeyFigureBlock()

    class Meta:
        max_num = 4


class SourcesBlock(blocks.StreamBlock):
    source = SourceBlock()
