"""The « Several app servers » section of ``docs/benchmarks.md``."""

import datetime

from tests.bench.polls import ms, reflow

START_MARK = "<!-- cluster:start -->"
END_MARK = "<!-- cluster:end -->"


def report(checks, info: dict[str, str], stages, *, topology: dict) -> str:
    servers, workers = topology["servers"], topology["workers"]
    names = [f"server {n + 1}" for n in range(servers)]
    integrity = "\n".join(
        f"| {c.name} | {c.load} | {c.requests:,} | "
        + " | ".join(f"{c.served.get(name, 0):,}" for name in names)
        + f" | {c.expected} | {c.found} | {'passed' if c.ok else '**FAILED**'} |"
        for c in checks
    )
    speed = "\n".join(
        f"| {c.name} | {c.summary.requests:,} | {c.summary.per_second:,.0f} "
        f"| {ms(c.summary.p50)} | {ms(c.summary.p99)} | {c.summary.machine_busy:.0%} |"
        for c in checks
        if c.summary is not None
    )
    failed = [c.name for c in checks if not c.ok]
    verdict = "passed" if not failed else "FAILED: " + "; ".join(failed)
    machine_rows = "\n".join(f"| {key} | {value} |" for key, value in info.items())
    stage_rows = "\n".join(
        f"| {name} | {s:.1f} s |" for name, s in stages.seconds.items()
    )
    date = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    section = reflow(f"""## Several app servers

Run of {date}: **{verdict}**.

The production topology on one machine, with production settings
(`DJANGO_ENV=production`) on one PostgreSQL database and one Redis database:

| process | how many | what it does |
| --- | ---: | --- |
| nginx | 1 (1 worker) | round-robin over the app servers; `/static/` from STATIC_ROOT; sets `X-Forwarded-For` and `X-Forwarded-Proto` |
| gunicorn | {servers} × {workers} sync workers | the site, `config/gunicorn_conf.py`, each on its own port |
| `manage.py db_worker` | 1 | the task queue (emails, index updates) |

The clients stand for the TLS-terminating load balancer in front of nginx (they
say `X-Forwarded-Proto: https`); the ones that play another reader connect from
another loopback address (127.0.0.2 to 127.0.0.5), which nginx appends to
`X-Forwarded-For` (`TRUSTED_PROXY_COUNT=1`). nginx names the server behind each
answer (`X-Served-By: $upstream_addr`), so every check below knows which server
told the client what. Checkout sessions for seat holds come from the offline
Stripe of the tests (whole objects of the pinned API version) served on this
machine; email goes to a Postmark-shaped server.

What must be shared across servers, under load through nginx:

| check | load | requests | {" | ".join(f"answered by {n}" for n in names)} | expected | found | result |
| --- | --- | ---: | {" | ".join("---:" for _ in names)} | --- | --- | --- |
{integrity}

Why each holds: sessions live in the database behind Redis
(`cached_db`), so either server reads the other's; allauth's login limits and
our rate limits are counted in Redis, by the address `core.client` reads from
`X-Forwarded-For`; the paywall meter is a row per (reader, debate, month) under
a unique constraint; ballots and seat stock are counted in PostgreSQL in the
request's transaction. A process-local cache anywhere on these paths would show
here as a page served by the server that did not see the change.

Speed of the loads, for scale only: the clients run on the same cores, and
before the servers started {topology["busy"]:.0%} of the machine's cores were
already busy with other work{" (the figures are disturbed)" if topology["busy"] > 0.15 else ""}:

| load | requests | requests/s | p50 | p99 | cores busy |
| --- | ---: | ---: | ---: | ---: | ---: |
{speed}

### Machine

| | |
| --- | --- |
{machine_rows}

### Time taken by each stage

| stage | time |
| --- | ---: |
{stage_rows}

### Run it again

`make cluster` (or `python -m tests.bench.cluster`) runs this part alone and
rewrites only this section; it needs Debian's nginx (`apt-get install nginx`,
or `BENCH_NGINX` naming the binary). It uses its own database,
`BENCH_CLUSTER_DATABASE_URL` (default
`postgres://postgres@127.0.0.1:5432/versus_bench_cluster`, dropped and created
again on each run; its name must contain "bench"), and
`BENCH_CLUSTER_REDIS_URL` (default `redis://127.0.0.1:6379/7`), emptied on each
run. `CLUSTER_VOTERS`, `CLUSTER_SEATS` and `CLUSTER_CLIENTS` change the size.
""")
    return f"{START_MARK}\n{section}{END_MARK}\n"
