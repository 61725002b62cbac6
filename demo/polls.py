"""Demo topics for ``seed_demo``: readers' proposals, an open poll with ballots,
and a closed one whose winner the newsroom has commissioned."""

import datetime

from django.utils import timezone

from debates.factories import (
    PollIndexPageFactory,
    ProposalFactory,
    TopicPollPageFactory,
)
from debates.polls import services
from debates.polls.models import PollIndexPage, Proposal, TopicPollPage
from newsroom.models import Commission, Theme

PROPOSALS = [
    # (question, theme slug, why, status)
    (
        "Faut-il instaurer un revenu universel pour les 18-25 ans ?",
        "economie",
        "Les jeunes adultes sont les plus touchés par la pauvreté, et le RSA "
        "leur est fermé avant 25 ans.",
        "approved",
    ),
    (
        "Faut-il interdire les écrans à l'école maternelle ?",
        "education",
        "Les enseignants constatent des retards de langage ; d'autres défendent "
        "un usage encadré dès le plus jeune âge.",
        "approved",
    ),
    (
        "Faut-il rendre les transports en commun gratuits ?",
        "environnement",
        "Plusieurs villes l'ont fait : le trafic automobile a-t-il baissé, et qui "
        "paie à la place des usagers ?",
        "approved",
    ),
    (
        "Faut-il limiter la vitesse à 110 km/h sur autoroute ?",
        "environnement",
        "La Convention citoyenne pour le climat l'avait proposé ; le sujet revient "
        "à chaque hausse du prix de l'essence.",
        "approved",
    ),
    (
        "Faut-il autoriser le vote dès 16 ans ?",
        "societe",
        "L'Autriche le fait depuis 2007. Les jeunes voteraient-ils davantage si on "
        "leur en donnait le droit plus tôt ?",
        "approved",
    ),
    (
        "Faut-il ouvrir les données de santé à la recherche privée ?",
        "sante",
        "Le Health Data Hub promet des progrès médicaux, mais où sont hébergées "
        "les données, et qui en profite ?",
        "pending",
    ),
]


def seed_polls(home, *, panel, reader=None, stdout=None) -> None:
    if PollIndexPage.objects.exists():
        return
    index = PollIndexPageFactory(parent=home)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    authors = [reader, *panel] if reader is not None else list(panel)
    proposals = []
    for n, (question, theme, why, status) in enumerate(PROPOSALS):
        proposal = ProposalFactory(
            author=authors[n % len(authors)],
            question=question,
            why=why,
            theme=themes.get(theme),
            status=status,
        )
        if status == Proposal.Status.APPROVED:
            for supporter in panel[n : n + 3 * (len(PROPOSALS) - n)]:
                services.support(proposal, user=supporter)
        proposals.append(proposal)

    now = timezone.now()
    # The past poll: readers chose the youth income; the newsroom commissioned it.
    closed = TopicPollPageFactory(
        parent=index,
        title="Le sujet du mois d'octobre",
        intro="Quatre questions proposées par les lecteurs ; une seule sera débattue.",
        options=[*proposals[:3], "Faut-il supprimer le Sénat ?"],
    )
    _vote(closed, panel, [0, 0, 1, 0, 2, 3, 0, 1, 0, 2, 0, 1])
    TopicPollPage.objects.filter(pk=closed.pk).update(
        opens_at=now - datetime.timedelta(days=40),
        closes_at=now - datetime.timedelta(days=26),
    )
    closed.refresh_from_db()
    Commission.objects.filter(question=proposals[0].question).update(
        poll=closed, proposal=proposals[0]
    )
    # The open poll: approval voting, results shown once the reader has voted.
    open_poll = TopicPollPageFactory(
        parent=index,
        title="Le sujet du mois de décembre",
        intro="Choisissez jusqu'à deux questions : la plus choisie sera débattue "
        "en janvier.",
        rule=TopicPollPage.Rule.APPROVAL,
        max_choices=2,
        opens_at=now - datetime.timedelta(days=3),
        closes_at=now + datetime.timedelta(days=11),
        options=[*proposals[1:5], "Faut-il instaurer un service civique obligatoire ?"],
    )
    _vote(open_poll, panel[4:], [0, 1, 2, 3, 4, 1, 1, 2, 0, 3, 1, 4, 2, 1])
    if stdout is not None:
        stdout.write(f"  polls /{index.slug}/ ({open_poll.slug}, {closed.slug})")


def _vote(poll, voters, picks) -> None:
    options = list(poll.options.order_by("sort_order"))
    for voter, pick in zip(voters, picks, strict=False):
        chosen = [options[pick].pk]
        if poll.choices_allowed > 1:
            chosen.append(options[(pick + 1) % len(options)].pk)
        services.cast_ballot(poll, user=voter, option_ids=chosen)
