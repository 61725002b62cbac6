"""Catch up with Stripe when webhooks went missing or failed here
(``subscriptions.reconcile``; the scheduler runs the same every hour).

It says what it changed, 0 when nothing did, and exits non-zero only when
something could not be applied or Stripe could not be reached.
"""

from django.core.management.base import BaseCommand, CommandError

from subscriptions.reconcile import StripeUnreachable, reconcile


class Command(BaseCommand):
    help = (
        "Apply undelivered or failed Stripe events; repair subscriptions that differ."
    )

    def handle(self, *args, **options):
        try:
            report = reconcile()
        except StripeUnreachable as error:
            raise CommandError(f"Stripe could not be reached: {error}") from error
        for error in report.errors:
            self.stderr.write(error)
        self.stdout.write(str(report))
        if report.failures:
            raise CommandError(f"{report.failures} could not be applied (see above).")
