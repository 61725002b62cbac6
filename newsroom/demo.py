"""Demo commissions for ``seed_demo``: one at each step of the pipeline."""

import datetime

from django.utils import timezone

from newsroom.factories import CommissionFactory
from newsroom.models import Commission, Contributor, Theme

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
    from debates.selectors import published_debates

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
