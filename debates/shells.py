"""The debate page for logged-in readers, from a shared shell (``core.shells``).

The shell is the page as every reader allowed to read the whole debate sees it.
Its slots: the two verdict boxes, the free reads left (a metered reader), the
tally (it moves with every verdict, and a reader who just voted must find their
vote in it), the reader's reactions awaiting moderation, the reaction form. A hit
costs the paywall's decision (``services.open_debate``: a subscriber's
subscription, or a metered reader's count, recorded as any opening of the page)
and two queries for the slots: ``selectors.reader_state`` and the tally.
"""

from types import SimpleNamespace

from core import shells
from debates import selectors, services
from debates.forms import ReactionForm, verdict_boxes
from debates.models import DebatePage, Moment, Stance

KIND = "debate"


def start(debate: DebatePage, request, read_access) -> None:
    """The page's view, before it renders: a reader allowed the whole debate is
    answered from the shell (built now, then filled)."""
    if read_access.allowed:
        shells.start(
            request,
            kind=KIND,
            ref=lambda: ref_of(debate, request),
            access=read_access,
        )


def ref_of(debate: DebatePage, request) -> dict | None:
    """What a shell of ``debate`` keeps of the page itself; ``None`` when the page
    has view restrictions (Wagtail's privacy settings), which only routing checks."""
    if debate.get_view_restrictions().exists():
        return None
    return {
        "pk": debate.pk,
        "premium": debate.premium,
        "url": debate.get_url(request),
        "url_path": debate.url_path,
    }


def _page(ref: dict) -> SimpleNamespace:
    """The page as the paywall and the slots' templates read it: its id, whether
    it is premium."""
    return SimpleNamespace(pk=ref["pk"], premium=ref["premium"])


def holds(ref: dict, state: dict) -> bool:
    """The debate is still live, at the address the shell was made for."""
    return state["reader"].live_url_path == ref["url_path"]


def access(request, ref: dict):
    """The reader opens the debate: what the paywall gives them, counted as the
    page's own view counts it; ``None`` unless they may read it whole (the page
    is then rendered for them, with its wall)."""
    read = services.open_debate(_page(ref), reader=request.user)
    return read if read.allowed else None


def state(request, ref: dict) -> dict:
    reader = selectors.reader_state(ref["pk"], request.user)
    tally = selectors.tally_of(ref["pk"])
    return {
        "ref": ref,
        "reader": reader,
        "tally": tally,
        "editor": reader.editor,
    }


def _verdict_key(request, state, *, moment):
    reader = state["reader"]
    mine = reader.verdicts
    pk = state["ref"]["pk"]
    return (pk, moment, mine.get("before"), mine.get("after"), reader.consented)


def _verdict(request, state, *, moment):
    reader = state["reader"]
    context = verdict_boxes(reader.verdicts, needs_consent=not reader.consented)
    context.update(page=_page(state["ref"]), moment=moment)
    return context


def _free_reads_key(request, state):
    read = state["access"]
    return (read.reason, read.remaining)


def _results_key(request, state):
    tally = state["tally"]
    counts = tuple(
        getattr(tally, f"{moment}_{stance}")
        for moment in Moment.values
        for stance in Stance.values
    )
    return (*counts, tally.both, tally.changed)


def _reaction_form(request, state):
    ref = state["ref"]
    return {
        "page": _page(ref),
        "reaction_form": ReactionForm(auto_id="reaction-%s"),
        "reply_to": None,
        "new_reaction_url": ref["url"],
    }


def connect() -> None:
    shells.register_kind(KIND, state=state, holds=holds, access=access)
    shells.register_slot(
        "debate-verdict",
        "debates/includes/verdict.html",
        context=_verdict,
        key=_verdict_key,
    )
    shells.register_slot(
        "debate-free-reads",
        "debates/includes/free_reads.html",
        context=lambda request, state: {"read_access": state["access"]},
        key=_free_reads_key,
    )
    shells.register_slot(
        "debate-results",
        "debates/includes/results.html",
        context=lambda request, state: {"tally": state["tally"]},
        key=_results_key,
    )
    shells.register_slot(
        "debate-pending",
        "debates/includes/pending_reactions.html",
        context=lambda request, state: {
            "my_pending_reactions": state["reader"].pending
        },
        # Their own words: kept only when there are none.
        key=lambda request, state: None if state["reader"].pending else (),
    )
    shells.register_slot(
        "debate-reaction-form",
        "debates/includes/reactions_form.html",
        context=_reaction_form,
        key=lambda request, state: (state["ref"]["pk"], state["ref"]["url"]),
    )
