"""The read benchmark: the pages readers open most, side by side with the static
file served by the same server, with the demo content and then at size.

Run by ``make reads`` (and ``make bench``); never collected by pytest.

1. A PostgreSQL database of its own (``BENCH_READS_DATABASE_URL``) is dropped,
   created and migrated; its Redis database (``BENCH_READS_REDIS_URL``) is
   emptied; the demo content is seeded (``seed_demo``, in development mode as it
   requires: its subscriber subscribes through the demo checkout); the static
   files are collected.
2. gunicorn serves the site with production settings and 2 workers. Each page is
   fetched by concurrent clients in turn, between two rounds of the static file
   (and right after a short one, against which the page is measured):
   home, the debate index, a free and a premium debate without an account, the
   premium debate as a subscriber, a poll page logged in, the events page and a
   conference page. Each page's queries are counted once, in this process
   (``CaptureQueriesContext``), with its render time and the share of it spent
   in SQL.
3. 10,000 debates, 100,000 verdicts and 20,000 reactions are added
   (``tests.bench.seed_reads``, in bulk, in the real page tree, then checked),
   and the same pages are measured again on the same server.
4. The workers' memory (RSS, psutil) is read after the warm-up and at the end.
5. The « Page reads » section of ``docs/benchmarks.md`` is rewritten. Targets
   are reported, never asserted; the exit status is 1 only when a page answers
   anything but 200 or the page tree has a problem.
"""

import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.bench.harness import (
    BASE_DIR,
    Request,
    Summary,
    cores_busy,
    fire,
    gunicorn_server,
    machine,
    recreate_database,
    worker_memory,
    write_section,
)
from tests.bench.polls import REPORT, Stages, open_sessions
from tests.bench.reads_report import END_MARK, START_MARK, report

DATABASE_URL = os.environ.get(
    "BENCH_READS_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/versus_bench_reads",
)
REDIS_URL = os.environ.get("BENCH_READS_REDIS_URL", "redis://127.0.0.1:6379/8")
WORKERS = 2
CLIENTS = int(os.environ.get("READS_CLIENTS", "16"))
PER_PAGE = int(os.environ.get("READS_PER_PAGE", "200"))
STATIC = int(os.environ.get("READS_STATIC", "1700"))  # per round, two rounds
# A page served from the cache answers 200 requests in a fifth of a second, too
# short a window to compare two runs: each page is fired at, PER_PAGE requests at
# a time, until this long has passed.
SECONDS = float(os.environ.get("READS_SECONDS", "2.5"))
WARM_UP = 20  # requests per page before anything is measured
DEBATES = int(os.environ.get("READS_DEBATES", "10000"))
VERDICTS = int(os.environ.get("READS_VERDICTS", "100000"))
REACTIONS = int(os.environ.get("READS_REACTIONS", "20000"))
ON_MEASURED = 300  # reactions on each measured debate at size: a popular one
RENDERS = 5  # in-process renders per page, for the render and SQL times
SEED = 20261204
# The clients stand for the load balancer that ended TLS: without this header the
# production settings redirect every request to https.
TLS = {"X-Forwarded-Proto": "https"}


