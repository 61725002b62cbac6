"""Test and demo data for accounts; ``seed_demo`` builds on these too."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

DEMO_PASSWORD = "versus-demo"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"lecteur{n}@example.org")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    language = "fr"
    password = factory.django.Password(DEMO_PASSWORD)

    class Params:
        # A reader who clicked the link in the verification email.
        verified = factory.Trait(
            verified_address=factory.RelatedFactory(
                "accounts.factories.EmailAddressFactory", factory_related_name="user"
            )
        )
        editor = factory.Trait(is_staff=True, is_superuser=True, verified=True)


class EmailAddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmailAddress
        django_get_or_create = ("user", "email")

    user = factory.SubFactory(UserFactory)
    email = factory.SelfAttribute("user.email")
    verified = True
    primary = True
