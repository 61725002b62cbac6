"""Run by the scheduler every five minutes (``events.tasks``); by hand, the same
work (``events.services.housekeeping``): frees seats whose checkout or
waiting-list offer has lapsed, reminds overdue invoices, closes the bookings of
conferences that have ended, finishes late refunds and retries what Stripe has
not taken."""

from django.core.management.base import BaseCommand

from events.services.housekeeping import housekeeping


class Command(BaseCommand):
    help = (
        "Release lapsed seat holds, remind overdue invoices, close the bookings "
        "of conferences that have ended, retry what Stripe has not taken."
    )

    def handle(self, *args, **options):
        self.stdout.write(str(housekeeping()))
