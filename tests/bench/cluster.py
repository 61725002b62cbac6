"""Several app servers: the production topology on one machine, and what must be
shared between the servers, checked under load through the front.

Run by ``make cluster`` (and ``make bench``); never collected by pytest.

1. A PostgreSQL database of its own (``BENCH_CLUSTER_DATABASE_URL``) is dropped,
   created and migrated; its Redis database (``BENCH_CLUSTER_REDIS_URL``) is
   emptied; the static files are collected; debates, polls, a conference and
   readers are seeded (``tests.bench.seed_cluster``).
2. Production settings. Two gunicorn servers on two ports, nginx in front
   (round-robin, ``X-Forwarded-For``/``X-Forwarded-Proto``, ``/static/`` from
   STATIC_ROOT; ``harness.nginx_config``) and one task worker. The clients stand
   for the TLS-terminating load balancer; each connects from its own loopback
   address when it plays another reader, and nginx's ``X-Served-By`` header
   (``$upstream_addr``) tells which server answered.
3. Through nginx: a session opened on one server works on the other; the login
   limits count failures over both servers and by the reader's address, not
   nginx's; a metered reader's free premium reads are counted once; ballots and
   seat holds from many clients at once are neither lost, doubled nor oversold;
   once a debate is published again, no anonymous reader is served the old page.
4. The « Several app servers » section of ``docs/benchmarks.md`` is rewritten;
   the exit status is 1 on any mismatch.
"""

import datetime
import os
import random
import subprocess
import sys
import tempfile
import urllib.parse
from contextlib import ExitStack
from pathlib import Path

from tests.bench.cluster_checks import (
    Front,
    ballots,
    login_limits,
    meter,
    purge,
    seat_rush,
    sessions,
    static_file,
    tasks_done,
)
from tests.bench.cluster_report import END_MARK, START_MARK, report
from tests.bench.fake_esp import TOKEN, FakePostmark
from tests.bench.harness import (
    BASE_DIR,
    cores_busy,
    gunicorn_server,
    machine,
    nginx,
    recreate_database,
    task_workers,
    write_section,
)
from tests.bench.polls import REPORT, Stages
from tests.stripe_fake.server import SECRET_KEY as STRIPE_KEY
from tests.stripe_fake.server import StripeServer
from tests.stripe_fake.world import World

DATABASE_URL = os.environ.get(
    "BENCH_CLUSTER_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/versus_bench_cluster",
)
REDIS_URL = os.environ.get("BENCH_CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/7")
SERVERS = 2
WORKERS = 2  # per server
VOTERS = int(os.environ.get("CLUSTER_VOTERS", "600"))
CAPACITY = int(os.environ.get("CLUSTER_SEATS", "150"))
CLIENTS = int(os.environ.get("CLUSTER_CLIENTS", "32"))
SEED = 20261203


