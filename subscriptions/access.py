"""Who is a subscriber: one function, from the subscriptions we hold.

Stripe's statuses that grant access are ``active``, ``trialing`` and ``past_due``
(while Stripe retries the payment); ``incomplete``, ``incomplete_expired``,
``unpaid``, ``canceled`` and ``paused`` do not. A complimentary subscription
grants access until its end date.
"""

from django.utils import timezone

from subscriptions.models import Subscription


def entitling_subscription(user, today=None) -> Subscription | None:
    """The subscription that gives the reader access now, if any."""
    if not user.is_authenticated:
        return None
    today = today or timezone.localdate()
    candidates = Subscription.objects.filter(account__user=user).filter(
        status__in=[*Subscription.ENTITLING, Subscription.Status.COMPLIMENTARY]
    )
    for subscription in candidates.order_by("-created_at"):
        if subscription.grants_access(today):
            return subscription
    return None


def has_reader_access(user, today=None) -> bool:
    """True for a subscriber: every premium debate, every edition PDF."""
    cache_name = "_versus_reader_access"
    if today is None and hasattr(user, cache_name):
        return getattr(user, cache_name)
    access = entitling_subscription(user, today) is not None
    if today is None and user.is_authenticated:
        setattr(user, cache_name, access)  # once per request: the user is per request
    return access
