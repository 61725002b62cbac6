from django.db import migrations

from core.group_grants import grant_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        grant_permissions("core", ["view_outgoingemail"], groups=("Editors",)),
    ]
