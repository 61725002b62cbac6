"""Wagtail's user bar is drawn for those who may enter the admin, and costs a
reader who may not at most one query."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from core.templatetags.userbar_tags import may_enter_admin
from debates.factories import DebateIndexPageFactory, DebatePageFactory

USERBAR = "<wagtail-userbar"


def permission_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if "auth_permission" in q["sql"]]


@pytest.fixture
def debate_index(home_page):
    return DebateIndexPageFactory(parent=home_page)


@pytest.mark.django_db
def test_a_reader_gets_no_userbar_for_one_permission_query(client, home_page):
    client.force_login(UserFactory(email="lecteur@example.org", verified=True))
    client.get("/")

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()

    assert USERBAR not in html
    assert len(permission_queries(queries.captured_queries)) == 1


@pytest.mark.django_db
def test_an_editor_given_admin_access_through_a_group_gets_the_userbar(
    client, home_page
):
    group = Group.objects.create(name="Correcteurs")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = UserFactory(email="correcteur@example.org")
    editor.groups.add(group)
    client.force_login(editor)

    assert USERBAR in client.get("/").content.decode()


@pytest.mark.django_db
def test_an_editor_given_admin_access_directly_gets_the_userbar(client, home_page):
    editor = UserFactory(email="stagiaire@example.org")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert USERBAR in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_superuser_gets_the_userbar(client, home_page):
    client.force_login(UserFactory(email="redaction@example.org", editor=True))

    assert USERBAR in client.get("/").content.decode()


@pytest.mark.django_db
def test_an_inactive_account_given_admin_access_gets_no_userbar(client, home_page):
    editor = UserFactory(email="parti@example.org", is_active=False)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))

    assert may_enter_admin(editor) is False


@pytest.mark.django_db
def test_a_free_debate_page_for_a_logged_in_reader_takes_at_most_21_queries(
    client, debate_index, django_assert_max_num_queries
):
    debate = DebatePageFactory(parent=debate_index)
    client.force_login(UserFactory(email="lecteur@example.org", verified=True))
    client.get(debate.url)

    with django_assert_max_num_queries(21) as queries:
        html = client.get(debate.url).content.decode()

    assert USERBAR not in html
    assert len(permission_queries(queries.captured_queries)) == 1


@pytest.mark.django_db
def test_the_userbar_asks_nothing_once_the_paywall_has_read_the_permissions(
    client, debate_index
):
    debate = DebatePageFactory(parent=debate_index, premium_debate=True)
    client.force_login(UserFactory(email="lecteur@example.org", verified=True))
    client.get(debate.url)

    with CaptureQueriesContext(connection) as queries:
        html = client.get(debate.url).content.decode()

    assert USERBAR not in html
    # Django's own two (the reader's permissions, their groups'), none of ours.
    assert len(permission_queries(queries.captured_queries)) == 2
