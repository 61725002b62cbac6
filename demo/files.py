"""The files of ``demo/data/``: what each one holds, read and checked.

One file per kind of content, so that a journalist finds a text where its kind
says (a debate in ``debates.yaml``, a conference in ``conferences.yaml``) and can
edit it without touching Python. Every file is read and checked before the seeding
writes anything (``load_all``), so a mistake stops it with the file and the entry
named, and leaves the database as it was.
"""

import datetime
from functools import cache
from pathlib import Path

import yaml

from debates.models import Reaction, Stance
from debates.polls.models import Proposal, TopicPollPage
from demo.references import check_references
from demo.schema import (
    Blocks,
    Boolean,
    Choice,
    ClockTime,
    Days,
    DemoDataError,
    Email,
    Euros,
    Integer,
    ListOf,
    MappingOf,
    Record,
    RichText,
    Text,
    check_file,
)
from events.models import ConferenceSpeaker, SeatPrice
from events.models.bookings import Booking
from newsroom.models import Commission, Contributor
from subscriptions.models import Plan

__all__ = ["DATA", "FILES", "DemoDataError", "load", "load_all", "read"]

DATA = Path(__file__).resolve().parent / "data"

FOOTER_PAGES = (
    "legal_notice_page",
    "terms_page",
    "privacy_page",
    "cookies_page",
    "transparency_page",
)


def _same(value):
    return value


SECTION = Record({"title": Text(), "slug": Text(), "intro": Text()})

FIGURE = Record({"value": Text(), "label": Text(), "source": Text()})

# A newsletter block that fills itself from the site; the texts override its own.
SITE_BLOCKS = ("week_debates", "open_poll", "next_conferences", "latest_edition")
SITE_BLOCK = Record({}, {"title": (Text(), ""), "intro": (Text(), "")})

SOURCE = Record(
    {"title": Text(), "publisher": Text(), "year": Integer(), "url": Text()}
)

SIDE = Record(
    {
        "expert": Text(),
        "headline": Text(),
        "body": Blocks(
            {
                "paragraph": (RichText(), _same),
                "figure": (FIGURE, _same),
                "quote": (Record({"text": Text(), "attribution": Text()}), _same),
            }
        ),
        "sources": ListOf(SOURCE, minimum=1),
    }
)

