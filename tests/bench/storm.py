"""The webhook storm: readers' whole billing lives, told by Stripe-shaped events
delivered out of order, twice, at once, or not at all, to the site as it runs in
production; then every reader's state is compared with Stripe's.

Run by ``make storm`` (and ``make bench``); never collected by pytest.

1. A PostgreSQL database of its own (``BENCH_STORM_DATABASE_URL``) is dropped,
   created and migrated; two plans and ``STORM_READERS`` readers, each with the
   Stripe customer the site creates before a first checkout, are seeded.
2. A Stripe account (``tests.stripe_fake.world``), served over HTTP on this
   machine with whole objects as the pinned API version returns them, puts each
   reader through a life cycle: renewals, past_due then recovered, unpaid,
   cancellation at period end, cancellation undone, pause and resume, a change of
   plan, a price the site does not sell, incomplete then expired, a second
   subscription after the first ended, a payment the bank wants confirmed, and a
   subscription on another product of the account.
3. The site runs in production mode: gunicorn (2 workers) on PostgreSQL and
   Redis, behind headers a proxy sets, with the SDK pointed at that server
   (``STRIPE_API_BASE``), email sent by Anymail's Postmark backend to a Postmark-
   shaped server on this machine, and two task workers (``db_worker``).
4. While the life cycles go on, senders post the events, signed as Stripe signs
   them, in shuffled order; a fifth of them twice (some of those at the same
   instant from two senders), and a few never (Stripe lists those as not
   delivered). The Stripe server holds some answers back, so that a fetch for an
   older event can come back after a newer one.
5. Once all is delivered and the email queue is empty, ``reconcile_stripe`` runs,
   then again (it must find nothing left to do). Every subscription, access,
   payment and email is compared with Stripe's truth.
6. All of it twice: with an email provider that accepts everything, and with one
   that refuses a quarter of the sends. The « Webhook storm » section of
   ``docs/benchmarks.md`` is rewritten; the exit status is 1 on any mismatch,
   server error, email sent twice or email lost.
"""

import datetime
import http.client
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.bench.fake_esp import TOKEN, FakePostmark
from tests.bench.harness import (
    BASE_DIR,
    gunicorn,
    machine,
    recreate_database,
    write_section,
)
from tests.bench.polls import REDIS_URL, REPORT, Stages, reflow
from tests.stripe_fake.world import API_VERSION

DATABASE_URL = os.environ.get(
    "BENCH_STORM_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/versus_bench_storm",
)
READERS = int(os.environ.get("STORM_READERS", "50"))
SENDERS = int(os.environ.get("STORM_SENDERS", "8"))
WORKERS = 2
TASK_WORKERS = 2
DUPLICATE_SHARE = 0.20
CONCURRENT_SHARE = 0.25  # of the duplicates, sent at the same instant
WITHHELD_SHARE = 0.03  # never delivered: reconcile_stripe must find them
SLOW_STRIPE = 0.03  # seconds an answer may be held back
SEED = 20261202
WEBHOOK_SECRET = "whsec_storm"
SECRET_KEY_STRIPE = "sk_test_storm"
MONTHLY, YEARLY, FOREIGN = "price_storm_monthly", "price_storm_yearly", "price_other"
START_MARK = "<!-- storm:start -->"
END_MARK = "<!-- storm:end -->"
DRAIN_TIMEOUT = 240


