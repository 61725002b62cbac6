"""Test and demo data for debates; ``seed_demo`` builds on these too."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from debates.models import (
    DebateIndexPage,
    DebatePage,
    PollIndexPage,
    PollOption,
    Proposal,
    ProposalSupport,
    Reaction,
    TopicPollPage,
)
from debates.polls import services as poll_services
from newsroom.factories import ContributorFactory


class DebateIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DebateIndexPage

    title = "Débats"
    slug = "debats"
    intro = "Une question, deux experts citoyens, et votre verdict."


def _argument(text: str):
    return [("paragraph", f"<p>{text}<sup>1</sup></p>")]


def _sources(publisher: str):
    return [
        (
            "source",
            {
                "title": f"Rapport annuel {publisher}",
                "publisher": publisher,
                "year": 2024,
                "url": "https://www.insee.fr/",
            },
        )
    ]


class DebatePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DebatePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Faut-il trancher la question n° {n} ?")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    context = "<p>Les faits, rien que les faits, en quelques lignes.</p>"
    pour_contributor = factory.SubFactory(ContributorFactory)
    pour_headline = "Oui, et voici pourquoi"
    pour_body = factory.LazyFunction(lambda: _argument("Un argument pour, sourcé."))
    pour_sources = factory.LazyFunction(lambda: _sources("Insee"))
    contre_contributor = factory.SubFactory(ContributorFactory)
    contre_headline = "Non, pas comme ça"
    contre_body = factory.LazyFunction(lambda: _argument("Un argument contre, sourcé."))
    contre_sources = factory.LazyFunction(lambda: _sources("Ademe"))

    class Params:
        premium_debate = factory.Trait(premium=True)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            # Parental relations are kept in memory until the page is saved.
            self.themes.set(extracted)
            self.save()


class ReactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reaction

    debate = factory.SubFactory(DebatePageFactory)
    author = factory.SubFactory("accounts.factories.UserFactory", verified=True)
    tag = Reaction.Tag.NUANCE
    text = "Un avis argumenté, sans attaque personnelle."
    status = Reaction.Status.APPROVED


# --- Topics: proposals and polls ----------------------------------------------------


class ProposalFactory(factory.django.DjangoModelFactory):
    """An approved proposal by default; its author supports it, as on the site."""

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    author = factory.SubFactory("accounts.factories.UserFactory", verified=True)
    question = factory.Sequence(lambda n: f"Faut-il débattre de la question n° {n} ?")
    why = "Parce que la question divise, et que chacun y a un intérêt."
    theme = factory.SubFactory("newsroom.factories.ThemeFactory")
    status = Proposal.Status.APPROVED
    support_count = 0

    @factory.post_generation
    def supported(proposal, create, extracted, **kwargs):
        if not create or proposal.author is None or extracted is False:
            return
        ProposalSupport.objects.create(proposal=proposal, reader=proposal.author)
        Proposal.objects.filter(pk=proposal.pk).update(support_count=1)
        proposal.support_count = 1


class PollIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PollIndexPage

    title = "Votez"
    slug = "votez"
    intro = "Choisissez les prochaines questions que la rédaction mettra en débat."


class TopicPollPageFactory(wagtail_factories.PageFactory):
    """A published poll, open for a week from an hour ago, with ``options`` given
    as proposals or question strings (three newsroom questions by default)."""

    class Meta:
        model = TopicPollPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Le sujet du mois n° {n}")
    opens_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(hours=1)
    )
    closes_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=7)
    )

    @factory.post_generation
    def options(poll, create, extracted, **kwargs):
        if not create:
            return
        items = extracted or [
            "Faut-il rendre le vote obligatoire ?",
            "Faut-il interdire la publicité pour les SUV ?",
            "Faut-il supprimer les notes à l'école primaire ?",
        ]
        for order, item in enumerate(items):
            if isinstance(item, Proposal):
                PollOption.objects.create(poll=poll, proposal=item, sort_order=order)
            else:
                PollOption.objects.create(poll=poll, question=item, sort_order=order)
        poll_services.ensure_tallies(poll)
