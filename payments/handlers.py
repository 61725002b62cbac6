"""Which room applies which Stripe event.

Each room that sells registers a handler in its ``AppConfig.ready()``: the event
types it listens to, a ``claims`` test that recognises its own objects (a seat
order's session carries ``seat_order`` in its metadata, a reader's invoice its
subscription), and the ``apply`` function, run inside the transaction that marks
the event applied. ``payments`` never imports the rooms above it: they come to it,
the way ``accounts.personal_data`` gathers each room's personal data.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["Handler", "dispatch", "handled_types", "register"]


@dataclass(frozen=True)
class Handler:
    room: str
    types: frozenset[str]
    claims: Callable[[dict], bool]
    apply: Callable[[dict], bool]


_handlers: dict[str, Handler] = {}


def register(
    room: str,
    *,
    types: Iterable[str],
    apply: Callable[[dict], bool],
    claims: Callable[[dict], bool] | None = None,
) -> None:
    """``apply(event)`` returns whether it changed anything (False: ignored)."""
    _handlers[room] = Handler(
        room=room,
        types=frozenset(types),
        claims=claims or (lambda event: True),
        apply=apply,
    )


def handled_types() -> set[str]:
    """Every event type some room listens to (what reconciliation asks Stripe for)."""
    return {kind for handler in _handlers.values() for kind in handler.types}


def dispatch(event: dict) -> bool:
    """Apply ``event`` with the first handler that claims it; False if none does.
    Rooms claim disjoint objects (by metadata or by the subscription they belong
    to), so at most one claims an event."""
    for handler in _handlers.values():
        if event["type"] in handler.types and handler.claims(event):
            return handler.apply(event)
    return False