def environment(var_dir: str, *, stripe_url: str, esp_url: str) -> dict[str, str]:
    """Production settings, for the servers, the workers and this process."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": "storm-" + "k" * 60,
        "ALLOWED_HOSTS": "versus.example,127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "EMAIL_ESP": "postmark",
        "EMAIL_ESP_API_KEY": TOKEN,
        "EMAIL_ESP_API_URL": esp_url,
        "EMAIL_RETRY_BASE_SECONDS": "1",
        "STRIPE_SECRET_KEY": SECRET_KEY_STRIPE,
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STRIPE_API_BASE": stripe_url,
        "TASKS_BACKEND": "database",
        "LOG_LEVEL": "WARNING",
        "VERSUS_VAR_DIR": var_dir,
    }


# --- Life cycles --------------------------------------------------------------------


@dataclass
class Reader:
    number: int
    user_id: int
    customer: str
    email: str
    scenario: str = ""
    steps: list = field(default_factory=list)


def scenarios(world, prices):
    """Each scenario: a name and a function giving a reader's steps, in order."""

    def ours(reader):
        return {"user_id": str(reader.user_id), "plan_id": str(prices["plan_ids"][0])}

    def subscribe(reader, price=None, **kwargs):
        def step():
            reader.subs.append(
                world.subscribe(
                    reader.customer,
                    price or prices[MONTHLY],
                    metadata=kwargs.pop("metadata", ours(reader)),
                    **kwargs,
                )
            )

        return step

    def on(reader, method, *args, **kwargs):
        return lambda: getattr(world, method)(reader.subs[-1], *args, **kwargs)

    return {
        "renewals": lambda r: [subscribe(r)] + [on(r, "renew")] * 8,
        "past_due, recovered": lambda r: [
            subscribe(r),
            *[on(r, "renew")] * 3,
            on(r, "renew"),
            on(r, "fail_renewal", attempts=2),
            on(r, "recover"),
            on(r, "renew"),
        ],
        "unpaid": lambda r: [
            subscribe(r),
            *[on(r, "renew")] * 3,
            on(r, "renew"),
            on(r, "fail_renewal", attempts=3, then="unpaid"),
        ],
        "cancelled at period end": lambda r: [
            subscribe(r),
            *[on(r, "renew")] * 3,
            on(r, "renew"),
            on(r, "cancel_at_period_end", True),
            on(r, "end"),
        ],
        "cancellation undone": lambda r: [
            subscribe(r),
            *[on(r, "renew")] * 3,
            on(r, "cancel_at_period_end", True),
            on(r, "cancel_at_period_end", False),
            on(r, "renew"),
            on(r, "renew"),
        ],
        "still cancelling": lambda r: [
            subscribe(r),
            *[on(r, "renew")] * 3,
            on(r, "renew"),
            on(r, "cancel_at_period_end", True),
        ],
        "paused, resumed": lambda r: [
            subscribe(r),
            *[on(r, "renew")] * 3,
            on(r, "pause"),
            on(r, "resume"),
            on(r, "renew"),
        ],
        "paused": lambda r: [subscribe(r), on(r, "renew"), on(r, "pause")],
        "plan changed": lambda r: [
            subscribe(r),
            *[on(r, "renew")] * 3,
            on(r, "change_price", prices[YEARLY]),
            on(r, "renew"),
        ],
        "price not ours, then ended": lambda r: [
            subscribe(r),
            *[on(r, "renew")] * 3,
            on(r, "change_price", prices[FOREIGN]),
            on(r, "renew"),
            on(r, "fail_renewal", attempts=1),
            on(r, "end"),
        ],
        "price not ours": lambda r: [
            subscribe(r),
            on(r, "change_price", prices[FOREIGN]),
            on(r, "renew"),
        ],
        "incomplete, expired": lambda r: [
            subscribe(r, status="incomplete"),
            on(r, "expire_incomplete"),
        ],
        "subscribed again": lambda r: [
            subscribe(r),
            on(r, "cancel_at_period_end", True),
            on(r, "end"),
            subscribe(r),
            on(r, "renew"),
        ],
        "payment to confirm": lambda r: [
            subscribe(r),
            *[on(r, "renew")] * 3,
            on(r, "require_action"),
            on(r, "recover"),
            on(r, "renew"),
        ],
        "another product": lambda r: [
            subscribe(r, prices[FOREIGN], metadata={}, through_checkout=False),
            on(r, "renew"),
        ],
    }


# --- Delivery -----------------------------------------------------------------------


@dataclass
class Delivery:
    sent: int = 0
    duplicates: int = 0
    concurrent: int = 0
    withheld: int = 0
    statuses: Counter = field(default_factory=Counter)
    seconds: float = 0.0


