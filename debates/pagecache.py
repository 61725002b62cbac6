"""What the page cache forgets when debates change (``core.pagepurge``).

A debate's own page, its index (every theme and search of it), the home page and
the sitemap are purged with every page anyway; here are the other pages that show
a debate: the feeds, its experts' profiles, the editions it was printed in, and
its own ``reactions/`` pages, which a reaction's approval purges with the debate. The
tally is not here: it moves with every verdict, and the page is kept at most
``TALLY_STALE_SECONDS`` for visitors without an account (``DebatePage.index_route``).
"""

from django.conf import settings
from django.utils import translation

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


def _reactions_pages(debate: DebatePage) -> list[str]:
    """The debate's ``reactions/`` route in every language (every ``?page=`` of it
    goes with its path)."""
    paths = set()
    route = debate.reverse_subpage("reactions")
    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            parts = debate.get_url_parts()
        if parts and parts[2]:
            paths.add(parts[2] + route)
    return sorted(paths)


def debate_dependents(debate: DebatePage) -> list:
    numbers = EditionDebate.objects.filter(debate_id=debate.pk).values_list(
        "edition__number", flat=True
    )
    return [
        *_feeds(),
        *_experts(debate.pour_contributor_id, debate.contre_contributor_id),
        *(_editions(*numbers) if numbers else []),
        *_reactions_pages(debate),
    ]


def reaction_dependents(reaction: Reaction) -> list:
    # A reaction shows once approved, under its debate only: on the debate page
    # and on the pages of its reactions.
    if not reaction.debate_id:
        return []
    return [reaction.debate, *_reactions_pages(reaction.debate)]


def edition_dependents(edition: Edition) -> list:
    debates = DebatePage.objects.filter(edition_items__edition=edition)
    return [*_editions(edition.number), *debates]


def edition_item_dependents(item: EditionDebate) -> list:
    number = Edition.objects.filter(pk=item.edition_id).values_list("number", flat=True)
    return [*_editions(*number), *DebatePage.objects.filter(pk=item.debate_id)]


def everything_dependents(_obj=None) -> list[str]:
    """What shows debates outside the page tree, for a purge of everything: the
    feeds, every public expert's profile, the editions' list and every edition
    that is out, and the ``reactions/`` pages of every live debate."""
    slugs = Contributor.objects.filter(live=True).values_list("slug", flat=True)
    numbers = Edition.objects.out().values_list("number", flat=True)
    debates = DebatePage.objects.live().public().only("url_path", "path", "depth")
    return [
        *_feeds(),
        *(path for slug in slugs for path in localized("experts:contributor", slug)),
        *_editions(*numbers),
        *(path for debate in debates for path in _reactions_pages(debate)),
    ]


register(DebatePage, debate_dependents)
register(Reaction, reaction_dependents, on_save=True)
register(Edition, edition_dependents, on_save=True)
register(EditionDebate, edition_item_dependents, on_save=True)
# An expert's name and photo, a theme's name: shown on debates, conferences,
# listings. Rarely changed, so every page goes.
register(Contributor, lambda contributor: [EVERYTHING], on_save=True)
register(Theme, lambda theme: [EVERYTHING], on_save=True)
# The CDN, which has no « everything », is told these URLs by name.
register(EVERYTHING, everything_dependents)
