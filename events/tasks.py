"""Background tasks of events: what an issued invoice needs once it is committed,
its PDF file and its copy at Stripe.

They run in the task worker (``manage.py db_worker`` with the database backend)
or, in development, at once after commit (the immediate backend); both are safe
to run twice.
https://docs.djangoproject.com/en/6.1/topics/tasks/
"""

from django.tasks import task

from events.services import document_files, stripe_sync


@task()
def render_invoice_pdf(invoice_id: int) -> str:
    return document_files.store_invoice_pdf(invoice_id).pdf.name


@task()
def run_stripe_operation(operation_id: int) -> str:
    return stripe_sync.run_operation(operation_id)
