"""Build the demo site from ``demo/data/``: page tree, site settings, accounts and
every room's demo content.

Refuses to run in production, where demo accounts with a published password would
be a hole.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loader import seed
from demo.schema import DemoDataError
from home.models import HomePage


class Command(BaseCommand):
    help = "Create the demo pages, settings and accounts (development only)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_demo refuses to run with DJANGO_ENV=production.")
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No home page: run `manage.py migrate` first.")
        try:
            with transaction.atomic():
                seed(home, stdout=self.stdout)
        except DemoDataError as error:
            raise CommandError(f"Demo data: {error}") from None
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