def environment(var_dir: str) -> dict[str, str]:
    """Production settings; gunicorn is reached directly (no proxy in front), as
    the clients stand for the TLS-terminating load balancer."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": "reads-" + "k" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "EMAIL_ESP": "postmark",
        "EMAIL_ESP_API_KEY": "reads",
        "EMAIL_ESP_API_URL": "http://127.0.0.1:9/",
        "STRIPE_SECRET_KEY": "sk_test_reads",
        "STRIPE_WEBHOOK_SECRET": "whsec_reads",
        "STRIPE_API_BASE": "http://127.0.0.1:9",
        "TASKS_BACKEND": "database",
        "TRUSTED_PROXY_COUNT": "0",
        "LOG_LEVEL": "WARNING",
        "VERSUS_VAR_DIR": var_dir,
    }


@dataclass(frozen=True)
class Read:
    label: str
    path: str
    who: str  # "anonymous", "subscriber" or "reader"
    pk: int | None = None


@dataclass
class Figures:
    summary: Summary
    queries: int
    render_ms: float  # in this process, mean of RENDERS
    sql_ms: float
    x_cache: Counter = field(default_factory=Counter)
    # The static file, fired at right before each of the page's windows.
    static_beside: Summary | None = None

    def per_static(self, static: float) -> float:
        """The page's throughput against the static file of the same moments
        (``static``: the phase's, for the static file's own row)."""
        reference = self.static_beside.per_second if self.static_beside else static
        return self.summary.per_second / reference


def seed_demo(env: dict[str, str], log: Path) -> None:
    """``seed_demo`` refuses production settings; it runs in development mode on
    the same database, with no Stripe key (the demo checkout subscribes its
    subscriber) and email written to files."""
    development = {
        **env,
        "DJANGO_ENV": "development",
        "DJANGO_DEBUG": "0",
        "STRIPE_SECRET_KEY": "",
        "STRIPE_WEBHOOK_SECRET": "",
        "STRIPE_API_BASE": "",
        "EMAIL_ESP": "",
        "TASKS_BACKEND": "immediate",
    }
    with log.open("ab") as output:
        subprocess.run(
            [sys.executable, "manage.py", "seed_demo"],
            cwd=BASE_DIR,
            env={**os.environ, **development},
            stdout=output,
            stderr=subprocess.STDOUT,
            check=True,
        )


def pages_to_read() -> tuple[list[Read], dict[str, str]]:
    """The pages, and a session cookie for each kind of reader."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from debates.models import DebateIndexPage, DebatePage, TopicPollPage
    from events.models import ConferencePage, EventIndexPage

    debates = DebatePage.objects.live().order_by("-first_published_at")
    free = debates.filter(premium=False).first()
    premium = debates.filter(premium=True).first()
    now = timezone.now()
    poll = (
        TopicPollPage.objects.live()
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at")
        .first()
    )
    conference = (
        ConferencePage.objects.live()
        .filter(starts_at__gt=now)
        .order_by("starts_at")
        .first()
    )
    users = get_user_model().objects
    readers = {
        "subscriber": users.get(email="abonne@example.org").pk,
        "reader": users.get(email="lecteur@example.org").pk,
    }
    sessions = {v.pk: v.cookie for v in open_sessions(list(readers.values()))}
    cookies = {who: sessions[pk] for who, pk in readers.items()}
    pages = [
        Read("home", "/", "anonymous"),
        Read("debate index", DebateIndexPage.objects.get().url, "anonymous"),
        Read("free debate", free.url, "anonymous", free.pk),
        Read("premium debate", premium.url, "anonymous", premium.pk),
        Read("premium debate, subscriber", premium.url, "subscriber", premium.pk),
        Read("poll page, logged in", poll.url, "reader", poll.pk),
        Read("events page", EventIndexPage.objects.get().url, "anonymous"),
        Read("conference page", conference.url, "anonymous", conference.pk),
    ]
    return pages, cookies | {"user_ids": readers}


