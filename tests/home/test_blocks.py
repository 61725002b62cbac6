import pytest
from django.core.exceptions import ValidationError

from core.blocks import HeadingBlock, QuoteBlock, StandardBodyBlock


def test_every_body_block_has_an_icon_a_template_and_a_description():
    for name, block in StandardBodyBlock().child_blocks.items():
        assert block.meta.icon != "placeholder", name
        assert block.meta.template.startswith("blocks/"), name
        assert block.meta.description, name


def test_a_heading_longer_than_120_characters_is_refused():
    block = HeadingBlock()

    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "x" * 121}))


def test_a_quote_needs_its_text_but_not_its_author():
    block = QuoteBlock()

    assert block.clean(block.to_python({"text": "Tranchez.", "attribution": ""}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "", "attribution": "Quelqu'un"}))


def test_preview_values_render_without_error():
    for name, block in StandardBodyBlock().child_blocks.items():
        preview = block.get_preview_value()
        if preview is not None and name != "image":
            assert block.render(preview).strip(), name
