"""An email provider on this machine, answering as Postmark's API does, so that
the site sends through Anymail's real Postmark backend over HTTP.

Shapes from Postmark's documentation (https://postmarkapp.com/developer/api/
email-api and .../api/overview#error-codes): ``POST /email`` with the
``X-Postmark-Server-Token`` header answers ``{"To", "SubmittedAt", "MessageID",
"ErrorCode": 0, "Message": "OK"}``; a wrong token is a 401 with error code 10; an
outage is a 500 (error code 100, "Maintenance"). It can refuse a share of the
sends, and it keeps every message it accepted.
"""

import datetime
import random
import threading
import uuid
from contextlib import ExitStack

from tests.bench.fakeserver import Reply, Request, serve

TOKEN = "storm-postmark-token"


class FakePostmark:
    def __init__(self, *, refuse_share: float = 0.0, seed: int = 0):
        self.refuse_share = refuse_share
        self.random = random.Random(seed)  # noqa: S311 (which sends fail; no secret)
        self.lock = threading.Lock()
        self.accepted: list[dict] = []
        self.refused = 0
        self.url = ""
        self._stack = ExitStack()

    def __enter__(self):
        self.url = self._stack.enter_context(serve(self._answer)).url + "/"
        return self

    def __exit__(self, *exc):
        return self._stack.__exit__(*exc)

    def _answer(self, request: Request) -> Reply:
        if request.method != "POST" or request.path.rstrip("/") != "/email":
            return Reply(404, {"ErrorCode": 404, "Message": "Not found"})
        if request.headers.get("X-Postmark-Server-Token") != TOKEN:
            return Reply(
                401, {"ErrorCode": 10, "Message": "Bad or missing Server API token"}
            )
        message = request.json()
        with self.lock:
            if self.random.random() < self.refuse_share:
                self.refused += 1
                return Reply(500, {"ErrorCode": 100, "Message": "Maintenance"})
            self.accepted.append(message)
        return Reply(
            200,
            {
                "To": message["To"],
                "SubmittedAt": datetime.datetime.now(datetime.UTC).isoformat(),
                "MessageID": str(uuid.uuid4()),
                "ErrorCode": 0,
                "Message": "OK",
            },
        )
