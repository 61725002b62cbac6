import json
import urllib.error
import urllib.request
from contextlib import ExitStack

import pytest

from tests.bench.fakeserver import Reply, serve


def call(method, url, *, body=None, headers=None):
    request = urllib.request.Request(  # noqa: S310 (our own 127.0.0.1 URL)
        url, data=body, method=method, headers=headers or {}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def echo(request):
    return Reply(
        201,
        {"method": request.method, "path": request.path, "query": request.query},
        headers={"Request-Id": "req_1"},
    )


def test_it_answers_in_json_and_records_what_it_received():
    with serve(echo) as server:
        status, headers, body = call(
            "POST",
            server.url + "/v1/things?limit=3",
            body=b"name=ada&tags[]=a",
            headers={"X-Token": "secret"},
        )

    assert server.url.startswith("http://127.0.0.1:")
    assert status == 201
    assert headers["Content-Type"] == "application/json"
    assert headers["Request-Id"] == "req_1"
    assert json.loads(body) == {
        "method": "POST",
        "path": "/v1/things",
        "query": {"limit": ["3"]},
    }
    [request] = server.requests
    assert request.headers["X-Token"] == "secret"
    assert request.form() == {"name": ["ada"], "tags[]": ["a"]}


def test_any_method_is_answered_and_an_empty_body_has_no_content_type():
    with serve(lambda request: Reply(200)) as server:
        status, headers, body = call("PURGE", server.url + "/debats/")

    assert (status, body) == (200, b"")
    assert "Content-Type" not in headers
    assert [(r.method, r.path) for r in server.requests] == [("PURGE", "/debats/")]


def test_a_broken_answer_is_a_500_then_fails_the_block():
    def broken(request):
        raise KeyError("amount")

    stack = ExitStack()
    server = stack.enter_context(serve(broken))
    status, _, body = call("GET", server.url + "/")
    with pytest.raises(KeyError, match="amount"):
        stack.close()

    assert status == 500
    assert "KeyError" in json.loads(body)["error"]["message"]


def test_it_stops_listening_when_the_block_ends():
    with serve(echo) as server:
        pass

    with pytest.raises(urllib.error.URLError):
        call("GET", server.url + "/")
