"""Read queries shared by the debate pages, the home page and expert profiles."""

import functools
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q, QuerySet, Subquery, Window
from django.utils import timezone
from wagtail.models import Page

from core.admin_permissions import ACCESS_ADMIN
from core.models import SiteSettings
from core.search import reader_query
from debates.models import DebatePage, Reaction, StanceConsent, Verdict, VerdictTally
from debates.services import reader_key
from newsroom.models import Edition, Theme
from subscriptions.paywall import ReadAccess, can_read


def published_debates() -> QuerySet[DebatePage]:
    """Live debates, newest first, with what a listing card shows."""
    return (
        DebatePage.objects.live()
        .public()
        .select_related("pour_contributor", "contre_contributor")
        .prefetch_related("themes")
        .order_by("-first_published_at", "-pk")
    )


def debate_listing(*, index, theme_slug: str = "", query: str = ""):
    """The index page's debates, filtered by theme and searched; and the theme."""
    debates = published_debates().child_of(index)
    theme = Theme.objects.filter(slug=theme_slug).first() if theme_slug else None
    if theme is not None:
        debates = debates.filter(themes=theme)
    search = reader_query(query) if query else None
    if search is not None:
        # Wagtail search returns a result list; keep it a queryset of ids so the
        # listing keeps its prefetches and its order.
        ids = [page.pk for page in DebatePage.objects.live().search(search)]
        debates = debates.filter(pk__in=ids)
    return debates, theme


def themes_in_use() -> QuerySet[Theme]:
    return (
        Theme.objects.filter(debates__live=True)
        .distinct()
        .order_by("sort_order", "name")
    )


def debates_by_contributor(contributor) -> QuerySet[DebatePage]:
    return published_debates().filter(
        Q(pour_contributor=contributor) | Q(contre_contributor=contributor)
    )


def related_debates(
    debate: DebatePage, *, themes=None, limit: int = 3
) -> list[DebatePage]:
    """Other debates sharing a theme, newest first.

    The themes are matched in a subquery rather than a join: a join repeats a
    debate once per shared theme and needs DISTINCT, which sorts every debate of
    those themes on all the page's columns before keeping three (50 ms at 10,000
    debates); the subquery lets PostgreSQL walk the newest pages and stop at three
    (tests/bench/reads.py)."""
    if themes is None:
        themes = debate.themes.all()
    sharing = DebatePage.themes.through.objects.filter(theme__in=themes)
    return list(
        published_debates()
        .filter(pk__in=sharing.values("debatepage_id"))
        .exclude(pk=debate.pk)[:limit]
    )


EDITIONS_VERSION_KEY = "debates:editions:version"


def edition_of(debate: DebatePage):
    """The print edition the debate first appeared in, once that edition is out.

    Read on every debate page, changed a few times a year: each debate's editions
    are kept in the cache under a version that ``forget_editions`` moves whenever
    an edition changes; the date is checked here, so a coming edition appears on
    its day by itself."""
    version = cache.get_or_set(EDITIONS_VERSION_KEY, 1, None)
    key = f"debates:editions:{version}:{debate.pk}"
    editions = cache.get(key)
    if editions is None:
        editions = list(
            Edition.objects.filter(items__debate=debate)
            .only("number", "published_on")
            .order_by("published_on", "number")
        )
        cache.set(key, editions, 24 * 3600)
    today = timezone.localdate()
    return next((e for e in editions if e.published_on <= today), None)


def forget_editions(**kwargs) -> None:
    """Every debate's cached editions become stale at once."""
    cache.add(EDITIONS_VERSION_KEY, 1, None)
    try:
        cache.incr(EDITIONS_VERSION_KEY)
    except ValueError:
        cache.set(EDITIONS_VERSION_KEY, 2, None)


def tally_for(debate: DebatePage) -> VerdictTally:
    return tally_of(debate.pk)


# Threads (a published reaction and its published replies) shown on the debate page
# and on each page of its reactions: a popular debate's 300 reactions, each with
# its own reply form, weighed 0.9 MB and took most of the subscriber's render.
THREADS_PER_PAGE = 20


def _published(debate: DebatePage) -> QuerySet[Reaction]:
    return Reaction.objects.filter(debate=debate, status=Reaction.Status.APPROVED)


