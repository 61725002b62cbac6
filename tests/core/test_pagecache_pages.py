"""Every page that is the same for all visitors without a session is kept whole:
none of them carries a CSRF token, sets a cookie or varies on anything else."""

import pytest

from debates.factories import (
    DebateIndexPageFactory,
    DebatePageFactory,
    PollIndexPageFactory,
    TopicPollPageFactory,
)
from events.factories import ConferencePageFactory, EventIndexPageFactory
from home.factories import StandardPageFactory
from newsroom.factories import EditionFactory
from tests.core.pagecache import visitor

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page):
    debates = DebateIndexPageFactory(parent=home_page)
    debate = DebatePageFactory(parent=debates)
    polls = PollIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    edition = EditionFactory(debates=[debate])
    return {
        "home": home_page.url,
        "standard page": StandardPageFactory(parent=home_page).url,
        "debate index": debates.url,
        "theme": f"{debates.url}?theme=logement",
        "debate": debate.url,
        "polls": polls.url,
        "poll": TopicPollPageFactory(parent=polls).url,
        "events": events.url,
        "conference": ConferencePageFactory(parent=events).url,
        "expert": debate.pour_contributor.get_absolute_url(),
        "editions": "/editions/",
        "edition": edition.get_absolute_url(),
        "sitemap": "/sitemap.xml",
        "feed": "/flux/debats.rss",
        "english home": "/en/",
    }


PAGES = [
    "home",
    "standard page",
    "debate index",
    "theme",
    "debate",
    "polls",
    "poll",
    "events",
    "conference",
    "expert",
    "editions",
    "edition",
    "sitemap",
    "feed",
    "english home",
]


@pytest.mark.parametrize("name", PAGES)
def test_the_second_visitor_is_served_from_the_cache(
    page_cache, site, name, django_assert_max_num_queries
):
    first = visitor().get(site[name])
    with django_assert_max_num_queries(0):
        second = visitor().get(site[name])

    assert first.status_code == 200
    assert not first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content


def test_the_conference_form_leads_to_a_step_that_is_never_cached(page_cache, site):
    page = visitor().get(site["conference"]).content.decode()
    step_url = site["conference"] + "reserver/"

    step = visitor().get(step_url, {"quantity": "2"})
    again = visitor().get(step_url, {"quantity": "2"})

    assert f'action="{step_url}"' in page
    assert 'method="get"' in page
    assert "csrfmiddlewaretoken" in step.content.decode()
    assert 'name="email"' in step.content.decode()
    assert (step["X-Cache"], again["X-Cache"]) == ("miss", "miss")
    assert "no-store" in step["Cache-Control"]
