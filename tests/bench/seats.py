"""The seat rush: anonymous buyers storm a conference's ticket office over HTTP,
against gunicorn on PostgreSQL, until it is sold out.

Run by ``make bench`` after the poll benchmark (``python -m tests.bench.seats``);
never collected by pytest.

1. A PostgreSQL database of its own (``BENCH_SEATS_DATABASE_URL``) is dropped,
   created and migrated; the benchmark's Redis database (``BENCH_REDIS_URL``) is
   emptied.
2. Through the factories: one conference of 500 seats, sold at 8 € a seat or
   90 € a pack of 15, and a smaller one for the warm-up.
3. gunicorn serves the site with 2 workers, in demo payment mode: the site's own
   stand-in for Stripe Checkout takes the payments. After a warm-up, 64 clients
   play anonymous buyers: each loads the conference page (its CSRF cookie and
   token), posts the seat form, then pays on the demo checkout. Buyers keep
   coming until one of them sees the conference sold out. A static file (the
   reference) is fetched before and after, by the same clients from the same
   server.
4. The database is checked against what the server told the buyers: the seat
   stock equals the seats of the held and paid orders and never exceeds the
   capacity; every payment the server confirmed is a paid order with one ticket
   per seat. The conference page's queries are counted before and after.
5. The « Seat rush » section of ``docs/benchmarks.md`` is written, between its
   markers; the rest of the file (the poll benchmark's report) is kept. The exit
   status is 1 if the stock or an order is wrong, the server answered an error,
   the conference did not sell out, or the page's queries grew with the sales.

Speed is only reported, never asserted: it depends on the machine.
"""

import contextlib
import datetime
import io
import os
import random
import re
import shutil
import sys
import tempfile
import threading
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
    gunicorn,
    machine,
    recreate_database,
    write_section,
)
from tests.bench.polls import (
    CLIENT_BOUND,
    DISTURBED,
    REDIS_URL,
    REPORT,
    STATIC_PATH,
    Stages,
    answers,
    ms,
    reflow,
    static_tasks,
)

DATABASE_URL = os.environ.get(
    "BENCH_SEATS_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/versus_bench_seats",
)
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "64"))
WORKERS = 2
CAPACITY = int(os.environ.get("BENCH_SEATS", "500"))
SEAT_PRICE = ("individual", "Plein tarif", 800, 1)
PACK_PRICE = ("institution", "Pack établissement (15 places)", 9000, 15)
PACK_SHARE = 0.05  # buyers who take one pack; the others 1 to 4 single seats
SEATS_PER_BUYER = (1, 4)
WARM_UP_CAPACITY = 60
WARM_UP_CLIENTS = 8
STATIC_PER_PHASE = 4000
SEED = 20251204

START_MARK = "<!-- seats:start -->"
END_MARK = "<!-- seats:end -->"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DEMO_CHECKOUT = "/billetterie/paiement-demo/"
ORDER_PAGE = "/billetterie/commande/"


@dataclass(frozen=True)
class Conference:
    pk: int
    url: str
    capacity: int
    seat_price: int  # SeatPrice pks
    pack_price: int

    @property
    def buy_url(self) -> str:
        return f"{self.url}reserver/"

    @property
    def waiting_list_url(self) -> str:
        return f"{self.url}liste-attente/"


@dataclass(frozen=True)
class Buyer:
    number: int
    conference: int
    price: int
    quantity: int
    seats: int  # what the order must hold
    pack: bool


@dataclass(frozen=True)
class Step:
    """What a request carries, to check the database against it."""

    kind: str  # page, hold or pay
    buyer: Buyer


