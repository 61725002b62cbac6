"""Run every few minutes (cron, or a scheduler): frees seats whose checkout or
waiting-list offer has lapsed, offering them on; reminds overdue invoices."""

from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = "Release lapsed seat holds and remind the contacts of overdue invoices."

    def handle(self, *args, **options):
        released = services.release_expired_holds()
        reminded = services.remind_overdue()
        self.stdout.write(f"released {released} hold(s), sent {reminded} reminder(s)")
