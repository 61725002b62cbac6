"""The checks of the several-servers benchmark (``tests.bench.cluster``): each
sends its load through nginx and compares what the clients were told, and which
server told them, with the database (and, for seat holds, with Stripe's
Checkout sessions)."""

import html
import re
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field, replace

from django.utils.crypto import get_random_string

from tests.bench.harness import Exchange, Request, Summary, fire
from tests.bench.polls import check_database as check_ballots
from tests.bench.polls import plan_ballots
from tests.bench.seats import Answer, Step, plan_buyers
from tests.bench.seed_cluster import PASSWORD
from tests.stripe_fake.world import CHECKOUT_PAGE, World

# --- Through the front ------------------------------------------------------------


@dataclass
class Seen:
    server: str = ""
    cache: str = ""
    body: bytes = b""
    cookies: dict[str, str] = field(default_factory=dict)


@dataclass
class Check:
    name: str
    load: str
    requests: int
    served: Counter
    expected: str
    found: str
    ok: bool
    summary: Summary | None = None


class Front:
    """Requests through nginx as the TLS-terminating load balancer sends them,
    with what each answer said about the server behind."""

    def __init__(self, port: int, names: dict[str, str]):
        self.port = port
        self.names = names  # upstream address -> "server 1"...
        self.origin = f"https://127.0.0.1:{port}"

    def fire(self, tasks, *, clients: int, source=None, bodies=False):
        seen: dict[int, Seen] = {}

        def wrap(request: Request) -> Request:
            headers = {**request.headers, "X-Forwarded-Proto": "https"}
            if "Origin" in headers:
                headers["Origin"] = self.origin
            mine, inner = Seen(), request.on_answer

            def keep(response, body):
                upstream = response.getheader("X-Served-By", "")
                mine.server = self.names.get(upstream, upstream or "nginx")
                mine.cache = response.getheader("X-Cache", "")
                mine.body = body if bodies else b""
                for cookie in response.headers.get_all("Set-Cookie") or []:
                    name, _, value = cookie.split(";", 1)[0].partition("=")
                    mine.cookies[name.strip()] = value.strip()
                if inner is not None:
                    inner(response, body)

            wrapped = replace(request, headers=headers, on_answer=keep)
            seen[id(wrapped)] = mine
            return wrapped

        def task(requests):
            for request in requests:
                yield wrap(request)

        phase = fire(
            self.port, [task(t) for t in tasks], clients=clients, source=source
        )
        return [(e, seen[id(e.request)]) for e in phase.exchanges], phase


def served(answers) -> Counter:
    return Counter(seen.server for _exchange, seen in answers)


def both(answers) -> bool:
    return len([name for name in served(answers) if name.startswith("server")]) > 1


def errors(answers) -> int:
    return sum(
        1 for exchange, _ in answers if not exchange.status or exchange.status >= 500
    )


def static_file(front: Front, path: str, *, clients: int) -> Check:
    answers, phase = front.fire([[Request("GET", path)]] * 3000, clients=clients)
    good = sum(1 for exchange, _ in answers if exchange.status == 200)
    return Check(
        "static file, from STATIC_ROOT by nginx",
        f"3,000 × `GET {path}`, {clients} clients",
        len(answers),
        served(answers),
        "all 200, none proxied",
        f"{good:,} × 200",
        good == len(answers) and set(served(answers)) == {"nginx"},
        Summary.of(phase),
    )


# --- Sessions and the login limits ------------------------------------------------


def login(settings, email: str, password: str) -> Request:
    """allauth's login form, with a CSRF cookie and the same secret as token."""
    secret = get_random_string(32)
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": secret, "login": email, "password": password}
    )
    return Request(
        "POST",
        "/compte/login/",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{settings.CSRF_COOKIE_NAME}={secret}",
            "Origin": "",
        },
        body=body.encode(),
    )


def logged_in(exchange: Exchange) -> bool:
    return exchange.status == 302 and "/login/" not in exchange.location


def sessions(front: Front, site, settings) -> Check:
    email = site.accounts["session"]
    [(signed, seen)], _ = front.fire([[login(settings, email, PASSWORD)]], clients=1)
    cookie = seen.cookies.get(settings.SESSION_COOKIE_NAME, "")
    name = "a session opened on one server, used on both"
    if not logged_in(signed) or not cookie:
        return Check(name, "login", 1, Counter(), "302", f"{signed.status}", False)
    header = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}"}
    uses = [[Request("GET", "/compte/", headers=header)] for _ in range(60)]
    answers, phase = front.fire(uses, clients=8, bodies=True)
    good = sum(1 for e, s in answers if e.status == 200 and email.encode() in s.body)
    other = sum(1 for _e, s in answers if s.server != seen.server)
    return Check(
        name,
        f"login on {seen.server}, then 60 × `GET /compte/`, 8 clients",
        len(answers) + 1,
        served(answers),
        "every page shows the reader's account, on both servers",
        f"{good}/{len(answers)} show it; {other} from the other server",
        good == len(answers) and other > 0 and both(answers),
        Summary.of(phase),
    )


