"""Test and demo data for debates; ``seed_demo`` builds on these too."""

import factory
import wagtail_factories
from django.utils.text import slugify

from debates.models import DebateIndexPage, DebatePage, Reaction
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
