import uuid

from django.db import migrations, models


def create_row(apps, schema_editor):
    PublicState = apps.get_model("portal", "PublicState")
    PublicState.objects.get_or_create(pk=1, defaults={"generation": uuid.uuid4().hex})


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_fts_update_trigger")]

    operations = [
        migrations.CreateModel(
            name="PublicState",
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
                ("generation", models.CharField(max_length=32)),
            ],
            options={"verbose_name": "public pages' cache generation"},
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
