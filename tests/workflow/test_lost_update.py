"""No lost updates: a save based on an older version is refused with both
texts side by side, and nothing is written."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shinchoku.common.services import StaleVersion
from shinchoku.plans.models import ProgramYear
from shinchoku.workflow.entries import services as entry_services
from tests.workflow.conftest import entry_of


def test_a_stale_draft_save_is_refused_and_names_who_saved_first(people, plan_round):
    entry = entry_of(plan_round, 12)
    opened_at = entry.version
    entry_services.entry_save_draft(
        actor=people["joho"], entry=entry, based_on_version=opened_at, plan=["先"]
    )
    with pytest.raises(StaleVersion) as exc:
        entry_services.entry_save_draft(
            actor=people["joho2"], entry=entry, based_on_version=opened_at, plan=["後"]
        )
    assert "was saved by 情報 次郎 after you opened it" in exc.value.message
    assert exc.value.current.plan == ["先"]
    assert entry_of(plan_round, 12).plan == ["先"]


def test_the_conflict_screen_shows_both_texts_and_merging_saves(
    people, plan_round, client
):
    entry = entry_of(plan_round, 12)
    url = reverse("workflow:entry-edit", kwargs={"pk": entry.pk})
    entry_services.entry_save_draft(
        actor=people["joho"],
        entry=entry,
        based_on_version=entry.version,
        plan=["電子決裁率92%以上を目指す。"],
    )
    client.force_login(people["joho2"])
    response = client.post(
        url, {"version": entry.version, "text": "・電子決裁率95%以上を目指す。"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    theirs = html.index('id="theirs"')
    mine = html.index('id="mine"')
    assert (
        html.index("電子決裁率92%", theirs) < mine < html.index("電子決裁率95%", mine)
    )
    assert "<del>" in html and "<ins>" in html
    current = entry_of(plan_round, 12)
    assert current.plan == ["電子決裁率92%以上を目指す。"]
    # The merge form is based on the saved version: saving it goes through.
    assert f'name="version" value="{current.version}"' in html
    response = client.post(
        url, {"version": current.version, "text": "・電子決裁率95%以上を目指す。"}
    )
    assert response.status_code == 302
    assert entry_of(plan_round, 12).plan == ["電子決裁率95%以上を目指す。"]


def test_direct_edits_of_a_program_year_are_version_checked_too(
    people, seed_plan, client
):
    program = seed_plan.programs.get(number=12)
    url = reverse(
        "workflow:program-year-edit",
        kwargs={"code": "132110", "plan": seed_plan.slug, "number": 12, "fy": 2024},
    )
    client.force_login(people["gyosei"])
    data = {"version": 1, "achievements": "", "plan": "・一人目"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, data | {"plan": "・二人目"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "一人目" in html and "二人目" in html
    record = ProgramYear.objects.get(program=program, fiscal_year=2024)
    assert record.plan == ["一人目"] and record.version == 2
