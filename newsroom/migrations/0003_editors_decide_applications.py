"""Wagtail's editor groups decide on expert applications, without anyone clicking it in."""

from django.db import migrations

from core.group_grants import grant_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0002_expertapplication"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        grant_permissions(
            "newsroom", ["view_expertapplication", "change_expertapplication"]
        )
    ]
