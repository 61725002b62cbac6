"""Rendering a poll page writes nothing: ballots and their counters change in the
services only, never while a page is built."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.response import TemplateResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from core.models import SiteSettings
from debates.polls import services

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def writes(queries) -> list[str]:
    return [
        query["sql"]
        for query in queries
        if query["sql"].lstrip().upper().startswith(WRITES)
        or "FOR UPDATE" in query["sql"].upper()
    ]


def render(page, user):
    request = RequestFactory().get(page.url)
    request.user = user
    TemplateResponse(
        request, page.get_template(request), page.get_context(request)
    ).render()


@pytest.mark.django_db
def test_poll_pages_build_their_context_without_writing(poll_index, poll, make_reader):
    SiteSettings.load()
    voter, newcomer = make_reader(1), make_reader(2)
    services.cast_ballot(
        poll, user=voter, option_ids=[poll.options.order_by("sort_order").first().pk]
    )

    for page in (poll_index, poll):
        for user in (voter, newcomer, AnonymousUser()):
            with CaptureQueriesContext(connection) as queries:
                render(page, user)
            assert writes(queries.captured_queries) == []
