"""Rendering a page writes nothing: what opening a premium debate changes is done
by ``services.open_debate`` before the context is built, never while it is."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.response import TemplateResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from core.models import SiteSettings
from debates import services
from debates.factories import DebatePageFactory, ReactionFactory
from subscriptions.models import PremiumRead
from subscriptions.paywall import Reason

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def writes(queries) -> list[str]:
    """The statements of ``queries`` that change a row or lock one to change it."""
    return [
        query["sql"]
        for query in queries
        if query["sql"].lstrip().upper().startswith(WRITES)
        or "FOR UPDATE" in query["sql"].upper()
    ]


def render(page, user):
    """The page's context and its template rendered, without serving the page."""
    request = RequestFactory().get(page.url)
    request.user = user
    context = page.get_context(request)
    TemplateResponse(request, page.get_template(request), context).render()
    return context


@pytest.fixture
def settings_row(db):
    # Wagtail creates the settings row on its first read: created beforehand, so
    # that only the page's own queries are watched.
    return SiteSettings.load()


@pytest.fixture
def premium(debate_index):
    return DebatePageFactory(parent=debate_index, premium=True)


@pytest.mark.django_db
def test_a_debate_page_s_context_writes_nothing_for_a_metered_reader(
    premium, settings_row
):
    reader = UserFactory(email="compteur@example.org", verified=True)

    with CaptureQueriesContext(connection) as queries:
        context = render(premium, reader)

    assert writes(queries.captured_queries) == []
    assert context["read_access"].reason == Reason.QUOTA_LEFT
    assert all(side.truncated for side in context["sides"])
    assert not PremiumRead.objects.exists()


@pytest.mark.django_db
def test_a_debate_page_s_context_writes_nothing_for_a_voter_or_a_visitor(
    debate, voter, settings_row
):
    ReactionFactory(debate=debate)
    services.cast_verdict(debate, user=voter, moment="before", stance="pour")
    for user in (voter, AnonymousUser()):
        with CaptureQueriesContext(connection) as queries:
            render(debate, user)
        assert writes(queries.captured_queries) == []


@pytest.mark.django_db
def test_the_index_and_home_page_contexts_write_nothing(
    debate_index, debate, home_page, voter, settings_row
):
    for page in (debate_index, home_page):
        with CaptureQueriesContext(connection) as queries:
            render(page, voter)
        assert writes(queries.captured_queries) == []
