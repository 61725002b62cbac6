"""Run every few minutes (cron, or a scheduler): frees seats whose checkout or
waiting-list offer has lapsed, offering them on; reminds overdue invoices; marks
paid bookings of conferences that have ended as held; tries Stripe again for
invoices it has not taken yet, where the task backend cannot schedule retries."""

from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = (
        "Release lapsed seat holds, remind overdue invoices, close the bookings "
        "of conferences that have ended, retry what Stripe has not taken."
    )

    def handle(self, *args, **options):
        released = services.release_expired_holds()
        reminded = services.remind_overdue()
        closed = services.close_held_conferences()
        synced = services.run_due_stripe_operations()
        self.stdout.write(
            f"released {released} hold(s), sent {reminded} reminder(s), "
            f"closed {closed} booking(s), {synced} Stripe operation(s) done"
        )
