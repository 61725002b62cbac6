"""Who may read a premium debate, and what everyone else is shown of it.

One function decides: ``can_read(user, page)``. The debate page, its cache
headers and the search index all go by it, or by the teaser it leaves public.

* A free debate is open to everyone.
* Editors (anyone who may enter the Wagtail admin) and subscribers
  (``subscriptions.access.has_reader_access``) read every premium debate.
* A registered reader with a verified address opens ``SiteSettings.premium_quota``
  premium debates per calendar month (Europe/Paris) for free. A debate counts once
  per month, when its page is opened (``record=True``); opening it again that month
  is free, even once the quota is used up.
* Anyone else sees the question, the context and the first paragraph of each side
  (``teaser``), rendered on the server: the rest of the text is never sent.

Why a verified address: the meter counts people, and an address nobody confirmed
costs nothing to make; verdicts already ask for one (``debates.services``).

Metering is on the server, never in a cookie: a cookie meter is reset by a
private window, and fingerprinting would need consent. Pages for visitors without
an account are the same for all of them and are cached publicly; a page rendered
for a logged-in reader is private (``set_cache_headers``, after
https://docs.djangoproject.com/en/stable/topics/cache/#controlling-cache-using-other-headers).
"""

import datetime
import enum
import re
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from core.pagecache import public_for_visitors
from subscriptions.access import has_reader_access
from subscriptions.models import PremiumRead

EDITOR_PERMISSION = "wagtailadmin.access_admin"


class Reason(enum.StrEnum):
    FREE = "free"  # not a premium debate
    EDITOR = "editor"
    SUBSCRIBER = "subscriber"
    QUOTA = "quota"  # one of this month's free reads
    QUOTA_LEFT = "quota_left"  # not counted yet: opening the page would count it
    OVER_QUOTA = "over_quota"
    UNVERIFIED = "unverified"
    ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class ReadAccess:
    """Whether the reader may have a debate's whole text, and why.

    ``remaining`` is the number of free reads left this month for a metered
    reader, ``None`` for everyone else.
    """

    allowed: bool
    reason: Reason
    remaining: int | None = None


def month_of(day: datetime.date) -> datetime.date:
    """The first day of the calendar month a read counts in."""
    return day.replace(day=1)


def is_editor(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(EDITOR_PERMISSION))
    )


def can_read(
    user,
    page,
    *,
    record: bool = False,
    today: datetime.date | None = None,
    quota: int | None = None,
) -> ReadAccess:
    """May ``user`` read the whole of ``page``?

    With ``record=True`` the caller is about to show the text: a metered reader's
    free read is counted now (``record_premium_read``). Without it nothing is
    written, and a debate not yet counted this month is refused (``QUOTA_LEFT``),
    so a caller that forgets to record never hands out an uncounted read.

    ``today`` is the reader's day in Paris (``timezone.localdate()`` by default);
    ``quota`` is ``SiteSettings.premium_quota``, loaded when not given.
    """
    if not getattr(page, "premium", False):
        return ReadAccess(True, Reason.FREE)
    if not user.is_authenticated:
        return ReadAccess(False, Reason.ANONYMOUS)
    # Subscribers first: they are most of the readers who get in, and the editor
    # check reads two tables of permissions.
    if has_reader_access(user, today):
        return ReadAccess(True, Reason.SUBSCRIBER)
    if is_editor(user):
        return ReadAccess(True, Reason.EDITOR)
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        return ReadAccess(False, Reason.UNVERIFIED)
    if quota is None:
        from core.models import SiteSettings

        quota = SiteSettings.load().premium_quota
    month = month_of(today or timezone.localdate())
    if record and page.pk is not None:
        return record_premium_read(user, debate=page, month=month, quota=quota)
    read = _debates_read(user, month)
    return _metered(page.pk in read, len(read), quota)


def _debates_read(user, month: datetime.date) -> set[int]:
    return set(
        PremiumRead.objects.filter(user=user, month=month).values_list(
            "debate_id", flat=True
        )
    )


def _metered(counted: bool, used: int, quota: int) -> ReadAccess:
    remaining = max(quota - used, 0)
    if counted:
        return ReadAccess(True, Reason.QUOTA, remaining)
    if remaining:
        return ReadAccess(False, Reason.QUOTA_LEFT, remaining)
    return ReadAccess(False, Reason.OVER_QUOTA, 0)


@transaction.atomic
def record_premium_read(
    user, *, debate, month: datetime.date, quota: int
) -> ReadAccess:
    """Count the reader's opening of a premium debate against ``month``'s quota.

    Once per debate and month (the table's unique constraint). The reader's row is
    locked first, so two first openings at the same moment cannot both take the
    last free read (on SQLite the write transaction does the same).
    """
    User = get_user_model()
    list(User.objects.select_for_update().filter(pk=user.pk).values_list("pk"))
    read = _debates_read(user, month)
    access = _metered(debate.pk in read, len(read), quota)
    if access.reason is not Reason.QUOTA_LEFT:
        return access
    # get_or_create: a row another process wrote meanwhile is found, not doubled.
    PremiumRead.objects.get_or_create(user=user, debate_id=debate.pk, month=month)
    return ReadAccess(True, Reason.QUOTA, access.remaining - 1)


# --- What a reader without access is shown -----------------------------------------

_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.IGNORECASE | re.DOTALL)
# Footnote numbers point at the side's sources, which stay behind the wall.
_FOOTNOTE = re.compile(r"<sup>[^<]*</sup>", re.IGNORECASE)


def teaser(body: StreamValue) -> StreamValue:
    """The public part of a premium argument: the first paragraph of its first
    paragraph block, without footnote numbers. Nothing after it is kept, so
    nothing after it can be rendered."""
    for child in body:
        if child.block_type == "paragraph":
            first = _FIRST_PARAGRAPH.search(child.value.source)
            html = _FOOTNOTE.sub("", first.group(0)) if first else ""
            return StreamValue(
                body.stream_block, [("paragraph", RichText(html), child.id)]
            )
    return StreamValue(body.stream_block, [])


def visible_body(body: StreamValue, access: ReadAccess) -> tuple[StreamValue, bool]:
    """The argument as this reader may see it, and whether it was cut."""
    if access.allowed:
        return body, False
    return teaser(body), True


# --- Cache headers ------------------------------------------------------------------


def set_cache_headers(response, request, *, seconds: int | None = None) -> None:
    """Public for visitors without an account (one page for all of them, kept whole
    by ``core.pagecache``), private for a logged-in reader (their quota, their
    forms) or when a one-off message is shown. ``seconds`` caps how long the public
    page may be kept. The response varies on the cookie either way."""
    public_for_visitors(response, request, seconds=seconds)