class Postman:
    """Posts events to the webhook, signed as Stripe signs them, in any order."""

    def __init__(self, port: int, rng: random.Random, stripe_server):
        self.port = port
        self.rng = rng
        self.stripe_server = stripe_server
        self.pool: list[dict] = []
        self.lock = threading.Condition()
        self.closed = False
        self.delivery = Delivery()
        self.in_flight = 0

    def offer(self, events: list[dict]) -> None:
        with self.lock:
            for event in events:
                if self.rng.random() < WITHHELD_SHARE:
                    self.stripe_server.undelivered.add(event["id"])
                    self.delivery.withheld += 1
                    continue
                copies = 1
                if self.rng.random() < DUPLICATE_SHARE:
                    copies = 2
                    self.delivery.duplicates += 1
                    if self.rng.random() < CONCURRENT_SHARE:
                        self.delivery.concurrent += 1
                        self.pool.append(("together", event))
                        continue
                self.pool.extend(("alone", event) for _ in range(copies))
            self.lock.notify_all()

    def close(self) -> None:
        with self.lock:
            self.closed = True
            self.lock.notify_all()

    def _take(self):
        with self.lock:
            while not self.pool and not self.closed:
                self.lock.wait()
            if not self.pool:
                return None
            index = self.rng.randrange(len(self.pool))
            self.pool[index], self.pool[-1] = self.pool[-1], self.pool[index]
            self.in_flight += 1
            return self.pool.pop()

    def _post(self, event: dict, body: bytes | None = None) -> int:
        import json

        import stripe

        payload = body or json.dumps(event).encode()
        header = stripe.WebhookSignature.generate_signature_header(
            payload.decode(), WEBHOOK_SECRET
        )
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(
                "POST",
                "/stripe/webhook/",
                body=payload,
                headers={
                    "Host": "versus.example",
                    "Content-Type": "application/json; charset=utf-8",
                    "Stripe-Signature": header,
                    "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
                    "X-Forwarded-For": "3.18.12.63",
                    "X-Forwarded-Proto": "https",
                },
            )
            response = connection.getresponse()
            response.read()
            return response.status
        except (OSError, http.client.HTTPException):
            return 0
        finally:
            connection.close()

    def _post_twice_at_once(self, event: dict) -> list[int]:
        barrier = threading.Barrier(2)
        statuses = []

        def twin():
            barrier.wait()
            statuses.append(self._post(event))

        other = threading.Thread(target=twin)
        other.start()
        twin()
        other.join()
        return statuses

    def sender(self) -> None:
        while (taken := self._take()) is not None:
            how, event = taken
            if how == "together":
                statuses = self._post_twice_at_once(event)
            else:
                statuses = [self._post(event)]
            with self.lock:
                self.delivery.sent += len(statuses)
                self.delivery.statuses.update(statuses)
                self.in_flight -= 1
                self.lock.notify_all()


# --- Truth --------------------------------------------------------------------------


@dataclass
class Check:
    mismatches: list[str] = field(default_factory=list)
    followed: int = 0
    ignored: int = 0
    access: Counter = field(default_factory=Counter)
    payments: int = 0


