"""The demo files checked against each other: every slug, email, option number
and name that one file gives must exist where it points, so that a typo in a
theme's slug is an error naming the entry, not a debate seeded without its theme.
"""

from demo.schema import DemoDataError

__all__ = ["check_references", "panel_emails"]


def panel_emails(size: int) -> list[str]:
    """The demo panel's readers, in order: ``panel-01@example.org``..."""
    return [f"panel-{n:02d}@example.org" for n in range(1, size + 1)]


class _Checker:
    def __init__(self, file: str, label: str):
        self.where = f"{file}, entry {label!r}"

    def fail(self, key: str, message: str):
        raise DemoDataError(f"{self.where}: {key}: {message}")

    def known(self, key: str, value, names, kind: str, file: str):
        if value not in names:
            self.fail(key, f"no {kind} {value!r} in {file}")


def check_references(data: dict) -> None:
    themes = {theme["slug"] for theme in data["themes"]}
    experts = {expert["slug"] for expert in data["experts"]}
    debates = {debate["slug"]: debate for debate in data["debates"]}
    accounts = [account["email"] for account in data["accounts"]["accounts"]]
    panel = panel_emails(data["accounts"]["panel_size"])
    _unique("accounts.yaml", "email", [*accounts, *panel])
    for name, key in (
        ("themes", "slug"),
        ("experts", "slug"),
        ("debates", "slug"),
        ("pages", "slug"),
        ("editions", "number"),
        ("proposals", "question"),
        ("offers", "slug"),
    ):
        _unique(f"{name}.yaml", key, [entry[key] for entry in data[name]])
    _unique("pages.yaml", "setting", [page["setting"] for page in data["pages"]])

    for debate in data["debates"]:
        check = _Checker("debates.yaml", debate["slug"])
        for slug in debate["themes"]:
            check.known("themes", slug, themes, "theme", "themes.yaml")
        for stance in ("pour", "contre"):
            check.known(
                f"{stance} > expert",
                debate[stance]["expert"],
                experts,
                "expert",
                "experts.yaml",
            )
        if debate["pour"]["expert"] == debate["contre"]["expert"]:
            check.fail("contre > expert", "the same expert cannot write both sides")
    _check_verdicts(data["verdicts"], debates, len(panel))
    _check_reactions(data["reactions"], debates)

    for n, commission in enumerate(data["commissions"], start=1):
        check = _Checker("commissions.yaml", commission["question"] or n)
        if (commission["question"] is None) == (commission["debate"] is None):
            check.fail("question", "give the question, or the debate it became")
        if commission["theme"] is not None:
            check.known("theme", commission["theme"], themes, "theme", "themes.yaml")
        for stance in ("pour", "contre"):
            if commission[stance] is not None:
                check.known(
                    stance, commission[stance], experts, "expert", "experts.yaml"
                )
        if commission["debate"] is not None:
            check.known(
                "debate", commission["debate"], debates, "debate", "debates.yaml"
            )
    for edition in data["editions"]:
        check = _Checker("editions.yaml", edition["number"])
        for slug in edition["debates"]:
            check.known("debates", slug, debates, "debate", "debates.yaml")

    _check_proposals(data["proposals"], themes, [*accounts, *panel], panel)
    _check_polls(data["polls"], data["proposals"], panel)

    for conference in data["conferences"]:
        check = _Checker("conferences.yaml", conference["title"])
        check.known("theme", conference["theme"], themes, "theme", "themes.yaml")
        if conference["ends_at"] <= conference["starts_at"]:
            check.fail("ends_at", "a conference ends after it starts")
        for n, speaker in enumerate(conference["speakers"], start=1):
            if (speaker["expert"] is None) == (speaker["name"] is None):
                check.fail(f"speakers > {n}", "give either expert (a slug) or name")
            if speaker["expert"] is not None:
                check.known(
                    f"speakers > {n} > expert",
                    speaker["expert"],
                    experts,
                    "expert",
                    "experts.yaml",
                )
    offers = {offer["slug"]: offer for offer in data["offers"]}
    for booking in data["bookings"]:
        check = _Checker("bookings.yaml", booking["buyer"]["legal_name"])
        check.known("offer", booking["offer"], offers, "offer", "offers.yaml")
        offer = offers[booking["offer"]]
        check.known(
            "format",
            booking["format"],
            {item["name"] for item in offer["formats"]},
            "format",
            "offers.yaml",
        )
        for name in booking["options"]:
            check.known(
                "options",
                name,
                {item["name"] for item in offer["options"]},
                "option",
                "offers.yaml",
            )


