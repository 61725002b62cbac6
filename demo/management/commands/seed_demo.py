"""Build the demo site: page tree, site settings and demo accounts.

Idempotent: what already exists is left as it is, so ``make run`` can call it every
time without duplicating anything or undoing an editor's changes. Refuses to run in
production, where demo accounts with a published password would be a hole.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.factories import DEMO_PASSWORD, UserFactory
from core.models import SiteSettings
from debates import services as debate_services
from demo import content
from demo.debates import PANEL_SIZE, seed_debates
from demo.events import seed_events
from demo.newsroom import seed_commissions, seed_edition
from demo.polls import seed_polls
from demo.subscriptions import seed_subscriptions
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage

User = get_user_model()

DEMO_USERS = [
    # (email, first name, last name, traits)
    ("redaction@example.org", "Camille", "Rédaction", {"editor": True}),
    ("lecteur@example.org", "Léa", "Lectrice", {"verified": True}),
    ("abonne@example.org", "Yanis", "Abonné", {"verified": True}),
]


class Command(BaseCommand):
    help = "Create the demo pages, settings and accounts (development only)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_demo refuses to run with DJANGO_ENV=production.")
        with transaction.atomic():
            home = self.seed_home()
            self.seed_pages(home)
            self.seed_users()
            panel = self.seed_panel()
            seed_debates(home, panel=panel, stdout=self.stdout)
            seed_commissions(stdout=self.stdout)
            seed_edition(stdout=self.stdout)
            seed_subscriptions(stdout=self.stdout)
            seed_events(home, stdout=self.stdout)
            seed_polls(
                home,
                panel=panel,
                reader=User.objects.filter(email="lecteur@example.org").first(),
                stdout=self.stdout,
            )
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def seed_home(self) -> HomePage:
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No home page: run `manage.py migrate` first.")
        if not home.intro and not home.headline:
            home.headline = content.home()["headline"]
            home.intro = content.home()["intro"]
            home.save_revision().publish()
        return home

    def seed_pages(self, home: HomePage) -> None:
        site_settings = SiteSettings.load()
        changed = False
        for spec in content.home()["pages"]:
            page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
            if page is None:
                page = StandardPageFactory(
                    parent=home,
                    title=spec["title"],
                    slug=spec["slug"],
                    intro=spec["intro"],
                    body=spec["body"],
                )
                self.stdout.write(f"  page /{spec['slug']}/")
            if getattr(site_settings, f"{spec['setting']}_id") is None:
                setattr(site_settings, spec["setting"], page)
                changed = True
        if not site_settings.contact_email:
            site_settings.contact_email = "bonjour@versus.example"
            changed = True
        if changed:
            site_settings.save()

    def seed_panel(self) -> list:
        """Demo readers who cannot log in (no usable password), whose verdicts fill
        the charts."""
        panel = []
        for n in range(1, PANEL_SIZE + 1):
            reader = UserFactory(
                email=f"panel-{n:02d}@example.org", password=None, verified=True
            )
            debate_services.give_stance_consent(reader)
            panel.append(reader)
        return panel

    def seed_users(self) -> None:
        moderators = Group.objects.filter(name="Moderators").first()
        for email, first_name, last_name, traits in DEMO_USERS:
            user = UserFactory(
                email=email, first_name=first_name, last_name=last_name, **traits
            )
            if traits.get("editor") and moderators is not None:
                user.groups.add(moderators)
        self.stdout.write(f"  accounts: {', '.join(u[0] for u in DEMO_USERS)}")
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