def compare(world, readers, plan_ids) -> Check:
    """The site's state against Stripe's, subscription by subscription."""
    from subscriptions.access import has_reader_access
    from subscriptions.models import Payment, Subscription

    check = Check()
    by_customer = {reader.customer: reader for reader in readers}
    local = {
        row.stripe_subscription_id: row
        for row in Subscription.objects.select_related("account__user", "plan")
    }
    prices = {MONTHLY: plan_ids[0], YEARLY: plan_ids[1]}
    entitled = Counter()
    for sub_id, truth in world.subscriptions.items():
        reader = by_customer.get(truth["customer"])
        item = truth["items"]["data"][0]
        price_id = item["price"]["id"]
        followed = reader is not None and (
            truth["metadata"].get("user_id") == str(reader.user_id)
            or price_id in prices
        )
        row = local.get(sub_id)
        if not followed:
            check.ignored += 1
            if row is not None:
                check.mismatches.append(f"{sub_id}: not ours, yet stored")
            continue
        check.followed += 1
        if row is None:
            check.mismatches.append(f"{sub_id} ({reader.scenario}): missing")
            continue
        expected = {
            "status": truth["status"],
            "cancel_at_period_end": truth["cancel_at_period_end"],
            "current_period_end": item["current_period_end"],
            "cancel_at": truth["cancel_at"],
            "ended_at": truth["ended_at"],
            "to_check": "" if price_id in prices else "unknown_price",
            "plan_id": prices.get(price_id, plan_ids[0]),
            "customer": reader.customer,
        }
        actual = {
            "status": row.status,
            "cancel_at_period_end": row.cancel_at_period_end,
            "current_period_end": _ts(row.current_period_end),
            "cancel_at": _ts(row.cancel_at),
            "ended_at": _ts(row.ended_at),
            "to_check": row.to_check,
            "plan_id": row.plan_id,
            "customer": row.account.stripe_customer_id,
        }
        for name, value in expected.items():
            if actual[name] != value:
                check.mismatches.append(
                    f"{sub_id} ({reader.scenario}): {name} is {actual[name]!r}, "
                    f"Stripe says {value!r}"
                )
        if truth["status"] in Subscription.ENTITLING:
            entitled[reader.customer] += 1
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.in_bulk([reader.user_id for reader in readers])
    for reader in readers:
        should = entitled[reader.customer] > 0
        has = has_reader_access(users[reader.user_id])
        check.access["with access" if has else "without access"] += 1
        if has != should:
            check.mismatches.append(
                f"reader {reader.number} ({reader.scenario}): access {has}, "
                f"Stripe says {should}"
            )
    recorded = {p.stripe_invoice_id: p for p in Payment.objects.all()}
    handled = {
        "invoice.paid",
        "invoice.payment_failed",
        "invoice.payment_action_required",
    }
    with_events = {
        event["data"]["object"]["id"]
        for event in world.events
        if event["type"] in handled
    }
    for invoice_id in with_events:
        invoice = world.invoices[invoice_id]
        sub_id = invoice["parent"]["subscription_details"]["subscription"]
        if sub_id not in local:
            continue
        payment = recorded.get(invoice_id)
        check.payments += payment is not None
        if payment is None:
            check.mismatches.append(f"{invoice_id}: payment missing")
        elif payment.status != invoice["status"]:
            check.mismatches.append(
                f"{invoice_id}: payment {payment.status}, Stripe says {invoice['status']}"
            )
    return check


def _ts(moment) -> int | None:
    return int(moment.timestamp()) if moment else None


@dataclass
class Mail:
    owed: int = 0
    sent: int = 0
    accepted: int = 0
    refused_by_provider: int = 0
    retried: int = 0
    doubles: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)


def expected_keys(world, readers) -> dict[str, str]:
    """Emails Stripe's final state makes certain, by cause: a failed attempt on an
    invoice still unpaid, a payment still to confirm, a welcome for a subscription
    that gives access, a goodbye for one that ended, a confirmation for a
    cancellation still to come."""
    from subscriptions.models import Subscription

    ours = {reader.customer for reader in readers}
    keys = {}
    followed = {
        sub_id
        for sub_id, sub in world.subscriptions.items()
        if sub["customer"] in ours
        and (
            sub["metadata"].get("user_id")
            or sub["items"]["data"][0]["price"]["id"] in (MONTHLY, YEARLY)
        )
    }
    for invoice_id, attempt in world.failed_attempts:
        invoice = world.invoices[invoice_id]
        sub_id = invoice["parent"]["subscription_details"]["subscription"]
        if sub_id in followed and invoice["status"] not in ("paid", "void"):
            keys[f"payment_failed:{invoice_id}:{attempt}"] = "payment failed"
    for event in world.events:
        if event["type"] == "invoice.payment_action_required":
            invoice = world.invoices[event["data"]["object"]["id"]]
            if invoice["status"] not in ("paid", "void"):
                keys[f"action_required:{invoice['id']}"] = "payment to confirm"
    for sub_id in followed:
        sub = world.subscriptions[sub_id]
        if sub["status"] in Subscription.ENTITLING:
            keys[f"welcome:{sub_id}"] = "welcome"
            if sub["cancel_at_period_end"]:
                end = sub["items"]["data"][0]["current_period_end"]
                day = datetime.datetime.fromtimestamp(end, tz=datetime.UTC)
                keys[f"cancel:{sub_id}:{day:%Y-%m-%d}"] = "cancellation"
        if sub["status"] == "canceled":
            keys[f"ended:{sub_id}"] = "ended"
    return keys


