"""Background tasks of events: what an issued invoice needs once it is committed
(its PDF file and its copy at Stripe), the money of a late payment going back,
and the housekeeping the scheduler asks for every five minutes.

They run in the task worker (``manage.py db_worker`` with the database backend)
or, in tests, at once after commit (the immediate backend); all are safe to run
twice.
https://docs.djangoproject.com/en/6.1/topics/tasks/
"""

import logging

from crontask import cron
from django.tasks import task

from core.jobs import run_alone
from events.services import document_files, seat_orders, stripe_sync
from events.services.housekeeping import housekeeping
from payments.gateway import GatewayError

logger = logging.getLogger(__name__)


@task()
def render_invoice_pdf(invoice_id: int) -> str:
    return document_files.store_invoice_pdf(invoice_id).pdf.name


@task()
def run_stripe_operation(operation_id: int) -> str:
    return stripe_sync.run_operation(operation_id)


@task()
def refund_seat_order(order_id: int) -> str:
    """A payment that came after its seats went goes back; if Stripe refuses,
    the housekeeping tries again."""
    try:
        return "refunded" if seat_orders.complete_late_refund(order_id) else "done"
    except GatewayError as error:
        logger.warning("Late refund of seat order %s not taken: %s", order_id, error)
        return f"waiting: {error}"


@cron("*/5 * * * *")
@task()
def events_housekeeping() -> str:
    return str(run_alone("events_housekeeping", housekeeping))