def server_environment(var_dir: str) -> dict[str, str]:
    """Settings for gunicorn's workers and for this process alike.

    Development mode with DEBUG off, as in the poll benchmark. No Stripe key, so
    the demo checkout takes the payments, and no email provider, so the tickets
    are written to files in the run's own directory, whatever the shell says.
    Every client comes from 127.0.0.1, so the per-address limit on seat orders
    is lifted."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_ENV": "development",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SEAT_ORDERS_PER_IP_PER_10_MIN": "100000000",
        "STRIPE_SECRET_KEY": "",
        "STRIPE_WEBHOOK_SECRET": "",
        "EMAIL_ESP": "",
        "LOG_LEVEL": "WARNING",
        "VERSUS_VAR_DIR": var_dir,
    }


# --- Data ---------------------------------------------------------------------------


def seed_conferences() -> tuple[Conference, Conference]:
    """The rush's conference and the warm-up's, both on sale in a fortnight."""
    from events.factories import ConferencePageFactory, EventIndexPageFactory
    from home.models import HomePage

    index = EventIndexPageFactory(parent=HomePage.objects.get())
    made = []
    for title, slug, capacity in [
        ("La grande ruée", "grande-ruee", CAPACITY),
        ("Échauffement", "echauffement", WARM_UP_CAPACITY),
    ]:
        page = ConferencePageFactory(
            parent=index,
            title=title,
            slug=slug,
            capacity=capacity,
            prices=[SEAT_PRICE, PACK_PRICE],
        )
        prices = dict(page.prices.values_list("category", "pk"))
        made.append(
            Conference(
                pk=page.pk,
                url=page.url,
                capacity=capacity,
                seat_price=prices[SEAT_PRICE[0]],
                pack_price=prices[PACK_PRICE[0]],
            )
        )
    return made[0], made[1]


class Observer:
    """One anonymous visitor, outside the load, who reads the conference page and
    buys through the views in this process: their queries are counted, not
    timed."""

    def __init__(self):
        from django.test import Client

        self.client = Client(HTTP_HOST="127.0.0.1")

    def _count(self, method: str, path: str, expected: int, **data):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        # The tickets' email goes to the console too; it is not the bench's output.
        with (
            CaptureQueriesContext(connection) as queries,
            contextlib.redirect_stdout(io.StringIO()),
        ):
            response = getattr(self.client, method)(path, data)
        if response.status_code != expected:
            raise SystemExit(f"{method} {path} answered {response.status_code}.")
        return len(queries), response

    def page(self, conference: Conference) -> int:
        """Queries for the page, once a first visit has warmed what it caches."""
        self._count("get", conference.url, 200)
        return self._count("get", conference.url, 200)[0]

    def buy(self, conference: Conference) -> tuple[int, int, int]:
        """(hold queries, payment queries, order pk) for one seat."""
        from events.models import SeatOrder

        self.page(conference)
        hold_queries, hold = self._count(
            "post",
            conference.buy_url,
            302,
            price=conference.seat_price,
            quantity=1,
            name="Observatrice",
            email="observatrice@bench.example.org",
        )
        pay_queries, _paid = self._count("post", hold["Location"], 302, action="pay")
        order = SeatOrder.objects.get(email="observatrice@bench.example.org")
        return hold_queries, pay_queries, order.pk


# --- Load ---------------------------------------------------------------------------


class Answer:
    """What a buyer's browser keeps of one answer: its cookies go to the jar
    shared by the buyer's later requests."""

    def __init__(self, jar: dict[str, str]):
        self.jar = jar
        self.status = 0  # stays 0 if the request got no answer
        self.location = ""
        self.html = ""

    def keep(self, response, body: bytes) -> None:
        self.status = response.status
        self.location = response.getheader("Location", "")
        self.html = body.decode("utf-8", "replace")
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.jar[name.strip()] = value.strip()


