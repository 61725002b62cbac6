"""The PDF file of an issued invoice or credit note: a Factur-X file rendered once
from the frozen document and stored, after the transaction that issued it.

Rendering is slow next to a row insert, so it never happens under the numbering
lock. A task renders the file once the issue is committed; the emails that carry
it and the buyer's download ask for it too, and whoever comes first renders it
(the invoice's row lock makes the others wait and find it done).
"""

from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation

from events import facturx
from events.models import Invoice
from events.services.document_contents import invoice_document


def store_invoice_pdf(invoice_id: int) -> Invoice:
    """The invoice with its PDF stored: rendered now if it was not yet."""
    with transaction.atomic():
        invoice = (
            Invoice.objects.select_for_update(of=("self",))
            .select_related("booking", "quote", "refers")
            .get(pk=invoice_id)
        )
        if not invoice.pdf:
            language = invoice.booking.language
            with translation.override(language):
                pdf = facturx.make_facturx_pdf(
                    invoice_document(invoice), language=language
                )
            invoice.pdf.save(f"{invoice.number}.pdf", ContentFile(pdf), save=False)
            invoice.save(update_fields=["pdf"])
    return invoice


def render_after_commit(invoice: Invoice) -> None:
    """Queue the rendering for when the issue is committed (a rolled-back issue
    renders nothing)."""
    transaction.on_commit(partial(_enqueue, invoice.pk), robust=True)


def _enqueue(invoice_id: int) -> None:
    # Imported here: events.tasks imports this module.
    from events.tasks import render_invoice_pdf

    render_invoice_pdf.enqueue(invoice_id)