def _limit(settings, scope: str) -> int:
    """The number of failed logins ``login_failed`` allows per ``ip`` or ``key``."""
    for rate in settings.ACCOUNT_RATE_LIMITS["login_failed"].split(","):
        amount, _period, *rest = rate.split("/")
        if (rest[0] if rest else "ip") == scope:
            return int(amount)
    raise SystemExit(f"ACCOUNT_RATE_LIMITS['login_failed'] has no {scope} limit.")


def login_limits(front: Front, site, settings) -> list[Check]:
    target, third = site.accounts["cible"], site.accounts["tiers"]
    per_key, per_ip = _limit(settings, "key"), _limit(settings, "ip")

    def attempt(email, password, source):
        [(exchange, _seen)], _ = front.fire(
            [[login(settings, email, password)]], clients=1, source=source
        )
        return logged_in(exchange)

    failures, _ = front.fire(
        [[login(settings, target, "pas-le-bon-mot")]] * per_key,
        clients=per_key,
        source="127.0.0.2",
    )
    blocked = not attempt(target, PASSWORD, "127.0.0.3")
    control = attempt(third, PASSWORD, "127.0.0.3")
    by_account = Check(
        "login limit per account, over both servers",
        f"{per_key} wrong passwords at once from 127.0.0.2, then the right one "
        "from 127.0.0.3",
        per_key + 2,
        served(failures),
        "the right password refused; another account still signs in",
        f"right password {'refused' if blocked else 'ACCEPTED'}; other account "
        f"{'signed in' if control else 'REFUSED'}",
        blocked and control and both(failures) and not errors(failures),
    )
    unknown = [
        [login(settings, f"inconnu{n}@bench.example.org", "pas-le-bon-mot")]
        for n in range(per_ip)
    ]
    failures, _ = front.fire(unknown, clients=4, source="127.0.0.4")
    same = not attempt(third, PASSWORD, "127.0.0.4")
    other = attempt(third, PASSWORD, "127.0.0.5")
    by_address = Check(
        "login limit per reader's address (X-Forwarded-For), not nginx's",
        f"{per_ip} failed logins from 127.0.0.4, then a good one from .4 and .5",
        per_ip + 2,
        served(failures),
        "refused from .4, signed in from .5",
        f".4 {'refused' if same else 'SIGNED IN'}, .5 "
        f"{'signed in' if other else 'REFUSED'}",
        same and other and both(failures) and not errors(failures),
    )
    return [by_account, by_address]


# --- Paywall meter, ballots, seats ------------------------------------------------


def meter(front: Front, site, *, clients: int) -> Check:
    from subscriptions.models import PremiumRead

    header = {"Cookie": site.metered.cookie}
    tasks = [
        [Request("GET", debate.url, headers=header, tag=debate)]
        for _ in range(8)
        for debate in site.premium
    ]
    answers, phase = front.fire(tasks, clients=clients, bodies=True)
    counted = list(
        PremiumRead.objects.filter(user_id=site.metered.pk).values_list(
            "debate_id", flat=True
        )
    )
    wrong = sum(
        1
        for e, s in answers
        if e.status != 200
        or (e.request.tag.marker.encode() in s.body) != (e.request.tag.pk in counted)
    )
    return Check(
        "paywall meter of one registered reader",
        f"{len(site.premium)} premium debates × 8 at once, quota {site.quota}",
        len(answers),
        served(answers),
        f"{site.quota} free reads counted; whole text exactly on those",
        f"{len(counted)} counted ({len(set(counted))} debates); {wrong} pages "
        "disagree with the count",
        len(counted) == len(set(counted)) == site.quota and not wrong and both(answers),
        Summary.of(phase),
    )


def ballots(front: Front, site, rng, *, clients: int) -> Check:
    tasks = plan_ballots(front.port, site.polls, site.voters, rng)
    answers, phase = front.fire(tasks, clients=clients)
    integrity = check_ballots([phase], site.polls, {})
    return Check(
        "ballots",
        f"{len(site.voters)} readers, {len(answers):,} ballots, {clients} clients",
        len(answers),
        served(answers),
        "0 lost, 0 doubled, counters equal rows",
        f"{integrity.accepted_ballots:,} accepted, {integrity.stored_ballots:,} "
        f"stored; lost {integrity.lost}, doubled {integrity.doubled}, counters "
        f"off {integrity.counters_off}",
        not (integrity.lost or integrity.doubled or integrity.counters_off)
        and integrity.accepted_ballots > 0
        and not errors(answers)
        and both(answers),
        Summary.of(phase),
    )


INPUT = re.compile(r"<input\b[^>]*>", re.S)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def hidden_fields(page: str) -> dict[str, str]:
    fields = {}
    for tag in INPUT.findall(page):
        attributes = dict(ATTRIBUTE.findall(tag))
        if attributes.get("type") == "hidden" and "name" in attributes:
            fields[attributes["name"]] = html.unescape(attributes.get("value", ""))
    return fields


