"""A ``World`` served over HTTP the way Stripe's API answers, for the site
running in other processes (gunicorn) with ``STRIPE_API_BASE`` pointing here.

What a request reads is taken when the request arrives; the answer may then be
held back a little (``slow``), as a slow network would, so that a fetch made
for an older event can come back after a newer one.

A POST that repeats an ``Idempotency-Key`` gets the first answer again, as
Stripe keeps it (https://docs.stripe.com/api/idempotent_requests): the SDK
retries with the same key, so a timeout never opens two Checkout sessions.
"""

import random
import re
import threading
import time
from contextlib import ExitStack

from tests.bench.fakeserver import Reply, Request, serve
from tests.stripe_fake.world import API_VERSION, World

SECRET_KEY = "sk_test_storm"


def _error(status: int, message: str, *, code: str, param: str | None = None):
    return status, {
        "error": {
            "type": "invalid_request_error",
            "code": code,
            "message": message,
            "param": param,
            "doc_url": f"https://docs.stripe.com/error-codes/{code.replace('_', '-')}",
        }
    }


def _found(obj: dict | None, kind: str, object_id: str):
    if obj is None:
        return _error(
            404,
            f"No such {kind}: '{object_id}'",
            code="resource_missing",
            param="id",
        )
    return 200, obj


def _page(objects: list[dict], url: str, *, limit: int, after: str | None):
    if after:
        ids = [obj["id"] for obj in objects]
        objects = objects[ids.index(after) + 1 :] if after in ids else []
    return {
        "object": "list",
        "data": objects[:limit],
        "has_more": len(objects) > limit,
        "url": url,
    }


_KEY_PART = re.compile(r"\[([^\]]*)\]")


def nested(form: dict[str, list[str]]) -> dict:
    """A form as the SDK encodes its parameters (``metadata[seat_order]=5``,
    ``line_items[0][price_data][currency]=eur``) back into the nested
    parameters it was given; values stay strings, as Stripe receives them."""
    out: dict = {}
    for key, values in form.items():
        name, _, rest = key.partition("[")
        parts = [name, *_KEY_PART.findall("[" + rest)] if rest else [name]
        target = out
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = values[-1]
    return _lists(out)


def _lists(value):
    if not isinstance(value, dict):
        return value
    items = {key: _lists(item) for key, item in value.items()}
    if items and all(key.isdigit() for key in items):
        return [items[key] for key in sorted(items, key=int)]
    return items


class StripeServer:
    def __init__(self, world: World, *, slow: float = 0.0, seed: int = 0):
        self.world = world
        self.slow = slow
        self.random = random.Random(seed)  # noqa: S311 (delays only; no secret)
        self.lock = threading.Lock()
        self.undelivered: set[str] = set()  # event ids Stripe failed to deliver
        self.requests = 0
        self.idempotent: dict[tuple[str, str], tuple[int, dict]] = {}
        self.url = ""
        self._stack = ExitStack()

    def __enter__(self):
        self.url = self._stack.enter_context(serve(self._reply)).url
        return self

    def __exit__(self, *exc):
        return self._stack.__exit__(*exc)

    def answer(self, method: str, path: str, query: dict, form: dict):
        world = self.world
        if match := re.fullmatch(r"/v1/subscriptions/([\w]+)", path):
            if method == "POST" and "cancel_at_period_end" in form:
                world.cancel_at_period_end(
                    match[1], form["cancel_at_period_end"][0] == "true"
                )
            return _found(world.subscription(match[1]), "subscription", match[1])
        if match := re.fullmatch(r"/v1/invoices/([\w]+)", path):
            return _found(world.invoice(match[1]), "invoice", match[1])
        if path == "/v1/checkout/sessions" and method == "POST":
            return 200, world.open_checkout(nested(form))
        if match := re.fullmatch(r"/v1/checkout/sessions/([\w]+)(/expire)?", path):
            if match[2] and method == "POST":
                world.expire_checkout(match[1])
            found = world.checkout_session(match[1])
            return _found(found, "checkout.session", match[1])
        limit = int((query.get("limit") or ["10"])[0])
        after = (query.get("starting_after") or [None])[0]
        if path == "/v1/subscriptions" and method == "GET":
            with world.lock:
                listed = sorted(
                    (world.subscription(sub_id) for sub_id in world.subscriptions),
                    key=lambda sub: (-sub["created"], sub["id"]),
                )
            if (query.get("status") or ["active"])[0] != "all":
                wanted = query["status"][0] if "status" in query else "active"
                listed = [sub for sub in listed if sub["status"] == wanted]
            return 200, _page(listed, path, limit=limit, after=after)
        if path == "/v1/events" and method == "GET":
            types = {
                value[0] for key, value in query.items() if key.startswith("types[")
            }
            with world.lock:
                listed = [
                    event
                    for event in reversed(world.events)
                    if (not types or event["type"] in types)
                    and (
                        (query.get("delivery_success") or [""])[0] != "false"
                        or event["id"] in self.undelivered
                    )
                ]
            return 200, _page(listed, path, limit=limit, after=after)
        return _error(
            404, f"Unrecognized request URL ({method}: {path})", code="url_invalid"
        )

    def _authorised(self, request: Request):
        if request.headers.get("Authorization") != f"Bearer {SECRET_KEY}":
            return 401, {
                "error": {
                    "type": "invalid_request_error",
                    "message": "Invalid API Key provided",
                }
            }
        version = request.headers.get("Stripe-Version")
        if version != API_VERSION:
            return _error(
                400,
                f"Invalid Stripe API version: {version}",
                code="api_version_invalid",
            )
        args = (request.method, request.path, request.query, request.form())
        key = request.headers.get("Idempotency-Key")
        if request.method != "POST" or not key:
            return self.answer(*args)
        with self.lock:  # one answer per key, even for two tries at once
            if (key, request.path) not in self.idempotent:
                self.idempotent[key, request.path] = self.answer(*args)
            return self.idempotent[key, request.path]

    def _reply(self, request: Request) -> Reply:
        with self.lock:
            self.requests += 1
            number = self.requests
        status, body = self._authorised(request)
        if self.slow:
            with self.lock:
                pause = self.random.uniform(0, self.slow)
            time.sleep(pause)
        headers = {"Request-Id": f"req_storm{number}", "Stripe-Version": API_VERSION}
        return Reply(status, body, headers)
