"""What an issued invoice still owes Stripe: creating and finalising it there (same
number, lines and VAT), marking it paid when the money came another way, voiding
or crediting it when a credit note cancels it.

The invoice is numbered and committed first; these run afterwards, as tasks, so
that a slow or failing Stripe never holds the numbering lock nor undoes an issue,
and Stripe can only ever hold a number that is already ours for good. Each row is
one piece of work, at most one per invoice and action, retried with a growing
delay and shown on the booking's admin page until it is done.
https://docs.stripe.com/invoicing/integration
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models.documents import Invoice


class StripeOperation(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Create and finalise the invoice at Stripe")
        MARK_PAID = "mark_paid", _("Mark the invoice paid at Stripe")
        VOID = "void", _("Void the invoice at Stripe")
        CREDIT = "credit", _("Credit the invoice at Stripe")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for Stripe")
        FAILED = "failed", _("Stripe refused: retry needed")
        DONE = "done", _("Done at Stripe")
        SKIPPED = "skipped", _("Not needed at Stripe")

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="stripe_operations"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # While a worker talks to Stripe about it; a dead worker's claim lapses.
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["invoice", "action"], name="one_stripe_operation_per_action"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.invoice_id} {self.action} ({self.status})"

    @property
    def open(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.FAILED)
