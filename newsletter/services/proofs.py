"""« M'envoyer un test »: an issue as its readers will get it, sent to the editor.

A proof is the issue's latest revision (what the preview shows, saved or not yet
published), rendered by ``rendering.render_issue`` as a real send renders it, with
« [TEST] » before the subject. Its unsubscribe link leads to the archive, so
clicking it in a proof unsubscribes nobody. It travels through the outbox
(``core.outbox``: owed here, handed to the provider by a task after commit), and
touches neither the issue's dispatch nor its deliveries: a proof is not a send.

Editors may send a few an hour each (``PROOFS_PER_EDITOR``), to their own address
and at most ``MAX_EXTRA_ADDRESSES`` others.
"""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.outbox import owe_email
from core.ratelimit import over_limit

PROOFS_PER_EDITOR = (10, 3600)
MAX_EXTRA_ADDRESSES = 5
SUBJECT_MARK = "[TEST]"


class ProofRefused(DomainError):
    pass


def _normalise(address: str) -> str:
    return address.strip().lower()


@transaction.atomic
def send_proof(issue, *, editor, extra_addresses=()) -> list[str]:
    """Owe one proof email to ``editor`` and to each extra address; returns the
    addresses. Raises ``ProofRefused`` when the editor has no address, gives too
    many, or has sent too many proofs this hour."""
    own = _normalise(editor.email or "")
    if not own:
        raise ProofRefused(_("Your account has no email address to send a test to."))
    extra = [_normalise(address) for address in extra_addresses]
    if len(extra) > MAX_EXTRA_ADDRESSES:
        raise ProofRefused(
            _("At most %(count)s other addresses.") % {"count": MAX_EXTRA_ADDRESSES}
        )
    addresses = list(dict.fromkeys([own, *filter(None, extra)]))
    limit, window = PROOFS_PER_EDITOR
    if over_limit(f"rl:newsletter:proof:user:{editor.pk}", limit, window):
        raise ProofRefused(
            _("You have sent %(count)s tests this hour: wait a little.")
            % {"count": limit}
        )
    revision = issue.get_latest_revision()
    for address in addresses:
        owe_email(
            "newsletter.emails.proof",
            to=address,
            language=translation.get_language(),
            issue_id=issue.pk,
            revision_id=revision.pk if revision else None,
            address=address,
        )
    return addresses