def reaction_threads(debate: DebatePage) -> QuerySet[Reaction]:
    """The debate's published threads, newest first: the queryset a page of them
    is cut from (``with_replies`` then adds their replies)."""
    return (
        _published(debate)
        .filter(parent__isnull=True)
        .select_related("author")
        .order_by("-created_at", "-pk")
    )


def with_replies(threads) -> list[Reaction]:
    """``threads`` with their published replies, oldest first, as
    ``thread_replies`` (one query for every thread)."""
    threads = list(threads)
    by_id = {thread.pk: thread for thread in threads}
    for thread in threads:
        thread.thread_replies = []
    if by_id:
        replies = (
            Reaction.objects.filter(
                parent_id__in=by_id, status=Reaction.Status.APPROVED
            )
            .select_related("author")
            .order_by("created_at", "pk")
        )
        for reply in replies:
            by_id[reply.parent_id].thread_replies.append(reply)
    return threads


@dataclass(frozen=True)
class ReactionCounts:
    threads: int
    # Every reaction a reader can see: the threads and the replies under them (a
    # reply whose reaction was withdrawn since is shown nowhere, so not counted).
    reactions: int


def _shown_replies(debate: DebatePage) -> QuerySet[Reaction]:
    return _published(debate).filter(parent__status=Reaction.Status.APPROVED)


def reaction_counts(debate: DebatePage) -> ReactionCounts:
    """Both counts in one query."""
    counts = (
        _published(debate)
        .filter(Q(parent__isnull=True) | Q(parent__status=Reaction.Status.APPROVED))
        .aggregate(
            threads=Count("pk", filter=Q(parent__isnull=True)), reactions=Count("pk")
        )
    )
    return ReactionCounts(threads=counts["threads"], reactions=counts["reactions"])


def latest_threads(
    debate: DebatePage, *, limit: int = THREADS_PER_PAGE
) -> tuple[list[Reaction], ReactionCounts]:
    """The newest ``limit`` threads with their replies, and the counts: what the
    debate page shows, in two queries. The counts ride on the threads' query (a
    window over every thread, before the limit, and the replies' count as a
    subquery) rather than in a query of their own."""
    replies = (
        _shown_replies(debate)
        .order_by()
        .values("debate")
        .annotate(count=Count("pk"))
        .values("count")
    )
    threads = list(
        reaction_threads(debate).annotate(
            threads_count=Window(Count("pk")), replies_count=Subquery(replies)
        )[:limit]
    )
    counts = ReactionCounts(threads=0, reactions=0)
    if threads:
        first = threads[0]
        counts = ReactionCounts(
            threads=first.threads_count,
            reactions=first.threads_count + (first.replies_count or 0),
        )
    return with_replies(threads), counts


def reply_target(debate: DebatePage, pk) -> Reaction | None:
    """The published thread of ``debate`` whose id is ``pk`` (as the « Reply »
    link or a refused form sends it back, so any text), or ``None``."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < pk < 2**31:
        return None
    return reaction_threads(debate).filter(pk=pk).first()


@dataclass(frozen=True)
class ReaderState:
    """What a debate page shows one logged-in reader of their own."""

    verdicts: dict[str, str]  # stance by moment
    consented: bool  # to have their stances recorded (``services.has_consented``)
    pending: tuple[str, ...]  # their reactions awaiting moderation, oldest first
    editor: bool  # may enter the admin (the editor's bar)
    live_url_path: str | None = None  # the debate's, while it is live


@functools.cache
def _reader_state_sql(*, editor: bool) -> str:
    """``reader_state``'s statement, from the models' own tables and columns;
    with ``editor``, the part that reads the reader's admin access."""
    User = get_user_model()
    page, verdict, consent, reaction = (
        m._meta for m in (Page, Verdict, StanceConsent, Reaction)
    )
    user_perms = User.user_permissions.through._meta
    user_groups = User.groups.through._meta
    group_perms = Group.permissions.through._meta
    permission, content_type = Permission._meta, ContentType._meta

    quote = connection.ops.quote_name

    def col(meta, name):
        return f"{quote(meta.db_table)}.{quote(meta.get_field(name).column)}"

    sql = f"""
        SELECT 'page', {col(page, "url_path")}, ''
          FROM {quote(page.db_table)}
         WHERE {col(page, "id")} = %(debate)s AND {col(page, "live")} = %(live)s
        UNION ALL
        SELECT 'verdict', {col(verdict, "moment")}, {col(verdict, "stance")}
          FROM {quote(verdict.db_table)}
         WHERE {col(verdict, "debate")} = %(debate)s
           AND {col(verdict, "reader_key")} = %(reader_key)s
        UNION ALL
        SELECT 'consent', '', '' FROM {quote(consent.db_table)}
         WHERE {col(consent, "user")} = %(user)s
        UNION ALL
        SELECT 'pending', {col(reaction, "text")}, CAST({col(reaction, "id")} AS TEXT)
          FROM {quote(reaction.db_table)}
         WHERE {col(reaction, "debate")} = %(debate)s
           AND {col(reaction, "status")} = %(pending)s
           AND {col(reaction, "author")} = %(user)s
    """  # noqa: S608 - tables and columns from the models, values as parameters
    if not editor:
        return sql
    editor_part = f"""
        UNION ALL
        SELECT 'editor', '', '' FROM {quote(permission.db_table)}
          JOIN {quote(content_type.db_table)}
            ON {col(content_type, "id")} = {col(permission, "content_type")}
         WHERE {col(content_type, "app_label")} = %(app_label)s
           AND {col(permission, "codename")} = %(codename)s
           AND (EXISTS (SELECT 1 FROM {quote(user_perms.db_table)}
                         WHERE {col(user_perms, "permission")} = {col(permission, "id")}
                           AND {col(user_perms, "user")} = %(user)s)
                OR EXISTS (SELECT 1 FROM {quote(group_perms.db_table)}
                             JOIN {quote(user_groups.db_table)}
                               ON {col(user_groups, "group")}
                                  = {col(group_perms, "group")}
                            WHERE {col(group_perms, "permission")}
                                  = {col(permission, "id")}
                              AND {col(user_groups, "user")} = %(user)s))
    """  # noqa: S608 - as above
    return sql + editor_part


