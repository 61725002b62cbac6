"""The shared page cache and the paywall: the copy kept for visitors without an
account is the teaser, and nobody with an account is ever handed that copy, nor
leaves theirs behind."""

import pytest
from django.test import Client

from tests.paywall.conftest import MARKER, POUR_TEASER

pytestmark = pytest.mark.django_db


def test_a_subscriber_after_an_anonymous_visitor_reads_the_whole_debate(
    premium, subscriber
):
    anonymous = Client().get(premium.url)
    Client().get(premium.url)
    reader = Client()
    reader.force_login(subscriber)

    theirs = reader.get(premium.url)

    assert anonymous["X-Cache"] == "miss"
    assert "X-Cache" not in theirs
    assert MARKER in theirs.content.decode()
    assert "private" in theirs["Cache-Control"]


def test_the_anonymous_copy_is_the_teaser_even_after_a_subscriber_read(
    premium, subscriber
):
    reader = Client()
    reader.force_login(subscriber)
    reader.get(premium.url)

    first = Client().get(premium.url)
    kept = Client().get(premium.url)

    assert first["X-Cache"] == "miss"
    assert kept["X-Cache"] == "hit"
    for page in (first, kept):
        assert POUR_TEASER in page.content.decode()
        assert MARKER not in page.content.decode()


def test_a_metered_reader_gets_their_own_page_and_their_read_is_counted(
    premium, verified_reader
):
    from subscriptions.models import PremiumRead

    Client().get(premium.url)
    reader = Client()
    reader.force_login(verified_reader)

    theirs = reader.get(premium.url)

    assert MARKER in theirs.content.decode()
    assert PremiumRead.objects.filter(user=verified_reader, debate=premium).exists()


def test_a_hit_is_only_ever_the_anonymous_page(premium, over_quota_reader):
    Client().get(premium.url)
    reader = Client()
    reader.force_login(over_quota_reader)

    theirs = reader.get(premium.url)
    hit = Client().get(premium.url)

    assert "X-Cache" not in theirs
    assert hit["X-Cache"] == "hit"
    assert MARKER not in hit.content.decode()
