"""Size for the read benchmark (``tests.bench.reads``): 10,000 debates in the real
page tree, 100,000 verdicts and 20,000 reactions, written in bulk.

The factories (``Page.add_child`` then a revision, page by page) would take most
of an hour for 10,000 pages. Here the pages are real Wagtail pages all the same:
a ``wagtailcore_page`` row each, with the treebeard path, depth and ``url_path``
that ``add_child`` would give them under the debate index, and a
``debates_debatepage`` row joined to it; the index's ``numchild`` is raised to
match, and the tree is then checked with treebeard's ``find_problems`` (what
``manage.py fixtree`` reports before it repairs anything). The content of each
debate is copied from a demo debate, so that pages are as heavy as real ones.

Verdicts come in (before, after) pairs from one pseudonymous reader, and the
counters each page shows (``VerdictTally``) are computed from the rows written,
as the verdict service would have kept them. Reactions are approved, by a pool of
readers; the debates the benchmark measures get a popular debate's share.
"""

import datetime
import random
from collections import Counter, defaultdict
from dataclasses import dataclass

STREAMS = (
    "context",
    "key_figures",
    "pour_headline",
    "pour_body",
    "pour_sources",
    "contre_headline",
    "contre_body",
    "contre_sources",
    "reading_minutes",
)


@dataclass(frozen=True)
class Sized:
    debates: int
    verdicts: int
    reactions: int
    on_measured: int  # reactions on each measured debate
    tree_problems: list[str]


def _pages(index, template, count: int, rng: random.Random) -> list[int]:
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F, QuerySet
    from django.utils import timezone
    from wagtail.models import Page

    from debates.models import DebatePage
    from newsroom.models import Contributor, Theme

    content_type = ContentType.objects.get_for_model(DebatePage)
    last = index.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    now = timezone.now()
    pages = []
    for n in range(count):
        slug = f"question-du-fonds-n-{n + 1}"
        published = now - datetime.timedelta(days=30 + n * 0.3)
        title = f"Faut-il trancher la question du fonds n° {n + 1} ?"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(index.path, index.depth + 1, first_step + n),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                content_type=content_type,
                locale_id=index.locale_id,
            )
        )
    Page.objects.bulk_create(pages, batch_size=1000)
    contributors = list(Contributor.objects.values_list("pk", flat=True))
    debates = []
    for page in pages:
        debate = DebatePage(page_ptr_id=page.pk)
        for name in STREAMS:
            setattr(debate, name, getattr(template, name))
        debate.pour_contributor_id, debate.contre_contributor_id = rng.sample(
            contributors, 2
        )
        debate.premium = rng.random() < 0.25
        debates.append(debate)
    # bulk_create refuses a model with a parent table; the parent rows are written
    # above, so only this table's own columns are inserted, as bulk_create would.
    QuerySet(model=DebatePage)._batched_insert(
        debates, DebatePage._meta.local_concrete_fields, batch_size=500
    )
    themes = list(Theme.objects.values_list("pk", flat=True))
    through = DebatePage.themes.through
    through.objects.bulk_create(
        [
            through(debatepage_id=page.pk, theme_id=theme)
            for page in pages
            for theme in rng.sample(themes, min(2, len(themes)))
        ],
        batch_size=5000,
    )
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    return [page.pk for page in pages]