def check_mail(esp: FakePostmark, expected: dict[str, str]) -> Mail:
    from core.models import OutgoingEmail

    mail = Mail(refused_by_provider=esp.refused, accepted=len(esp.accepted))
    accepted = Counter(
        (message.get("Metadata") or {}).get("versus_email") for message in esp.accepted
    )
    rows = {str(row.pk): row for row in OutgoingEmail.objects.all()}
    mail.owed = len(rows)
    for pk, row in rows.items():
        mail.kinds[row.builder.rsplit(".", 1)[-1]] += 1
        mail.retried += row.attempts > 1
        if row.status == OutgoingEmail.Status.SENT:
            mail.sent += 1
            if accepted[pk] == 0:
                mail.lost.append(f"{row.key}: marked sent, never reached the provider")
        else:
            mail.lost.append(f"{row.key}: {row.status} after {row.attempts} attempts")
    for pk, count in accepted.items():
        if pk not in rows:
            mail.doubles.append(f"message {pk}: reached the provider, unknown here")
        elif count > 1:
            mail.doubles.append(f"{rows[pk].key}: reached the provider {count} times")
    keys = {row.key for row in rows.values()}
    for key, kind in expected.items():
        if key not in keys:
            mail.lost.append(f"{key}: {kind}, never owed")
    return mail


# --- Run ----------------------------------------------------------------------------


@dataclass
class Run:
    refuse_share: float
    events: int = 0
    delivery: Delivery = field(default_factory=Delivery)
    before_reconcile: Check = field(default_factory=Check)
    after: Check = field(default_factory=Check)
    reconcile: list[str] = field(default_factory=list)
    reconcile_codes: list[int] = field(default_factory=list)
    mail: Mail = field(default_factory=Mail)
    stripe_requests: int = 0
    scenarios: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def seed(world, rng):
    """Two plans we sell, the readers and the customers the site made for them."""
    from accounts.factories import UserFactory
    from subscriptions.factories import BillingAccountFactory, PlanFactory

    monthly = PlanFactory(name="Mensuel", price_cents=499, stripe_price_id=MONTHLY)
    yearly = PlanFactory(
        name="Annuel", price_cents=4990, interval="year", stripe_price_id=YEARLY
    )
    from tests.stripe_fake.world import price

    prices = {
        MONTHLY: price(MONTHLY, amount=499),
        YEARLY: price(YEARLY, amount=4990, interval="year"),
        FOREIGN: price(FOREIGN, amount=1990),
        "plan_ids": (monthly.pk, yearly.pk),
    }
    table = scenarios(world, prices)
    names = list(table)
    readers = []
    for number in range(READERS):
        user = UserFactory(
            email=f"lecteur{number:03d}@example.org",
            verified=True,
            language=rng.choice(["fr", "fr", "en"]),
        )
        customer = f"cus_storm{number:04d}"
        BillingAccountFactory(user=user, stripe_customer_id=customer)
        world.add_customer(customer, email=user.email, user_id=user.pk)
        reader = Reader(number, user.pk, customer, user.email)
        reader.subs = []
        reader.scenario = names[number % len(names)]
        reader.steps = table[reader.scenario](reader)
        readers.append(reader)
    # A customer of another product sold on the same account.
    world.add_customer("cus_stranger", email="autre@example.org", user_id=0)
    stranger = Reader(-1, 0, "cus_stranger", "autre@example.org", "stranger")
    stranger.subs = []
    stranger.steps = [
        lambda: stranger.subs.append(
            world.subscribe("cus_stranger", prices[FOREIGN], through_checkout=False)
        ),
        lambda: world.renew(stranger.subs[-1]),
    ]
    return readers, stranger, (monthly.pk, yearly.pk)