class Crowd:
    """The buyers of one conference, and what they saw of it: once one has seen
    it sold out, those still queued stay home, and the rush is over."""

    def __init__(self, port: int, conference: Conference):
        self.port = port
        self.conference = conference
        self.sold_out = threading.Event()
        self.outcomes: dict[int, str] = {}  # buyer -> why they stopped short

    def stop(self, buyer: Buyer, outcome: str, *, sold_out: bool) -> None:
        self.outcomes[buyer.number] = outcome
        if sold_out:
            self.sold_out.set()

    def form(self, answer: Answer, fields: list[tuple[str, object]]) -> dict:
        return {
            "headers": {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": "; ".join(f"{k}={v}" for k, v in answer.jar.items()),
                "Origin": f"http://127.0.0.1:{self.port}",
            },
            "body": urllib.parse.urlencode(fields).encode(),
        }

    def buyer(self, buyer: Buyer):
        """One anonymous buyer, as a browser without JavaScript: the page, its
        seat form, then the demo checkout's « Pay » button."""
        if self.sold_out.is_set():
            return
        conference, jar = self.conference, {}
        page = Answer(jar)
        yield Request(
            "GET", conference.url, tag=Step("page", buyer), on_answer=page.keep
        )
        if page.status != 200:
            return
        if f'action="{conference.waiting_list_url}"' in page.html:
            self.stop(buyer, "turned away", sold_out=True)
            return
        token = CSRF_INPUT.search(page.html)
        if f'action="{conference.buy_url}"' not in page.html or token is None:
            self.stop(buyer, "no seat form", sold_out=False)
            return
        csrf = token.group(1)
        hold = Answer(jar)
        yield Request(
            "POST",
            conference.buy_url,
            tag=Step("hold", buyer),
            on_answer=hold.keep,
            **self.form(
                page,
                [
                    ("csrfmiddlewaretoken", csrf),
                    ("price", buyer.price),
                    ("quantity", buyer.quantity),
                    ("name", f"Acheteur {buyer.number}"),
                    ("email", f"acheteur{buyer.number}@bench.example.org"),
                ],
            ),
        )
        if hold.status == 400:
            # The page comes back with the form's error; if the seats ran out
            # meanwhile, it offers the waiting list instead of the seats.
            if f'action="{conference.waiting_list_url}"' in hold.html:
                self.stop(buyer, "refused, sold out", sold_out=True)
            else:
                self.stop(buyer, "refused, fewer left", sold_out=False)
            return
        if hold.status != 302 or DEMO_CHECKOUT not in hold.location:
            return
        yield Request(
            "POST",
            urllib.parse.urlsplit(hold.location).path,
            tag=Step("pay", buyer),
            **self.form(hold, [("csrfmiddlewaretoken", csrf), ("action", "pay")]),
        )


def plan_buyers(conference: Conference, rng: random.Random, first: int) -> list[Buyer]:
    """More buyers than seats: the rush ends when they find it sold out, not when
    the queue runs dry."""
    buyers = []
    for number in range(first, first + 2 * conference.capacity):
        pack = rng.random() < PACK_SHARE
        quantity = 1 if pack else rng.randint(*SEATS_PER_BUYER)
        buyers.append(
            Buyer(
                number=number,
                conference=conference.pk,
                price=conference.pack_price if pack else conference.seat_price,
                quantity=quantity,
                seats=quantity * (PACK_PRICE[3] if pack else SEAT_PRICE[3]),
                pack=pack,
            )
        )
    return buyers


def of_kind(phase: Phase, kind: str) -> Phase:
    """The phase's requests of one kind; the clients' CPU and the machine's load
    stay the whole phase's."""
    return Phase(
        exchanges=[
            e
            for e in phase.exchanges
            if isinstance(e.request.tag, Step) and e.request.tag.kind == kind
        ],
        client_cpu_seconds=phase.client_cpu_seconds,
        machine_busy=phase.machine_busy,
    )


def held(exchange: Exchange) -> bool:
    """The seats are held: off to the payment."""
    return exchange.status == 302 and DEMO_CHECKOUT in exchange.location


def confirmed(exchange: Exchange) -> bool:
    """The payment went through: on to the order and its tickets. (An expired
    checkout would send the buyer back to the conference page.)"""
    return exchange.status == 302 and ORDER_PAGE in exchange.location


def expected(exchange: Exchange) -> bool:
    """An answer a buyer may get: a refused hold is a 400 with the form's error."""
    kind = exchange.request.tag.kind
    if kind == "page":
        return exchange.status == 200
    if kind == "hold":
        return held(exchange) or exchange.status == 400
    return confirmed(exchange)


# --- Checks -------------------------------------------------------------------------


