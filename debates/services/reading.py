"""Opening a debate to read it.

Pages assemble what they show and never write; what opening a premium debate
changes (a metered reader's free read of the month) happens here, called by the
page's ``serve`` and by the views that show the page again after a refused form.
"""

from debates.models import DebatePage
from subscriptions.paywall import ReadAccess, can_read


def open_debate(debate: DebatePage, *, reader, quota: int | None = None) -> ReadAccess:
    """The reader opens ``debate``: what they may read of it, a metered reader's
    free read counted now if it was not already this month.

    ``quota`` is the site's monthly number of free premium reads
    (``selectors.premium_quota``), loaded only when needed if not given. The
    count, its lock and its once-a-month rule are
    ``subscriptions.paywall.record_premium_read``'s.
    """
    return can_read(reader, debate, record=True, quota=quota)
