"""Reads shared by the views, the templates and the sending engine."""

from django.db.models import Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from newsletter.models import (
    Newsletter,
    NewsletterIssuePage,
    Subscriber,
    Subscription,
    Suppression,
)


def archived_issues(index) -> QuerySet:
    """The live issues of the archive, newest first."""
    return (
        NewsletterIssuePage.objects.live()
        .public()
        .child_of(index)
        .select_related("newsletter")
        .order_by("-first_published_at", "-pk")
    )


def offered_newsletters() -> QuerySet:
    return Newsletter.objects.filter(active=True)


def default_newsletter() -> Newsletter | None:
    """The list the sign-up form on the site's pages subscribes to."""
    lists = offered_newsletters()
    return lists.filter(is_default=True).first() or lists.first()


def _current_address():
    """The address mail goes to, in SQL: the account's when linked."""
    return Lower(
        Coalesce(NullIf(F("subscriber__user__email"), Value("")), "subscriber__email")
    )


def recipients(newsletter: Newsletter) -> QuerySet:
    """Consenting, non-suppressed subscribers of ``newsletter``, as
    (subscriber id, address) rows."""
    suppressed = Suppression.objects.filter(address=OuterRef("current_address"))
    return (
        Subscription.objects.filter(
            newsletter=newsletter, status=Subscription.Status.ACTIVE
        )
        .annotate(current_address=_current_address())
        .exclude(Exists(suppressed))
        .order_by("subscriber_id")
        .values_list("subscriber_id", "current_address")
    )


def subscriber_for_user(user) -> Subscriber | None:
    return (
        Subscriber.objects.filter(user=user).select_related("user").first()
        if user.is_authenticated
        else None
    )


def is_suppressed(address: str) -> bool:
    return Suppression.objects.filter(address=address.strip().lower()).exists()