@dataclass(frozen=True)
class Stock:
    title: str
    capacity: int
    taken: int  # what SeatStock says
    held_and_paid: int  # the seats of the held and paid orders

    @property
    def off(self) -> bool:
        return self.taken != self.held_and_paid or self.taken > self.capacity


@dataclass
class Integrity:
    holds_accepted: int
    orders_stored: int
    holds_without_order: int  # accepted, but no order with the buyer's seats
    orders_without_hold: int  # stored, though no hold was accepted
    payments_confirmed: int
    holds_unpaid: int  # accepted, and no payment confirmed
    confirmed_not_paid: int  # confirmed, but the buyer's order is not paid
    tickets_off: int  # orders without exactly one ticket per seat (none unpaid)
    refunded: int  # paid after their seats went
    stocks: list[Stock] = field(default_factory=list)

    @property
    def orders_wrong(self) -> int:
        return (
            self.holds_without_order
            + self.orders_without_hold
            + self.holds_unpaid
            + self.confirmed_not_paid
            + self.tickets_off
            + self.refunded
        )


def check_database(
    phases: list[Phase], conferences: list[Conference], observed: int
) -> Integrity:
    """Compare the database with what the buyers were told; ``observed`` is the
    order bought outside the load, by the observer."""
    from events.models import ConferencePage, SeatOrder, SeatStock, Ticket
    from payments.demo_gateway import DemoGateway

    exchanges = [exchange for phase in phases for exchange in phase.exchanges]
    holds, payments = {}, {}  # buyer number -> order pk, -> access key
    buyers = {}
    for e in exchanges:
        step = e.request.tag
        if not isinstance(step, Step):
            continue
        buyers[step.buyer.number] = step.buyer
        if step.kind == "hold" and held(e):
            token = e.location.split(DEMO_CHECKOUT, 1)[1].strip("/")
            holds[step.buyer.number] = DemoGateway.read_seat_checkout(token)["order"]
        elif step.kind == "pay" and confirmed(e):
            payments[step.buyer.number] = e.location.split(ORDER_PAGE, 1)[1].strip("/")

    pks = [conference.pk for conference in conferences]
    orders = {
        pk: (conference, seats, status, key)
        for pk, conference, seats, status, key in SeatOrder.objects.filter(
            conference_id__in=pks
        ).values_list("pk", "conference_id", "seats", "status", "access_key")
    }
    tickets = defaultdict(list)
    for order, number in Ticket.objects.filter(order_id__in=orders).values_list(
        "order_id", "number"
    ):
        tickets[order].append(number)

    paid = SeatOrder.Status.PAID
    holds_without_order = sum(
        1
        for number, pk in holds.items()
        if orders.get(pk, (None, None))[:2]
        != (buyers[number].conference, buyers[number].seats)
    )
    confirmed_not_paid = sum(
        1
        for number, key in payments.items()
        if (pk := holds.get(number)) not in orders
        or orders[pk][3] != key
        or orders[pk][2] != paid
    )
    tickets_off = sum(
        1
        for pk, (_conference, seats, status, _key) in orders.items()
        if sorted(tickets[pk]) != (list(range(1, seats + 1)) if status == paid else [])
    )
    live = (SeatOrder.Status.HELD, paid)
    titles = dict(ConferencePage.objects.filter(pk__in=pks).values_list("pk", "title"))
    stocks = {
        s.conference_id: s for s in SeatStock.objects.filter(conference_id__in=pks)
    }
    return Integrity(
        holds_accepted=len(holds),
        orders_stored=len(orders) - (observed in orders),
        holds_without_order=holds_without_order,
        orders_without_hold=len(set(orders) - set(holds.values()) - {observed}),
        payments_confirmed=len(payments),
        holds_unpaid=len(set(holds) - set(payments)),
        confirmed_not_paid=confirmed_not_paid,
        tickets_off=tickets_off,
        refunded=sum(
            1 for order in orders.values() if order[2] == SeatOrder.Status.REFUNDED
        ),
        stocks=[
            Stock(
                title=titles[conference.pk],
                capacity=stocks[conference.pk].capacity,
                taken=stocks[conference.pk].taken,
                held_and_paid=sum(
                    seats
                    for of, seats, status, _key in orders.values()
                    if of == conference.pk and status in live
                ),
            )
            for conference in conferences
        ],
    )


