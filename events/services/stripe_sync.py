"""Issued invoices at Stripe, after commit: what each one still owes Stripe is a
``StripeOperation`` row, done by a task and retried until Stripe has it.

Why after commit: the invoice number is taken under a row lock that every other
issuer waits for. Calling Stripe inside that transaction held the lock for as
long as the network took, and a refusal rolled the issue back after Stripe might
already have recorded the number. Now the number and the frozen invoice are
committed first; Stripe only ever sees a number that is ours for good, a failure
leaves the invoice issued (the buyer has it by email, the transfer details are on
it) and the operation waiting, shown on the booking's admin page with its error
and a button to try again.

Each attempt is safe to repeat: the invoice is created with idempotency keys
derived from its number (``payments.gateway``), an attempt after a failure first
reads what Stripe holds before voiding, crediting or marking paid again, and the
``invoice.finalized`` event that carries our number ties a Stripe invoice to ours
even when the answer to our request was lost.
"""

import datetime
import logging
import random
from functools import partial

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from events.models import Invoice, StripeOperation
from payments.gateway import GatewayError, get_gateway

logger = logging.getLogger(__name__)

Action = StripeOperation.Action
Status = StripeOperation.Status

# Doubling from a minute up to six hours: eight attempts cover about half a day
# of Stripe being down before an editor is asked to look.
MAX_ATTEMPTS = 8
FIRST_DELAY = datetime.timedelta(minutes=1)
MAX_DELAY = datetime.timedelta(hours=6)
# How long a worker may hold an operation while it talks to Stripe.
CLAIM = datetime.timedelta(minutes=10)


class NotAtStripeYet(Exception):
    """The invoice this operation is about has not reached Stripe yet."""


def stripe_enabled() -> bool:
    return not get_gateway().demo


def owe_stripe(invoice: Invoice, action: str) -> StripeOperation | None:
    """Record, in the caller's transaction, what Stripe must be told about
    ``invoice``; it is told once that transaction commits. Nothing in demo mode,
    where no Stripe invoice exists."""
    if not stripe_enabled():
        return None
    if action != Action.CREATE and invoice.stripe_operations.filter(
        action=Action.CREATE, status=Status.SKIPPED
    ):
        return None  # never went to Stripe: nothing there to follow up
    operation, _created = StripeOperation.objects.get_or_create(
        invoice=invoice, action=action
    )
    transaction.on_commit(partial(enqueue, operation.pk), robust=True)
    return operation


def withdraw_creation(invoice: Invoice) -> bool:
    """The invoice is paid or cancelled before its creation at Stripe was ever
    tried: it need not go there at all. False when an attempt may have reached
    Stripe (then the follow-up operation waits for it)."""
    return bool(
        StripeOperation.objects.filter(
            invoice=invoice,
            action=Action.CREATE,
            status=Status.PENDING,
            attempts=0,
            claimed_until__isnull=True,
        ).update(status=Status.SKIPPED, done_at=timezone.now())
    )


def enqueue(operation_id: int, *, at: datetime.datetime | None = None) -> None:
    """Hand the operation to the task worker; if the backend cannot defer, a
    later attempt is left to ``run_due_operations`` (housekeeping)."""
    # Imported here: events.tasks imports this module.
    from events.tasks import run_stripe_operation

    task = run_stripe_operation
    if at is not None:
        if not task.get_backend().supports_defer:
            return
        task = task.using(run_after=at)
    task.enqueue(operation_id)


def retry_delay(attempts: int) -> datetime.timedelta:
    """Doubling from a minute, capped at six hours, with a tenth of jitter so
    that Stripe coming back is not hit by every operation at once."""
    seconds = min(
        FIRST_DELAY.total_seconds() * 2 ** max(attempts - 1, 0),
        MAX_DELAY.total_seconds(),
    )
    return datetime.timedelta(seconds=seconds * random.uniform(1.0, 1.1))  # noqa: S311


def _claim(operation_id: int, now: datetime.datetime) -> bool:
    """Take the operation for this worker, if it is due and nobody holds it."""
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    return bool(
        StripeOperation.objects.filter(
            free, pk=operation_id, status=Status.PENDING, next_attempt_at__lte=now
        ).update(claimed_until=now + CLAIM, attempts=F("attempts") + 1)
    )


def run_operation(operation_id: int, *, now: datetime.datetime | None = None) -> str:
    """One attempt at one operation; returns its status afterwards. Nothing
    Stripe raises escapes: a failure leaves it waiting with its next attempt
    scheduled, so the task always succeeds."""
    if not _claim(operation_id, now or timezone.now()):
        return "not due"
    operation = StripeOperation.objects.select_related(
        "invoice__booking", "invoice__quote"
    ).get(pk=operation_id)
    try:
        status = _perform(operation)
    except (GatewayError, NotAtStripeYet) as error:
        return _retry_later(operation, error)
    except Exception as error:
        logger.exception("Stripe operation %s failed", operation.pk)
        return _retry_later(operation, error)
    _finish(operation, status)
    if operation.action == Action.CREATE:
        _release_followers(operation.invoice)
    return operation.status


