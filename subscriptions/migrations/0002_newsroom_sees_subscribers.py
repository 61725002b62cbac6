"""Wagtail's editor groups follow subscribers and offer complimentary ones."""

from django.db import migrations

from core.group_grants import grant_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        grant_permissions(
            "subscriptions",
            [
                "view_subscription",
                "add_subscription",
                "change_subscription",
                "view_payment",
                "view_plan",
                "view_stripeevent",
            ],
        ),
        grant_permissions("subscriptions", ["change_plan"], groups=("Moderators",)),
    ]
