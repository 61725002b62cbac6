"""Taking back a scheduled send.

``sending.schedule_issue`` sets the time; the minute job starts the send once it
has come (``sending.send_due_issues``). Unscheduling is one conditional UPDATE
from « scheduled » to « ready », as starting is one from « scheduled » to
« sending »: whichever runs first wins, and once the send has started the
editor is told it is too late.
https://docs.djangoproject.com/en/6.1/ref/models/querysets/#update
"""

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import DomainError
from newsletter.models import IssueDispatch

State = IssueDispatch.State


class NotScheduled(DomainError):
    pass


@transaction.atomic
def unschedule_issue(issue) -> IssueDispatch:
    """Back to « ready », the time forgotten; raises ``NotScheduled`` if the
    issue is not scheduled (never was, was taken back, or has started)."""
    if not IssueDispatch.objects.filter(issue=issue, state=State.SCHEDULED).update(
        state=State.READY, scheduled_for=None
    ):
        raise NotScheduled(
            _("This issue is not scheduled any more: its sending may have started.")
        )
    return IssueDispatch.objects.get(issue=issue)
