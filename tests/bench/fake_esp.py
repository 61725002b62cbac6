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
import json
import random
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "storm-postmark-token"


class FakePostmark:
    def __init__(self, *, refuse_share: float = 0.0, seed: int = 0):
        self.refuse_share = refuse_share
        self.random = random.Random(seed)  # noqa: S311 (which sends fail; no secret)
        self.lock = threading.Lock()
        self.accepted: list[dict] = []
        self.refused = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def _answer(self, headers, body: bytes) -> tuple[int, dict]:
        if headers.get("X-Postmark-Server-Token") != TOKEN:
            return 401, {"ErrorCode": 10, "Message": "Bad or missing Server API token"}
        message = json.loads(body)
        with self.lock:
            if self.random.random() < self.refuse_share:
                self.refused += 1
                return 500, {"ErrorCode": 100, "Message": "Maintenance"}
            self.accepted.append(message)
        return 200, {
            "To": message["To"],
            "SubmittedAt": datetime.datetime.now(datetime.UTC).isoformat(),
            "MessageID": str(uuid.uuid4()),
            "ErrorCode": 0,
            "Message": "OK",
        }

    def _handler(self):
        esp = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                if self.path.rstrip("/") != "/email":
                    status, answer = 404, {"ErrorCode": 404, "Message": "Not found"}
                else:
                    status, answer = esp._answer(self.headers, body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler
