"""Demo newsroom for ``seed_demo``: a commission at each step of the pipeline, and
the first print edition."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.images.models import Image

from debates.selectors import published_debates
from newsroom.factories import CommissionFactory, EditionFactory, sample_cover
from newsroom.models import Commission, Contributor, Edition, Theme

COMMISSIONS = [
    # (question, status, origin, days to the deadline, theme slug)
    (
        "Faut-il instaurer un revenu universel pour les 18-25 ans ?",
        "to_assign",
        "reader_poll",
        20,
        "economie",
    ),
    (
        "Faut-il rendre le vote obligatoire ?",
        "experts_contacted",
        "newsroom",
        5,
        "societe",
    ),
    (
        "Faut-il interdire la publicité pour les SUV ?",
        "texts_received",
        "reader_poll",
        2,
        "environnement",
    ),
    (
        "Faut-il supprimer les notes à l'école primaire ?",
        "in_review",
        "newsroom",
        1,
        "education",
    ),
    (
        "Faut-il taxer les transactions financières en Europe ?",
        "abandoned",
        "newsroom",
        -10,
        "europe",
    ),
]


def seed_commissions(*, stdout=None) -> None:
    if Commission.objects.exists():
        return
    experts = list(Contributor.objects.filter(live=True).order_by("pk")[:10])
    today = timezone.localdate()
    for n, (question, status, origin, days, theme) in enumerate(COMMISSIONS):
        assigned = status != "to_assign" and len(experts) >= 2 * (n + 1)
        CommissionFactory(
            question=question,
            status=status,
            origin=origin,
            deadline=today + datetime.timedelta(days=days),
            theme=Theme.objects.filter(slug=theme).first(),
            pour_contributor=experts[2 * n] if assigned else None,
            contre_contributor=experts[2 * n + 1] if assigned else None,
        )
    # The newest published debate came from a commission too.

    debate = published_debates().first()
    if debate is not None:
        CommissionFactory(
            question=debate.title,
            status=Commission.Status.PUBLISHED,
            origin=Commission.Origin.READER_POLL
            if debate.chosen_by_readers
            else Commission.Origin.NEWSROOM,
            pour_contributor=debate.pour_contributor,
            contre_contributor=debate.contre_contributor,
            debate=debate,
        )
    if stdout is not None:
        stdout.write(f"  commissions: {Commission.objects.count()}")


def seed_edition(*, stdout=None) -> None:
    """The first print issue: a cover, a PDF, and the demo's published debates."""
    if Edition.objects.exists():
        return

    debates = list(published_debates().order_by("first_published_at", "pk")[:4])
    headline = debates[0].title if debates else "Pour, contre : à vous de juger"
    cover = Image.objects.create(
        title="Couverture de Versus n° 1",
        file=ContentFile(sample_cover(1, headline), name="versus-1-couverture.png"),
    )
    EditionFactory(
        number=1,
        published_on=timezone.localdate() - datetime.timedelta(days=7),
        title=headline,
        cover=cover,
        debates=debates,
    )
    if stdout is not None:
        stdout.write("  edition /editions/1/")
