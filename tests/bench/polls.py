"""The poll benchmark: readers' ballots over HTTP, against gunicorn on PostgreSQL.

Run by ``make bench`` (``python -m tests.bench.polls``); never collected by pytest.

1. A PostgreSQL database of its own (``BENCH_DATABASE_URL``) is dropped, created
   and migrated; the benchmark's Redis database (``BENCH_REDIS_URL``) is emptied.
2. 100,000 readers with a verified address and 20 open polls are seeded: readers
   in bulk (the factories would take minutes for that many), polls through the
   factories, which also prepare their counters.
3. The readers who vote get a session and a CSRF cookie written directly, as if
   they had logged in: the benchmark measures voting, not the login form.
4. gunicorn serves the site with 2 workers. After a warm-up, 64 clients send the
   ballots in rounds, and fetch a static file (the reference) before, between
   and after them: the reference is measured in the same run, on the same
   server, with the same clients.
5. The database is checked against what the server accepted: every accepted
   ballot is stored once, with the reader's last choice; the counters equal the
   rows. The queries of a first ballot, a repeat and a change, and of the poll
   page before and after the ballots, are counted; the CPU of the workers and of
   their PostgreSQL backends is read around each phase; a few hundred ballots
   are then sent in this process to see where one ballot's time goes
   (``poll_costs``).
6. Its section of ``docs/benchmarks.md`` is replaced, the others kept. The exit
   status is 1 if a ballot was lost or doubled, a counter is off, the server
   answered an error or refused a valid ballot, or the poll page's queries grew
   with the ballots.

Speed is only reported, never asserted: it depends on the machine.
"""

import datetime
import itertools
import os
import random
import shutil
import string
import sys
import tempfile
import textwrap
import time
import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import redis

from tests.bench.harness import (
    BASE_DIR,
    Exchange,
    Phase,
    Request,
    Summary,
    cores_busy,
    fire,
    gunicorn_server,
    machine,
    recreate_database,
    write_section,
)
from tests.bench.poll_costs import CpuMeter, Profile, profile_ballots

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/versus_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")
REPORT = Path(os.environ.get("BENCH_REPORT", BASE_DIR / "docs" / "benchmarks.md"))

READERS = int(os.environ.get("BENCH_READERS", "100000"))
VOTERS = int(os.environ.get("BENCH_VOTERS", "3000"))  # readers who vote in the run
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "64"))
WORKERS = 2
POLLS = 20
APPROVAL_POLLS = 5  # the others are single-choice
APPROVAL_K = 2
POLLS_PER_VOTER = (1, 3)
# Shares of (reader, poll) pairs whose first ballot is followed by the same ballot
# again, or by a change of mind; and of pairs whose first ballot is sent twice at
# the same moment, as a double click on a slow connection would.
REPEAT_SHARE = 0.10
CHANGE_SHARE = 0.15
RACE_SHARE = 0.03
WARM_UP_VOTERS = 40
STATIC_PATH = "/static/css/site.css"
STATIC_PER_PHASE = 4000
ROUNDS = 3
# Beyond these, the report says the figures are disturbed: cores busy with other
# work; the clients' CPU (in cores) while fetching the reference.
DISTURBED = 0.15
CLIENT_BOUND = 0.5
CPU_BOUND = 0.85  # cores busy during the ballots beyond which they are bound by CPU
SEED = 20251127
PROFILED_BALLOTS = 600  # sent in this process after the load, to see where time goes
PROFILE_WARM_UP = 20
START_MARK = "<!-- polls:start -->"
END_MARK = "<!-- polls:end -->"
LEGACY_HEADING = "## Poll ballots over HTTP"


@dataclass(frozen=True)
class Poll:
    pk: int
    url: str
    options: tuple[int, ...]
    choices_allowed: int


@dataclass(frozen=True)
class Voter:
    pk: int
    cookie: str
    csrf_token: str


@dataclass(frozen=True)
class Ballot:
    """What a ballot request carries, to check the database against it."""

    kind: str  # first, repeat, change or race
    voter: int
    poll: int
    choices: frozenset[int]


@dataclass
class Stages:
    seconds: dict[str, float] = field(default_factory=dict)
    _last: float = field(default_factory=time.perf_counter)

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = now - self._last
        self._last = now
        print(f"  {name}: {self.seconds[name]:.1f} s", flush=True)


