"""The Redis cache keeps one redis-py client per connection pool
(core.redis_cache): Django's builds one per cache call."""

import os
import threading

import pytest
import redis

from core.redis_cache import RedisCache


def cache(*servers: str) -> RedisCache:
    return RedisCache(list(servers), {"KEY_PREFIX": "versus-test"})


def test_every_call_gets_the_same_client_for_the_same_server():
    backend = cache("redis://127.0.0.1:6379/15")
    seen = []
    thread = threading.Thread(target=lambda: seen.append(backend._cache.get_client()))
    thread.start()
    thread.join()

    first = backend._cache.get_client()
    again = backend._cache.get_client(write=True)

    assert isinstance(first, redis.Redis)
    assert first is again is seen[0]


def test_writes_go_to_the_first_server_and_reads_to_the_others():
    backend = cache("redis://127.0.0.1:6379/14", "redis://127.0.0.1:6379/13")

    writer = backend._cache.get_client(write=True)
    reader = backend._cache.get_client()

    assert writer.connection_pool.connection_kwargs["db"] == 14
    assert reader.connection_pool.connection_kwargs["db"] == 13
    assert backend._cache.get_client() is reader


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (a Redis server)"
)
def test_values_go_to_redis_and_come_back():
    backend = cache(os.environ["REDIS_URL"])
    backend.set("greeting", {"text": "bonjour"}, 30)
    backend.set_many({"a": 1, "b": 2}, 30)

    assert backend.get("greeting") == {"text": "bonjour"}
    assert backend.get_many(["a", "b", "missing"]) == {"a": 1, "b": 2}
    backend.delete_many(["greeting", "a", "b"])
    assert backend.get("greeting") is None