def buyer_task(conference, buyer, sold_out: threading.Event):
    """One anonymous buyer, as a browser without JavaScript: the seat form's page
    (the conference page itself is the same for everyone, and cached), then the
    form posted."""
    if sold_out.is_set():
        return
    jar = {}
    page = Answer(jar)
    yield Request(
        "GET", conference.buy_url, tag=Step("page", buyer), on_answer=page.keep
    )
    fields = hidden_fields(page.html)
    if page.status != 200 or "csrfmiddlewaretoken" not in fields:
        sold_out.set()  # the waiting list instead of the form
        return
    hold = Answer(jar)
    fields |= {
        "price": buyer.price,
        "quantity": buyer.quantity,
        "name": f"Acheteur {buyer.number}",
        "email": f"acheteur{buyer.number}@bench.example.org",
    }
    yield Request(
        "POST",
        conference.buy_url,
        tag=Step("hold", buyer),
        on_answer=hold.keep,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()),
            "Origin": "",
        },
        body=urllib.parse.urlencode(fields).encode(),
    )
    if hold.status == 400 and "csrfmiddlewaretoken" not in hidden_fields(hold.html):
        sold_out.set()


def seat_rush(front: Front, site, rng, *, clients: int, stripe: World) -> Check:
    """Many buyers at once for fewer seats: sold out, never oversold, and each
    held order has one Checkout session at Stripe, its own."""
    from events.models import SeatOrder, SeatStock

    conference = site.conference
    sold_out = threading.Event()
    buyers = plan_buyers(conference, rng, 0)
    answers, phase = front.fire(
        [buyer_task(conference, b, sold_out) for b in buyers], clients=clients
    )
    holds = [
        e
        for e, _ in answers
        if e.request.tag.kind == "hold"
        and e.status == 302
        and e.location.startswith(CHECKOUT_PAGE)
    ]
    told = sum(e.request.tag.buyer.seats for e in holds)
    orders = list(
        SeatOrder.objects.filter(
            conference_id=conference.pk,
            status__in=[SeatOrder.Status.HELD, SeatOrder.Status.PAID],
        ).values_list("pk", "seats", "stripe_session_id")
    )
    seats = sum(order_seats for _, order_seats, _ in orders)
    sessions = {
        session_id: (stripe.checkout_session(session_id) or {}).get("metadata")
        for _, _, session_id in orders
    }
    own = sum(
        1
        for pk, _, session_id in orders
        if sessions[session_id] == {"seat_order": str(pk)}
    )
    taken = SeatStock.objects.get(conference_id=conference.pk).taken
    return Check(
        "seat holds",
        f"{len(buyers)} buyers for {conference.capacity} seats, {clients} clients",
        len(answers),
        served(answers),
        f"sold out, not oversold: {conference.capacity} seats held; "
        "holds = orders = stock = Checkout sessions, each order's its own",
        f"{len(holds)} holds for {told} seats; {len(orders)} orders, "
        f"{seats} seats; stock says {taken}; {len(stripe.checkouts)} sessions at "
        f"Stripe, {own} of them their order's",
        taken == conference.capacity
        and told == seats == taken
        and len(holds) == len(orders) == len(stripe.checkouts) == own
        and not errors(answers)
        and both(answers),
        Summary.of(phase),
    )


# --- Publication, and what the workers did ----------------------------------------


def purge(front: Front, site, publish, *, clients: int, cache_module: bool) -> Check:
    url = site.free.url
    warm, _ = front.fire([[Request("GET", url)]] * 40, clients=4, bodies=True)
    headline = publish(site.free.pk).encode()
    escaped = html.escape(headline.decode(), quote=False).encode()
    answers, phase = front.fire(
        [[Request("GET", url)]] * 400, clients=clients, bodies=True
    )
    stale = sum(
        1
        for e, s in answers
        if e.status != 200 or (headline not in s.body and escaped not in s.body)
    )

    def caches(seen_answers):
        counts = Counter(s.cache or "none" for _, s in seen_answers)
        return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))

    cache_note = "" if cache_module else " (no full-page cache in this tree)"
    return Check(
        "publication: no stale page",
        f"40 anonymous reads on both servers, the debate published again from "
        f"another process, then 400 reads, {clients} clients",
        len(warm) + len(answers),
        served(answers),
        "0 stale pages",
        f"{stale} stale; X-Cache before: {caches(warm)}; after: {caches(answers)}"
        + cache_note,
        stale == 0 and both(warm) and both(answers),
        Summary.of(phase),
    )


def tasks_done(timeout: float = 90) -> Check:
    """The task worker ran what the load queued (emails, index updates)."""
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
            break
        time.sleep(0.5)
    statuses = Counter(DBTaskResult.objects.values_list("status", flat=True))
    left = statuses["READY"] + statuses["RUNNING"]
    return Check(
        "task worker",
        "whatever the load queued",
        sum(statuses.values()),
        Counter(),
        "every task run, none failed",
        ", ".join(f"{k.lower()} {v}" for k, v in sorted(statuses.items())) or "none",
        not left and not statuses["FAILED"],
    )
