import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("newsletter", "0002_seed_newsletters"),
    ]

    operations = [
        migrations.AddField(
            model_name="consentevent",
            name="issue",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="newsletter.newsletterissuepage",
                verbose_name="issue",
            ),
        ),
    ]
