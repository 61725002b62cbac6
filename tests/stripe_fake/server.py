"""A ``World`` served over HTTP the way Stripe's API answers, for the site
running in other processes (gunicorn) with ``STRIPE_API_BASE`` pointing here.

What a request reads is taken when the request arrives; the answer may then be
held back a little (``slow``), as a slow network would, so that a fetch made
for an older event can come back after a newer one.
"""

import json
import random
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

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


class StripeServer:
    def __init__(self, world: World, *, slow: float = 0.0, seed: int = 0):
        self.world = world
        self.slow = slow
        self.random = random.Random(seed)  # noqa: S311 (delays only; no secret)
        self.random_lock = threading.Lock()
        self.undelivered: set[str] = set()  # event ids Stripe failed to deliver
        self.requests = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def answer(self, method: str, path: str, query: dict, form: dict):
        world = self.world
        self.requests += 1
        if match := re.fullmatch(r"/v1/subscriptions/([\w]+)", path):
            if method == "POST" and "cancel_at_period_end" in form:
                world.cancel_at_period_end(
                    match[1], form["cancel_at_period_end"][0] == "true"
                )
            found = world.subscription(match[1])
            if found is None:
                return _error(
                    404,
                    f"No such subscription: '{match[1]}'",
                    code="resource_missing",
                    param="id",
                )
            return 200, found
        if match := re.fullmatch(r"/v1/invoices/([\w]+)", path):
            found = world.invoice(match[1])
            if found is None:
                return _error(
                    404,
                    f"No such invoice: '{match[1]}'",
                    code="resource_missing",
                    param="id",
                )
            return 200, found
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

    def _handler(self):
        stripe = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self, method):
                url = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode()) if length else {}
                if self.headers.get("Authorization") != f"Bearer {SECRET_KEY}":
                    status, body = (
                        401,
                        {
                            "error": {
                                "type": "invalid_request_error",
                                "message": "Invalid API Key provided",
                            }
                        },
                    )
                elif self.headers.get("Stripe-Version") != API_VERSION:
                    status, body = _error(
                        400,
                        f"Invalid Stripe API version: {self.headers.get('Stripe-Version')}",
                        code="api_version_invalid",
                    )
                else:
                    status, body = stripe.answer(
                        method, url.path, parse_qs(url.query), form
                    )
                data = json.dumps(body).encode()
                if stripe.slow:
                    with stripe.random_lock:
                        pause = stripe.random.uniform(0, stripe.slow)
                    time.sleep(pause)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Request-Id", f"req_storm{stripe.requests}")
                self.send_header("Stripe-Version", API_VERSION)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

            def log_message(self, *args):
                pass

        return Handler
