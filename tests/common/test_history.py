"""common.history writes the same history rows as django-simple-history, on
both databases: every tracked column, the type, the user, the reason, the date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.forms.models import model_to_dict

from shinchoku.common.history import (
    bulk_create_with_history,
    bulk_update_with_history,
    copy_to_history,
)
from shinchoku.plans.models import Direction, Municipality, Plan, Program, ProgramYear

pytestmark = pytest.mark.django_db

TRACKED_OUT = {"history_id", "history_date", "history_user", "history_change_reason"}


@pytest.fixture
def plan():
    municipality = Municipality.objects.create(code="132110", name="小平市")
    return Plan.objects.create(
        municipality=municipality, title="第1期", slug="p", first_fy=2021, last_fy=2024
    )


def _program(plan, direction, number: int) -> Program:
    return Program(
        plan=plan,
        direction=direction,
        number=number,
        name=f"プログラム{number}",
        kind="implementation",
        ordering=number,
        policy_points=["・を含む「本文」", "二つ目"],
        action_items=[{"text": "項目", "schedule": {"2021": "実施"}}],
        schedule_raw=["検討"],
    )


def _history_fields(row) -> dict:
    return {
        k: v
        for k, v in model_to_dict(row).items()
        if k not in TRACKED_OUT and not k.startswith("history_relation")
    }


def test_created_rows_match_what_simple_history_writes(plan):
    direction = Direction.objects.create(plan=plan, number=1, name="方向性")
    user = get_user_model().objects.create_user("clerk")
    when = dt.datetime(2024, 2, 2, 10, 30, tzinfo=dt.UTC)

    ours = bulk_create_with_history(
        [_program(plan, direction, n) for n in (1, 2, 3)],
        Program,
        user=user,
        reason="import: seed.txt",
        date=when,
    )
    theirs = _program(plan, direction, 4)
    theirs._history_user = user
    theirs._change_reason = "import: seed.txt"
    theirs.save()  # simple_history's post_save writes this one

    rows = {h.number: h for h in Program.history.all()}
    assert sorted(rows) == [1, 2, 3, 4]
    for program in ours:
        row = rows[program.number]
        assert row.id == program.pk
        assert row.history_type == "+"
        assert row.history_user == user
        assert row.history_change_reason == "import: seed.txt"
        assert row.history_date == when
        assert row.policy_points == ["・を含む「本文」", "二つ目"]
        assert row.direction_id == direction.pk
    # The same columns as simple_history's own row, bar the identity ones.
    expected = _history_fields(rows[4])
    got = _history_fields(rows[1])
    for key in ("id", "number", "name", "ordering"):
        expected.pop(key), got.pop(key)
    assert got == expected


def test_updates_get_a_changed_row_with_the_new_values(plan):
    direction = Direction.objects.create(plan=plan, number=1, name="方向性")
    program = _program(plan, direction, 1)
    program.save()
    year = ProgramYear.objects.create(program=program, fiscal_year=2022, plan=["旧"])
    year.plan = ["新"]
    bulk_update_with_history([year], ProgramYear, ["plan"], reason="round")

    latest = year.history.order_by("-history_id").first()
    assert latest.history_type == "~"
    assert latest.plan == ["新"]
    assert latest.history_user is None
    assert latest.history_change_reason == "round"
    assert year.history.count() == 2


def test_nothing_to_copy_writes_nothing(plan):
    copy_to_history(Direction, [], kind="+")
    assert Direction.history.count() == 0


def test_large_batches_are_split(plan, monkeypatch):
    monkeypatch.setattr("shinchoku.common.history.BATCH", 2)
    made = bulk_create_with_history(
        [Direction(plan=plan, number=n, name=f"方向性{n}") for n in range(1, 6)],
        Direction,
    )
    assert sorted(Direction.history.values_list("id", flat=True)) == sorted(
        d.pk for d in made
    )