# --- Report -------------------------------------------------------------------------


@dataclass
class Run:
    date: str
    machine: dict[str, str]
    static: Summary
    statics: tuple[Summary, Summary]  # before and after the rush
    rush: Summary
    kinds: dict[str, Summary]  # page, hold, pay
    buyers: Counter  # in the rush: planned, reached the page, packs
    outcomes: Counter  # why buyers stopped short
    background: tuple[float, float]
    integrity: Integrity
    hold_queries: int
    pay_queries: int
    page_queries_before: int
    page_queries_after: int
    stages: dict[str, float]
    failures: list[str]


def report(run: Run) -> str:
    static, rush, integrity = run.static, run.rush, run.integrity
    page, hold, pay = (run.kinds[kind] for kind in ("page", "hold", "pay"))
    rush_stock = integrity.stocks[0]
    static_size = (BASE_DIR / STATIC_PATH.lstrip("/")).stat().st_size
    verdict = "passed" if not run.failures else "FAILED: " + "; ".join(run.failures)
    results = "\n".join(
        f"| {label} | {s.requests:,} | {s.per_second:,.1f} "
        f"| {s.per_second / static.per_second:.2%} | {ms(s.p50)} "
        f"| {s.p50 / static.p50:.1f} | {ms(s.p99)} | {s.p99 / static.p99:.1f} "
        f"| {ms(s.slowest)} |"
        for label, s in [
            (f"static file, `GET {STATIC_PATH}`", static),
            ("conference page, `GET <conference>`", page),
            ("hold, `POST <conference>reserver/`", hold),
            ("payment, `POST /billetterie/paiement-demo/<token>/`", pay),
            ("the whole rush, all three", rush),
        ]
    )
    stocks = "\n".join(
        f"| {s.title} | {s.capacity:,} | {s.taken:,} | {s.held_and_paid:,} "
        f"| {'**off**' if s.off else 'agree'} |"
        for s in integrity.stocks
    )
    machine_rows = "\n".join(f"| {k} | {v} |" for k, v in run.machine.items())
    stages = "\n".join(
        f"| {name} | {seconds:.1f} s |" for name, seconds in run.stages.items()
    )
    client_bound = ""
    if static.client_cpu > CLIENT_BOUND:
        client_bound = (
            f" The clients used {static.client_cpu:.0%} of a core to fetch the"
            " static file, and Python threads share one core: the reference is"
            " partly held back by the clients, so the ratios to it flatter the"
            " rush a little."
        )
    disturbed = ""
    if max(run.background) > DISTURBED:
        disturbed = (
            " **Other work shared the machine during this run: the figures are"
            " lower than the machine can do, and less steady.**"
        )
    before, after = run.statics
    section = reflow(f"""## Seat rush over HTTP

`tests/bench/seats.py`, run on {run.date}: **{verdict}**.

### Results

Each of the rush's three requests is counted over its own span within the rush.
They share the server: none of these rates is what it could do with that request
alone. The ratios are to the static file's figures: requests per second (the
share of its rate), p50 and p99 (how many times its latency).

| | requests | per second | ratio | p50 | p50 ratio | p99 | p99 ratio | slowest |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{results}

- **{rush_stock.taken:,} seats sold in {rush.wall_seconds:.1f} s**: {pay.statuses[302]:,}
  orders paid, {pay.statuses[302] / rush.wall_seconds:,.1f} per second from the
  rush's first request to its last answer, while the static file was served at
  {static.per_second:,.0f} requests per second.
- Holds: {hold.per_second:,.1f} per second ({hold.per_second / static.per_second:.2%}
  of the static file's rate); p50 {ms(hold.p50)}, p99 {ms(hold.p99)}.
  Payments: {pay.per_second:,.1f} per second
  ({pay.per_second / static.per_second:.2%}); p50 {ms(pay.p50)}, p99
  {ms(pay.p99)}. With {CLIENTS} clients and {WORKERS} sync workers, requests
  wait in gunicorn's queue: latency is mostly that wait. The p99 of a few hundred
  requests is one of their few slowest.
- Answers to the page: {answers(page)}. To holds: {answers(hold)}; 302 is the
  redirect to the demo checkout, 400 a refusal. To payments: {answers(pay)}; 302
  is the redirect to the order and its tickets. Static file: {answers(static)}.
- **Refusals after the sell-out: {run.outcomes["refused, sold out"]:,}** buyers
  who had loaded the page with seats left posted the form once none were left,
  and were shown the waiting list. Before it, {run.outcomes["refused, fewer left"]:,}
  asked for more seats than were left and were told so. {run.outcomes["turned away"]:,}
  more found the page sold out and did not post.
- **Stock off: {sum(s.off for s in integrity.stocks)}; orders wrong:
  {integrity.orders_wrong}.** Seats left at the end:
  {rush_stock.capacity - rush_stock.taken}.
- One hold takes {run.hold_queries} database queries, one payment
  {run.pay_queries} (the tickets and their email included). The conference page,
  for an anonymous visitor, takes {run.page_queries_before} queries with every
  seat left and {run.page_queries_after} once sold out.

"clients' CPU" is the CPU time the clients used, in cores' worth (100% is one
core); "cores busy" the share of the machine's cores busy: clients, server,
database and Redis, and any other work on the machine, which kept
{run.background[0]:.0%} of the cores busy just before the load and
{run.background[1]:.0%} just after.{disturbed}{client_bound}

| phase | wall time | clients' CPU | cores busy |
| --- | ---: | ---: | ---: |
| static file, before and after | {static.wall_seconds:.1f} s | {static.client_cpu:.0%} | {static.machine_busy:.0%} |
| the rush | {rush.wall_seconds:.1f} s | {rush.client_cpu:.0%} | {rush.machine_busy:.0%} |

The static file was served at {before.per_second:,.0f} requests per second (p50
{ms(before.p50)}) before the rush and {after.per_second:,.0f} (p50
{ms(after.p50)}) after it.

### Integrity

The database after the run, against what the server told the buyers (warm-up
included):

| check | count |
| --- | ---: |
| holds accepted (302 to the demo checkout) | {integrity.holds_accepted:,} |
| orders stored | {integrity.orders_stored:,} |
| accepted holds without an order for the buyer's seats | {integrity.holds_without_order} |
| orders stored without an accepted hold | {integrity.orders_without_hold} |
| payments confirmed (302 to the order page) | {integrity.payments_confirmed:,} |
| accepted holds whose payment was not confirmed | {integrity.holds_unpaid} |
| confirmed payments whose order is not the buyer's, or not paid | {integrity.confirmed_not_paid} |
| orders without exactly one ticket per seat (none if unpaid) | {integrity.tickets_off} |
| orders refunded (paid after their seats went) | {integrity.refunded} |
| **orders wrong** | **{integrity.orders_wrong}** |

| conference | capacity | seats taken (stock) | seats of held and paid orders | |
| --- | ---: | ---: | ---: | --- |
{stocks}

### Load

- One conference of {CAPACITY:,} seats, on sale in a fortnight, at two prices:
  {SEAT_PRICE[1]} at {SEAT_PRICE[2] / 100:.2f} € a seat, and
  {PACK_PRICE[1]} at {PACK_PRICE[2] / 100:.2f} €. Seeded through the factories.
- {run.buyers["planned"]:,} anonymous buyers were queued, {PACK_SHARE:.0%} of them
  for one pack, the others for {SEATS_PER_BUYER[0]} to {SEATS_PER_BUYER[1]} seats
  at the seat price. {run.buyers["arrived"]:,} of them loaded the page
  ({run.buyers["packs"]:,} wanting a pack) before the queue stopped: the buyers
  still queued once a client had seen the conference sold out stayed home.
- Each buyer, as a browser without JavaScript: `GET` the conference page (the
  CSRF cookie, and the token from its seat form), `POST` the form to
  `<conference>reserver/` (price, quantity, name, email), then `POST`
  `action=pay` to the demo checkout the answer redirects to. No login.
- A warm-up comes first: {WARM_UP_CLIENTS} clients sell out a conference of
  {WARM_UP_CAPACITY} seats the same way; its orders are checked, not timed.
- {CLIENTS} concurrent clients: threads of one process, one connection each. The
  sync workers close the connection after each answer, so every request opens a
  new one.
- The reference: `GET {STATIC_PATH}` ({static_size:,} bytes, served by
  WhiteNoise), {STATIC_PER_PHASE:,} times by the same clients before and after
  the rush ({static.requests:,} in all).
- gunicorn with {WORKERS} sync workers on 127.0.0.1, DEBUG off; Stripe in demo
  mode, so the site's own checkout stands in for Stripe's and feeds the same
  event handler; the tickets' email, one QR code per seat, is built and written
  to a file within the payment's request. Rate limits in Redis (the per-address
  seat order limit is lifted: every client comes from 127.0.0.1).

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

`python -m tests.bench.seats` runs this part alone and rewrites only this section
of the report. It uses its own database, `BENCH_SEATS_DATABASE_URL` (default
`postgres://postgres@127.0.0.1:5432/versus_bench_seats`, dropped and created
again on each run; its name must contain "bench"), and the poll benchmark's
`BENCH_REDIS_URL`, emptied on each run. `BENCH_SEATS` changes the capacity,
`BENCH_CLIENTS` the number of clients; `BENCH_REPORT` writes the report elsewhere.
""")
    return f"{START_MARK}\n{section}{END_MARK}\n"


