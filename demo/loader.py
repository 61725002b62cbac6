"""Seed the demo site from the files in ``demo/data/``.

Every file is read and checked first (``demo.files.load_all``), so a mistake in one
stops the seeding before anything is written. Then each kind of content is built
through its room's factories and services, in an order where what a record points
to already exists. Idempotent: what is already there is left as it is, so
``make run`` can seed every time without duplicating anything or undoing an
editor's changes.
"""

import io

from accounts.factories import DEMO_PASSWORD
from demo.debates import seed_debates, seed_experts, seed_themes
from demo.events import seed_events
from demo.files import DATA, load_all
from demo.newsletter import seed_newsletter
from demo.newsroom import seed_commissions, seed_editions
from demo.polls import seed_polls
from demo.site import seed_accounts, seed_home, seed_pages, seed_panel
from demo.subscriptions import seed_subscriptions

__all__ = ["seed"]


def seed(home, *, stdout=None, folder=DATA) -> None:
    """Build the demo content under ``home`` (call it inside a transaction)."""
    stdout = stdout if stdout is not None else io.StringIO()
    data = load_all(folder)
    seed_home(home, data["home"])
    seed_pages(
        home,
        data["pages"],
        contact_email=data["home"]["contact_email"],
        stdout=stdout,
    )
    accounts = data["accounts"]
    users = seed_accounts(accounts["accounts"], password=DEMO_PASSWORD, stdout=stdout)
    panel = seed_panel(accounts["panel_size"])
    seed_debates(
        home,
        data,
        themes=seed_themes(data["themes"]),
        experts=seed_experts(data["experts"]),
        panel=panel,
        stdout=stdout,
    )
    seed_commissions(data["commissions"], stdout=stdout)
    seed_editions(data["editions"], stdout=stdout)
    seed_subscriptions(
        data["plans"],
        subscribers=[
            users[spec["email"]] for spec in accounts["accounts"] if spec["subscribed"]
        ],
        stdout=stdout,
    )
    seed_events(home, data, stdout=stdout)
    people = {**users, **{reader.email: reader for reader in panel}}
    seed_polls(home, data, people=people, panel=panel, stdout=stdout)
    seed_newsletter(home, data["newsletters"], stdout=stdout)
