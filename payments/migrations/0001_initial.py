"""The Stripe event log, moved here from ``subscriptions`` with its rows: the
table was renamed there (``subscriptions.0004``); here only the model's state is
created, and the content type follows so that the permissions already granted
on it (the newsroom may view the log) stay granted."""

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="subscriptions", model="stripeevent").update(
        app_label="payments"
    )


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="payments", model="stripeevent").update(
        app_label="subscriptions"
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("subscriptions", "0004_stripe_event_log_moves_to_payments"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StripeEvent",
                    fields=[
                        (
                            "id",
                            models.CharField(
                                max_length=255, primary_key=True, serialize=False
                            ),
                        ),
                        ("type", models.CharField(max_length=100)),
                        ("livemode", models.BooleanField(default=False)),
                        ("api_version", models.CharField(blank=True, max_length=40)),
                        ("created", models.DateTimeField()),
                        ("body", models.TextField(blank=True)),
                        ("payload", models.JSONField()),
                        ("received_at", models.DateTimeField(auto_now_add=True)),
                        ("processed_at", models.DateTimeField(blank=True, null=True)),
                        ("attempts", models.PositiveIntegerField(default=0)),
                        (
                            "outcome",
                            models.CharField(
                                choices=[
                                    ("pending", "Pending"),
                                    ("applied", "Applied"),
                                    ("ignored", "Ignored"),
                                    ("failed", "Failed"),
                                ],
                                default="pending",
                                max_length=10,
                            ),
                        ),
                        ("error", models.TextField(blank=True)),
                    ],
                    options={
                        "verbose_name": "Stripe event",
                        "verbose_name_plural": "Stripe events",
                        "ordering": ["-created"],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
