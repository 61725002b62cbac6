"""The shared page cache and the paywall: the copy kept for visitors without an
account is the teaser, and nobody with an account is ever handed that copy, nor
leaves theirs behind."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from accounts.factories import UserFactory
from subscriptions.factories import SubscriptionFactory
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


# --- The parts a logged-in reader's page keeps ({% kept %}, core.pagecache) --------


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_reader_without_access_never_gets_the_parts_a_subscriber_left(
    premium, subscriber, over_quota_reader
):
    _logged_in(subscriber).get(premium.url)
    _logged_in(subscriber).get(premium.url)

    theirs = _logged_in(over_quota_reader).get(premium.url).content.decode()

    assert POUR_TEASER in theirs
    assert MARKER not in theirs
    assert "paywall" in theirs


def test_a_subscriber_after_a_reader_without_access_reads_the_whole_debate(
    premium, subscriber, over_quota_reader
):
    _logged_in(over_quota_reader).get(premium.url)

    theirs = _logged_in(subscriber).get(premium.url).content.decode()

    assert MARKER in theirs


def test_the_kept_parts_spare_a_subscribers_queries_and_leave_their_forms_their_own(
    premium, subscriber, django_assert_max_num_queries
):
    other = SubscriptionFactory(
        account__user=UserFactory(email="autre@example.org", verified=True)
    ).account.user
    first = _logged_in(subscriber)
    first_page = first.get(premium.url)
    second = _logged_in(other)
    second.get(premium.url)

    # Without the kept parts and routes, 23: the experts, the themes, the related
    # debates, the edition and the reactions come from the cache, and so does
    # Wagtail's walk down the page tree (core.routing).
    with django_assert_max_num_queries(11):
        second_page = second.get(premium.url)

    assert MARKER in second_page.content.decode()
    tokens = [
        {
            tag["value"]
            for tag in BeautifulSoup(page.content, "html.parser").select(
                "input[name=csrfmiddlewaretoken]"
            )
        }
        for page in (first_page, second_page)
    ]
    assert tokens[0]
    assert tokens[1]
    assert tokens[0].isdisjoint(tokens[1])


def test_a_new_revision_of_the_debate_reaches_subscribers_at_once(
    premium, subscriber, django_capture_on_commit_callbacks
):
    reader = _logged_in(subscriber)
    reader.get(premium.url)

    premium.pour_body = [("paragraph", "<p>Un argument tout neuf.</p>")]
    with django_capture_on_commit_callbacks(execute=True):
        premium.save_revision().publish()

    assert "Un argument tout neuf." in reader.get(premium.url).content.decode()
