"""One newsletter issue to the whole list, with a task worker killed halfway:
nobody gets it twice, nobody is missed, and how fast it goes.

Run by ``make bench-newsletter`` (and ``make bench``); never collected by pytest.

1. A PostgreSQL database of its own (``BENCH_NEWSLETTER_DATABASE_URL``) is
   dropped, created and migrated; ``NEWSLETTER_BENCH_RECIPIENTS`` confirmed
   subscribers of the weekly list (50,000 by default) are written in bulk, and
   one live issue is published in the archive.
2. The site runs with production settings: email through Anymail's real Postmark
   backend (``ANYMAIL["POSTMARK_API_URL"]``, from ``EMAIL_ESP_API_URL``) to a
   Postmark-shaped server on 127.0.0.1 (``newsletter_esp``), the send rate set far
   above what the machine can reach, so that the figures are the site's own.
   Two task workers (``manage.py db_worker --queue-name newsletter``, the
   optional newsletter worker of the README) take the batches.
3. The issue is started as the admin starts it (``sending.send_issue``). Once
   about half the readers are sent, one worker is killed with SIGKILL, in the
   middle of a batch. The other goes on with the batches left; once the dead
   worker's claims are stale, the minute job is queued as the scheduler queues
   it (``newsletter_minute``): the rows the dead worker claimed but had not
   handed go back to the queue and are sent, the rows it had handed become
   ``unknown`` and are not sent again.
4. Counted against what the provider received: recipients per second, readers
   sent twice (must be 0), readers missed (neither received nor ``unknown``:
   must be 0), and the ``unknown`` rows, the documented at-most-once trade-off.
   The « Newsletter sending » section of ``docs/benchmarks.md`` is rewritten;
   the exit status is 1 on a double, a miss or a send that did not finish.
"""

import os
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.bench.harness import machine, recreate_database, task_workers, write_section
from tests.bench.newsletter_esp import TOKEN, FakePostmarkBatch
from tests.bench.polls import REPORT, Stages, reflow

DATABASE_URL = os.environ.get(
    "BENCH_NEWSLETTER_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/versus_bench_newsletter",
)
REDIS_URL = os.environ.get("BENCH_NEWSLETTER_REDIS_URL", "redis://127.0.0.1:6379/6")
RECIPIENTS = int(os.environ.get("NEWSLETTER_BENCH_RECIPIENTS", "50000"))
WORKERS = 2
BATCH_SIZE = 500  # Postmark's limit for one batch call, and the site's default
CLAIM_SECONDS = 15  # a claim older than this is a dead worker's (the sweep)
SEED_CHUNK = 5000
POLL = 0.1
TIMEOUT = float(os.environ.get("NEWSLETTER_BENCH_TIMEOUT", "1800"))
START_MARK = "<!-- newsletter:start -->"
END_MARK = "<!-- newsletter:end -->"


