"""Postmark's sending API on 127.0.0.1, for the newsletter benchmark: it counts
what each address received, the way Postmark would have delivered it.

Shapes from Postmark's documentation (https://postmarkapp.com/developer/api/
email-api): ``POST /email`` answers one ``{"To", "SubmittedAt", "MessageID",
"ErrorCode": 0, "Message": "OK"}``; ``POST /email/batch`` takes a list of up to
500 messages and answers a list of those, in order. Anymail's Postmark backend
(``anymail.backends.postmark``) reads ``To`` and ``MessageID`` from each. A
wrong ``X-Postmark-Server-Token`` is a 401 with error code 10. Served by the
shared stand-in (``tests.bench.fakeserver``).
"""

import datetime
import threading
import uuid
from collections import Counter
from contextlib import ExitStack
from email.utils import getaddresses

from tests.bench.fakeserver import Reply, Request, serve

TOKEN = "newsletter-bench-postmark-token"
MAX_BATCH = 500


class FakePostmarkBatch:
    def __init__(self):
        self.lock = threading.Lock()
        self._received: Counter = Counter()
        self.calls: Counter = Counter()
        self.url = ""
        self.server = None
        self._stack = ExitStack()

    def __enter__(self):
        self.server = self._stack.enter_context(serve(self._answer))
        self.url = self.server.url + "/"
        return self

    def __exit__(self, *exc):
        return self._stack.__exit__(*exc)

    def received(self) -> Counter:
        """Messages received per address (lower case)."""
        with self.lock:
            return Counter(self._received)

    def forget_bodies(self) -> None:
        """The stand-in keeps every request; the counts are all this needs, and
        fifty thousand rendered issues would fill the memory."""
        del self.server.requests[:]

    def _accept(self, message: dict) -> dict:
        addresses = [a.lower() for _name, a in getaddresses([message["To"]])]
        with self.lock:
            self._received.update(addresses)
        return {
            "To": message["To"],
            "SubmittedAt": datetime.datetime.now(datetime.UTC).isoformat(),
            "MessageID": str(uuid.uuid4()),
            "ErrorCode": 0,
            "Message": "OK",
        }

    def _answer(self, request: Request) -> Reply:
        path = request.path.rstrip("/")
        if request.method != "POST" or path not in {"/email", "/email/batch"}:
            return Reply(404, {"ErrorCode": 404, "Message": "Not found"})
        if request.headers.get("X-Postmark-Server-Token") != TOKEN:
            return Reply(
                401, {"ErrorCode": 10, "Message": "Bad or missing Server API token"}
            )
        with self.lock:
            self.calls[path] += 1
        body = request.json()
        if path == "/email":
            return Reply(200, self._accept(body))
        if len(body) > MAX_BATCH:
            return Reply(
                422, {"ErrorCode": 300, "Message": "Batch of more than 500 messages"}
            )
        return Reply(200, [self._accept(message) for message in body])
