"""Fixed-window rate limits in the cache, shared by every room.

Limits count an account, an email address or a connection. A connection is the
reader's address from ``core.client`` (never the proxy's); IPv6 addresses are
counted per /64, the block one subscriber line usually gets, so that a client
cannot dodge a limit by walking through its own addresses.
"""

import hashlib
import ipaddress

from django.core.cache import cache

from core.client import client_address

IPV6_PREFIX = 64


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


def network_of(address: str) -> str:
    """The address itself for IPv4, its /64 network for IPv6."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False))
    return str(parsed)


def address_over_limit(scope: str, address: str | None, limit: int, seconds: int):
    """``over_limit`` for one connection (see the module's docstring)."""
    if not address:
        return False
    return over_limit(f"rl:{scope}:ip:{digest(network_of(address))}", limit, seconds)


def request_over_limit(request, scope: str, limit: int, seconds: int) -> bool:
    """``address_over_limit`` for the reader making ``request``."""
    return address_over_limit(scope, client_address(request), limit, seconds)