def environment(var_dir: str, *, esp_url: str) -> dict[str, str]:
    """Production settings, for the workers and this process."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": "newsletter-bench-" + "k" * 50,
        "ALLOWED_HOSTS": "versus.example,127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "EMAIL_ESP": "postmark",
        "EMAIL_ESP_API_KEY": TOKEN,
        "EMAIL_ESP_API_URL": esp_url,
        "STRIPE_SECRET_KEY": "sk_test_newsletter_bench",
        "STRIPE_WEBHOOK_SECRET": "whsec_newsletter_bench",
        "NEWSLETTER_SEND_RATE": "1000000",
        "NEWSLETTER_BATCH_SIZE": str(BATCH_SIZE),
        "NEWSLETTER_CLAIM_SECONDS": str(CLAIM_SECONDS),
        "TASKS_BACKEND": "database",
        "LOG_LEVEL": "WARNING",
        "VERSUS_VAR_DIR": var_dir,
    }


@dataclass
class Run:
    recipients: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    sent_at_kill: int = 0
    statuses: Counter = field(default_factory=Counter)
    sweep: str = ""
    doubles: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    strangers: list[str] = field(default_factory=list)
    unknown_received: int = 0
    calls: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)


# --- Data ---------------------------------------------------------------------------


def address(number: int) -> str:
    return f"lecteur{number:06d}@example.org"


def seed(count: int):
    """``count`` confirmed subscribers of the weekly list, in bulk, and one live
    issue in the archive; returns the issue."""
    from django.utils import timezone

    from home.models import HomePage
    from newsletter.factories import (
        NewsletterIndexPageFactory,
        NewsletterIssuePageFactory,
        weekly,
    )
    from newsletter.models import Subscriber, Subscription

    newsletter = weekly()
    now = timezone.now()
    for start in range(0, count, SEED_CHUNK):
        numbers = range(start, min(start + SEED_CHUNK, count))
        subscribers = Subscriber.objects.bulk_create(
            [Subscriber(email=address(n)) for n in numbers]
        )
        Subscription.objects.bulk_create(
            [
                Subscription(
                    subscriber=subscriber,
                    newsletter=newsletter,
                    status=Subscription.Status.ACTIVE,
                    requested_at=now,
                    confirmed_at=now,
                )
                for subscriber in subscribers
            ]
        )
    home = HomePage.objects.first()
    archive = NewsletterIndexPageFactory(parent=home)
    return NewsletterIssuePageFactory(parent=archive, newsletter=newsletter)


# --- The send -----------------------------------------------------------------------


def _statuses(issue) -> Counter:
    from newsletter.services import sending

    return Counter({k: v for k, v in sending.progress(issue).items() if v})


def _wait(what: str, done, run: Run, esp, deadline: float) -> None:
    while not done():
        esp.forget_bodies()
        if time.monotonic() > deadline:
            run.failures.append(f"timed out waiting for {what}")
            raise TimeoutError(what)
        time.sleep(POLL)


def send(run: Run, issue, env: dict[str, str], var_dir: Path, esp) -> None:
    from newsletter.models import Delivery, IssueDispatch
    from newsletter.services import sending
    from newsletter.tasks import newsletter_minute

    open_statuses = ["queued", "sending", "handed"]
    deadline = time.monotonic() + TIMEOUT
    with task_workers(
        env, log=var_dir / "workers.log", count=WORKERS, name="newsletter"
    ) as workers:
        began = time.perf_counter()
        sending.send_issue(issue, by="bench")  # its batches queued after commit
        run.recipients = IssueDispatch.objects.get(issue=issue).recipients
        run.seconds["start (rows written, batches queued)"] = (
            time.perf_counter() - began
        )
        half = run.recipients // 2

        def sent() -> int:
            return Delivery.objects.filter(issue=issue, status="sent").count()

        def halfway() -> bool:
            """Half sent, and the victim in the middle of a batch (or, failing
            that, three quarters sent)."""
            done = sent()
            handing = Delivery.objects.filter(
                issue=issue, status="handed", claimed_by__contains=f":{victim.pid}:"
            ).exists()
            return (done >= half and handing) or done >= run.recipients * 3 // 4

        victim = workers[0]
        _wait("half the readers sent", halfway, run, esp, deadline)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        killed = time.perf_counter()
        run.sent_at_kill = sent()
        run.seconds["to the kill"] = killed - began
        dead = f":{victim.pid}:"

        def only_the_dead_left() -> bool:
            open_rows = Delivery.objects.filter(issue=issue, status__in=open_statuses)
            return not open_rows.exclude(claimed_by__contains=dead).exists()

        _wait("the other worker's batches", only_the_dead_left, run, esp, deadline)
        run.seconds["the other worker's batches"] = time.perf_counter() - killed
        # The minute job, as the scheduler queues it, once the claims are stale.
        stale = CLAIM_SECONDS + 1 - (time.perf_counter() - killed)
        if stale > 0:
            time.sleep(stale)
        swept = time.perf_counter()
        job = newsletter_minute.enqueue()

        def finished() -> bool:
            job.refresh()
            if job.status == "FAILED":
                run.failures.append(f"the minute job failed: {job.errors}")
                raise TimeoutError("the minute job failed")
            sent = IssueDispatch.objects.filter(issue=issue, state="sent").exists()
            return job.is_finished and sent

        _wait("the sweep and the send's end", finished, run, esp, deadline)
        run.sweep = str(job.return_value)
        run.seconds["sweep to the end"] = time.perf_counter() - swept
        run.seconds["whole send"] = time.perf_counter() - began
    run.statuses = _statuses(issue)


def count(run: Run, issue, esp) -> None:
    from newsletter.models import Delivery

    received = esp.received()
    run.calls = Counter(esp.calls)
    expected = {address(n) for n in range(RECIPIENTS)}
    unknown = set(
        Delivery.objects.filter(issue=issue, status="unknown").values_list(
            "address", flat=True
        )
    )
    run.doubles = sorted(a for a, n in received.items() if n > 1)
    run.missed = sorted(a for a in expected if a not in received and a not in unknown)
    run.strangers = sorted(a for a in received if a not in expected)
    run.unknown_received = len(unknown & set(received))
    if run.doubles:
        run.failures.append(f"{len(run.doubles)} readers sent the issue twice")
    if run.missed:
        run.failures.append(f"{len(run.missed)} readers missed")
    if run.strangers:
        run.failures.append(f"{len(run.strangers)} messages to unknown addresses")
    if run.statuses.keys() - {"sent", "unknown"}:
        run.failures.append(f"rows left in {dict(run.statuses)}")


# --- Report -------------------------------------------------------------------------


def report(run: Run, info: dict[str, str], stages: Stages) -> str:
    whole = run.seconds.get("whole send", 0.0)
    unknown = run.statuses.get("unknown", 0)
    sent = run.statuses.get("sent", 0)
    rows = "\n".join(f"| {name} | {value} |" for name, value in info.items())
    steps = "\n".join(
        f"| {name} | {seconds:.1f} s |" for name, seconds in run.seconds.items()
    )
    calls = ", ".join(f"`POST {path}` × {n:,}" for path, n in sorted(run.calls.items()))
    verdict = "passed" if not run.failures else "FAILED: " + "; ".join(run.failures)
    overhead = ", ".join(f"{name} {s:.0f} s" for name, s in stages.seconds.items())
    body = reflow(
        f"""## Newsletter sending

