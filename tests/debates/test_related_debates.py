"""« À lire aussi »: other debates sharing a theme with the one being read."""

import datetime

import pytest
from django.utils import timezone

from debates import selectors
from debates.factories import DebatePageFactory
from debates.models import DebatePage
from newsroom.factories import ThemeFactory


def published(page, days_ago: int):
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    DebatePage.objects.filter(pk=page.pk).update(first_published_at=moment)
    return page


@pytest.mark.django_db
def test_related_debates_share_a_theme_newest_first_each_once(
    debate_index, debate, health, django_assert_max_num_queries
):
    school = ThemeFactory(name="École", slug="ecole")
    # Two shared themes: a join would list this one twice.
    both = published(
        DebatePageFactory(parent=debate_index, themes=[health, school]), days_ago=3
    )
    older = published(DebatePageFactory(parent=debate_index, themes=[health]), 9)
    newest = published(DebatePageFactory(parent=debate_index, themes=[health]), 1)
    school_only = published(DebatePageFactory(parent=debate_index, themes=[school]), 0)
    unpublished = DebatePageFactory(parent=debate_index, themes=[health])
    unpublished.unpublish()
    DebatePage.objects.filter(pk=debate.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=30)
    )

    # The view restrictions (public()), the debates, then their themes.
    with django_assert_max_num_queries(3):
        related = selectors.related_debates(debate, themes=[health, school], limit=5)

    assert related == [school_only, newest, both, older]
    assert debate not in related
    assert unpublished not in related


@pytest.mark.django_db
def test_related_debates_stop_at_the_limit(debate_index, debate, health):
    for days in range(5):
        published(DebatePageFactory(parent=debate_index, themes=[health]), days)

    assert len(selectors.related_debates(debate, limit=3)) == 3
