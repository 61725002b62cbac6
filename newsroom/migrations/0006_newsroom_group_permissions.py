"""The newsroom's work in the admin, for Wagtail's editor groups: commissions, expert
profiles, themes and print editions. Publishing an expert's profile stays with
the moderators, as publishing a debate does."""

from django.db import migrations

from core.group_grants import grant_permissions

EDITING = [
    f"{action}_{model}"
    for model in ("commission", "contributor", "theme", "edition")
    for action in ("add", "change", "view")
]


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0005_edition"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        grant_permissions("newsroom", EDITING),
        grant_permissions(
            "newsroom",
            ["publish_contributor", "delete_edition"],
            groups=("Moderators",),
        ),
    ]