`make bench-newsletter` (`tests/bench/newsletter.py`): one issue to
{run.recipients:,} confirmed subscribers on PostgreSQL, with production settings,
through Anymail's Postmark backend to a Postmark-shaped server on 127.0.0.1,
{WORKERS} task workers on the `newsletter` queue, one of them killed with SIGKILL
once half the readers were sent, then the minute job. Result: **{verdict}**.

| machine | |
| --- | --- |
{rows}

| load | |
| --- | --- |
| recipients | {run.recipients:,} (bulk-created, all confirmed) |
| batches | {BATCH_SIZE} readers each, one task per batch |
| send rate setting | 1,000,000 a second: the machine is the limit, not the throttle |
| workers | {WORKERS} × `db_worker --queue-name newsletter`; one killed at {run.sent_at_kill:,} sent |
| claim age for the sweep | {CLAIM_SECONDS} s (`NEWSLETTER_CLAIM_SECONDS`; 600 in production) |
| provider calls received | {calls} |

| step | time |
| --- | --- |
{steps}

| outcome | count |
| --- | --- |
| recipients per second, whole send (kill, stale wait and sweep included) | {run.recipients / whole if whole else 0:,.0f} |
| recipients per second before the kill ({WORKERS} workers) | {run.sent_at_kill / run.seconds.get("to the kill", 1):,.0f} |
| sent (Delivery rows) | {sent:,} |
| readers sent twice | {len(run.doubles)} |
| readers missed (neither received nor `unknown`) | {len(run.missed)} |
| `unknown` rows (handed by the killed worker, not sent again) | {unknown:,} |
| of those, received by the provider before the kill | {run.unknown_received:,} |
| minute job | `{run.sweep}` |

- Postmark cannot merge a per-reader link into an inline body, so
  `newsletter.services.providers` sends a batch as one message per reader on one
  connection: each is a `POST /email`. The stand-in answers `POST /email/batch`
  too, in Postmark's shape (a list of `ErrorCode`, `Message`, `MessageID`,
  `SubmittedAt`, `To`), for providers and versions that batch.
- What bounds the rate: each reader costs one HTTP call and one committed
  `UPDATE` of its row (the answer is written back at once, so that a crash
  leaves as few `unknown` rows as possible), on two cores shared with
  PostgreSQL, the provider's stand-in and this script. Run alone
  (pyinstrument, 100 readers) the commit is about half of a reader's time and
  the Postmark call most of the rest.
- The `unknown` rows are the documented trade-off (`newsletter.services.sending`):
  the rows of the batch the killed worker had handed to the provider and not yet
  written back. Some of them the provider did receive; the others miss this issue.
  None is ever sent twice. With the production claim age the sweep would pick the
  rest up ten minutes after the crash instead of {CLAIM_SECONDS} seconds.
- Around the run: {overhead}.
"""
    )
    return f"{START_MARK}\n{body}\n{END_MARK}\n"


def main() -> int:
    stages = Stages()
    var_dir = Path(tempfile.mkdtemp(prefix="versus-bench-newsletter-"))
    (var_dir / "static").mkdir()
    run = Run()
    with FakePostmarkBatch() as esp:
        env = environment(str(var_dir), esp_url=esp.url)
        os.environ.update(env)
        import django

        django.setup()
        import redis
        from django.core.management import call_command
        from django.db import connection

        redis.Redis.from_url(REDIS_URL).flushdb()
        recreate_database(DATABASE_URL)
        call_command("migrate", verbosity=0, interactive=False)
        stages.done("database migrated")
        issue = seed(RECIPIENTS)
        stages.done(f"{RECIPIENTS:,} subscribers seeded")
        try:
            send(run, issue, env, var_dir, esp)
        except TimeoutError:
            run.statuses = _statuses(issue)
        stages.done("issue sent")
        count(run, issue, esp)
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            postgres_version = cursor.fetchone()[0]
        redis_version = redis.Redis.from_url(REDIS_URL).info("server")["redis_version"]
    info = machine(postgres_version=postgres_version, redis_version=redis_version)
    write_section(REPORT, report(run, info, stages), START_MARK, END_MARK)
    print(
        f"  {run.recipients:,} recipients in {run.seconds.get('whole send', 0):.1f} s, "
        f"{len(run.doubles)} doubles, {len(run.missed)} missed, "
        f"{run.statuses.get('unknown', 0)} unknown",
        flush=True,
    )
    if run.failures:
        print("FAILED: " + "; ".join(run.failures), file=sys.stderr)
        print(f"logs: {var_dir}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
