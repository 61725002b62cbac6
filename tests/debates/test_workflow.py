"""Debates go through Wagtail's moderation workflow: an editor submits, a moderator
publishes. The workflow comes from Wagtail's own migration (« Moderators
approval », on the root page, so on every debate)."""

import pytest
from django.contrib.auth.models import Group

from accounts.factories import UserFactory
from debates.factories import DebatePageFactory


@pytest.fixture
def editor(db):
    user = UserFactory(email="plume@example.org", verified=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(db):
    user = UserFactory(email="chef@example.org", verified=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.mark.django_db
def test_every_debate_is_under_the_moderation_workflow(debate_index):
    draft = DebatePageFactory(parent=debate_index, live=False)

    workflow = draft.get_workflow()

    assert workflow is not None
    assert workflow.name == "Moderators approval"
    assert [task.specific.groups.get().name for task in workflow.tasks.all()] == [
        "Moderators"
    ]


@pytest.mark.django_db
def test_an_editor_submits_and_a_moderator_publishes(debate_index, editor, moderator):
    draft = DebatePageFactory(parent=debate_index, live=False)
    draft.save_revision(user=editor)

    state = draft.get_workflow().start(draft, editor)
    task_state = state.current_task_state
    assert not draft.permissions_for_user(editor).can_publish()
    assert task_state.task.specific.user_can_access_editor(draft, moderator)

    task_state.task.specific.on_action(task_state, moderator, "approve")

    draft.refresh_from_db()
    state.refresh_from_db()
    assert draft.live
    assert state.status == "approved"
