"""Revisions that a late autosave cannot push back.

Wagtail's editor autosaves a draft by overwriting the editor's latest revision in
place. It checks that the revision is still the latest on the page as it was
loaded when the request began, then writes. An autosave that is still in flight
when the editor clicks « Soumettre » or « Publier » can thus pass that check
before the submit's new revision commits, then write after it. The page's latest
revision would then go back to the autosave's older content. Checking again under
the page row's lock, in the transaction that writes, closes that gap: the late
autosave is refused, and Wagtail's editor pauses autosave and says why.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext
from wagtail.models import Page


class LatestRevisionGuard:
    """Mixed into a page model, before ``Page``."""

    def save_revision(self, *args, overwrite_revision=None, **kwargs):
        if overwrite_revision is None:
            return super().save_revision(*args, **kwargs)
        with transaction.atomic():
            latest = (
                Page.objects.select_for_update()
                .filter(pk=self.pk)
                .values_list("latest_revision_id", flat=True)
                .first()
            )
            if latest != overwrite_revision.pk:
                # Wagtail's own words, and so its translations.
                raise PermissionDenied(
                    gettext(
                        "Cannot overwrite a revision that is not the latest for "
                        "this %(model_name)s."
                    )
                    % {"model_name": self._meta.verbose_name}
                )
            return super().save_revision(
                *args, overwrite_revision=overwrite_revision, **kwargs
            )