def reader_state(debate_id: int, user) -> ReaderState:
    """The reader's verdicts on the debate, their consent, their reactions waiting
    for an editor and their admin access, with the debate's URL path while it is
    live, in one statement (a UNION).

    Written out rather than built with the ORM: a logged-in debate page is
    served from a shell (``debates.shells``) in a few milliseconds, and the ORM
    took three of them to compile the parts (the statement itself runs in a
    fraction of one); ``tests/debates/test_reader_state.py`` holds it to what the
    ORM's own queries answer, on SQLite and PostgreSQL."""
    # Already known: a superuser, or permissions the paywall read in this request.
    known = user.is_superuser or hasattr(user, "_perm_cache")
    app_label, codename = ACCESS_ADMIN.split(".")
    params = {
        "debate": debate_id,
        "live": True,
        "reader_key": reader_key(user),
        "user": user.pk,
        "pending": Reaction.Status.PENDING,
    }
    if not known:
        params.update(app_label=app_label, codename=codename)
    with connection.cursor() as cursor:
        cursor.execute(_reader_state_sql(editor=not known), params)
        rows = cursor.fetchall()
    waiting = sorted((int(pk), text) for tag, text, pk in rows if tag == "pending")
    if known:
        editor = user.is_superuser or user.has_perm(ACCESS_ADMIN)
    else:
        editor = any(tag == "editor" for tag, _a, _b in rows)
    return ReaderState(
        verdicts={a: b for tag, a, b in rows if tag == "verdict"},
        consented=any(tag == "consent" for tag, _a, _b in rows),
        pending=tuple(text for _pk, text in waiting),
        editor=editor,
        live_url_path=next((a for tag, a, _b in rows if tag == "page"), None),
    )


def tally_of(debate_id: int) -> VerdictTally:
    """The debate's tally (zeros before its first verdict), by the debate's id,
    in a statement written out for the same reason as ``reader_state``'s."""
    meta = VerdictTally._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    table, key = quote(meta.db_table), quote(meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {table} WHERE {key} = %s",  # noqa: S608
            [debate_id],
        )
        row = cursor.fetchone()
    values = dict(zip((f.attname for f in fields), row, strict=True)) if row else {}
    return VerdictTally(debate_id=debate_id, **values)


def premium_quota(request) -> int:
    """The free premium reads a registered reader has each month, on this site."""
    return SiteSettings.load(request_or_site=request).premium_quota


def read_access(debate: DebatePage, *, reader, quota: int) -> ReadAccess:
    """What ``reader`` may read of ``debate``, counting nothing: a debate they have
    not opened this month stays behind the wall (``services.open_debate`` opens
    it)."""
    return can_read(reader, debate, quota=quota)
