"""Django's Redis cache, with one redis-py client per connection pool.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every
cache operation, and each one copies redis-py's table of some 170 response
callbacks into a fresh case-insensitive dict: about 0.2 ms of CPU each time. A
logged-in page makes a dozen cache calls (the session, the kept parts and routes,
the site settings), so that was 2 to 3 ms of each page. A ``redis.Redis`` is
safe to share between threads (it takes a connection from its pool for each
command), and its pool already handles a fork, so one per pool is kept.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            # As Django's _get_connection_pool, for this index (it would draw
            # its own among several read servers).
            pool = self._pools.get(index)
            if pool is None:
                pool = self._pools.setdefault(
                    index,
                    self._pool_class.from_url(
                        self._servers[index], **self._pool_options
                    ),
                )
            client = self._clients.setdefault(index, self._client(connection_pool=pool))
        return client


class RedisCache(django_redis.RedisCache):
    """``CACHES[...]["BACKEND"] = "core.redis_cache.RedisCache"``; the same
    options as Django's."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
