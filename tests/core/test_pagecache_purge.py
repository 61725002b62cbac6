"""What a change purges from the page cache, and when: after commit, the page in
every language and the pages that list it."""

import datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from core import pagecache
from core.models import SiteSettings
from debates.factories import (
    DebateIndexPageFactory,
    DebatePageFactory,
    PollIndexPageFactory,
    ReactionFactory,
    TopicPollPageFactory,
)
from debates.models import Reaction
from events import services
from events.factories import ConferencePageFactory, EventIndexPageFactory
from home.factories import StandardPageFactory
from tests.core.pagecache import visitor

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return DebateIndexPageFactory(parent=home_page)


@pytest.fixture
def debate(index):
    return DebatePageFactory(parent=index, title="Faut-il taxer le kérosène ?")


def cached(*urls) -> list[str]:
    """Visit each URL twice as two visitors; what the second got."""
    for url in urls:
        visitor().get(url)
    return [visitor().get(url)["X-Cache"] for url in urls]


def publish_new_title(page, title):
    page.title = title
    page.save_revision().publish()


def test_publishing_purges_the_page_its_index_and_the_home_page(
    page_cache, home_page, index, debate, django_capture_on_commit_callbacks
):
    assert cached(debate.url, index.url, home_page.url) == ["hit"] * 3

    with django_capture_on_commit_callbacks(execute=True):
        publish_new_title(debate, "Faut-il taxer le kérosène des jets ?")

    page, listing, home = (visitor().get(u) for u in (debate.url, index.url, "/"))
    assert [page["X-Cache"], listing["X-Cache"], home["X-Cache"]] == ["miss"] * 3
    assert "kérosène des jets" in page.content.decode()
    assert "kérosène des jets" in listing.content.decode()


def test_publishing_purges_every_theme_and_language_of_the_index(
    page_cache, index, debate, django_capture_on_commit_callbacks
):
    urls = [f"{index.url}?theme=logement", f"/en{index.url}?page=2", f"/en{debate.url}"]
    assert cached(*urls) == ["hit"] * 3

    with django_capture_on_commit_callbacks(execute=True):
        publish_new_title(debate, "Autre titre ?")

    assert [visitor().get(url)["X-Cache"] for url in urls] == ["miss"] * 3


def test_nothing_is_purged_when_the_publication_rolls_back(
    page_cache, index, debate, django_capture_on_commit_callbacks
):
    cached(debate.url)

    def failing_publication():
        with transaction.atomic():
            publish_new_title(debate, "Jamais publié ?")
            raise RuntimeError("the editor's save failed")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        failing_publication()

    again = visitor().get(debate.url)
    assert callbacks == []
    assert again["X-Cache"] == "hit"
    assert "Jamais publié" not in again.content.decode()


def test_an_unpublished_page_answers_404_not_a_stale_copy(
    page_cache, index, debate, django_capture_on_commit_callbacks
):
    cached(debate.url)

    with django_capture_on_commit_callbacks(execute=True):
        debate.unpublish()

    assert visitor().get(debate.url).status_code == 404
    assert debate.title not in visitor().get(index.url).content.decode()


def test_a_deleted_page_answers_404(
    page_cache, home_page, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_page, title="Page éphémère")
    url = page.url
    cached(url)

    with django_capture_on_commit_callbacks(execute=True):
        page.delete()

    assert visitor().get(url).status_code == 404


def test_scheduled_publication_purges_too(
    page_cache, index, debate, django_capture_on_commit_callbacks
):
    cached(debate.url)
    debate.title = "Publié à l'heure dite ?"
    revision = debate.save_revision(approved_go_live_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
        revision.save()
        call_command("publish_scheduled")

    page = visitor().get(debate.url)
    assert page["X-Cache"] == "miss"
    assert "Publié à l'heure dite" in page.content.decode()


def test_a_moved_page_purges_every_page(
    page_cache, home_page, index, debate, django_capture_on_commit_callbacks
):
    other = StandardPageFactory(parent=home_page, title="Ailleurs")
    standalone = StandardPageFactory(parent=home_page, title="Sans rapport")
    cached(standalone.url)

    with django_capture_on_commit_callbacks(execute=True):
        debate.move(other, pos="last-child")

    assert visitor().get(standalone.url)["X-Cache"] == "miss"


def test_a_site_settings_change_purges_every_page(
    page_cache, home_page, index, debate, django_capture_on_commit_callbacks
):
    standard = StandardPageFactory(parent=home_page, title="Mentions légales")
    assert cached(standard.url, debate.url) == ["hit", "hit"]

    with django_capture_on_commit_callbacks(execute=True):
        site_settings = SiteSettings.load()
        site_settings.publication_name = "Versus Hebdo"
        site_settings.save()

    pages = [visitor().get(url) for url in (standard.url, debate.url)]
    assert [page["X-Cache"] for page in pages] == ["miss", "miss"]
    assert all("Versus Hebdo" in page.content.decode() for page in pages)


def test_an_approved_reaction_purges_its_debate(
    page_cache, debate, django_capture_on_commit_callbacks
):
    reaction = ReactionFactory(
        debate=debate, text="Et le fret aérien ?", status=Reaction.Status.PENDING
    )
    cached(debate.url)

    with django_capture_on_commit_callbacks(execute=True):
        reaction.status = Reaction.Status.APPROVED
        reaction.save()

    page = visitor().get(debate.url)
    assert page["X-Cache"] == "miss"
    assert "Et le fret aérien" in page.content.decode()


def test_a_seat_sale_purges_the_seats_shown(
    page_cache, home_page, django_capture_on_commit_callbacks
):
    events = EventIndexPageFactory(parent=home_page)
    conference = ConferencePageFactory(parent=events, capacity=10)
    assert "10 places restantes" in visitor().get(conference.url).content.decode()
    cached(conference.url, events.url)

    with django_capture_on_commit_callbacks(execute=True):
        order = services.hold_seats(
            conference,
            price=conference.prices.get(category="individual"),
            quantity=2,
            name="Ana",
            email="ana@example.org",
        )
    held = visitor().get(conference.url)
    with django_capture_on_commit_callbacks(execute=True):
        services.release_order(order.pk)
    released = visitor().get(conference.url)

    assert held["X-Cache"] == "miss"
    assert "8 places restantes" in held.content.decode()
    assert visitor().get(events.url)["X-Cache"] == "miss"
    assert released["X-Cache"] == "miss"
    assert "10 places restantes" in released.content.decode()


def test_a_poll_page_is_kept_no_later_than_its_opening(home_page):
    polls = PollIndexPageFactory(parent=home_page)
    TopicPollPageFactory(
        parent=polls,
        opens_at=timezone.now() + datetime.timedelta(minutes=2),
        closes_at=timezone.now() + datetime.timedelta(days=7),
    )

    response = visitor().get(polls.url)

    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 120
    assert getattr(response, pagecache.MARK) <= 120
