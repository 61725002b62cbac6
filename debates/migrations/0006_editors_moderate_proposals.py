"""Wagtail's editor groups moderate readers' topic proposals."""

from django.db import migrations

from core.group_grants import grant_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("debates", "0005_topic_polls"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [grant_permissions("debates", ["view_proposal", "change_proposal"])]