def in_process(page: Read, user_ids: dict[str, int]) -> tuple[int, float, float]:
    """(queries, render ms, SQL ms) of one page, once its caches are warm."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    if page.who != "anonymous":
        client.force_login(get_user_model().objects.get(pk=user_ids[page.who]))
    client.get(page.path)
    counts, renders, sql = [], [], []
    for _ in range(RENDERS):
        began = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
        renders.append(time.perf_counter() - began)
        if response.status_code != 200:
            raise SystemExit(f"GET {page.path} answered {response.status_code}.")
        counts.append(len(queries))
        sql.append(sum(float(q["time"]) for q in queries.captured_queries))
    return counts[0], 1000 * sum(renders) / RENDERS, 1000 * sum(sql) / RENDERS


def measure(port: int, pages, cookies, static_path: str) -> dict[str, Figures]:
    def requests(page: Read, count: int, seen: Counter, lock) -> list[list[Request]]:
        headers = dict(TLS)
        if page.who != "anonymous":
            headers["Cookie"] = cookies[page.who]

        def keep(response, _body):
            with lock:
                # The full-page cache's answer, or a logged-in reader's shell's.
                answer = response.getheader("X-Cache") or response.getheader(
                    "X-Shell", "-"
                )
                seen[f"{response.status} {answer}"] += 1

        return [
            [Request("GET", page.path, headers=headers, on_answer=keep)]
            for _ in range(count)
        ]

    def for_a_while(tasks, seconds=SECONDS) -> list:
        phases, began = [], time.perf_counter()
        while not phases or time.perf_counter() - began < seconds:
            phases.append(fire(port, tasks(), clients=CLIENTS))
        return phases

    def static():
        return [[Request("GET", static_path, headers=TLS)] for _ in range(STATIC)]

    # Two passes over the pages, each page for half of SECONDS in each: a burst
    # of other work on the machine weighs on half a window of one page, not a
    # whole one. Right before each window the static file is fired at too: each
    # page is compared with the static file of the same moments, so that the
    # machine's own drift during the run cancels out.
    before = for_a_while(static)
    phases, seen = {p.label: [] for p in pages}, {p.label: Counter() for p in pages}
    beside = {p.label: [] for p in pages}
    lock = threading.Lock()
    for _pass in range(2):
        for page in pages:
            beside[page.label] += for_a_while(static, SECONDS / 4)
            phases[page.label] += for_a_while(
                lambda: requests(page, PER_PAGE, seen[page.label], lock),  # noqa: B023 (called at once)
                SECONDS / 2,
            )
    figures = {}
    for page in pages:
        queries, render_ms, sql_ms = in_process(page, cookies["user_ids"])
        figures[page.label] = Figures(
            Summary.of(*phases[page.label]),
            queries,
            render_ms,
            sql_ms,
            x_cache=seen[page.label],
            static_beside=Summary.of(*beside[page.label]),
        )
    after = for_a_while(static)
    every_static = [phase for phases_ in beside.values() for phase in phases_]
    figures["static file"] = Figures(
        Summary.of(*before, *every_static, *after), 0, 0.0, 0.0
    )
    return figures


def settle(limit: float = 30.0) -> float:
    """Waits (at most ``limit`` seconds) until the machine is quiet again after
    the bulk load (PostgreSQL's autovacuum and writer): the share busy last seen."""
    began = time.perf_counter()
    busy = cores_busy(1.0)
    while busy > 0.1 and time.perf_counter() - began < limit:
        busy = cores_busy(1.0)
    return busy


def warm_up(port: int, pages, cookies, static_path: str) -> int:
    tasks = [[Request("GET", static_path, headers=TLS)] for _ in range(WARM_UP * 5)]
    for page in pages:
        headers = dict(TLS)
        if page.who != "anonymous":
            headers["Cookie"] = cookies[page.who]
        tasks += [[Request("GET", page.path, headers=headers)] for _ in range(WARM_UP)]
    return len(fire(port, tasks, clients=4).exchanges)


def main() -> int:
    rng = random.Random(SEED)  # noqa: S311 (the same data on every run; no secret)
    var_dir = Path(tempfile.mkdtemp(prefix="versus-bench-reads-"))
    env = environment(str(var_dir))
    os.environ.update(env)
    stages = Stages()
    print(
        f"Page reads: each page for {SECONDS:g} s, {PER_PAGE} requests at a time, "
        f"{CLIENTS} clients",
        flush=True,
    )
    database = recreate_database(DATABASE_URL)
    import django

    django.setup()
    import redis
    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connection

    redis.Redis.from_url(REDIS_URL).flushdb()
    call_command("migrate", verbosity=0, interactive=False)
    stages.done(f"database {database} migrated")
    seed_demo(env, var_dir / "seed.log")
    call_command("collectstatic", verbosity=0, interactive=False)
    stages.done("demo content seeded, static files collected")
    from django.contrib.staticfiles.storage import staticfiles_storage

    static_path = urllib.parse.urlsplit(staticfiles_storage.url("css/site.css")).path
    pages, cookies = pages_to_read()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SHOW server_version")
        postgres_version = cursor.fetchone()[0]
    connection.close()
    busy = cores_busy(2.0)
    stages.done(f"machine's other load sampled: {busy:.0%} of the cores busy")
    log = var_dir / "gunicorn.log"
    with gunicorn_server(env, workers=WORKERS, log=log) as server:
        served = warm_up(server.port, pages, cookies, static_path)
        memory_before = worker_memory(server.pid)
        with connection.cursor() as cursor:
            cursor.execute("CHECKPOINT")
        connection.close()
        quiet = settle()
        stages.done(
            f"gunicorn started, {WORKERS} workers, warmed up; machine quiet "
            f"({quiet:.0%} busy)"
        )
        demo = measure(server.port, pages, cookies, static_path)
        served += sum(f.summary.requests for f in demo.values())
        memory_middle = worker_memory(server.pid)
        stages.done("demo content measured")
        from tests.bench.seed_reads import grow

        measured = [page.pk for page in pages if page.label.endswith("debate")]
        sized = grow(
            debates=DEBATES,
            verdicts=VERDICTS,
            reactions=REACTIONS,
            measured=measured,
            per_measured=ON_MEASURED,
            rng=rng,
        )
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
            # The bulk load's dirty pages are written now, not during the reads.
            cursor.execute("CHECKPOINT")
        connection.close()
        settled = settle()
        for alias in caches:
            caches[alias].clear()
        stages.done(
            f"grown to {sized.debates:,} debates, {sized.verdicts:,} verdicts, "
            f"{sized.reactions:,} reactions; tree problems: "
            f"{', '.join(sized.tree_problems) or 'none'}; machine quiet again "
            f"({settled:.0%} busy)"
        )
        served += warm_up(server.port, pages, cookies, static_path)
        large = measure(server.port, pages, cookies, static_path)
        served += sum(f.summary.requests for f in large.values())
        stages.done("at size measured")
        memory_after = worker_memory(server.pid)
    redis_version = redis.Redis.from_url(REDIS_URL).info("server")["redis_version"]
    info = machine(postgres_version=postgres_version, redis_version=redis_version)
    odd = [
        f"{size}: {label} answered {dict(f.summary.statuses)}"
        for size, figures in (("demo", demo), ("at size", large))
        for label, f in figures.items()
        if set(f.summary.statuses) != {200}
    ]
    section = report(
        pages=pages,
        demo=demo,
        large=large,
        sized=sized,
        memory=(memory_before, memory_after, served, memory_middle),
        info=info,
        stages=stages,
        load={
            "clients": CLIENTS,
            "per_page": PER_PAGE,
            "seconds": SECONDS,
            "static": STATIC,
            "workers": WORKERS,
            "busy": busy,
            "page_cache": (BASE_DIR / "core" / "pagecache.py").exists(),
        },
        odd=odd,
    )
    write_section(REPORT, section, START_MARK, END_MARK)
    for label in demo:
        d, s = demo[label], large[label]
        print(
            f"  {label}: {d.summary.per_second:,.0f} → {s.summary.per_second:,.0f} "
            f"req/s, {d.queries} → {s.queries} queries"
        )
    if odd or sized.tree_problems:
        print("FAILED: " + "; ".join(odd + sized.tree_problems), file=sys.stderr)
        print(f"logs: {var_dir}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
