"""The demo debates, from ``themes.yaml``, ``experts.yaml``, ``debates.yaml``,
``verdicts.yaml`` and ``reactions.yaml``: pages built by the factories the tests
use, the panel's verdicts given through the real service so that the tallies are
the ones a reader's vote would make."""

from datetime import timedelta

from django.utils import timezone

from debates import services
from debates.factories import (
    DebateIndexPageFactory,
    DebatePageFactory,
    ReactionFactory,
)
from debates.models import DebateIndexPage, DebatePage
from newsroom.factories import ContributorFactory, ThemeFactory

__all__ = ["seed_debates", "seed_experts", "seed_themes"]


def seed_themes(themes: list[dict]) -> dict:
    """Themes by slug, in the file's order."""
    return {
        spec["slug"]: ThemeFactory(sort_order=position, **spec)
        for position, spec in enumerate(themes)
    }


def seed_experts(experts: list[dict]) -> dict:
    """Experts by slug."""
    return {spec["slug"]: ContributorFactory(**spec) for spec in experts}


def seed_debates(home, data: dict, *, themes, experts, panel, stdout) -> None:
    """The debates index and each debate not there yet, with the panel's verdicts
    and reactions; a debate already there (by slug) is left as it is."""
    index = DebateIndexPage.objects.child_of(home).first()
    if index is None:
        index = DebateIndexPageFactory(parent=home, **data["sections"]["debates"])
    now = timezone.now()
    for position, spec in enumerate(data["debates"]):
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
        # Debates of the same day are an hour apart, in the file's order, so that
        # the newest is always the same one.
        published = now + timedelta(days=spec["published"], hours=-position)
        DebatePage.objects.filter(pk=debate.pk).update(
            first_published_at=published, last_published_at=published
        )
        debate.refresh_from_db()
        _panel_verdicts(debate, panel, data["verdicts"].get(spec["slug"], []))
        _panel_reactions(debate, panel, data["reactions"].get(spec["slug"], []))
        stdout.write(f"  debate /{index.slug}/{debate.slug}/")


def _side(spec, stance, experts) -> dict:
    return {
        f"{stance}_contributor": experts[spec["expert"]],
        f"{stance}_headline": spec["headline"],
        f"{stance}_body": spec["body"],
        f"{stance}_sources": [("source", source) for source in spec["sources"]],
    }


def _panel_verdicts(debate, panel, groups) -> None:
    """Each group's readers, taken from the panel in order, say ``before`` and,
    unless they stopped reading, ``after``."""
    readers = iter(panel)
    for group in groups:
        for _ in range(group["readers"]):
            reader = next(readers)
            services.cast_verdict(
                debate, user=reader, moment="before", stance=group["before"]
            )
            if group["after"] is not None:
                services.cast_verdict(
                    debate, user=reader, moment="after", stance=group["after"]
                )


def _panel_reactions(debate, panel, reactions) -> None:
    """Published reactions by the panel's readers in turn; a reply answers the
    nearest reaction above it that is not a reply."""
    parent = None
    for n, spec in enumerate(reactions):
        is_reply = spec["reply"] is not None
        reaction = ReactionFactory(
            debate=debate,
            author=panel[n % len(panel)],
            tag=spec["reply"] if is_reply else spec["side"],
            text=spec["text"],
            parent=parent if is_reply else None,
        )
        if not is_reply:
            parent = reaction
