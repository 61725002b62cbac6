"""A late autosave never pushes back a revision saved after it was loaded."""

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from wagtail.models import Page

from accounts.factories import UserFactory
from core.revisions import LatestRevisionGuard
from debates.factories import DebateIndexPageFactory, DebatePageFactory


@pytest.fixture
def editor(db):
    return UserFactory(email="plume@example.org", is_staff=True)


def test_an_autosave_loaded_before_a_submit_cannot_overwrite_it(home_page, editor):
    debate = DebatePageFactory(
        parent=DebateIndexPageFactory(parent=home_page), live=False
    )
    debate.pour_headline = "Ce qu'avait l'autosave"
    autosaved = debate.save_revision(user=editor)
    # The autosave's request loads the page; the submit's saves a newer revision
    # before the autosave writes.
    late = type(debate).objects.get(pk=debate.pk)
    submitting = type(debate).objects.get(pk=debate.pk)
    submitting.pour_headline = "Ce que l'éditeur a soumis"
    submitted = submitting.save_revision(user=editor)

    late.pour_headline = "Ce qu'avait l'autosave"
    with pytest.raises(PermissionDenied):
        late.save_revision(user=editor, overwrite_revision=autosaved)

    debate.refresh_from_db()
    autosaved.refresh_from_db()
    assert debate.latest_revision_id == submitted.pk
    assert debate.latest_revision.as_object().pour_headline == (
        "Ce que l'éditeur a soumis"
    )
    assert autosaved.as_object().pour_headline == "Ce qu'avait l'autosave"


def test_an_autosave_still_overwrites_its_own_latest_revision(home_page, editor):
    debate = DebatePageFactory(
        parent=DebateIndexPageFactory(parent=home_page), live=False
    )
    first = debate.save_revision(user=editor)
    debate.pour_headline = "Une phrase de plus"

    again = debate.save_revision(user=editor, overwrite_revision=first)

    debate.refresh_from_db()
    assert again.pk == first.pk == debate.latest_revision_id
    assert debate.latest_revision.as_object().pour_headline == "Une phrase de plus"


def test_every_page_model_of_ours_has_the_guard():
    ours = [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and not model.__module__.startswith("wagtail")
    ]

    assert len(ours) >= 9
    assert [m.__name__ for m in ours if not issubclass(m, LatestRevisionGuard)] == []
