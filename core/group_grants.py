"""Data migrations that give Wagtail's « Editors » and « Moderators » groups the
permissions their work needs, so that nobody has to tick them in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

NEWSROOM_GROUPS = ("Moderators", "Editors")


def grant_permissions(
    app_label: str, codenames: list[str], groups=NEWSROOM_GROUPS
) -> migrations.RunPython:
    """A reversible ``RunPython`` adding ``app_label``'s ``codenames`` to ``groups``.

    The migration must depend on ``wagtailcore``'s ``0002_initial_data`` (which
    creates the groups) and on the migration creating the models.
    """

    def permissions(apps):
        Permission = apps.get_model("auth", "Permission")
        return Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )

    def grant(apps, schema_editor):
        # Permissions are normally created after migrations; the groups need them now.
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
        # Wagtail adds « publish », « lock »... to its snippets only after migrating.
        ContentType = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        for codename in codenames:
            action, model = codename.split("_", 1)
            Permission.objects.get_or_create(
                content_type=ContentType.objects.get(app_label=app_label, model=model),
                codename=codename,
                defaults={"name": f"Can {action} {model}"},
            )
        Group = apps.get_model("auth", "Group")
        for group in Group.objects.filter(name__in=groups):
            group.permissions.add(*permissions(apps))

    def revoke(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        for group in Group.objects.filter(name__in=groups):
            group.permissions.remove(*permissions(apps))

    return migrations.RunPython(grant, revoke)
