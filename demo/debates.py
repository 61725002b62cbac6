"""Demo debates for ``seed_demo``: themes, experts, the index and twelve debates.

The texts live in ``demo/data/`` (``demo.content``); this module turns them into pages
with the same factories the tests use, and lets a small panel of demo readers give
their verdicts through the real service so the charts have something to show.
"""

import random
from datetime import timedelta

from django.utils import timezone

from debates import services
from debates.factories import (
    DebateIndexPageFactory,
    DebatePageFactory,
    ReactionFactory,
)
from debates.models import DebateIndexPage, DebatePage, Stance
from demo import content
from newsroom.factories import ContributorFactory, ThemeFactory

PANEL_SIZE = 24


def seed_debates(home, *, panel, stdout=None) -> None:
    index = DebateIndexPage.objects.child_of(home).first()
    if index is None:
        index = DebateIndexPageFactory(parent=home)
    themes = {
        spec["slug"]: ThemeFactory(
            slug=spec["slug"],
            name=spec["name"],
            description=spec["description"],
            sort_order=position,
        )
        for position, spec in enumerate(content.themes())
    }
    experts = {
        spec["slug"]: ContributorFactory(
            slug=spec["slug"],
            name=spec["name"],
            occupation=spec["occupation"],
            qualification=spec["qualification"],
            qualification_detail=spec["qualification_detail"],
            declaration_of_interests=spec["declaration_of_interests"],
        )
        for spec in content.experts()
    }
    now = timezone.now()
    for position, spec in enumerate(content.debates()):
        if DebatePage.objects.filter(slug=spec["slug"]).exists():
            continue
        debate = DebatePageFactory(
            parent=index,
            title=spec["question"],
            slug=spec["slug"],
            context=spec["context"],
            key_figures=[("figure", figure) for figure in spec["key_figures"]],
            premium=spec["premium"],
            chosen_by_readers=spec["chosen_by_readers"],
            themes=[themes[slug] for slug in spec["themes"]],
            **_side(spec["pour"], "pour", experts),
            **_side(spec["contre"], "contre", experts),
        )
        published = now - timedelta(days=spec["days_ago"], hours=position)
        DebatePage.objects.filter(pk=debate.pk).update(
            first_published_at=published, last_published_at=published
        )
        debate.refresh_from_db()
        _panel_verdicts(debate, panel, seed=position)
        _panel_reactions(debate, panel, content.reactions().get(spec["slug"], []))
        if stdout is not None:
            stdout.write(f"  debate /{index.slug}/{debate.slug}/")


def _side(spec, stance, experts) -> dict:
    return {
        f"{stance}_contributor": experts[spec["expert"]],
        f"{stance}_headline": spec["headline"],
        f"{stance}_body": spec["body"],
        f"{stance}_sources": [("source", source) for source in spec["sources"]],
    }


def _panel_verdicts(debate, panel, *, seed: int) -> None:
    """A varied but repeatable spread: each debate leans its own way, a quarter of
    the panel stops before the end, and about one reader in five moves."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    stances = Stance.values
    weights = [rng.randint(2, 6) for _ in stances]
    for reader in panel:
        before = rng.choices(stances, weights=weights)[0]
        services.cast_verdict(debate, user=reader, moment="before", stance=before)
        if rng.random() < 0.25:
            continue
        after = rng.choice(stances) if rng.random() < 0.2 else before
        services.cast_verdict(debate, user=reader, moment="after", stance=after)


def _panel_reactions(debate, panel, reactions) -> None:
    """Published reactions from the panel, threaded as the texts say."""
    parent = None
    for n, (tag, text) in enumerate(reactions):
        is_reply = tag.startswith("reply:")
        reaction = ReactionFactory(
            debate=debate,
            author=panel[n % len(panel)],
            tag=tag.removeprefix("reply:"),
            text=text,
            parent=parent if is_reply else None,
        )
        if not is_reply:
            parent = reaction
