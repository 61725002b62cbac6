from django.core.management.base import BaseCommand

from core import outbox
from core.models import OutgoingEmail


class Command(BaseCommand):
    help = (
        "Send the owed emails that are due (run every few minutes): catches up "
        "after an outage of the task worker or of the email provider."
    )

    def handle(self, *args, **options):
        sent = outbox.send_due_emails()
        waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.OWED).count()
        failed = OutgoingEmail.objects.filter(
            status=OutgoingEmail.Status.FAILED
        ).count()
        self.stdout.write(f"sent: {sent}; still owed: {waiting}; failed: {failed}")
