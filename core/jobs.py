"""Scheduled jobs that never overlap themselves.

The scheduler (``manage.py crontask``) only enqueues; the worker runs. A slow run
and the next one may then meet in two workers. Every job is written to be safe
twice (rows are claimed or locked one by one), and ``exclusive`` spares the
second run the wasted work: it holds a lock named after the job for as long as
the run lasts, and a run that cannot take it does nothing.

On PostgreSQL the lock is a session advisory lock, which covers every server
sharing the database and is freed by PostgreSQL if the worker dies. On SQLite,
which lives on one machine, it is an ``flock`` on a file in ``VAR_DIR/locks``,
freed by the system when the process ends.
"""

import contextlib
import fcntl
import hashlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

SKIPPED = "skipped: the previous run is still going"


def _advisory_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_try_advisory_lock``."""
    digest = hashlib.blake2b(f"versus.jobs.{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@contextlib.contextmanager
def _postgres_lock(name: str, using: str) -> Iterator[bool]:
    key = _advisory_key(name)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        held = bool(cursor.fetchone()[0])
    try:
        yield held
    finally:
        if held:
            with connections[using].cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


@contextlib.contextmanager
def _file_lock(name: str) -> Iterator[bool]:
    folder = Path(settings.VAR_DIR) / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def exclusive(name: str, *, using: str = "default") -> Iterator[bool]:
    """Hold the lock named ``name`` for the block; yields False (and holds
    nothing) when another run holds it."""
    if connections[using].vendor == "postgresql":
        lock = _postgres_lock(name, using)
    else:
        lock = _file_lock(name)
    with lock as held:
        if not held:
            logger.info("Job %s: %s", name, SKIPPED)
        yield held


def run_alone(name: str, job: Callable[[], object]) -> object:
    """``job()`` under ``exclusive(name)``; ``SKIPPED`` if another run holds it."""
    with exclusive(name) as held:
        return job() if held else SKIPPED
