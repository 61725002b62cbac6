"""Conferences: the « Événements » page, a conference's page, its calendar files
and its structured data."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from icalendar import Calendar

from events.factories import ConferencePageFactory, EventIndexPageFactory
from events.models import ConferencePage
from newsroom.factories import ContributorFactory, ThemeFactory


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def conference(index):
    return ConferencePageFactory(
        parent=index,
        title="Transports gratuits : pour ou contre ?",
        speakers=[
            ("pour", ContributorFactory(name="Claire Morvan", slug="claire-morvan")),
            ("contre", ContributorFactory(name="Karim Benali", slug="karim-benali")),
            ("moderator", "Camille Rédaction"),
        ],
        prices=[
            ("individual", "Plein tarif", 800, 1),
            ("institution", "Pack établissement", 9000, 15),
        ],
    )


@pytest.mark.django_db
def test_the_index_lists_upcoming_then_past_conferences_and_filters_by_city(
    client, index
):
    now = timezone.now()
    soon = ConferencePageFactory(parent=index, title="Bientôt à Rennes")
    later = ConferencePageFactory(
        parent=index,
        title="Plus tard à Lyon",
        city="Lyon",
        starts_at=now + datetime.timedelta(days=40),
        ends_at=now + datetime.timedelta(days=40, hours=2),
    )
    ConferencePageFactory(
        parent=index,
        title="Déjà passé",
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=3) + datetime.timedelta(hours=2),
    )

    response = client.get(index.url)
    lyon = client.get(index.url + "?ville=lyon")

    assert [c.title for c in response.context["upcoming"]] == [soon.title, later.title]
    assert [c.title for c in response.context["past"]] == ["Déjà passé"]
    assert [c.title for c in lyon.context["upcoming"]] == [later.title]


@pytest.mark.django_db
def test_the_index_filters_by_theme(client, index):
    transport = ThemeFactory(name="Transports", slug="transports")
    ConferencePageFactory(parent=index, title="Avec thème", theme=transport)
    ConferencePageFactory(parent=index, title="Sans thème")

    response = client.get(index.url + "?theme=transports")

    assert [c.title for c in response.context["upcoming"]] == ["Avec thème"]


@pytest.mark.django_db
def test_a_conference_page_shows_time_place_speakers_and_prices(client, conference):
    html = client.get(conference.url).content.decode()

    assert "de 18:30 à 20:30 (heure de Paris)" in html
    assert "Salle des fêtes" in html
    assert "12 rue de la République" in html
    assert 'href="/experts/claire-morvan/"' in html
    assert "Camille Rédaction" in html
    assert "90,00\u00a0€ pour 15\u00a0places" in html
    assert "120 places restantes." in html


@pytest.mark.django_db
def test_a_conference_carries_schema_org_event_data(client, conference):
    soup = BeautifulSoup(client.get(conference.url).content, "html.parser")
    data = [
        json.loads(script.string)
        for script in soup.select('script[type="application/ld+json"]')
    ]
    event = next(item for item in data if item.get("@type") == "Event")

    assert event["name"] == conference.title
    assert event["location"]["address"]["addressLocality"] == "Rennes"
    assert event["startDate"].endswith("+01:00")
    assert {p["name"] for p in event["performer"]} == {
        "Claire Morvan",
        "Karim Benali",
        "Camille Rédaction",
    }
    assert {o["price"] for o in event["offers"]} == {"8.00", "90.00"}


@pytest.mark.django_db
def test_a_conference_downloads_as_an_ics_file(client, conference):
    response = client.get(conference.url + conference.reverse_subpage("ics"))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == conference.title
    assert event.decoded("dtstart") == conference.starts_at
    assert "Rennes" in str(event["location"])
    assert str(event["uid"]) == f"conference-{conference.pk}@versus"


@pytest.mark.django_db
def test_the_calendar_feed_holds_upcoming_conferences_only(client, index, conference):
    ConferencePageFactory(
        parent=index,
        title="Déjà passé",
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=3, hours=-2),
    )

    response = client.get(index.url + index.reverse_subpage("calendar"))

    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [conference.title]


@pytest.mark.django_db
def test_a_conference_cannot_end_before_it_starts(conference):
    from django.core.exceptions import ValidationError

    conference.ends_at = conference.starts_at - datetime.timedelta(hours=1)

    with pytest.raises(ValidationError) as refused:
        conference.full_clean()

    assert "ends_at" in refused.value.message_dict


@pytest.mark.django_db
def test_the_navigation_leads_to_the_events_page(client, index):
    html = client.get("/").content.decode()

    assert f'href="{index.url}">Événements</a>' in html
    assert ConferencePage.objects.count() == 0
