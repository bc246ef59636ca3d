"""RoundEntry.saved_at: when the draft was last saved (最終保存), apart from
updated_at, which every step moves. Existing entries take the time of their
last draft save in their history (its reason "<via>: draft …"), else updated_at."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce


def backfill(apps, schema_editor):
    RoundEntry = apps.get_model("workflow", "RoundEntry")
    History = apps.get_model("workflow", "HistoricalRoundEntry")
    last_draft = (
        History.objects.filter(
            id=OuterRef("pk"), history_change_reason__contains=": draft "
        )
        .order_by("-history_date")
        .values("history_date")[:1]
    )
    RoundEntry.objects.filter(updated_by__isnull=False).update(
        saved_at=Coalesce(Subquery(last_draft), "updated_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0005_entry_thread_and_department_head"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalroundentry",
            name="saved_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="saved at"),
        ),
        migrations.AddField(
            model_name="roundentry",
            name="saved_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="saved at"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