def server_environment(var_dir: str) -> dict[str, str]:
    """Settings for gunicorn's workers and for this process alike.

    Development mode with DEBUG off: production mode would also want an email
    provider, HTTPS and collectstatic, which change nothing on this path
    (WhiteNoise serves the same file, found at start-up). Every client comes
    from 127.0.0.1, so the per-address ballot limit is lifted; the per-reader
    one stays."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_ENV": "development",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "ALLOWED_HOSTS": "127.0.0.1",
        "BALLOTS_PER_IP_PER_10_MIN": "100000000",
        "LOG_LEVEL": "WARNING",
        "VERSUS_VAR_DIR": var_dir,
    }


# --- Data ---------------------------------------------------------------------------


def seed_readers(count: int) -> list[int]:
    """Readers with a verified address, in bulk. Their password is unusable (they
    never log in with one here), which also spares 100,000 password hashes."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    user_model = get_user_model()
    password = make_password(None)
    readers = [
        user_model(email=f"lecteur{n}@bench.example.org", password=password)
        for n in range(count)
    ]
    user_model.objects.bulk_create(readers, batch_size=5000)
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=r.pk, email=r.email, verified=True, primary=True)
            for r in readers
        ],
        batch_size=5000,
    )
    return [reader.pk for reader in readers]


def seed_polls(rng: random.Random) -> list[Poll]:
    from debates.factories import PollIndexPageFactory, TopicPollPageFactory
    from debates.polls.models import TopicPollPage
    from home.models import HomePage

    index = PollIndexPageFactory(parent=HomePage.objects.get())
    polls = []
    for n in range(POLLS):
        rule = {}
        if n < APPROVAL_POLLS:
            rule = {"rule": TopicPollPage.Rule.APPROVAL, "max_choices": APPROVAL_K}
        page = TopicPollPageFactory(
            parent=index,
            title=f"Sondage n° {n + 1}",
            options=[
                f"Faut-il mettre en débat la question {n + 1}.{m + 1} ?"
                for m in range(rng.randint(3, 6))
            ],
            **rule,
        )
        polls.append(
            Poll(
                pk=page.pk,
                url=page.url,
                options=tuple(page.options.order_by("pk").values_list("pk", flat=True)),
                choices_allowed=page.choices_allowed,
            )
        )
    return polls


def open_sessions(reader_ids: list[int]) -> list[Voter]:
    """Logged-in sessions written straight into the session store, with the keys
    Django's ``login()`` would set, and a CSRF cookie each: the token sent with a
    form may be the cookie's secret itself
    (https://docs.djangoproject.com/en/stable/ref/csrf/)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    expires = timezone.now() + datetime.timedelta(days=1)
    rows, voters = [], []
    for user in get_user_model().objects.filter(pk__in=reader_ids).order_by("pk"):
        session_key = get_random_string(32, string.ascii_lowercase + string.digits)
        csrf_secret = get_random_string(32, string.ascii_letters + string.digits)
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        rows.append(
            Session(
                session_key=session_key,
                session_data=store.encode(data),
                expire_date=expires,
            )
        )
        voters.append(
            Voter(
                pk=user.pk,
                cookie=f"{settings.SESSION_COOKIE_NAME}={session_key}; "
                f"{settings.CSRF_COOKIE_NAME}={csrf_secret}",
                csrf_token=csrf_secret,
            )
        )
    Session.objects.bulk_create(rows, batch_size=5000)
    return voters


class Observer:
    """One reader, outside the load, who votes through the view in this process
    and reads the poll page: their queries are counted, not timed."""

    def __init__(self, reader_id: int):
        from django.contrib.auth import get_user_model
        from django.test import Client

        self.pk = reader_id
        self.client = Client(HTTP_HOST="127.0.0.1")
        self.client.force_login(get_user_model().objects.get(pk=reader_id))

    def _count(self, method: str, path: str, expected: int, **data) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = getattr(self.client, method)(path, data)
        if response.status_code != expected:
            raise SystemExit(f"{method} {path} answered {response.status_code}.")
        return len(queries)

    def vote(self, poll: Poll, choices: frozenset[int]) -> int:
        """Queries for one ballot, counted once the poll page has been seen."""
        self.page(poll)
        return self._count(
            "post", f"/avis/sondage/{poll.pk}/", 302, choices=sorted(choices)
        )

    def ballots(self, poll: Poll, first: frozenset, other: frozenset) -> dict:
        """Queries for a first ballot, the same again and a change of mind; the
        reader's ballot is ``first`` again afterwards."""
        counts = {
            "first": self.vote(poll, first),
            "repeat": self.vote(poll, first),
            "change": self.vote(poll, other),
        }
        self.vote(poll, first)
        return counts

    def page(self, poll: Poll) -> int:
        """Queries for the poll page, which shows the results once one has voted."""
        self._count("get", poll.url, 200)
        return self._count("get", poll.url, 200)


# --- Load ---------------------------------------------------------------------------


