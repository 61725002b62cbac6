"""From a newsroom commission to the draft of its debate page."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from debates.models import DebateIndexPage, DebatePage
from newsroom.models import Commission


class CommissionError(DomainError):
    """A commission whose debate page cannot be created; the message says why."""


@transaction.atomic
def create_debate_draft(
    commission: Commission, *, index: DebateIndexPage, user=None
) -> DebatePage:
    """A draft debate page under ``index`` with the question, both experts, the
    theme and the readers' badge filled in; the commission goes to « in review »."""
    commission = Commission.objects.select_for_update().get(pk=commission.pk)
    if commission.debate_id is not None:
        raise CommissionError(_("This commission already has its debate page."))
    if commission.status == Commission.Status.ABANDONED:
        raise CommissionError(_("This commission was abandoned."))
    if not (commission.pour_contributor_id and commission.contre_contributor_id):
        raise CommissionError(_("Choose the expert for and the expert against first."))
    page = DebatePage(
        title=commission.question,
        live=False,
        owner=user,
        pour_contributor=commission.pour_contributor,
        contre_contributor=commission.contre_contributor,
        chosen_by_readers=commission.origin == Commission.Origin.READER_POLL,
        context="",
    )
    if commission.theme_id:
        # Parental relations are saved with the page by add_child.
        page.themes.set([commission.theme])
    index.add_child(instance=page)
    # An empty draft by design: the editor writes the texts in the admin.
    page.save_revision(user=user, clean=False)
    commission.debate = page
    commission.status = Commission.Status.IN_REVIEW
    commission.save(update_fields=["debate", "status"])
    return page
