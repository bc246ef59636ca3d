"""The command line publishes the editions an import makes, as the demo and
the README expect; --draft leaves them for the admin office's publish step."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from shinchoku.plans.models import Edition, Plan

pytestmark = pytest.mark.django_db


def _portal_plan_status() -> int:
    plan = Plan.objects.select_related("municipality").get()
    url = reverse(
        "portal:plan", kwargs={"code": plan.municipality.code, "plan": plan.slug}
    )
    return Client().get(url).status_code


def test_the_import_command_publishes_by_default(seed_path, capsys):
    call_command("importplan", str(seed_path))
    editions = list(Edition.objects.all())
    assert editions and all(e.published for e in editions)
    assert _portal_plan_status() == 200
    assert "not published" not in capsys.readouterr().out
    # one history row per edition, the import's: the same as before --draft
    for edition in editions:
        assert [h.history_change_reason for h in edition.history.all()] == [
            f"import: {seed_path.name}"
        ]


def test_draft_leaves_the_editions_unpublished(seed_path, capsys):
    call_command("importplan", str(seed_path), "--draft")
    editions = list(Edition.objects.all())
    assert editions and not any(e.published for e in editions)
    assert _portal_plan_status() == 404
    out = capsys.readouterr().out
    assert f"edition {editions[0].title}: not published" in out


def test_draft_is_in_the_help(capsys):
    with pytest.raises(SystemExit):
        call_command("importplan", "--help")
    assert "--draft" in capsys.readouterr().out
