"""iCalendar (RFC 5545) for conferences, with the icalendar library."""

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from core.links import absolute_url


def conference_event(conference, url: str) -> Event:
    event = Event()
    # Stable across downloads, so a calendar updates the event instead of adding one.
    event.add("uid", f"conference-{conference.pk}@versus")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", conference.starts_at)
    event.add("dtend", conference.ends_at)
    event.add("summary", conference.title)
    event.add("description", conference.question)
    event.add("location", f"{conference.venue}, {conference.address}")
    event.add("url", url)
    return event


def _calendar(events) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Versus//Conferences//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Versus")
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def conference_ics(conference) -> bytes:
    """One conference as a calendar file, for an email attachment."""
    return _calendar([conference_event(conference, absolute_url(conference.url))])


def calendar_response(request, conferences, *, filename: str) -> HttpResponse:
    response = HttpResponse(
        _calendar(
            conference_event(conference, absolute_url(conference.url, request))
            for conference in conferences
        ),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
