"""axe-core, run in the page the journey is on."""

import pytest
from axe_playwright_python.sync_playwright import Axe

# axe-core's impacts are minor, moderate, serious and critical; the last two stop
# a reader (unreadable contrast, an unlabelled field, a button with no name...).
BLOCKING_IMPACTS = {"serious", "critical"}
TARGETS_SHOWN = 3

_axe = Axe()


def assert_accessible(page, *, context: str = "") -> None:
    """Runs axe-core on the page as it is now; fails on serious or critical issues."""
    results = _axe.run(page)
    blocking = [
        violation
        for violation in results.response["violations"]
        if violation.get("impact") in BLOCKING_IMPACTS
    ]
    if not blocking:
        return
    where = f"{context} ({page.url})" if context else page.url
    lines = [
        f"{len(blocking)} serious or critical accessibility violation(s) on {where}:"
    ]
    for violation in blocking:
        lines.append(
            f"- {violation['id']} [{violation['impact']}]: {violation['help']}"
            f" ({len(violation['nodes'])} element(s)) {violation.get('helpUrl', '')}"
        )
        for node in violation["nodes"][:TARGETS_SHOWN]:
            target = " >> ".join(str(selector) for selector in node["target"])
            lines.append(f"    {target}")
            if node.get("failureSummary"):
                summary = " ".join(node["failureSummary"].split())
                lines.append(f"      {summary}")
        if len(violation["nodes"]) > TARGETS_SHOWN:
            lines.append(f"    ... and {len(violation['nodes']) - TARGETS_SHOWN} more")
    pytest.fail("\n".join(lines), pytrace=False)
