"""The demo texts are data: every file loads and is checked, and a mistake in
one names the file and the entry."""

import pytest

from demo import content


def test_every_data_file_loads_with_what_the_seeding_needs():
    debates = content.debates()
    theme_slugs = {theme["slug"] for theme in content.themes()}
    expert_slugs = {expert["slug"] for expert in content.experts()}

    assert len(debates) == 12
    for debate in debates:
        assert set(debate["themes"]) <= theme_slugs, debate["slug"]
        for stance in ("pour", "contre"):
            assert debate[stance]["expert"] in expert_slugs, debate["slug"]
            kinds = {kind for kind, _value in debate[stance]["body"]}
            assert kinds <= {"paragraph", "figure", "quote"}
    assert set(content.reactions()) <= {debate["slug"] for debate in debates}
    assert content.home()["headline"]
    assert {page["setting"] for page in content.home()["pages"]} >= {
        "legal_notice_page",
        "privacy_page",
    }


def test_a_missing_key_names_the_file_and_the_entry():
    data = [{"slug": "climat", "name": "Climat"}]

    with pytest.raises(content.DemoDataError) as error:
        content.check_themes(data)

    assert str(error.value) == "themes.yaml, entry climat: missing description"


def test_an_unknown_key_is_refused_rather_than_ignored():
    data = [{"slug": "climat", "name": "Climat", "description": "", "colour": "vert"}]

    with pytest.raises(content.DemoDataError, match="entry climat: unknown colour"):
        content.check_themes(data)


def test_an_unknown_block_in_a_side_names_the_debate_and_the_side():
    debate = dict(content.read("debates")[0])
    debate["contre"] = {**debate["contre"], "body": [{"video": "https://…"}]}

    with pytest.raises(content.DemoDataError) as error:
        content.check_debates([debate])

    assert f"debates.yaml, {debate['slug']}, contre: unknown block 'video'" in str(
        error.value
    )


def test_a_reaction_without_a_known_side_is_refused():
    with pytest.raises(content.DemoDataError, match="reaction 2: side or reply"):
        content.check_reactions(
            {
                "x": [
                    {"side": "pour", "text": "Oui."},
                    {"side": "peut-être", "text": "?"},
                ]
            }
        )


def test_invalid_yaml_is_reported_with_the_file_name(tmp_path):
    (tmp_path / "themes.yaml").write_text("- slug: [unclosed\n", encoding="utf-8")

    with pytest.raises(content.DemoDataError, match=r"themes\.yaml: not valid YAML"):
        content.read("themes", folder=tmp_path)
