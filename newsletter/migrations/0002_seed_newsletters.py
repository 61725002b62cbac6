"""The two lists every install offers; editors may rename or describe them."""

from django.db import migrations

LISTS = [
    {
        "slug": "semaine-des-debats",
        "name": "La semaine des débats",
        "description": (
            "Chaque semaine, le nouveau débat, le vote en cours et les prochaines "
            "conférences."
        ),
        "cadence": "weekly",
        "is_default": True,
        "sort_order": 1,
    },
    {
        "slug": "resultats-des-votes",
        "name": "Les résultats des votes",
        "description": "Quand un vote se termine : le sujet retenu et les chiffres.",
        "cadence": "poll_closed",
        "is_default": False,
        "sort_order": 2,
    },
]


def seed(apps, schema_editor):
    Newsletter = apps.get_model("newsletter", "Newsletter")
    for spec in LISTS:
        Newsletter.objects.get_or_create(slug=spec["slug"], defaults=spec)


def unseed(apps, schema_editor):
    Newsletter = apps.get_model("newsletter", "Newsletter")
    Newsletter.objects.filter(
        slug__in=[spec["slug"] for spec in LISTS], subscriptions__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