def pick(poll: Poll, rng: random.Random, *, unlike: frozenset = frozenset()):
    while True:
        count = rng.randint(1, poll.choices_allowed)
        choices = frozenset(rng.sample(poll.options, count))
        if choices != unlike:
            return choices


def ballot_request(port: int, poll: Poll, voter: Voter, ballot: Ballot) -> Request:
    """The poll page's form, posted without JavaScript, as a browser would."""
    body = urllib.parse.urlencode(
        [("csrfmiddlewaretoken", voter.csrf_token)]
        + [("choices", pk) for pk in sorted(ballot.choices)]
    )
    return Request(
        "POST",
        f"/avis/sondage/{poll.pk}/",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": voter.cookie,
            "Origin": f"http://127.0.0.1:{port}",
        },
        body=body.encode(),
        tag=ballot,
    )


def plan_ballots(
    port: int, polls: list[Poll], voters: list[Voter], rng: random.Random
) -> list[list[Request]]:
    """One task per (reader, poll): the first ballot, then maybe the same again or
    a change of mind, sent in order by one client. A race is the same first
    ballot as two tasks side by side in the queue, so two clients send it at
    once."""
    tasks, races = [], []
    for voter in voters:
        for poll in rng.sample(polls, rng.randint(*POLLS_PER_VOTER)):

            def send(kind, choices, poll=poll, voter=voter):
                ballot = Ballot(kind, voter.pk, poll.pk, choices)
                return ballot_request(port, poll, voter, ballot)

            first = pick(poll, rng)
            roll = rng.random()
            if roll < RACE_SHARE:
                races.append([send("race", first)])
                continue
            task = [send("first", first)]
            if roll < RACE_SHARE + REPEAT_SHARE:
                task.append(send("repeat", first))
            elif roll < RACE_SHARE + REPEAT_SHARE + CHANGE_SHARE:
                task.append(send("change", pick(poll, rng, unlike=first)))
            tasks.append(task)
    rng.shuffle(tasks)
    slots = defaultdict(list)
    for race in races:
        slots[rng.randrange(len(tasks) + 1)].append(race)
    queued = []
    for at in range(len(tasks) + 1):
        for race in slots[at]:
            queued += [race, race]
        queued += tasks[at : at + 1]
    return queued


def static_tasks(count: int) -> list[list[Request]]:
    return [[Request("GET", STATIC_PATH)] for _ in range(count)]