def drain_mail(timeout: float = DRAIN_TIMEOUT) -> bool:
    from core.models import OutgoingEmail

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        waiting = OutgoingEmail.objects.filter(
            status__in=[OutgoingEmail.Status.OWED, OutgoingEmail.Status.SENDING]
        ).count()
        if not waiting:
            return True
        time.sleep(0.5)
    return False


def reconcile(env: dict[str, str], log: Path) -> tuple[int, str]:
    command = [sys.executable, "manage.py", "reconcile_stripe"]
    with log.open("ab") as errors:
        done = subprocess.run(  # noqa: S603 (constant command)
            command,
            cwd=BASE_DIR,
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=errors,
            check=False,
        )
    return done.returncode, done.stdout.decode().strip()


def task_workers(env: dict[str, str], log: Path) -> list[subprocess.Popen]:
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--queue-name",
        "*",
        "--interval",
        "0.2",
        "--no-reload",
        "--no-startup-delay",
    ]
    output = log.open("ab")
    return [
        subprocess.Popen(  # noqa: S603 (constant command)
            [*command, "--worker-id", f"storm-worker-{number}"],
            cwd=BASE_DIR,
            env={**os.environ, **env},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        for number in range(TASK_WORKERS)
    ]


def storm(run: Run, env, var_dir: Path, world, stripe_server, esp) -> None:
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    rng = random.Random(SEED)  # noqa: S311 (the same storm each run; no secret)
    connection.close()
    recreate_database(DATABASE_URL)
    call_command("migrate", verbosity=0, interactive=False)
    cache.clear()
    readers, stranger, plan_ids = seed(world, rng)
    run.scenarios = Counter(reader.scenario for reader in readers)
    connection.close()
    log = var_dir / f"servers-{int(run.refuse_share * 100)}.log"
    started = time.perf_counter()
    workers = task_workers(env, log)
    try:
        with gunicorn(env, workers=WORKERS, log=log) as port:
            postman = Postman(port, rng, stripe_server)
            senders = [threading.Thread(target=postman.sender) for _ in range(SENDERS)]
            for thread in senders:
                thread.start()
            lives = [*readers, stranger]
            seen = 0
            while any(reader.steps for reader in lives):
                for reader in lives:
                    if reader.steps:
                        reader.steps.pop(0)()
                with world.lock:
                    fresh = world.events[seen:]
                    seen = len(world.events)
                postman.offer(fresh)
                time.sleep(0.05)
            postman.close()
            for thread in senders:
                thread.join()
            run.delivery = postman.delivery
            run.delivery.seconds = time.perf_counter() - started
            run.events = len(world.events)
            if not drain_mail():
                run.failures.append("the email queue did not empty in time")
            run.before_reconcile = compare(world, readers, plan_ids)
            for _ in range(2):
                code, output = reconcile(env, log)
                run.reconcile_codes.append(code)
                run.reconcile.append(output)
            if not drain_mail():
                run.failures.append("the email queue did not empty after reconcile")
            run.after = compare(world, readers, plan_ids)
            run.mail = check_mail(esp, expected_keys(world, readers))
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
    run.stripe_requests = stripe_server.requests
    run.seconds = time.perf_counter() - started
    errors = run.delivery.statuses
    server_errors = sum(n for status, n in errors.items() if status >= 500)
    if server_errors:
        run.failures.append(f"{server_errors} webhook answers 5xx")
    unanswered = errors.get(0, 0)
    if unanswered:
        run.failures.append(f"{unanswered} webhook posts without an answer")
    odd = sum(n for status, n in errors.items() if 0 < status < 500 and status != 200)
    if odd:
        run.failures.append(f"{odd} webhook answers neither 200 nor 5xx")
    if run.after.mismatches:
        run.failures.append(f"{len(run.after.mismatches)} mismatches with Stripe")
    if run.mail.doubles:
        run.failures.append(f"{len(run.mail.doubles)} emails sent twice")
    if run.mail.lost:
        run.failures.append(f"{len(run.mail.lost)} emails lost")
    if run.reconcile_codes != [0, 0]:
        run.failures.append(f"reconcile_stripe exited {run.reconcile_codes}")
    if len(run.reconcile) == 2 and not run.reconcile[1].startswith(
        "undelivered events applied: 0; failed events applied: 0; "
        "subscriptions repaired: 0"
    ):
        run.failures.append(f"the second reconcile still changed: {run.reconcile[1]}")


def report(runs: list[Run], info: dict[str, str], stages: Stages) -> str:
    def row(label, values):
        return f"| {label} | " + " | ".join(str(v) for v in values) + " |"

    heads = [
        "provider accepts all"
        if not r.refuse_share
        else f"provider refuses {r.refuse_share:.0%}"
        for r in runs
    ]
    lines = [
        "| | " + " | ".join(heads) + " |",
        "| --- | " + " | ".join("---:" for _ in runs) + " |",
        row("events Stripe sent", [r.events for r in runs]),
        row("webhook posts", [r.delivery.sent for r in runs]),
        row("events posted twice", [r.delivery.duplicates for r in runs]),
        row("of which at the same instant", [r.delivery.concurrent for r in runs]),
        row("events never delivered", [r.delivery.withheld for r in runs]),
        row("answers 200", [r.delivery.statuses.get(200, 0) for r in runs]),
        row(
            "answers 5xx",
            [sum(n for s, n in r.delivery.statuses.items() if s >= 500) for r in runs],
        ),
        row("delivery time (s)", [f"{r.delivery.seconds:.1f}" for r in runs]),
        row("Stripe API requests from the site", [r.stripe_requests for r in runs]),
        row("subscriptions followed", [r.after.followed for r in runs]),
        row("subscriptions not ours, ignored", [r.after.ignored for r in runs]),
        row(
            "readers with access at the end",
            [r.after.access["with access"] for r in runs],
        ),
        row(
            "mismatches before reconcile_stripe",
            [len(r.before_reconcile.mismatches) for r in runs],
        ),
        row("**mismatches after**", [f"**{len(r.after.mismatches)}**" for r in runs]),
        row("emails owed", [r.mail.owed for r in runs]),
        row(
            "emails the provider refused (tried again)",
            [r.mail.refused_by_provider for r in runs],
        ),
        row("emails sent after more than one attempt", [r.mail.retried for r in runs]),
        row("emails the provider accepted", [r.mail.accepted for r in runs]),
        row("**emails sent twice**", [f"**{len(r.mail.doubles)}**" for r in runs]),
        row("**emails lost**", [f"**{len(r.mail.lost)}**" for r in runs]),
        row("result", ["passed" if not r.failures else "FAILED" for r in runs]),
    ]
    reconciles = "\n".join(
        f"- {head}: first run « {r.reconcile[0] if r.reconcile else '?'} »; "
        f"second run « {r.reconcile[1] if len(r.reconcile) > 1 else '?'} »."
        for head, r in zip(heads, runs, strict=True)
    )
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(runs[0].mail.kinds.items()))
    scenarios_line = ", ".join(f"{name} ({n})" for name, n in runs[0].scenarios.items())
    failures = (
        "\n".join(
            f"- {head}: " + "; ".join(r.failures)
            for head, r in zip(heads, runs, strict=True)
            if r.failures
        )
        or "None."
    )
    details = "\n".join(
        f"  - {m}"
        for r in runs
        for m in (r.after.mismatches + r.mail.doubles + r.mail.lost)[:20]
    )
    stage_rows = "\n".join(
        f"| {name} | {s:.1f} s |" for name, s in stages.seconds.items()
    )
    machine_rows = "\n".join(f"| {key} | {value} |" for key, value in info.items())
    section = reflow(f"""## Webhook storm

{READERS} readers live through their billing at a Stripe account served on this
machine with whole objects (API {API_VERSION}),
while {SENDERS} senders post its events to gunicorn ({WORKERS} workers, production
settings, PostgreSQL, Redis, {TASK_WORKERS} task workers) in shuffled order:
{DUPLICATE_SHARE:.0%} of them twice (a quarter of those at the same instant) and
{WITHHELD_SHARE:.0%} never, left to `reconcile_stripe`. Stripe's answers are held
back up to {SLOW_STRIPE * 1000:.0f} ms at random. Email goes through Anymail's
Postmark backend to a Postmark-shaped server on this machine. Then each
subscription, each reader's access, each payment and each email is compared with
Stripe's final state.

Life cycles: {scenarios_line}, and one customer of another product.

{chr(10).join(lines)}

`reconcile_stripe` after the storm:

{reconciles}

Emails owed in the first run, by kind: {kinds}.

Failures:

{failures}
{details}

### Machine

| | |
| --- | --- |
{machine_rows}

### Time taken by each stage

| stage | time |
| --- | ---: |
{stage_rows}

### Run it again

`make storm` (or `python -m tests.bench.storm`) runs this part alone and rewrites
only this section. It uses its own database, `BENCH_STORM_DATABASE_URL` (default
`postgres://postgres@127.0.0.1:5432/versus_bench_storm`, dropped and created again
on each run; its name must contain "bench"), and `BENCH_REDIS_URL`, emptied on each
run. `STORM_READERS` and `STORM_SENDERS` change the size.
""")
    return f"{START_MARK}\n{section}{END_MARK}\n"