def failures_of(
    integrity: Integrity,
    phases: list[Phase],
    outcomes: Counter,
    page_queries: tuple[int, int],
) -> list[str]:
    failures = []
    for stock in integrity.stocks:
        if stock.taken > stock.capacity:
            failures.append(
                f"{stock.title}: {stock.taken} seats taken of {stock.capacity}"
            )
        if stock.taken != stock.held_and_paid:
            failures.append(
                f"{stock.title}: the stock says {stock.taken} seats taken, the "
                f"orders {stock.held_and_paid}"
            )
        if stock.taken < stock.capacity:
            failures.append(
                f"{stock.title}: unsold seats, {stock.capacity - stock.taken}"
            )
    if integrity.orders_wrong:
        failures.append(f"{integrity.orders_wrong} orders wrong")
    every = [exchange for phase in phases for exchange in phase.exchanges]
    server_errors = sum(1 for e in every if e.status >= 500)
    if server_errors:
        failures.append(f"{server_errors} server errors")
    unanswered = sum(1 for e in every if e.status == 0)
    if unanswered:
        failures.append(f"{unanswered} requests without an answer")
    odd = sum(
        1
        for e in every
        if isinstance(e.request.tag, Step) and e.status and not expected(e)
    )
    if odd:
        failures.append(f"{odd} unexpected answers to buyers")
    if outcomes["no seat form"]:
        failures.append(
            f"{outcomes['no seat form']} conference pages without the seat form"
        )
    failed_gets = sum(
        1 for e in every if e.request.path == STATIC_PATH and e.status not in {0, 200}
    )
    if failed_gets:
        failures.append(f"{failed_gets} static files not served")
    before, after = page_queries
    if after > before:
        failures.append(f"the conference page's queries went from {before} to {after}")
    return failures