def in_rounds(tasks: list[list[Request]], rounds: int) -> list[list[list[Request]]]:
    """Split the tasks in equal rounds, never between the two halves of a race."""
    bounds = [0]
    for n in range(1, rounds):
        at = max(bounds[-1], n * len(tasks) // rounds)
        if 0 < at < len(tasks) and tasks[at] is tasks[at - 1]:
            at += 1
        bounds.append(at)
    bounds.append(len(tasks))
    return [tasks[a:b] for a, b in itertools.pairwise(bounds)]


def overlapping_races(phases: list[Phase]) -> int:
    """How many of the doubled first ballots were both in flight at once."""
    pairs = defaultdict(list)
    for phase in phases:
        for e in phase.exchanges:
            if isinstance(e.request.tag, Ballot) and e.request.tag.kind == "race":
                pairs[e.request.tag.poll, e.request.tag.voter].append(e)
    return sum(
        1
        for pair in pairs.values()
        if max(e.started for e in pair) < min(e.started + e.seconds for e in pair)
    )


def accepted(exchange: Exchange) -> bool:
    """The view's answer to a recorded ballot: back to the poll's box. (A redirect
    to the login page would be a 302 too.)"""
    return exchange.status == 302 and exchange.location.endswith("#poll")


# --- Checks -------------------------------------------------------------------------


@dataclass
class Integrity:
    accepted_ballots: int  # distinct (reader, poll) with an accepted submission
    stored_ballots: int
    missing: int  # accepted, not stored
    wrong_choices: int  # stored with other choices than the last accepted
    extra_rows: int  # a second ballot row for the same reader and poll
    unaccepted: int  # stored, though no submission was accepted
    poll_counter_drift: list[int]  # PollTally.ballots - rows, per poll
    option_counter_drift: list[int]  # OptionTally.votes - choices, per option

    @property
    def lost(self) -> int:
        return self.missing + self.wrong_choices

    @property
    def doubled(self) -> int:
        return self.extra_rows + self.unaccepted

    @property
    def counters_off(self) -> int:
        """Counters that disagree with the rows: the results page would show
        ballots lost or doubled even if the rows are right."""
        drifts = self.poll_counter_drift + self.option_counter_drift
        return sum(1 for drift in drifts if drift)


def check_database(phases: list[Phase], polls: list[Poll], also: dict) -> Integrity:
    """Compare the database with what the clients were told, in the order they
    were told it; ``also`` holds ballots cast outside the load."""
    from debates.polls.models import Ballot as BallotRow
    from debates.polls.models import BallotChoice, OptionTally, PollTally

    expected = dict(also)
    exchanges = [exchange for phase in phases for exchange in phase.exchanges]
    for exchange in sorted(exchanges, key=lambda e: e.started):
        ballot = exchange.request.tag
        if isinstance(ballot, Ballot) and accepted(exchange):
            expected[ballot.poll, ballot.voter] = ballot.choices

    rows = defaultdict(list)
    for pk, poll, voter in BallotRow.objects.values_list("pk", "poll_id", "voter_id"):
        rows[poll, voter].append(pk)
    ballots_in = Counter(poll for (poll, _voter), pks in rows.items() for _ in pks)
    chosen = defaultdict(set)
    votes = Counter()
    for ballot, option in BallotChoice.objects.values_list("ballot_id", "option_id"):
        chosen[ballot].add(option)
        votes[option] += 1
    poll_tallies = dict(PollTally.objects.values_list("poll_id", "ballots"))
    option_tallies = dict(OptionTally.objects.values_list("option_id", "votes"))

    missing = wrong = 0
    for key, choices in expected.items():
        stored = rows.get(key)
        if not stored:
            missing += 1
        elif frozenset(chosen[stored[0]]) != choices:
            wrong += 1
    return Integrity(
        accepted_ballots=len(expected),
        stored_ballots=sum(len(pks) for pks in rows.values()),
        missing=missing,
        wrong_choices=wrong,
        extra_rows=sum(len(pks) - 1 for pks in rows.values()),
        unaccepted=sum(len(pks) for key, pks in rows.items() if key not in expected),
        poll_counter_drift=[
            poll_tallies.get(poll.pk, 0) - ballots_in[poll.pk] for poll in polls
        ],
        option_counter_drift=[
            option_tallies.get(option, 0) - votes[option]
            for poll in polls
            for option in poll.options
        ],
    )


# --- Report -------------------------------------------------------------------------


@dataclass
class Run:
    date: str
    machine: dict[str, str]
    readers: int
    voters: int
    kinds: Counter  # ballot requests by kind, in the measured phase
    static: Summary
    ballots: Summary
    rounds: list[tuple[Summary, Summary]]  # (static either side, ballots)
    background: tuple[float, float]  # cores busy before and after, with other work
    races_overlapping: int
    integrity: Integrity
    ballot_queries: dict[str, int]  # first, repeat, change
    server_cpu: dict[str, float]  # ms per request: ballot workers/database, static
    profile: Profile
    page_queries_before: int
    page_queries_after: int
    ballots_in_poll: int
    stages: dict[str, float]
    failures: list[str]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def answers(summary: Summary) -> str:
    return ", ".join(
        f"{status or 'no answer'} × {count:,}"
        for status, count in sorted(summary.statuses.items())
    )


def gap(drifts: list[int]) -> str:
    return f"{sum(drifts)} (largest gap {max(map(abs, drifts), default=0)})"


def reflow(markdown: str, width: int = 88) -> str:
    """Wrap paragraphs and list items once the figures are in; tables, headings
    and code stay as they are."""
    blocks = []
    for block in markdown.strip().split("\n\n"):
        if block.startswith(("|", "#", "```")):
            blocks.append(block)
            continue
        items = block.split("\n- ") if block.startswith("- ") else [block]
        blocks.append(
            "\n".join(
                textwrap.fill(
                    " ".join(item.removeprefix("- ").split()),
                    width,
                    initial_indent="- " if block.startswith("- ") else "",
                    subsequent_indent="  " if block.startswith("- ") else "",
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                for item in items
            )
        )
    return "\n\n".join(blocks) + "\n"


def report(run: Run) -> str:
    static, ballots, integrity = run.static, run.ballots, run.integrity
    queries = run.ballot_queries
    static_size = (BASE_DIR / STATIC_PATH.lstrip("/")).stat().st_size
    verdict = "passed" if not run.failures else "FAILED: " + "; ".join(run.failures)
    results = "\n".join(
        f"| {label} | {s.requests:,} | {s.wall_seconds:.1f} s | {s.per_second:,.0f} "
        f"| {ms(s.p50)} | {ms(s.p99)} | {ms(s.slowest)} "
        f"| {s.client_cpu:.0%} | {s.machine_busy:.0%} |"
        for label, s in [
            (f"static file, `GET {STATIC_PATH}`", static),
            ("ballot, `POST /avis/sondage/<id>/`", ballots),
        ]
    )
    rounds = "\n".join(
        f"| {n} | {b.requests:,} | {b.per_second:,.0f} | {s.per_second:,.0f} "
        f"| {b.per_second / s.per_second:.1%} | {ms(b.p50)} | {ms(s.p50)} "
        f"| {b.p50 / s.p50:.1f} |"
        for n, (s, b) in enumerate(run.rounds, start=1)
    )
    machine_rows = "\n".join(f"| {k} | {v} |" for k, v in run.machine.items())
    client_bound = ""
    if static.client_cpu > CLIENT_BOUND:
        client_bound = (
            f" The clients used {static.client_cpu:.0%} of a core to fetch the"
            " static file, and Python threads share one core: the reference is"
            " partly held back by the clients, so the ratios to it flatter the"
            " ballots a little."
        )
    disturbed = ""
    if max(run.background) > DISTURBED:
        disturbed = (
            " **Other work shared the machine during this run: the figures are"
            " lower than the machine can do, and less steady.**"
        )
    stages = "\n".join(
        f"| {name} | {seconds:.1f} s |" for name, seconds in run.stages.items()
    )
    section = reflow(f"""## Poll ballots over HTTP

`tests/bench/polls.py`, run on {run.date}: **{verdict}**. The figures come from one
run on the machine described; they are measured, never asserted. The reference, a
static file served by the same server in the same run, is what makes them
comparable from one machine to another.

### Results

| | requests | wall time | per second | p50 | p99 | slowest | clients' CPU | cores busy |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{results}

- **{ballots.per_second:,.0f} ballots per second** (first ballots, repeats and
  changes alike): {ballots.per_second / static.per_second:.1%} of the static
  file's {static.per_second:,.0f} requests per second.
- Ballot latency: p50 {ms(ballots.p50)}, {ballots.p50 / static.p50:.1f} times the
  static file's; p99 {ms(ballots.p99)}, {ballots.p99 / static.p99:.1f} times the
  static file's. With {CLIENTS} clients and {WORKERS} sync workers, requests wait
  in gunicorn's queue: latency is mostly that wait, about the number of clients
  divided by the throughput.
- Answers to ballots: {answers(ballots)}; 302 is the redirect back to the poll
  once the ballot is recorded. Static file: {answers(static)}.
- **Lost ballots: {integrity.lost}. Doubled ballots: {integrity.doubled}.** Counters
  that disagree with the ballots: {integrity.counters_off}.
- A first ballot takes {queries["first"]} database queries, the same ballot sent
  again {queries["repeat"]}, a change of mind {queries["change"]} (BEGIN and
  COMMIT included). The poll page, for a reader who has voted, takes
  {run.page_queries_before} queries with 1 ballot in the poll and
  {run.page_queries_after} with {run.ballots_in_poll:,}.

"clients' CPU" is the CPU time the clients used, in cores' worth (100% is one
core). "cores busy" is the share of the machine's cores busy during the phase:
clients, server, database and Redis, and any other work on the machine, which
kept {run.background[0]:.0%} of the cores busy just before the load and
{run.background[1]:.0%} just after.{disturbed}{client_bound}

The ballots were sent in {ROUNDS} rounds, with the static file fetched before,
between and after them; each round against the static phases either side of it:

| round | ballots | ballots per second | static per second | ratio | ballot p50 | static p50 | p50 ratio |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{rounds}

### What bounds a ballot

{bounds(run)}

### Integrity

The database after the run, against what the server told the clients:

| check | count |
| --- | ---: |
| ballots accepted (distinct reader and poll) | {integrity.accepted_ballots:,} |
| ballots stored | {integrity.stored_ballots:,} |
| accepted but not stored | {integrity.missing} |
| stored with other choices than the last accepted | {integrity.wrong_choices} |
| a second ballot for the same reader and poll | {integrity.extra_rows} |
| stored without an accepted submission | {integrity.unaccepted} |
| **lost** (accepted, then missing or with other choices) | **{integrity.lost}** |
| **doubled** (a second ballot, or one never accepted) | **{integrity.doubled}** |
| poll counters minus ballots, over {len(integrity.poll_counter_drift)} polls | {gap(integrity.poll_counter_drift)} |
| option counters minus choices, over {len(integrity.option_counter_drift)} options | {gap(integrity.option_counter_drift)} |
| **counters that disagree with the ballots** | **{integrity.counters_off}** |

### Load

- {run.readers:,} readers with a verified email address; {POLLS} open polls,
  {POLLS - APPROVAL_POLLS} single-choice and {APPROVAL_POLLS} approval (up to
  {APPROVAL_K} choices), with 3 to 6 options each.
- {run.voters:,} of the readers vote, each in {POLLS_PER_VOTER[0]} to
  {POLLS_PER_VOTER[1]} polls: {run.kinds["first"]:,} first ballots,
  {run.kinds["repeat"]:,} identical ballots sent again, {run.kinds["change"]:,}
  changes of mind (sent by the same client after the first ballot), and
  {run.kinds["race"] // 2:,} first ballots sent twice at the same moment by two
  clients (both copies were in flight together for {run.races_overlapping:,} of
  them). Every ballot is valid; each reader holds a session written to the
  session store, as if logged in. A warm-up with {WARM_UP_VOTERS} other readers
  comes first; its ballots are checked, not timed.
- {CLIENTS} concurrent clients: threads of one process, one connection each. The
  sync workers close the connection after each answer, so every request, ballot
  or static, opens a new one.
- The reference: `GET {STATIC_PATH}` ({static_size:,} bytes, served by
  WhiteNoise), {STATIC_PER_PHASE:,} times by the same clients before, between and
  after the rounds of ballots ({static.requests:,} in all).
- gunicorn with {WORKERS} sync workers on 127.0.0.1, DEBUG off; sessions in Redis
  backed by PostgreSQL, rate limits in Redis (the per-address ballot limit is
  lifted: every client comes from 127.0.0.1).

### Machine

| | |
| --- | --- |
{machine_rows}

The clients, gunicorn, PostgreSQL and Redis share these cores.

### Time taken by each stage

| stage | time |
| --- | ---: |
{stages}

### Run it again

`make bench` needs PostgreSQL and Redis: `BENCH_DATABASE_URL` (default
`postgres://postgres@127.0.0.1:5432/versus_bench`, dropped and created again on
each run; its name must contain "bench") and `BENCH_REDIS_URL` (default
`redis://127.0.0.1:6379/2`, emptied on each run). `BENCH_READERS`,
`BENCH_VOTERS` and `BENCH_CLIENTS` change the load; `BENCH_REPORT` writes the
report elsewhere. Run it on an otherwise idle machine: other work weighs on the
ballots and the reference alike, but not exactly alike. `pyinstrument`, when
installed, adds where a ballot's time goes.
""")
    return f"{START_MARK}\n{section}{END_MARK}\n"


def bounds(run: Run) -> str:
    """The paragraphs and table that say what limits the ballots per second."""
    cpu, profile, ballots = run.server_cpu, run.profile, run.ballots
    workers_cores = cpu["ballot_workers"] * ballots.per_second / 1000
    database_cores = cpu["ballot_database"] * ballots.per_second / 1000
    other_ms = max(
        0.0,
        profile.per_ballot_ms
        - profile.cpu_per_ballot_ms
        - profile.database_per_ballot_ms,
    )
    if ballots.machine_busy >= CPU_BOUND:
        verdict = f"""The machine's cores were
{ballots.machine_busy:.0%} busy during the ballots: the ballots are bound by CPU,
mostly the Python workers'. More sync workers would share the same cores; what
raises the figure is less CPU per ballot, in the workers first."""
    else:
        verdict = f"""The machine's cores were only
{ballots.machine_busy:.0%} busy during the ballots: the {WORKERS} sync workers,
one request each at a time, spend part of each ballot waiting on PostgreSQL and
Redis; more workers would use the idle cores."""
    text = f"""Each ballot took {cpu["ballot_workers"]:.1f} ms of CPU in
gunicorn's workers and {cpu["ballot_database"]:.1f} ms in their PostgreSQL
backends, against {cpu["static_workers"]:.2f} ms in the workers for the static
file. At {ballots.per_second:,.0f} ballots per second the workers kept
{workers_cores:.2f} cores busy and PostgreSQL {database_cores:.2f}, on a machine of
{len(os.sched_getaffinity(0))} cores shared with the clients and Redis. {verdict}

Sent in this process ({profile.ballots} first ballots through Django's test
client, the same middleware, CSRF check, view, PostgreSQL and Redis, without
gunicorn; each reader's session is read from the database the first time, as in
the load), one ballot took {profile.per_ballot_ms:.1f} ms: {profile.cpu_per_ballot_ms:.1f} ms of
this process's CPU, and {profile.database_per_ballot_ms:.1f} ms inside its
{profile.queries / profile.ballots:.0f} statements to PostgreSQL (BEGIN and COMMIT
aside), which includes PostgreSQL's own work; the rest,
{other_ms:.1f} ms, is Redis and waiting for a core."""
    if profile.areas:
        rows = "\n".join(
            f"| {area} | {share:.0%} |" for area, share in profile.areas.items()
        )
        text += f"""

Where that time goes, sampled by pyinstrument over as many other first ballots
(each sample goes to the innermost
of these it was in):

| part | share of a ballot's time |
| --- | ---: |
{rows}"""
    return text


def time_breakdown(profile: Profile) -> str:
    """One line for the console: where a profiled ballot's time went."""
    if not profile.areas:
        return "Where a ballot's time goes: not sampled (pyinstrument is missing)."
    parts = ", ".join(
        f"{area} {share:.0%}" for area, share in profile.areas.items() if share >= 0.01
    )
    return f"Where a ballot's time goes (pyinstrument): {parts}."


def failures_of(
    integrity: Integrity, phases: list[Phase], page_queries: tuple[int, int]
) -> list[str]:
    failures = []
    if integrity.lost:
        failures.append(f"{integrity.lost} ballots lost")
    if integrity.doubled:
        failures.append(f"{integrity.doubled} ballots doubled")
    if integrity.counters_off:
        failures.append(f"{integrity.counters_off} counters off")
    every = [exchange for phase in phases for exchange in phase.exchanges]
    server_errors = sum(1 for e in every if e.status >= 500)
    if server_errors:
        failures.append(f"{server_errors} server errors")
    unanswered = sum(1 for e in every if e.status == 0)
    if unanswered:
        failures.append(f"{unanswered} requests without an answer")
    refused = sum(
        1 for e in every if isinstance(e.request.tag, Ballot) and not accepted(e)
    )
    if refused:
        failures.append(f"{refused} valid ballots not accepted")
    failed_gets = sum(
        1 for e in every if e.request.method == "GET" and e.status not in {0, 200}
    )
    if failed_gets:
        failures.append(f"{failed_gets} pages or files not served")
    before, after = page_queries
    if after != before:
        failures.append(f"the poll page's queries went from {before} to {after}")
    return failures


def per_request_cpu(ballots, ballot_cpu, statics, static_cpu) -> dict[str, float]:
    """Milliseconds of CPU per request, from the meter's reads after each phase."""
    ballot_count = sum(len(phase.exchanges) for phase in ballots)
    static_count = sum(len(phase.exchanges) for phase in statics)
    return {
        "ballot_workers": 1000 * sum(c["workers"] for c in ballot_cpu) / ballot_count,
        "ballot_database": 1000 * sum(c["database"] for c in ballot_cpu) / ballot_count,
        "static_workers": 1000 * sum(c["workers"] for c in static_cpu) / static_count,
    }


def profiled_sends(readers: list[int], used: list[int], polls: list[Poll]):
    """First ballots by readers who took no part in the load, each with a session
    of their own, for the profile: (cookies, CSRF token, path, choices)."""
    rng = random.Random(SEED + 1)  # noqa: S311 (the same ballots on every run)
    taken = set(used)
    fresh = rng.sample(
        [pk for pk in readers if pk not in taken], PROFILE_WARM_UP + PROFILED_BALLOTS
    )
    sends = []
    for voter in open_sessions(fresh):
        poll = rng.choice(polls)
        sends.append(
            (
                voter.cookie,
                voter.csrf_token,
                f"/avis/sondage/{poll.pk}/",
                sorted(pick(poll, rng)),
            )
        )
    return sends


def write_report(section: str) -> None:
    """This benchmark's section of the report, the others kept. A report written
    before the sections had markers gets them around its poll section first."""
    if REPORT.exists():
        text = REPORT.read_text(encoding="utf-8")
        if START_MARK not in text and LEGACY_HEADING in text:
            head, rest = text.split(LEGACY_HEADING, 1)
            cut = min(
                (at for at in (rest.find("\n<!-- "), rest.find("\n## ")) if at >= 0),
                default=len(rest),
            )
            head = head.replace(
                "Written by `make bench`, which replaces this file on every run.",
                "Written by `make bench`: each benchmark replaces its own section.",
            )
            text = f"{head}{START_MARK}\n{LEGACY_HEADING}{rest[:cut].rstrip()}\n"
            text += f"{END_MARK}\n{rest[cut:]}"
            REPORT.write_text(text, encoding="utf-8")
    write_section(REPORT, section, START_MARK, END_MARK)


# --- Run ----------------------------------------------------------------------------


def main() -> int:
    rng = random.Random(SEED)  # noqa: S311 (the same load on every run; no secret)
    var_dir = Path(tempfile.mkdtemp(prefix="versus-bench-"))
    (var_dir / "static").mkdir()  # STATIC_ROOT; WhiteNoise warns when it is missing
    env = server_environment(str(var_dir))
    os.environ.update(env)
    stages = Stages()
    print(f"Poll benchmark: {READERS:,} readers, {CLIENTS} clients", flush=True)

    database = recreate_database(DATABASE_URL)
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    from debates.polls.models import PollTally

    call_command("migrate", verbosity=0, interactive=False)
    cache.clear()
    stages.done(f"database {database} created and migrated")
    readers = seed_readers(READERS)
    stages.done(f"{READERS:,} readers seeded")
    polls = seed_polls(rng)
    stages.done(f"{POLLS} polls seeded")

    observer_id, *others = rng.sample(readers, 1 + WARM_UP_VOTERS + VOTERS)
    observer, observed = Observer(observer_id), polls[0]
    observer_choice = frozenset([observed.options[0]])
    ballot_queries = observer.ballots(
        observed, observer_choice, frozenset([observed.options[1]])
    )
    page_queries_before = observer.page(observed)
    voters = open_sessions(others)
    warm_up_voters, voters = voters[:WARM_UP_VOTERS], voters[WARM_UP_VOTERS:]
    stages.done(f"{len(others):,} sessions opened")
    # A site with 100,000 readers has been vacuumed and analysed: without this,
    # autovacuum wakes up on the fresh tables in the middle of the first round.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    stages.done("database vacuumed and analysed")
    connection.close()

    with gunicorn_server(env, workers=WORKERS, log=var_dir / "gunicorn.log") as server:
        port = server.port
        meter = CpuMeter(server.pid, database)
        stages.done(f"gunicorn started, {WORKERS} workers")
        warm_up = fire(
            port,
            static_tasks(200)
            + [[Request("GET", poll.url)] for poll in polls for _ in range(4)]
            + plan_ballots(port, polls, warm_up_voters, rng),
            clients=8,
        )
        stages.done("warm-up")
        busy_before = cores_busy(2.0)
        stages.done("machine's other load sampled")
        # Ballots and the reference take turns, so that other work on the machine
        # weighs on both alike; each round is compared with the static phases
        # either side of it.
        tasks = plan_ballots(port, polls, voters, rng)
        meter.read()
        statics = [fire(port, static_tasks(STATIC_PER_PHASE), clients=CLIENTS)]
        static_cpu, ballot_cpu = [meter.read()], []
        ballots = []
        for number, chunk in enumerate(in_rounds(tasks, ROUNDS), start=1):
            ballots.append(fire(port, chunk, clients=CLIENTS))
            ballot_cpu.append(meter.read())
            statics.append(fire(port, static_tasks(STATIC_PER_PHASE), clients=CLIENTS))
            static_cpu.append(meter.read())
            stages.done(f"round {number}: {len(ballots[-1].exchanges):,} ballots")
    busy_after = cores_busy(2.0)
    stages.done("machine's other load sampled again")

    integrity = check_database(
        [warm_up, *ballots], polls, {(observed.pk, observer.pk): observer_choice}
    )
    page_queries_after = observer.page(observed)
    stages.done("database checked")
    profile = profile_ballots(
        profiled_sends(readers, [observer_id, *others], polls), PROFILE_WARM_UP
    )
    stages.done(f"{profile.ballots} ballots profiled in this process")

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres_version = cursor.fetchone()[0]
    redis_version = redis.Redis.from_url(REDIS_URL).info("server")["redis_version"]
    run = Run(
        date=datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        machine=machine(
            postgres_version=postgres_version,
            redis_version=redis_version,
        ),
        readers=READERS,
        voters=len(voters),
        kinds=Counter(request.tag.kind for task in tasks for request in task),
        static=Summary.of(*statics),
        ballots=Summary.of(*ballots),
        rounds=[
            (Summary.of(*either_side), Summary.of(phase))
            for either_side, phase in zip(
                itertools.pairwise(statics), ballots, strict=True
            )
        ],
        background=(busy_before, busy_after),
        races_overlapping=overlapping_races(ballots),
        integrity=integrity,
        ballot_queries=ballot_queries,
        server_cpu=per_request_cpu(ballots, ballot_cpu, statics, static_cpu),
        profile=profile,
        page_queries_before=page_queries_before,
        page_queries_after=page_queries_after,
        ballots_in_poll=PollTally.objects.get(poll_id=observed.pk).ballots,
        stages=stages.seconds,
        failures=failures_of(
            integrity,
            [warm_up, *statics, *ballots],
            (page_queries_before, page_queries_after),
        ),
    )
    write_report(report(run))

    print(
        f"\n{run.ballots.per_second:,.0f} ballots/s, p50 {ms(run.ballots.p50)}, "
        f"p99 {ms(run.ballots.p99)} (static file: {run.static.per_second:,.0f}/s, "
        f"p50 {ms(run.static.p50)}); lost {integrity.lost}, "
        f"doubled {integrity.doubled}. Report: {REPORT}"
    )
    print(time_breakdown(run.profile))
    if run.failures:
        print("FAILED: " + "; ".join(run.failures), file=sys.stderr)
        print(f"gunicorn's log: {var_dir / 'gunicorn.log'}", file=sys.stderr)
        return 1
    shutil.rmtree(var_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