def environment(var_dir: str, *, stripe_url: str, esp_url: str) -> dict[str, str]:
    """Production settings, as the webhook storm runs them, for the servers, the
    worker and this process. nginx is the one proxy that appends to
    X-Forwarded-For (TRUSTED_PROXY_COUNT=1, production's default). Every client
    of the ballots and the seat rush connects from 127.0.0.1, so those two
    per-address limits are lifted; the login limits stay as in production."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": "cluster-" + "k" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "EMAIL_ESP": "postmark",
        "EMAIL_ESP_API_KEY": TOKEN,
        "EMAIL_ESP_API_URL": esp_url,
        "STRIPE_SECRET_KEY": STRIPE_KEY,
        "STRIPE_WEBHOOK_SECRET": "whsec_cluster",
        "STRIPE_API_BASE": stripe_url,
        "TASKS_BACKEND": "database",
        "TRUSTED_PROXY_COUNT": "1",
        "BALLOTS_PER_IP_PER_10_MIN": "100000000",
        "SEAT_ORDERS_PER_IP_PER_10_MIN": "100000000",
        "LOG_LEVEL": "WARNING",
        "VERSUS_VAR_DIR": var_dir,
    }


def publisher(env: dict[str, str], log: Path):
    """Publishes a debate again from another process, as an editor's save in the
    admin would from whichever server: returns the new headline."""

    def publish(pk: int) -> str:
        headline = f"Oui, version corrigée à {datetime.datetime.now():%H:%M:%S.%f}"
        code = (
            "from debates.models import DebatePage\n"
            f"page = DebatePage.objects.get(pk={pk})\n"
            f"page.pour_headline = {headline!r}\n"
            "page.save_revision().publish()\n"
        )
        with log.open("ab") as errors:
            subprocess.run(  # noqa: S603 (constant command, our own code)
                [sys.executable, "manage.py", "shell", "-c", code],
                cwd=BASE_DIR,
                env={**os.environ, **env},
                stdout=errors,
                stderr=errors,
                check=True,
            )
        return headline

    return publish


def main() -> int:
    rng = random.Random(SEED)  # noqa: S311 (the same load on every run; no secret)
    var_dir = Path(tempfile.mkdtemp(prefix="versus-bench-cluster-"))
    stages = Stages()
    print(
        f"Several app servers: {SERVERS} × gunicorn ({WORKERS} workers), nginx, "
        f"1 task worker; {CLIENTS} clients",
        flush=True,
    )
    with ExitStack() as stack:
        world = World()
        stripe = stack.enter_context(StripeServer(world))
        esp = stack.enter_context(FakePostmark(seed=SEED))
        env = environment(str(var_dir), stripe_url=stripe.url, esp_url=esp.url)
        os.environ.update(env)
        database = recreate_database(DATABASE_URL)
        import django

        django.setup()
        import redis
        from django.core.management import call_command
        from django.db import connection

        redis.Redis.from_url(REDIS_URL).flushdb()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
        stages.done(f"database {database} migrated, static files collected")
        from tests.bench.seed_cluster import seed

        site = seed(voters=VOTERS, capacity=CAPACITY, rng=rng)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
            cursor.execute("SHOW server_version")
            postgres_version = cursor.fetchone()[0]
        connection.close()
        stages.done(f"seeded: {VOTERS} voters, {CAPACITY} seats")

        busy = cores_busy(2.0)
        stages.done(f"machine's other load sampled: {busy:.0%} of the cores busy")
        log = var_dir / "servers.log"
        stack.enter_context(task_workers(env, log=log, count=1, name="cluster"))
        servers = [
            stack.enter_context(
                gunicorn_server(env, workers=WORKERS, log=var_dir / f"gunicorn-{n}.log")
            )
            for n in range(SERVERS)
        ]
        port = stack.enter_context(
            nginx(
                upstreams=[server.port for server in servers],
                static_root=var_dir / "static",
                prefix=var_dir / "nginx",
            )
        )
        stages.done("servers, nginx and the task worker started")
        names = {
            f"127.0.0.1:{s.port}": f"server {n + 1}" for n, s in enumerate(servers)
        }
        front = Front(port, names)
        from django.conf import settings
        from django.contrib.staticfiles.storage import staticfiles_storage

        static_path = urllib.parse.urlsplit(
            staticfiles_storage.url("css/site.css")
        ).path
        checks = [static_file(front, static_path, clients=CLIENTS)]
        stages.done("static file")
        checks.append(sessions(front, site, settings))
        checks.extend(login_limits(front, site, settings))
        stages.done("sessions and login limits")
        checks.append(meter(front, site, clients=8))
        stages.done("paywall meter")
        checks.append(ballots(front, site, rng, clients=CLIENTS))
        stages.done("ballots")
        checks.append(seat_rush(front, site, rng, clients=CLIENTS, stripe=world))
        stages.done("seat rush")
        checks.append(
            purge(front, site, publisher(env, log), clients=8, cache_module=_cache())
        )
        stages.done("publication and stale pages")
        checks.append(tasks_done())
        stages.done("task queue drained")
        redis_version = redis.Redis.from_url(REDIS_URL).info("server")["redis_version"]
    info = machine(postgres_version=postgres_version, redis_version=redis_version)
    section = report(
        checks,
        info,
        stages,
        topology={
            "servers": SERVERS,
            "workers": WORKERS,
            "clients": CLIENTS,
            "voters": VOTERS,
            "capacity": CAPACITY,
            "busy": busy,
        },
    )
    write_section(REPORT, section, START_MARK, END_MARK)
    failed = [check for check in checks if not check.ok]
    for check in checks:
        print(f"  {'ok' if check.ok else 'FAILED'}: {check.name}: {check.found}")
    if failed:
        print(f"FAILED: {', '.join(c.name for c in failed)}; logs: {var_dir}")
        return 1
    return 0


def _cache() -> bool:
    """Whether the full-page cache exists in this tree."""
    return (BASE_DIR / "core" / "pagecache.py").exists()


if __name__ == "__main__":
    sys.exit(main())
