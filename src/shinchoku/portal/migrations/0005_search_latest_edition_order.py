"""Search's default scope follows the current edition as every public page
now picks it (plans.selectors.editions_latest_first): an edition a public
correction supersedes after the others, then the latest report FY, the latest
date (undated after dated, on every database), the last made. The flags are
set again for every plan, and the public pages' cache generation is replaced
so that no page cached under the old order is served."""

import uuid

from django.db import migrations
from django.db.models import Exists, F, OuterRef, Q


def mark_latest(apps, schema_editor):
    Edition = apps.get_model("plans", "Edition")
    SearchEntry = apps.get_model("portal", "SearchEntry")
    PublicState = apps.get_model("portal", "PublicState")
    public = Q(published=True, snapshot__isnull=False)
    corrected = Exists(Edition.objects.filter(public, supersedes=OuterRef("pk")))
    plans = SearchEntry.objects.values_list("plan_id", flat=True).distinct()
    for plan_id in set(plans):
        latest = (
            Edition.objects.filter(public, plan_id=plan_id)
            .annotate(corrected=corrected)
            .order_by(
                "corrected", "-fiscal_year", F("date").desc(nulls_last=True), "-pk"
            )
            .values_list("pk", flat=True)
            .first()
        )
        rows = SearchEntry.objects.filter(plan_id=plan_id)
        rows.filter(is_latest=True).exclude(edition_id=latest).update(is_latest=False)
        if latest is not None:
            rows.filter(edition_id=latest, is_latest=False).update(is_latest=True)
    PublicState.objects.update(generation=uuid.uuid4().hex)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_publicstate"),
        ("plans", "0010_plan_department_head_approval"),
    ]

    operations = [
        migrations.RunPython(mark_latest, migrations.RunPython.noop, elidable=True),
    ]
