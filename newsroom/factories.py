"""Test and demo data for the newsroom; ``seed_demo`` builds on these too."""

import factory
from django.utils import timezone
from django.utils.text import slugify

from newsroom.models import Commission, Contributor, ExpertApplication, Theme


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


class ExpertApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertApplication

    name = factory.Faker("name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"candidat{n}@example.org")
    field_of_expertise = "Médecine générale en zone rurale"
    qualification = Contributor.Qualification.FIELD
    motivation = (
        "Médecin de campagne depuis vingt ans, je vois chaque semaine ce que "
        "l'éloignement des services publics change pour mes patients."
    )
    writing_sample = (
        "Le cabinet ouvre à huit heures, mais la file commence plus tôt. Il y a "
        "là des patients venus de trente kilomètres, parce que le dernier "
        "confrère du canton est parti à la retraite sans successeur. Ce matin, "
        "une agricultrice attend depuis trois semaines un rendez-vous de "
        "cardiologie ; un retraité renonce à son kiné, faute de voiture."
    )
    language = "fr"
    consented_at = factory.LazyFunction(timezone.now)

    class Params:
        accepted = factory.Trait(
            status=ExpertApplication.Status.ACCEPTED,
            decided_at=factory.LazyFunction(timezone.now),
            contributor=factory.SubFactory(
                ContributorFactory,
                name=factory.SelfAttribute("..name"),
                draft=True,
                declaration_of_interests="",
            ),
        )
        declined = factory.Trait(
            status=ExpertApplication.Status.DECLINED,
            decided_at=factory.LazyFunction(timezone.now),
            decision_reason="Nos prochains débats ne portent pas sur ce domaine.",
        )


class CommissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commission

    question = factory.Sequence(lambda n: f"Faut-il trancher la question n° {n} ?")
    origin = Commission.Origin.NEWSROOM
    pour_contributor = factory.SubFactory(ContributorFactory)
    contre_contributor = factory.SubFactory(ContributorFactory)