def _perform(operation: StripeOperation) -> str:
    gateway = get_gateway()
    invoice = operation.invoice
    if gateway.demo:
        return Status.SKIPPED
    if operation.action == Action.CREATE:
        if invoice.stripe_invoice_id:
            # Stripe's invoice.finalized event found ours meanwhile.
            return Status.DONE
        remote = gateway.create_booking_invoice(invoice)
        invoice.stripe_invoice_id = remote["id"]
        invoice.hosted_invoice_url = remote.get("hosted_invoice_url") or ""
        invoice.save(update_fields=["stripe_invoice_id", "hosted_invoice_url"])
        return Status.DONE
    remote_id = invoice.stripe_invoice_id
    if not remote_id:
        creation = invoice.stripe_operations.filter(action=Action.CREATE).first()
        if creation is None or creation.status == Status.SKIPPED:
            return Status.SKIPPED
        raise NotAtStripeYet(f"{invoice.number} is not at Stripe yet")
    if operation.attempts > 1 and _already_done(gateway, operation, remote_id):
        return Status.DONE
    if operation.action == Action.MARK_PAID:
        gateway.mark_invoice_paid_out_of_band(remote_id)
    elif operation.action == Action.VOID:
        gateway.void_invoice(remote_id)
    elif operation.action == Action.CREDIT:
        gateway.credit_invoice(remote_id, invoice.gross_cents)
    return Status.DONE


def _already_done(gateway, operation: StripeOperation, remote_id: str) -> bool:
    """Whether an earlier attempt reached Stripe although its answer was lost:
    Stripe's invoice says so, and doing it again would fail or credit twice."""
    remote = gateway.retrieve_invoice(remote_id)
    if operation.action == Action.MARK_PAID:
        return remote.get("status") == "paid"
    if operation.action == Action.VOID:
        return remote.get("status") == "void"
    credited = remote.get("post_payment_credit_notes_amount") or 0
    return credited >= operation.invoice.gross_cents


def _finish(operation: StripeOperation, status: str) -> None:
    operation.status = status
    operation.claimed_until = None
    operation.done_at = timezone.now()
    operation.save(update_fields=["status", "claimed_until", "done_at"])


def _retry_later(operation: StripeOperation, error: Exception) -> str:
    operation.claimed_until = None
    operation.last_error = str(error)[-2000:] or repr(error)
    if operation.attempts >= MAX_ATTEMPTS:
        operation.status = Status.FAILED
        logger.error(
            "Stripe operation %s given up after %s attempts",
            operation.pk,
            operation.attempts,
        )
    else:
        operation.next_attempt_at = timezone.now() + retry_delay(operation.attempts)
    operation.save(
        update_fields=["status", "claimed_until", "last_error", "next_attempt_at"]
    )
    if operation.status == Status.PENDING:
        try:
            enqueue(operation.pk, at=operation.next_attempt_at)
        except Exception:
            # The row stays pending: run_due_operations finds it.
            logger.exception("Stripe operation %s: retry not queued", operation.pk)
    return operation.status


def _release_followers(invoice: Invoice) -> None:
    """Once the invoice is at Stripe, what waited for it goes at once."""
    now = timezone.now()
    waiting = list(
        invoice.stripe_operations.filter(status=Status.PENDING)
        .exclude(action=Action.CREATE)
        .values_list("pk", flat=True)
    )
    StripeOperation.objects.filter(pk__in=waiting).update(next_attempt_at=now)
    for pk in waiting:
        enqueue(pk)


@transaction.atomic
def retry_operation(operation: StripeOperation) -> StripeOperation:
    """An editor asks for another attempt now, even after it was given up."""
    StripeOperation.objects.filter(
        pk=operation.pk, status__in=[Status.PENDING, Status.FAILED]
    ).update(status=Status.PENDING, next_attempt_at=timezone.now())
    transaction.on_commit(partial(enqueue, operation.pk), robust=True)
    return operation


def run_due_operations(*, now=None, limit: int = 200) -> int:
    """Attempt the operations that are due, and those a dead worker left
    claimed; returns how many are done. Catches up after an outage of the task
    queue, and runs retries where the backend cannot defer."""
    now = now or timezone.now()
    due = (
        StripeOperation.objects.filter(status=Status.PENDING, next_attempt_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(
        run_operation(pk, now=now) in (Status.DONE, Status.SKIPPED) for pk in list(due)
    )


def tie_remote_invoice(remote: dict) -> Invoice | None:
    """Stripe tells us of an invoice with our number in its metadata that we
    have not tied to ours (the answer to our request was lost): tie it, so that
    the creation is not attempted again and what follows can use it."""
    number = (remote.get("metadata") or {}).get("number")
    if not number or not remote.get("id"):
        return None
    invoice = Invoice.objects.filter(
        number=number, kind=Invoice.Kind.INVOICE, stripe_invoice_id=""
    ).first()
    if invoice is None:
        return None
    invoice.stripe_invoice_id = remote["id"]
    invoice.hosted_invoice_url = remote.get("hosted_invoice_url") or ""
    invoice.save(update_fields=["stripe_invoice_id", "hosted_invoice_url"])
    StripeOperation.objects.filter(
        invoice=invoice,
        action=Action.CREATE,
        status__in=[Status.PENDING, Status.FAILED],
    ).update(status=Status.DONE, done_at=timezone.now())
    transaction.on_commit(partial(_release_followers, invoice), robust=True)
    return invoice
