"""Test and demo data for the site's pages; ``seed_demo`` builds on these too."""

import factory
import wagtail_factories
from django.utils.text import slugify

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Versus"
    slug = factory.Sequence(lambda n: f"accueil-{n}")
    intro = (
        "Une question de société, deux experts citoyens, et c'est vous qui tranchez."
    )


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page éditoriale {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    intro = "Ce que vous devez savoir, en quelques lignes."
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "En bref"}),
            ("paragraph", "<p>Un paragraphe de texte courant.</p>"),
        ]
    )
