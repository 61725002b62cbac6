"""What a ballot costs the server, for the poll benchmark's report.

- ``CpuMeter``: CPU time of gunicorn's workers and of the PostgreSQL backends
  they hold (the workers keep their connection, ``DATABASE_CONN_MAX_AGE``), read
  with psutil around each phase: CPU per request, ballot or static file.
- ``profile_ballots``: ballots sent in this process through Django's test client
  (the same middleware, view, PostgreSQL and Redis, without gunicorn): the time
  of one ballot, how much of it waits on the database, and, when pyinstrument is
  installed (https://pyinstrument.readthedocs.io), where the rest goes.

Nothing here imports Django at module level (see ``harness``).
"""

import time
from collections import Counter
from dataclasses import dataclass, field

from tests.bench.harness import BASE_DIR

# Where a sampled frame's time goes: the innermost frame on its stack whose file
# matches one of these. Database and Redis come first so that a query's wait is
# theirs wherever it is sent from.
AREAS = [
    ("psycopg", "PostgreSQL: waiting on round trips (psycopg)"),
    ("/redis/", "Redis: rate limits, the session read"),
    ("django/db/", "ORM: building SQL, reading rows, transactions"),
    ("django/contrib/sessions/", "session middleware"),
    ("django/middleware/csrf", "CSRF check"),
    ("django/contrib/auth/", "authentication: the reader's row"),
    ("django/contrib/messages/", "messages"),
    (f"{BASE_DIR / 'debates'}/", "the ballot's own code: view, form, service"),
    ("django/forms/", "the ballot's own code: view, form, service"),
    ("wagtail/", "Wagtail: the poll's URL, its page model"),
    ("whitenoise/", "other middleware"),
    ("django/middleware/", "other middleware"),
    (f"{BASE_DIR / 'core'}/", "other middleware"),  # the project's, not Django's
    ("allauth/", "other middleware"),
    ("django_permissions_policy/", "other middleware"),
]
ELSEWHERE = "Django's request handling, URL routing, the test client"


@dataclass
class CpuMeter:
    """CPU seconds used by gunicorn's workers and by their database backends."""

    master_pid: int
    database: str
    _last: dict[int, float] = field(default_factory=dict)

    def _processes(self):
        import psutil
        from django.db import connection

        workers = psutil.Process(self.master_pid).children()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s "
                "AND pid <> pg_backend_pid()",
                [self.database],
            )
            backends = [psutil.Process(pid) for (pid,) in cursor.fetchall()]
        return [("workers", p) for p in workers] + [("database", p) for p in backends]

    def read(self) -> dict[str, float]:
        """CPU seconds since the last read, by workers and database; a process
        born in between counts from its start."""
        import psutil

        used = Counter()
        now = {}
        for kind, process in self._processes():
            try:
                times = process.cpu_times()
            except psutil.NoSuchProcess:
                continue
            seconds = times.user + times.system
            now[process.pid] = seconds
            used[kind] += seconds - self._last.get(process.pid, 0.0)
        self._last = now
        return {"workers": used["workers"], "database": used["database"]}


@dataclass
class Profile:
    ballots: int
    queries: int  # in all, over the ballots
    seconds: float  # wall time, in all
    cpu_seconds: float  # this process's CPU, in all
    database_seconds: float  # inside cursor.execute, in all
    areas: dict[str, float]  # share of the sampled time, by area; empty without

    @property
    def per_ballot_ms(self) -> float:
        return 1000 * self.seconds / self.ballots

    @property
    def cpu_per_ballot_ms(self) -> float:
        return 1000 * self.cpu_seconds / self.ballots

    @property
    def database_per_ballot_ms(self) -> float:
        return 1000 * self.database_seconds / self.ballots


def profile_ballots(sends: list[tuple[str, str, str, list[int]]], warm_up: int):
    """Each (cookies, CSRF token, path, choices) once, as a logged-in reader's form
    post with its CSRF token checked; the first ``warm_up`` are sent untimed, then
    every other one is timed, and the others are sampled by pyinstrument.

    One test client for all, its cookies set for each reader: a client builds
    its own handler, whose middleware (WhiteNoise's file scan included) would
    otherwise be set up again for every reader."""
    from http.cookies import SimpleCookie

    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1", enforce_csrf_checks=True)

    def send(cookies, token, path, choices):
        client.cookies = SimpleCookie()
        client.cookies.load(cookies)
        response = client.post(path, {"csrfmiddlewaretoken": token, "choices": choices})
        if response.status_code != 302:
            raise SystemExit(f"POST {path} answered {response.status_code}.")

    for ballot in sends[:warm_up]:
        send(*ballot)
    # Half timed alone, half sampled: the sampler's own cost stays out of the times.
    timed_sends, sampled_sends = sends[warm_up::2], sends[warm_up + 1 :: 2]
    waited = [0.0, 0]

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            waited[0] += time.perf_counter() - started
            waited[1] += 1

    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(timed):
        for ballot in timed_sends:
            send(*ballot)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    profiler = _profiler()
    if profiler is not None:
        profiler.start()
        for ballot in sampled_sends:
            send(*ballot)
        profiler.stop()
    return Profile(
        ballots=len(timed_sends),
        queries=waited[1],
        seconds=seconds,
        cpu_seconds=cpu_seconds,
        database_seconds=waited[0],
        areas=_areas(profiler) if profiler is not None else {},
    )


def _profiler():
    try:
        from pyinstrument import Profiler
    except ImportError:
        return None
    return Profiler(interval=0.0005)


def _areas(profiler) -> dict[str, float]:
    root = profiler.last_session.root_frame()
    spent = Counter()

    def walk(frame, area):
        path = (frame.file_path or "").replace("\\", "/")
        for marker, name in AREAS:
            if marker in path:
                area = name
                break
        spent[area] += frame.total_self_time
        for child in frame.children:
            walk(child, area)

    walk(root, ELSEWHERE)
    total = sum(spent.values()) or 1.0
    return {area: seconds / total for area, seconds in spent.most_common()}
