"""Wagtail's editor groups moderate reactions, without anyone clicking it in."""

from django.db import migrations

from core.group_grants import grant_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("debates", "0003_reactions"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [grant_permissions("debates", ["view_reaction", "change_reaction"])]
