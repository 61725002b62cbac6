"""The newsletter room: the lists and their consent log (``lists``), the
suppression list (``suppression``), the issue pages (``pages``) and what was sent
to whom (``sending``)."""

from newsletter.models.lists import ConsentEvent, Newsletter, Subscriber, Subscription
from newsletter.models.pages import NewsletterIndexPage, NewsletterIssuePage
from newsletter.models.sending import Delivery, IssueDispatch
from newsletter.models.suppression import (
    SOFT_BOUNCES_BEFORE_SUPPRESSION,
    SoftBounceStreak,
    Suppression,
)

__all__ = [
    "SOFT_BOUNCES_BEFORE_SUPPRESSION",
    "ConsentEvent",
    "Delivery",
    "IssueDispatch",
    "Newsletter",
    "NewsletterIndexPage",
    "NewsletterIssuePage",
    "SoftBounceStreak",
    "Subscriber",
    "Subscription",
    "Suppression",
]
