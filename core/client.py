"""Who is asking: the address of the reader's connection.

Production runs behind proxies (a TLS-terminating load balancer, a CDN), so
``REMOTE_ADDR`` is the nearest proxy for everyone. Two settings say how to find the
reader, and every limit of ours and allauth's reads the answer from here:

- ``CLIENT_IP_HEADER``: a header the platform sets itself and a client cannot forge
  (``CF-Connecting-IP`` behind Cloudflare, ``X-Real-IP`` behind an nginx that sets
  it). It wins when set.
- ``TRUSTED_PROXY_COUNT``: how many proxies stand in front, each appending the
  address it saw to ``X-Forwarded-For``. The client may write anything at the start
  of that header, so the address is read from the right: the ``n``-th entry from
  the end is the one our outermost proxy wrote.

With neither, ``REMOTE_ADDR`` is the reader (development, or an app server exposed
directly).
"""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)

_CACHE_ATTRIBUTE = "_versus_client_address"


def _clean(value: str | None) -> str | None:
    """A well-formed IP address, or None. Ports and IPv6 brackets are dropped."""
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 192.0.2.1:443
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def _from_forwarded_for(request, proxies: int) -> str | None:
    header = request.headers.get("X-Forwarded-For", "")
    entries = [entry.strip() for entry in header.split(",") if entry.strip()]
    if not entries:
        return None
    if len(entries) < proxies:
        # Fewer hops than proxies: this request did not come through all of them
        # (a health check sent straight to the app server, or a setting that does
        # not match the deployment). The connection's own address is the truth.
        logger.warning(
            "X-Forwarded-For has %d address(es), TRUSTED_PROXY_COUNT is %d: "
            "using the connection's address.",
            len(entries),
            proxies,
        )
        return None
    return _clean(entries[-proxies])


def client_address(request) -> str:
    """The reader's address as the outermost trusted proxy saw it (see above)."""
    cached = getattr(request, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    address = None
    if settings.CLIENT_IP_HEADER:
        address = _clean(request.headers.get(settings.CLIENT_IP_HEADER))
    elif settings.TRUSTED_PROXY_COUNT > 0:
        address = _from_forwarded_for(request, settings.TRUSTED_PROXY_COUNT)
    # A test client or a Unix socket may give no address at all.
    address = address or _clean(request.META.get("REMOTE_ADDR")) or "0.0.0.0"  # noqa: S104
    setattr(request, _CACHE_ATTRIBUTE, address)
    return address
