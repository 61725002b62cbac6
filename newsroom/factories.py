"""Test and demo data for the newsroom; ``seed_demo`` builds on these too."""

import factory
from django.utils.text import slugify

from newsroom.models import Contributor, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))


class ContributorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contributor
        django_get_or_create = ("slug",)

    name = factory.Faker("name", locale="fr_FR")
    slug = factory.LazyAttribute(lambda expert: slugify(expert.name))
    occupation = "Infirmière en service de réanimation"
    qualification = Contributor.Qualification.FIELD
    qualification_detail = "Quinze ans de pratique à l'hôpital public."
    declaration_of_interests = "Aucun lien d'intérêt avec les acteurs du sujet."
    live = True

    class Params:
        draft = factory.Trait(live=False)