def _unique(file: str, key: str, values: list) -> None:
    seen = set()
    for value in values:
        if value in seen:
            raise DemoDataError(f"{file}: two entries have the {key} {value!r}")
        seen.add(value)


def _check_verdicts(verdicts: dict, debates: dict, panel_size: int) -> None:
    for slug, groups in verdicts.items():
        check = _Checker("verdicts.yaml", slug)
        check.known("debate", slug, debates, "debate", "debates.yaml")
        readers = sum(group["readers"] for group in groups)
        if readers > panel_size:
            check.fail(
                "readers",
                f"{readers} readers, but the panel has {panel_size}"
                " (accounts.yaml, panel_size)",
            )


def _check_reactions(reactions: dict, debates: dict) -> None:
    for slug, items in reactions.items():
        check = _Checker("reactions.yaml", slug)
        check.known("debate", slug, debates, "debate", "debates.yaml")
        for n, item in enumerate(items, start=1):
            if (item["side"] is None) == (item["reply"] is None):
                check.fail(str(n), "give either side or reply")
            if n == 1 and item["reply"] is not None:
                check.fail(str(n), "the first reaction cannot be a reply")


def _check_proposals(proposals, themes, people, panel) -> None:
    for proposal in proposals:
        check = _Checker("proposals.yaml", proposal["question"])
        check.known("theme", proposal["theme"], themes, "theme", "themes.yaml")
        check.known(
            "author",
            proposal["author"],
            people,
            "account",
            "accounts.yaml (or the panel)",
        )
        supporters = proposal["supporters"]
        if supporters and proposal["status"] != "approved":
            check.fail("supporters", "only an approved proposal can be supported")
        start = (
            panel.index(proposal["author"]) + 1 if proposal["author"] in panel else 0
        )
        if start + supporters > len(panel):
            check.fail(
                "supporters",
                f"only {len(panel) - start} panel readers "
                "follow the author (accounts.yaml, panel_size)",
            )


def _check_polls(polls, proposals, panel) -> None:
    questions = {proposal["question"] for proposal in proposals}
    for poll in polls:
        check = _Checker("polls.yaml", poll["title"])
        if poll["closes"] <= poll["opens"]:
            check.fail("closes", "a poll closes after it opens")
        options = poll["options"]
        for n, (kind, question) in enumerate(options, start=1):
            if kind == "proposal":
                check.known(
                    f"options > {n}", question, questions, "proposal", "proposals.yaml"
                )
        allowed = 1 if poll["rule"] == "single" else poll["max_choices"]
        for n, ballot in enumerate(poll["ballots"], start=1):
            if len(ballot) > allowed or len(set(ballot)) != len(ballot):
                check.fail(f"ballots > {n}", f"at most {allowed} different options")
            if max(ballot) > len(options):
                check.fail(f"ballots > {n}", f"the poll has {len(options)} options")
        if poll["ballots"] and poll["opens"] > 0:
            check.fail("ballots", "a poll that has not opened has no ballots yet")
        first = poll["first_voter"] or panel[0]
        check.known("first_voter", first, panel, "panel reader", "the panel")
        if panel.index(first) + len(poll["ballots"]) > len(panel):
            check.fail("ballots", "more ballots than panel readers from first_voter")
        if poll["commissioned"] is not None and poll["commissioned"] > len(options):
            check.fail("commissioned", f"the poll has {len(options)} options")
