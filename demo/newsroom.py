"""The demo newsroom, from ``commissions.yaml`` and ``editions.yaml``: a
commission at each step of the pipeline, and the print editions."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.images.models import Image

from debates.models import DebatePage
from newsroom.factories import CommissionFactory, EditionFactory, sample_cover
from newsroom.models import Commission, Contributor, Edition, Theme

__all__ = ["seed_commissions", "seed_editions"]


def _day(days_from_today: int | None) -> datetime.date | None:
    if days_from_today is None:
        return None
    return timezone.localdate() + datetime.timedelta(days=days_from_today)


def seed_commissions(commissions: list[dict], *, stdout) -> None:
    """All the commissions, unless the newsroom has some already."""
    if Commission.objects.exists():
        return
    experts = {expert.slug: expert for expert in Contributor.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for spec in commissions:
        debate = DebatePage.objects.filter(slug=spec["debate"]).first()
        CommissionFactory(
            # A published commission is named after its debate.
            question=spec["question"] or debate.title,
            status=spec["status"],
            origin=spec["origin"],
            deadline=_day(spec["deadline"]),
            theme=themes.get(spec["theme"]),
            pour_contributor=experts.get(spec["pour"]),
            contre_contributor=experts.get(spec["contre"]),
            debate=debate,
        )
    stdout.write(f"  commissions: {Commission.objects.count()}")


def seed_editions(editions: list[dict], *, stdout) -> None:
    """Each print issue not there yet: a drawn cover, a PDF, and its debates."""
    for spec in editions:
        if Edition.objects.filter(number=spec["number"]).exists():
            continue
        debates = {
            debate.slug: debate
            for debate in DebatePage.objects.filter(slug__in=spec["debates"])
        }
        # An edition is named after its first debate unless it has its own title.
        title = spec["title"] or debates[spec["debates"][0]].title
        cover = Image.objects.create(
            title=spec["cover"],
            file=ContentFile(
                sample_cover(spec["number"], title),
                name=f"versus-{spec['number']}-couverture.png",
            ),
        )
        EditionFactory(
            number=spec["number"],
            published_on=_day(spec["published"]),
            title=title,
            cover=cover,
            debates=[debates[slug] for slug in spec["debates"] if slug in debates],
        )
        stdout.write(f"  edition /editions/{spec['number']}/")
