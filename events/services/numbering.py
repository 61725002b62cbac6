"""Gap-free numbers for quotes, invoices and credit notes.

French rules want one unbroken chronological sequence per kind of document and
per year. The number is taken from a ``DocumentSequence`` row locked until the
transaction that creates the document commits; if that transaction rolls back, so
does the number, and nobody else could have taken the next one meanwhile. That
transaction must therefore stay short: it takes the number and writes the frozen
document, nothing else (no PDF, no network), so the next issuer waits for
milliseconds, not for a PDF renderer or Stripe.
"""

import datetime

from events.document_data import Kind
from events.models import DocumentSequence

PREFIXES = {Kind.QUOTE: "DEV", Kind.INVOICE: "FAC", Kind.CREDIT_NOTE: "AV"}


def next_number(kind: str, *, on: datetime.date) -> str:
    """The next number of ``kind`` for ``on``'s year: call inside a transaction."""
    prefix = PREFIXES[kind]
    DocumentSequence.objects.get_or_create(prefix=prefix, year=on.year)
    sequence = DocumentSequence.objects.select_for_update().get(
        prefix=prefix, year=on.year
    )
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{prefix}-{on.year}-{sequence.last:04d}"
