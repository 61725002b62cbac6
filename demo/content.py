"""The demo site's texts, read from the YAML files in ``demo/data/``.

Journalists edit those files; nothing here needs touching to change a text.
Each file is checked when it is read, and a missing or misspelt key stops the
seeding with the file and the entry named, instead of a KeyError deep inside.

- ``themes.yaml``: slug, name, description.
- ``experts.yaml``: slug, name, occupation, qualification, qualification_detail,
  declaration_of_interests.
- ``debates.yaml``: slug, question, themes (slugs), premium, chosen_by_readers,
  days_ago, context (HTML), key_figures (value, label, source), and for ``pour``
  and ``contre``: expert (slug), headline, body (blocks: ``paragraph``, ``figure``,
  ``quote``), sources.
- ``reactions.yaml``: by debate slug, a list of ``side`` (pour, contre, nuance) or
  ``reply`` (a reply to the last reaction of that side), with ``text``.
- ``home.yaml``: headline, intro, and the editorial pages (slug, title, setting,
  body).
"""

from functools import cache
from pathlib import Path

import yaml

__all__ = [
    "DemoDataError",
    "debates",
    "experts",
    "home",
    "reactions",
    "themes",
]

DATA = Path(__file__).resolve().parent / "data"

THEME_KEYS = {"slug", "name", "description"}
EXPERT_KEYS = {
    "slug",
    "name",
    "occupation",
    "qualification",
    "qualification_detail",
    "declaration_of_interests",
}
DEBATE_KEYS = {
    "slug",
    "question",
    "themes",
    "premium",
    "chosen_by_readers",
    "days_ago",
    "context",
    "key_figures",
    "pour",
    "contre",
}
SIDE_KEYS = {"expert", "headline", "body", "sources"}
BLOCK_TYPES = {"paragraph", "figure", "quote"}
REACTION_SIDES = {"pour", "contre", "nuance"}
HOME_KEYS = {"headline", "intro", "pages"}


class DemoDataError(ValueError):
    """A demo data file that does not say what the seeding needs."""


def read(name: str, folder: Path = DATA):
    path = folder / f"{name}.yaml"
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.safe_load(stream)
    except yaml.YAMLError as error:
        raise DemoDataError(f"{path.name}: not valid YAML ({error})") from None


def _require(entry, keys: set[str], where: str) -> None:
    if not isinstance(entry, dict):
        raise DemoDataError(f"{where}: expected keys {sorted(keys)}, found {entry!r}")
    missing = keys - entry.keys()
    unknown = entry.keys() - keys
    if missing:
        raise DemoDataError(f"{where}: missing {', '.join(sorted(missing))}")
    if unknown:
        raise DemoDataError(f"{where}: unknown {', '.join(sorted(unknown))}")


def _entries(data, keys: set[str], file: str) -> list[dict]:
    if not isinstance(data, list):
        raise DemoDataError(f"{file}: expected a list of entries")
    for position, entry in enumerate(data, start=1):
        label = entry.get("slug", position) if isinstance(entry, dict) else position
        _require(entry, keys, f"{file}, entry {label}")
    return data


def check_themes(data) -> list[dict]:
    return _entries(data, THEME_KEYS, "themes.yaml")


def check_experts(data) -> list[dict]:
    return _entries(data, EXPERT_KEYS, "experts.yaml")


def check_debates(data) -> list[dict]:
    """The debates, with each side's body as the (block type, value) pairs a
    StreamField takes."""
    _entries(data, DEBATE_KEYS, "debates.yaml")
    for debate in data:
        for stance in ("pour", "contre"):
            where = f"debates.yaml, {debate['slug']}, {stance}"
            side = debate[stance]
            _require(side, SIDE_KEYS, where)
            pairs = []
            for block in side["body"]:
                if not (isinstance(block, dict) and len(block) == 1):
                    raise DemoDataError(f"{where}: a block is one 'type: value' pair")
                ((kind, value),) = block.items()
                if kind not in BLOCK_TYPES:
                    raise DemoDataError(
                        f"{where}: unknown block {kind!r} "
                        f"(one of {', '.join(sorted(BLOCK_TYPES))})"
                    )
                pairs.append((kind, value))
            side["body"] = pairs
    return data


def check_reactions(data) -> dict[str, list[tuple[str, str]]]:
    """Each debate's reactions as (tag, text): the side, or ``reply:<side>``."""
    if not isinstance(data, dict):
        raise DemoDataError("reactions.yaml: expected reactions by debate slug")
    found = {}
    for slug, items in data.items():
        pairs = []
        for position, item in enumerate(items, start=1):
            where = f"reactions.yaml, {slug}, reaction {position}"
            if not isinstance(item, dict) or "text" not in item:
                raise DemoDataError(f"{where}: missing text")
            side = item.get("side") or item.get("reply")
            if side not in REACTION_SIDES:
                raise DemoDataError(
                    f"{where}: side or reply must be one of "
                    f"{', '.join(sorted(REACTION_SIDES))}"
                )
            tag = side if "side" in item else f"reply:{side}"
            pairs.append((tag, item["text"]))
        found[slug] = pairs
    return found


def check_home(data) -> dict:
    _require(data, HOME_KEYS, "home.yaml")
    if not isinstance(data["pages"], list):
        raise DemoDataError("home.yaml: pages must be a list")
    return data


@cache
def themes() -> list[dict]:
    return check_themes(read("themes"))


@cache
def experts() -> list[dict]:
    return check_experts(read("experts"))


@cache
def debates() -> list[dict]:
    return check_debates(read("debates"))


@cache
def reactions() -> dict[str, list[tuple[str, str]]]:
    return check_reactions(read("reactions"))


@cache
def home() -> dict:
    return check_home(read("home"))
