"""Who is a subscriber: one function, from the subscriptions we hold.

Stripe's statuses that grant access are ``active``, ``trialing`` and ``past_due``
(while Stripe retries the payment); ``incomplete``, ``incomplete_expired``,
``unpaid``, ``canceled`` and ``paused`` do not. A complimentary subscription
grants access until its end date.
"""

from django.db.models import Q, QuerySet
from django.utils import timezone

from subscriptions.models import Subscription


def _entitling(user, today) -> QuerySet[Subscription]:
    """The reader's subscriptions that give access on ``today``: what
    ``Subscription.grants_access`` says, as a filter."""
    return Subscription.objects.filter(account__user=user).filter(
        Q(status__in=Subscription.ENTITLING)
        | Q(
            status=Subscription.Status.COMPLIMENTARY,
            complimentary_until__gte=today,
        )
    )


def entitling_subscription(user, today=None) -> Subscription | None:
    """The subscription that gives the reader access now, if any (the newest)."""
    if not user.is_authenticated:
        return None
    today = today or timezone.localdate()
    return _entitling(user, today).order_by("-created_at").first()


def has_reader_access(user, today=None) -> bool:
    """True for a subscriber: every premium debate, every edition PDF."""
    cache_name = "_versus_reader_access"
    if today is None and hasattr(user, cache_name):
        return getattr(user, cache_name)
    # Whether one exists: every logged-in page asks, no row needs reading.
    access = user.is_authenticated and (
        _entitling(user, today or timezone.localdate()).exists()
    )
    if today is None and user.is_authenticated:
        setattr(user, cache_name, access)  # once per request: the user is per request
    return access
