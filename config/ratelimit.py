import hashlib

from django.core.cache import cache


def over_limit(key: str, limit: int, seconds: int) -> bool:
    """Count one more attempt in a fixed window; True once ``limit`` is passed.

    ``incr`` is atomic in Redis, so simultaneous attempts cannot slip through
    together."""
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:  # the window closed between add() and incr()
        cache.set(key, 1, seconds)
        return False


def digest(value: str) -> str:
    """Keeps addresses (email, IP) out of cache keys and of Redis dumps."""
    return hashlib.sha256(value.encode()).hexdigest()