def _verdicts(debates: list[int], measured: list[int], count: int, rng):
    from debates.models import Verdict, VerdictTally
    from debates.models.verdicts import Stance

    stances = Stance.values
    rows, tallies = [], defaultdict(Counter)
    for _pair in range(count // 2):
        debate = rng.choice(measured) if rng.random() < 0.1 else rng.choice(debates)
        key = f"{rng.getrandbits(256):064x}"
        before, after = rng.choice(stances), rng.choice(stances)
        rows.append(
            Verdict(debate_id=debate, reader_key=key, moment="before", stance=before)
        )
        rows.append(
            Verdict(debate_id=debate, reader_key=key, moment="after", stance=after)
        )
        tally = tallies[debate]
        tally[f"before_{before}"] += 1
        tally[f"after_{after}"] += 1
        tally["both"] += 1
        tally["changed"] += before != after
    Verdict.objects.bulk_create(rows, batch_size=5000)
    existing = VerdictTally.objects.in_bulk(list(tallies))
    new, changed = [], []
    for debate, counts in tallies.items():
        tally = existing.get(debate) or VerdictTally(debate_id=debate)
        for name, value in counts.items():
            setattr(tally, name, getattr(tally, name) + value)
        (changed if debate in existing else new).append(tally)
    VerdictTally.objects.bulk_create(new, batch_size=5000)
    fields = [f"{m}_{s}" for m in ("before", "after") for s in stances]
    VerdictTally.objects.bulk_update(changed, [*fields, "both", "changed"])
    return len(rows)


def _reactions(debates, measured, count: int, per_measured: int, rng) -> int:
    from debates.models import Reaction
    from tests.bench.polls import seed_readers

    authors = seed_readers(2000)
    tags = Reaction.Tag.values
    targets = [d for d in measured for _ in range(per_measured)]
    targets += [rng.choice(debates) for _ in range(count - len(targets))]
    Reaction.objects.bulk_create(
        [
            Reaction(
                debate_id=debate,
                author_id=rng.choice(authors),
                tag=rng.choice(tags),
                text="Un avis argumenté, sans attaque personnelle, sur la question.",
                status=Reaction.Status.APPROVED,
            )
            for debate in targets
        ],
        batch_size=5000,
    )
    return len(targets)


TREE_CHECKS = {
    # treebeard's find_problems (what ``manage.py fixtree`` reports), one query
    # each: its own version asks for each page's children one page at a time.
    "wrong depth": "SELECT count(*) FROM wagtailcore_page"
    " WHERE length(path) != depth * %(steplen)s",
    "orphans": "SELECT count(*) FROM wagtailcore_page p WHERE p.depth > 1"
    " AND NOT EXISTS (SELECT 1 FROM wagtailcore_page q"
    " WHERE q.path = substr(p.path, 1, length(p.path) - %(steplen)s))",
    "wrong numchild": "SELECT count(*) FROM wagtailcore_page p LEFT JOIN"
    " (SELECT substr(path, 1, length(path) - %(steplen)s) AS parent, count(*) AS n"
    " FROM wagtailcore_page WHERE depth > 1 GROUP BY 1) c ON c.parent = p.path"
    " WHERE p.numchild != coalesce(c.n, 0)",
    "duplicate paths": "SELECT count(*) - count(DISTINCT path) FROM wagtailcore_page",
}


def check_tree() -> list[str]:
    """The page tree's problems, as ``fixtree`` would list them; [] if none."""
    from django.db import connection
    from wagtail.models import Page

    problems = []
    with connection.cursor() as cursor:
        for name, query in TREE_CHECKS.items():
            cursor.execute(query, {"steplen": Page.steplen})
            found = cursor.fetchone()[0]
            if found:
                problems.append(f"{name}: {found}")
    return problems


def grow(
    *,
    debates: int,
    verdicts: int,
    reactions: int,
    measured: list[int],
    per_measured: int,
    rng: random.Random,
) -> Sized:
    from django.db import transaction

    from debates.models import DebateIndexPage, DebatePage

    with transaction.atomic():
        index = DebateIndexPage.objects.get()
        template = DebatePage.objects.live().filter(premium=False).first()
        pks = _pages(index, template, debates, rng)
        written = _verdicts(pks, measured, verdicts, rng)
        posted = _reactions(pks, measured, reactions, per_measured, rng)
    problems = check_tree()
    return Sized(
        debates=DebatePage.objects.live().count(),
        verdicts=written,
        reactions=posted,
        on_measured=per_measured,
        tree_problems=problems,
    )
