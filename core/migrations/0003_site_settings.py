"""Site settings, moved here from ``home`` with their row: the table was renamed
there (``home.0006``); here only the model's state is created, and the content
type follows so that permissions granted on it stay granted."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="home", model="sitesettings").update(
        app_label="core"
    )


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="core", model="sitesettings").update(
        app_label="home"
    )


def footer_page(label):
    return models.ForeignKey(
        blank=True,
        null=True,
        on_delete=django.db.models.deletion.SET_NULL,
        related_name="+",
        to=settings.WAGTAIL_PAGE_MODEL,
        verbose_name=label,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_editors_see_emails"),
        ("home", "0006_site_settings_move_to_core"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SiteSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "publication_name",
                            models.CharField(
                                default="Versus",
                                max_length=80,
                                verbose_name="publication name",
                            ),
                        ),
                        (
                            "tagline",
                            models.CharField(
                                blank=True,
                                default="Le journal de débats qui vous laisse trancher",
                                max_length=160,
                                verbose_name="tagline",
                            ),
                        ),
                        (
                            "contact_email",
                            models.EmailField(
                                blank=True, max_length=254, verbose_name="contact email"
                            ),
                        ),
                        (
                            "premium_quota",
                            models.PositiveSmallIntegerField(
                                default=3,
                                help_text=(
                                    "How many subscriber debates a registered reader "
                                    "may open for free each calendar month. 0 keeps "
                                    "them for subscribers only."
                                ),
                                verbose_name="free subscriber debates a month",
                            ),
                        ),
                        ("mastodon_url", models.URLField(blank=True, verbose_name="Mastodon")),
                        ("bluesky_url", models.URLField(blank=True, verbose_name="Bluesky")),
                        ("linkedin_url", models.URLField(blank=True, verbose_name="LinkedIn")),
                        ("instagram_url", models.URLField(blank=True, verbose_name="Instagram")),
                        ("youtube_url", models.URLField(blank=True, verbose_name="YouTube")),
                        ("legal_notice_page", footer_page("legal notice")),
                        ("terms_page", footer_page("terms of sale")),
                        ("privacy_page", footer_page("privacy")),
                        ("cookies_page", footer_page("cookies")),
                        ("transparency_page", footer_page("transparency")),
                    ],
                    options={"verbose_name": "site settings"},
                ),
            ],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
