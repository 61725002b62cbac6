"""Wagtail's editor groups follow institutions' bookings through quote, invoice and
payment, and see who bought seats or waits for some."""

from django.db import migrations

from core.group_grants import grant_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_sales"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        grant_permissions(
            "events",
            [
                "view_booking",
                "change_booking",
                "view_seatorder",
                "view_waitinglistentry",
            ],
        ),
    ]
