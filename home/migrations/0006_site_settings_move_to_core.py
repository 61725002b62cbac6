"""Site settings belong to ``core`` now, where every room reads them. The table
is renamed with its row; the model's state leaves this app here and is created
in ``core.0003_site_settings``."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_sitesettings_premium_quota"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("sitesettings", "core_sitesettings"),
            ],
            state_operations=[migrations.DeleteModel("SiteSettings")],
        ),
    ]
