"""What every topic service checks: the errors it raises and the rate limits of
``settings.RATE_LIMITS``. Whether a reader's address is verified is a read, shared
with the pages: ``debates.polls.selectors.is_verified``."""

from django.conf import settings

from core.errors import DomainError
from core.ratelimit import address_over_limit, over_limit


class ProposalError(DomainError):
    """A proposal, a support or a moderation decision the rules refuse."""


class BallotError(DomainError):
    """A ballot the rules refuse; nothing was recorded."""


class PollClosed(BallotError):
    """The ballot came after the closing time, often from a page loaded while
    the poll was open; views answer with the results rather than the form."""


def _limit(name: str) -> tuple[int, int]:
    return settings.RATE_LIMITS[name]


def check_rate(name: str, *, user=None, ip_address=None, message) -> None:
    limit, seconds = _limit(f"{name}_per_reader")
    if user is not None and over_limit(f"rl:{name}:u:{user.pk}", limit, seconds):
        raise DomainError(message)
    limit, seconds = _limit(f"{name}_per_ip")
    if address_over_limit(name, ip_address, limit, seconds):
        raise DomainError(message)
