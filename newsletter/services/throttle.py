"""``NEWSLETTER_SEND_RATE``: recipients per second, for all workers together.

A fixed one-second window counted in the cache (Redis in production, where
``incr`` is atomic and shared by every worker). A batch waits for a window with
room for it; batches are never larger than the rate, so one always fits.
"""

import time

from django.conf import settings
from django.core.cache import cache

KEY = "newsletter:rate:%d"


def batch_size() -> int:
    return max(1, min(settings.NEWSLETTER_BATCH_SIZE, settings.NEWSLETTER_SEND_RATE))


def wait_for_room(count: int, *, clock=time.time, sleep=time.sleep) -> None:
    rate = settings.NEWSLETTER_SEND_RATE
    while True:
        now = clock()
        key = KEY % int(now)
        cache.add(key, 0, 5)
        try:
            used = cache.incr(key, count)
        except ValueError:  # the window's key expired between add() and incr()
            cache.set(key, count, 5)
            used = count
        if used <= rate or used == count:
            return
        cache.decr(key, count)
        sleep(max(int(now) + 1 - now, 0.01))
