"""The demo texts are data: every file loads and is checked, on its own and
against the others, and a mistake in one names the file, the entry and the key
before anything is written."""

import copy

import pytest
import yaml

from demo import files
from demo.references import check_references
from demo.schema import DemoDataError


def fresh():
    """Every file, checked, as a copy a test may alter without touching the cache."""
    return copy.deepcopy(files.load_all())


def test_every_data_file_loads_with_what_the_seeding_needs():
    data = fresh()
    theme_slugs = {theme["slug"] for theme in data["themes"]}
    expert_slugs = {expert["slug"] for expert in data["experts"]}

    assert set(data) == set(files.FILES)
    assert len(data["debates"]) == 12
    for debate in data["debates"]:
        assert set(debate["themes"]) <= theme_slugs, debate["slug"]
        for stance in ("pour", "contre"):
            assert debate[stance]["expert"] in expert_slugs, debate["slug"]
            kinds = {kind for kind, _value in debate[stance]["body"]}
            assert kinds <= {"paragraph", "figure", "quote"}
    assert set(data["reactions"]) <= {debate["slug"] for debate in data["debates"]}
    assert data["home"]["headline"]
    assert {page["setting"] for page in data["pages"]} >= {
        "legal_notice_page",
        "privacy_page",
    }


def test_a_missing_key_names_the_file_and_the_entry():
    data = [{"slug": "climat", "name": "Climat"}]

    with pytest.raises(DemoDataError) as error:
        files.check_file("themes.yaml", data, files.FILES["themes"])

    assert str(error.value) == "themes.yaml, entry 'climat': missing description"


def test_an_unknown_key_is_refused_rather_than_ignored():
    data = [{"slug": "climat", "name": "Climat", "description": "", "colour": "vert"}]

    with pytest.raises(DemoDataError, match="entry 'climat': unknown colour"):
        files.check_file("themes.yaml", data, files.FILES["themes"])


def test_an_unknown_block_in_a_side_names_the_debate_and_the_side():
    debate = copy.deepcopy(files.read("debates")[0])
    debate["contre"]["body"] = [{"video": "https://…"}]

    with pytest.raises(DemoDataError) as error:
        files.check_file("debates.yaml", [debate], files.FILES["debates"])

    assert str(error.value).startswith(
        f"debates.yaml, entry {debate['slug']!r}: contre > body > 1: unknown block 'video'"
    )


def test_a_value_of_the_wrong_kind_says_what_was_expected(tmp_path):
    debate = copy.deepcopy(files.read("debates")[0])
    debate["pour"]["sources"][0]["year"] = "deux mille"

    with pytest.raises(DemoDataError, match=r"pour > sources > 1 > year: expected"):
        files.check_file("debates.yaml", [debate], files.FILES["debates"])


def test_a_reaction_without_a_known_side_is_refused():
    data = fresh()
    slug = data["debates"][0]["slug"]
    data["reactions"] = {slug: [{"side": None, "reply": None, "text": "?"}]}

    with pytest.raises(
        DemoDataError, match=r"reactions\.yaml, entry .*: 1: give either"
    ):
        check_references(data)


def test_a_theme_that_does_not_exist_is_named_with_its_debate():
    data = fresh()
    data["debates"][0]["themes"] = ["astrologie"]

    with pytest.raises(DemoDataError) as error:
        check_references(data)

    assert str(error.value) == (
        f"debates.yaml, entry {data['debates'][0]['slug']!r}: themes: "
        "no theme 'astrologie' in themes.yaml"
    )


def test_invalid_yaml_is_reported_with_the_file_name(tmp_path):
    (tmp_path / "themes.yaml").write_text("- slug: [unclosed\n", encoding="utf-8")

    with pytest.raises(DemoDataError, match=r"themes\.yaml: not valid YAML"):
        files.read("themes", folder=tmp_path)


def test_a_missing_file_stops_the_seeding_before_anything_is_read(tmp_path):
    for name in files.FILES:
        if name != "polls":
            source = files.DATA / f"{name}.yaml"
            (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"))

    with pytest.raises(DemoDataError, match=r"polls\.yaml: file not found"):
        files.load_all(tmp_path)


def test_the_files_are_plain_yaml_a_text_editor_can_open():
    for name in files.FILES:
        text = (files.DATA / f"{name}.yaml").read_text(encoding="utf-8")
        assert yaml.safe_load(text) is not None, name
