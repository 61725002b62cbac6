"""What the Stripe gateway and the demo gateway share: the API version the SDK
is pinned to (the webhook endpoint must use the same), the error both raise, and
ids shaped like Stripe's for what the demo invents."""

import secrets
import time

import stripe

API_VERSION = stripe._api_version._ApiVersion.CURRENT


class GatewayError(Exception):
    """Stripe could not be reached or refused the request."""


def new_id(prefix: str) -> str:
    return f"{prefix}_demo{secrets.token_hex(8)}"


def now_ts() -> int:
    return int(time.time())
