"""Run every few minutes (cron, or a scheduler): frees seats whose checkout or
waiting-list offer has lapsed, offering them on; reminds overdue invoices; marks
paid bookings of conferences that have ended as held."""

from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = (
        "Release lapsed seat holds, remind overdue invoices, close the bookings "
        "of conferences that have ended."
    )

    def handle(self, *args, **options):
        released = services.release_expired_holds()
        reminded = services.remind_overdue()
        closed = services.close_held_conferences()
        self.stdout.write(
            f"released {released} hold(s), sent {reminded} reminder(s), "
            f"closed {closed} booking(s)"
        )
