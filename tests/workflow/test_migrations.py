"""Data migrations of the workflow app, run on rows made by the services."""

from __future__ import annotations

import datetime as dt
import importlib
from unittest import mock

from django.apps import apps
from django.utils import timezone

from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import RoundEntry
from tests.workflow.conftest import entry_of


def test_saved_at_is_filled_from_the_last_draft_save_in_the_history(people, plan_round):
    """0006: an entry saved, then submitted and approved by others, gets the
    time of its last draft save, not of the approval; one never saved stays
    empty."""
    migration = importlib.import_module(
        "shinchoku.workflow.migrations.0006_roundentry_saved_at"
    )
    jst = dt.timezone(dt.timedelta(hours=9))
    saved = dt.datetime(2024, 5, 20, 10, 0, tzinfo=jst)
    later = dt.datetime(2024, 5, 22, 15, 30, tzinfo=jst)
    joho, gyosei = people["joho"], people["gyosei"]
    with mock.patch.object(timezone, "now", return_value=saved):
        entry_services.entry_save_draft(
            actor=joho, entry=entry_of(plan_round, 12), based_on_version=1, plan=["案"]
        )
    with mock.patch.object(timezone, "now", return_value=later):
        entry_services.entry_submit(
            actor=joho, entry=entry_of(plan_round, 12), based_on_version=2
        )
        entry_services.entry_approve(
            actor=gyosei, entry=entry_of(plan_round, 12), based_on_version=3
        )
    RoundEntry.objects.update(saved_at=None)  # as before the migration
    migration.backfill(apps, None)
    assert entry_of(plan_round, 12).saved_at == saved
    assert entry_of(plan_round, 13).saved_at is None
