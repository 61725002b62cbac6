"""The demo front page, footer pages, site settings and accounts, from
``home.yaml``, ``pages.yaml`` and ``accounts.yaml``."""

from django.contrib.auth.models import Group

from accounts.factories import UserFactory
from core.models import SiteSettings
from debates import services as debate_services
from demo.references import panel_emails
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage

__all__ = ["seed_accounts", "seed_home", "seed_pages", "seed_panel"]


def seed_home(home: HomePage, spec: dict) -> None:
    """The headline and introduction, unless an editor has written their own."""
    if not home.intro and not home.headline:
        home.headline = spec["headline"]
        home.intro = spec["intro"]
        home.save_revision().publish()


def seed_pages(
    home: HomePage, pages: list[dict], *, contact_email: str, stdout
) -> None:
    """The footer pages, each linked from its footer setting if that is empty."""
    site_settings = SiteSettings.load()
    changed = False
    for spec in pages:
        page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = StandardPageFactory(
                parent=home,
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                body=spec["body"],
            )
            stdout.write(f"  page /{spec['slug']}/")
        if getattr(site_settings, f"{spec['setting']}_id") is None:
            setattr(site_settings, spec["setting"], page)
            changed = True
    if not site_settings.contact_email:
        site_settings.contact_email = contact_email
        changed = True
    if changed:
        site_settings.save()


def seed_accounts(accounts: list[dict], *, password: str, stdout) -> dict:
    """The accounts one logs in with, by email; editors moderate too."""
    moderators = Group.objects.filter(name="Moderators").first()
    users = {}
    for spec in accounts:
        editor = spec["role"] == "editor"
        user = UserFactory(
            email=spec["email"],
            first_name=spec["first_name"],
            last_name=spec["last_name"],
            **({"editor": True} if editor else {"verified": True}),
        )
        if editor and moderators is not None:
            user.groups.add(moderators)
        users[spec["email"]] = user
    stdout.write(f"  accounts: {', '.join(users)}")
    stdout.write(f"  password: {password}")
    return users


def seed_panel(size: int) -> list:
    """Demo readers who cannot log in (no usable password), whose verdicts,
    supports and ballots fill the charts."""
    panel = []
    for email in panel_emails(size):
        reader = UserFactory(email=email, password=None, verified=True)
        debate_services.give_stance_consent(reader)
        panel.append(reader)
    return panel
