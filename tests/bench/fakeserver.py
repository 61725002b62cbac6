"""A stand-in HTTP service on this machine, for the fakes of the services the site
calls (Stripe, the email provider, the CDN), so that each fake only says what it
answers.

Usage::

    from tests.bench.fakeserver import Reply, serve

    def answer(request):
        if request.method == "POST" and request.path == "/email":
            return Reply(200, {"ErrorCode": 0, "Message": "OK"})
        return Reply(404, {"Message": "Not found"})

    with serve(answer) as server:
        post(server.url + "/email", ...)  # http://127.0.0.1:<free port>
        assert server.requests[0].json()["To"] == ...

``serve(answer)`` starts a ``ThreadingHTTPServer`` on 127.0.0.1 on a free port,
in a thread, and yields a ``FakeServer``: its ``url`` (no trailing slash) and
``requests``, every ``Request`` it received in order of arrival (method, path
without the query, query and form as ``parse_qs`` gives them, headers, raw body).
``answer`` is called once per request, on that request's thread (so it must be
thread-safe) with the ``Request``, and returns a ``Reply``: a status, a body
sent as JSON (``None`` for an empty body) and extra headers. It may take its
time (a slow network) or raise: the client then gets a 500 and the error is
raised again when the ``with`` block ends, so that a broken fake never passes
unnoticed. Leaving the block stops the server and closes its socket.

Every method is answered (GET, POST, PURGE...), over HTTP/1.1 with keep-alive.
"""

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PURGE")


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: Message
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, list[str]]:
        """The body as an HTML form (``application/x-www-form-urlencoded``)."""
        return parse_qs(self.body.decode())


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


Answer = Callable[[Request], Reply]


@dataclass
class FakeServer:
    url: str
    requests: list[Request] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)


def _handler(answer: Answer, fake: FakeServer, lock: threading.Lock):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # The headers and the body leave in two writes: without TCP_NODELAY the
        # body waits for the client's delayed ACK, 40 ms a request on keep-alive.
        disable_nagle_algorithm = True

        def _serve(self):
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            request = Request(
                method=self.command,
                path=url.path,
                query=parse_qs(url.query),
                headers=self.headers,
                body=self.rfile.read(length) if length else b"",
            )
            with lock:
                fake.requests.append(request)
            try:
                reply = answer(request)
            except Exception as error:  # raised again when the server stops
                with lock:
                    fake.errors.append(error)
                reply = Reply(500, {"error": {"message": repr(error)}})
            data = b"" if reply.body is None else json.dumps(reply.body).encode()
            self.send_response(reply.status)
            if reply.body is not None:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def log_message(self, *args):
            pass

    for method in METHODS:
        setattr(Handler, f"do_{method}", Handler._serve)
    return Handler


@contextmanager
def serve(answer: Answer) -> Iterator[FakeServer]:
    """Serve ``answer`` on 127.0.0.1 until the block ends (see the module's doc)."""
    fake = FakeServer(url="")
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), _handler(answer, fake, threading.Lock())
    )
    fake.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    if fake.errors:
        raise fake.errors[0]
