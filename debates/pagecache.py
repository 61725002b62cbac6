"""What the page cache forgets when debates change (``core.pagepurge``).

A debate's own page, its index (every theme and search of it), the home page and
the sitemap are purged with every page anyway; here are the other pages that show
a debate: the feeds, its experts' profiles, the editions it was printed in. The
tally is not here: it moves with every verdict, and the page is kept at most
``TALLY_STALE_SECONDS`` for visitors without an account (``DebatePage.serve``).
"""

from core.pagepurge import EVERYTHING, localized, register
from debates.models import DebatePage, Reaction
from newsroom.models import Contributor, Edition, EditionDebate, Theme


def _feeds() -> list[str]:
    return localized("debates_feed_rss") + localized("debates_feed_atom")


def _experts(*contributor_ids) -> list[str]:
    slugs = Contributor.objects.filter(
        pk__in=[pk for pk in contributor_ids if pk]
    ).values_list("slug", flat=True)
    return [path for slug in slugs for path in localized("experts:contributor", slug)]


def _editions(*numbers) -> list[str]:
    paths = localized("editions:list")
    for number in numbers:
        paths += localized("editions:detail", number)
    return paths


def debate_dependents(debate: DebatePage) -> list:
    numbers = EditionDebate.objects.filter(debate_id=debate.pk).values_list(
        "edition__number", flat=True
    )
    return [
        *_feeds(),
        *_experts(debate.pour_contributor_id, debate.contre_contributor_id),
        *(_editions(*numbers) if numbers else []),
    ]


def reaction_dependents(reaction: Reaction) -> list:
    # A reaction shows once approved, under its debate only.
    return [reaction.debate] if reaction.debate_id else []


def edition_dependents(edition: Edition) -> list:
    debates = DebatePage.objects.filter(edition_items__edition=edition)
    return [*_editions(edition.number), *debates]


def edition_item_dependents(item: EditionDebate) -> list:
    number = Edition.objects.filter(pk=item.edition_id).values_list("number", flat=True)
    return [*_editions(*number), *DebatePage.objects.filter(pk=item.debate_id)]


register(DebatePage, debate_dependents)
register(Reaction, reaction_dependents, on_save=True)
register(Edition, edition_dependents, on_save=True)
register(EditionDebate, edition_item_dependents, on_save=True)
# An expert's name and photo, a theme's name: shown on debates, conferences,
# listings. Rarely changed, so every page goes.
register(Contributor, lambda contributor: [EVERYTHING], on_save=True)
register(Theme, lambda theme: [EVERYTHING], on_save=True)
