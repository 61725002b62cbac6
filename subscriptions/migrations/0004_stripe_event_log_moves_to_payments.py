"""The Stripe event log belongs to the payments room now. The table is renamed
and kept with its rows; the model's state leaves this app here and is created
in ``payments.0001_initial``."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0003_follow_any_price_raw_body"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("stripeevent", "payments_stripeevent"),
            ],
            state_operations=[migrations.DeleteModel("StripeEvent")],
        ),
    ]