def main() -> int:
    from tests.stripe_fake.server import StripeServer
    from tests.stripe_fake.world import World

    stages = Stages()
    var_dir = Path(tempfile.mkdtemp(prefix="versus-bench-storm-"))
    (var_dir / "static").mkdir()
    world_holder = {"world": World()}

    class Current:
        """The server always answers from the current run's world."""

        def __getattr__(self, name):
            return getattr(world_holder["world"], name)

    with (
        StripeServer(Current(), slow=SLOW_STRIPE, seed=SEED) as stripe_server,
        FakePostmark(seed=SEED) as esp,
    ):
        env = environment(str(var_dir), stripe_url=stripe_server.url, esp_url=esp.url)
        os.environ.update(env)
        import django

        django.setup()
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
        stages.done("servers started")
        runs = []
        for share in (0.0, 0.25):
            world = World()
            world_holder["world"] = world
            stripe_server.undelivered.clear()
            stripe_server.requests = 0
            esp.accepted.clear()
            esp.refused = 0
            esp.refuse_share = share
            run = Run(refuse_share=share)
            storm(run, env, var_dir, world, stripe_server, esp)
            runs.append(run)
            stages.done(f"storm, provider refusing {share:.0%}")
            print(
                f"  {run.events} events, {run.delivery.sent} posts, "
                f"{len(run.after.mismatches)} mismatches, "
                f"{len(run.mail.doubles)} doubles, {len(run.mail.lost)} lost",
                flush=True,
            )
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            postgres_version = cursor.fetchone()[0]
        redis_version = redis.Redis.from_url(REDIS_URL).info("server")["redis_version"]
    info = machine(postgres_version=postgres_version, redis_version=redis_version)
    write_section(REPORT, report(runs, info, stages), START_MARK, END_MARK)
    failed = [run for run in runs if run.failures]
    for run in failed:
        print(
            f"FAILED ({run.refuse_share:.0%} refused): " + "; ".join(run.failures),
            file=sys.stderr,
        )
        for line in (run.after.mismatches + run.mail.doubles + run.mail.lost)[:30]:
            print(f"  {line}", file=sys.stderr)
        print(f"logs: {var_dir}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