FILES = {
    "accounts": Record(
        {
            "panel_size": Integer(minimum=1),
            "accounts": ListOf(
                Record(
                    {
                        "email": Email(),
                        "first_name": Text(),
                        "last_name": Text(),
                        "role": Choice("editor", "reader"),
                    },
                    {"subscribed": (Boolean(), False)},
                ),
                minimum=1,
            ),
        }
    ),
    "home": Record({"headline": Text(), "intro": Text(), "contact_email": Email()}),
    "pages": ListOf(
        Record(
            {
                "slug": Text(),
                "title": Text(),
                "setting": Choice(*FOOTER_PAGES),
                "intro": Text(),
                "body": Blocks(
                    {
                        "heading": (Text(), lambda text: {"text": text}),
                        "paragraph": (RichText(), _same),
                    }
                ),
            }
        )
    ),
    "sections": Record({"debates": SECTION, "polls": SECTION, "events": SECTION}),
    "themes": ListOf(Record({"slug": Text(), "name": Text(), "description": Text()})),
    "experts": ListOf(
        Record(
            {
                "slug": Text(),
                "name": Text(),
                "occupation": Text(),
                "qualification": Choice.of(Contributor.Qualification),
                "qualification_detail": Text(),
                "declaration_of_interests": Text(blank=True),
            }
        )
    ),
    "debates": ListOf(
        Record(
            {
                "slug": Text(),
                "question": Text(),
                "themes": ListOf(Text(), minimum=1),
                "premium": Boolean(),
                "chosen_by_readers": Boolean(),
                "published": Days(),
                "context": RichText(),
                "key_figures": ListOf(FIGURE),
                "pour": SIDE,
                "contre": SIDE,
            }
        )
    ),
    "verdicts": MappingOf(
        ListOf(
            Record(
                {"before": Choice.of(Stance), "readers": Integer(minimum=1)},
                {"after": (Choice.of(Stance), None)},
            )
        )
    ),
    "reactions": MappingOf(
        ListOf(
            Record(
                {"text": Text()},
                {
                    "side": (Choice.of(Reaction.Tag), None),
                    "reply": (Choice.of(Reaction.Tag), None),
                },
            )
        )
    ),
    "commissions": ListOf(
        Record(
            {
                "status": Choice.of(Commission.Status),
                "origin": Choice.of(Commission.Origin),
            },
            {
                "question": (Text(), None),
                "theme": (Text(), None),
                "deadline": (Days(), None),
                "pour": (Text(), None),
                "contre": (Text(), None),
                "debate": (Text(), None),
            },
        )
    ),
    "editions": ListOf(
        Record(
            {
                "number": Integer(minimum=1),
                "published": Days(),
                "cover": Text(),
                "debates": ListOf(Text(), minimum=1),
            },
            {"title": (Text(), None)},
        )
    ),
    "plans": ListOf(
        Record(
            {
                "name": Text(),
                "price_eur": Euros(),
                "interval": Choice.of(Plan.Interval),
                "benefits": ListOf(Text(), minimum=1),
            }
        )
    ),
    "proposals": ListOf(
        Record(
            {
                "question": Text(),
                "theme": Text(),
                "why": Text(),
                "status": Choice.of(Proposal.Status),
                "author": Email(),
            },
            {"supporters": (Integer(minimum=0), 0)},
        )
    ),
    "polls": ListOf(
        Record(
            {
                "title": Text(),
                "intro": Text(),
                "opens": Days(),
                "closes": Days(),
                "options": Blocks(
                    {"proposal": (Text(), _same), "question": (Text(), _same)}
                ),
            },
            {
                "rule": (Choice.of(TopicPollPage.Rule), TopicPollPage.Rule.SINGLE),
                "max_choices": (Integer(minimum=1), 1),
                "first_voter": (Email(), None),
                "ballots": (ListOf(ListOf(Integer(minimum=1), minimum=1)), []),
                "commissioned": (Integer(minimum=1), None),
            },
        )
    ),
    "conferences": ListOf(
        Record(
            {
                "title": Text(),
                "question": Text(),
                "city": Text(),
                "venue": Text(),
                "street": Text(),
                "postcode": Text(),
                "capacity": Integer(minimum=1),
                "date": Days(),
                "starts_at": ClockTime(),
                "ends_at": ClockTime(),
                "theme": Text(),
                "programme": RichText(),
                "speakers": ListOf(
                    Record(
                        {"role": Choice.of(ConferenceSpeaker.Role)},
                        {"expert": (Text(), None), "name": (Text(), None)},
                    ),
                    minimum=1,
                ),
                "prices": ListOf(
                    Record(
                        {
                            "category": Choice.of(SeatPrice.Category),
                            "label": Text(),
                            "price_eur": Euros(),
                            "seats": Integer(minimum=1),
                        }
                    ),
                    minimum=1,
                ),
            }
        )
    ),
    "offers": ListOf(
        Record(
            {
                "title": Text(),
                "slug": Text(),
                "intro": Text(),
                "included": RichText(),
                "formats": ListOf(
                    Record(
                        {
                            "name": Text(),
                            "description": Text(),
                            "duration": Text(),
                            "price_eur": Euros(),
                        }
                    ),
                    minimum=1,
                ),
                "options": ListOf(
                    Record(
                        {"name": Text(), "description": Text(), "price_eur": Euros()}
                    )
                ),
            }
        )
    ),
    "newsletters": Record(
        {
            "archive": Record({"title": Text(), "intro": Text()}),
            "recipients": Integer(minimum=0),
            "issues": ListOf(
                Record(
                    {
                        "title": Text(),
                        "subject": Text(),
                        "newsletter": Choice(
                            "semaine-des-debats", "resultats-des-votes"
                        ),
                        "editorial": RichText(),
                        "body": Blocks(
                            {
                                "heading": (Text(), lambda text: {"text": text}),
                                "paragraph": (RichText(), _same),
                                **dict.fromkeys(SITE_BLOCKS, (SITE_BLOCK, _same)),
                            }
                        ),
                    },
                    {
                        "sent": (Days(), None),
                        "scheduled": (Days(), None),
                        "at": (ClockTime(), datetime.time(8, 0)),
                        "premium": (Boolean(), False),
                    },
                )
            ),
        }
    ),
    "bookings": ListOf(
        Record(
            {
                "offer": Text(),
                "format": Text(),
                "preferred_date": Days(),
                "buyer": Record(
                    {
                        "buyer_type": Choice.of(Booking.BuyerType),
                        "legal_name": Text(),
                        "siret": Text(),
                        "street": Text(),
                        "postcode": Text(),
                        "city": Text(),
                        "contact_name": Text(),
                        "contact_role": Text(),
                        "email": Email(),
                        "phone": Text(),
                        "po_required": Boolean(),
                    },
                    {
                        "vat_number": (Text(blank=True), ""),
                        "service_code": (Text(blank=True), ""),
                        "commitment_number": (Text(blank=True), ""),
                    },
                ),
            },
            {
                "options": (ListOf(Text()), []),
                "preferred_dates": (Text(blank=True), ""),
                "quote_sent": (Boolean(), False),
            },
        )
    ),
}


def read(name: str, folder: Path = DATA):
    """The raw content of ``<name>.yaml``, or an error naming the file."""
    path = folder / f"{name}.yaml"
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.safe_load(stream)
    except FileNotFoundError:
        raise DemoDataError(f"{path.name}: file not found in {folder}") from None
    except yaml.YAMLError as error:
        raise DemoDataError(f"{path.name}: not valid YAML ({error})") from None


def load(name: str, folder: Path = DATA):
    """One file, checked and in the form the factories take."""
    return check_file(f"{name}.yaml", read(name, folder), FILES[name])


@cache
def _load_all(folder: Path) -> dict:
    data = {name: load(name, folder) for name in FILES}
    check_references(data)
    return data


def load_all(folder: Path = DATA) -> dict:
    """Every file, checked on its own and against the others (a debate's theme
    must be in ``themes.yaml``...). Read once per process: the files do not
    change while the site runs."""
    return _load_all(folder)