# --- Run ----------------------------------------------------------------------------


def main() -> int:
    rng = random.Random(SEED)  # noqa: S311 (the same load on every run; no secret)
    var_dir = Path(tempfile.mkdtemp(prefix="versus-bench-seats-"))
    (var_dir / "static").mkdir()  # STATIC_ROOT; WhiteNoise warns when it is missing
    env = server_environment(str(var_dir))
    os.environ.update(env)
    stages = Stages()
    print(f"Seat rush: {CAPACITY:,} seats, {CLIENTS} clients", flush=True)

    database = recreate_database(DATABASE_URL)
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    cache.clear()
    stages.done(f"database {database} created and migrated")
    rush_conference, warm_up_conference = seed_conferences()
    stages.done("2 conferences seeded")

    observer = Observer()
    page_queries_before = observer.page(rush_conference)
    hold_queries, pay_queries, observed = observer.buy(warm_up_conference)
    stages.done("queries counted")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.close()

    warm_up_buyers = plan_buyers(warm_up_conference, rng, 0)
    rush_buyers = plan_buyers(rush_conference, rng, len(warm_up_buyers))
    with gunicorn(env, workers=WORKERS, log=var_dir / "gunicorn.log") as port:
        stages.done(f"gunicorn started, {WORKERS} workers")
        warm_up_crowd = Crowd(port, warm_up_conference)
        warm_up = fire(
            port,
            static_tasks(200) + [warm_up_crowd.buyer(b) for b in warm_up_buyers],
            clients=WARM_UP_CLIENTS,
        )
        stages.done("warm-up")
        busy_before = cores_busy(2.0)
        stages.done("machine's other load sampled")
        static_before = fire(port, static_tasks(STATIC_PER_PHASE), clients=CLIENTS)
        stages.done("static file, before")
        crowd = Crowd(port, rush_conference)
        rush = fire(port, [crowd.buyer(b) for b in rush_buyers], clients=CLIENTS)
        stages.done(f"rush: {len(rush.exchanges):,} requests")
        static_after = fire(port, static_tasks(STATIC_PER_PHASE), clients=CLIENTS)
        stages.done("static file, after")
    busy_after = cores_busy(2.0)
    stages.done("machine's other load sampled again")

    integrity = check_database(
        [warm_up, rush], [rush_conference, warm_up_conference], observed
    )
    page_queries_after = observer.page(rush_conference)
    stages.done("database checked")

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres_version = cursor.fetchone()[0]
    redis_version = redis.Redis.from_url(REDIS_URL).info("server")["redis_version"]
    arrived = [e.request.tag.buyer for e in of_kind(rush, "page").exchanges]
    outcomes = Counter(crowd.outcomes.values()) + Counter(
        warm_up_crowd.outcomes.values()
    )
    run = Run(
        date=datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        machine=machine(postgres_version=postgres_version, redis_version=redis_version),
        static=Summary.of(static_before, static_after),
        statics=(Summary.of(static_before), Summary.of(static_after)),
        rush=Summary.of(rush),
        kinds={
            kind: Summary.of(of_kind(rush, kind)) for kind in ("page", "hold", "pay")
        },
        buyers=Counter(
            planned=len(rush_buyers),
            arrived=len(arrived),
            packs=sum(buyer.pack for buyer in arrived),
        ),
        outcomes=Counter(crowd.outcomes.values()),
        background=(busy_before, busy_after),
        integrity=integrity,
        hold_queries=hold_queries,
        pay_queries=pay_queries,
        page_queries_before=page_queries_before,
        page_queries_after=page_queries_after,
        stages=stages.seconds,
        failures=failures_of(
            integrity,
            [warm_up, static_before, rush, static_after],
            outcomes,
            (page_queries_before, page_queries_after),
        ),
    )
    write_section(REPORT, report(run), START_MARK, END_MARK)

    pay = run.kinds["pay"]
    print(
        f"\n{integrity.stocks[0].taken:,} seats sold in {run.rush.wall_seconds:.1f} s, "
        f"{pay.statuses[302]:,} orders; holds {run.kinds['hold'].per_second:,.1f}/s, "
        f"p50 {ms(run.kinds['hold'].p50)}; payments {pay.per_second:,.1f}/s, "
        f"p50 {ms(pay.p50)} (static file: {run.static.per_second:,.0f}/s, "
        f"p50 {ms(run.static.p50)}); refusals after the sell-out "
        f"{run.outcomes['refused, sold out']}. Report: {REPORT}"
    )
    if run.failures:
        print("FAILED: " + "; ".join(run.failures), file=sys.stderr)
        print(f"gunicorn's log: {var_dir / 'gunicorn.log'}", file=sys.stderr)
        return 1
    shutil.rmtree(var_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
