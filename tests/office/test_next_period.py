"""第2期 from 第1期: the programs the office continues, their indicators and
lead departments, each linked to its predecessor, shown both ways."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shinchoku.plans import selectors
from shinchoku.plans.models import Plan, Program
from shinchoku.workflow.models import ProgramAssignment
from tests.workflow.conftest import build_people

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(seed_plan):
    return build_people(seed_plan)


@pytest.fixture
def second(client, people, seed_plan):
    client.force_login(people["gyosei"])
    url = reverse(
        "office:next-period", kwargs={"code": "132110", "plan": seed_plan.slug}
    )
    page = client.get(url).content.decode()
    assert 'value="2025"' in page and "令和7年度 (2025)" in page
    response = client.post(
        url,
        {
            "title": "第2期経営方針推進プログラム",
            "slug": "2025-2028",
            "first_fy": "2025",
            "last_fy": "2028",
            "programs": ["12", "1", "13"],
        },
    )
    assert response.status_code == 302, response.content.decode()
    return Plan.objects.get(title="第2期経営方針推進プログラム")


def test_the_chosen_programs_continue_linked_to_their_predecessors(
    second, seed_plan, people
):
    assert (second.first_fy, second.last_fy) == (2025, 2028)
    assert list(second.programs.values_list("number", flat=True)) == [1, 12, 13]
    old = seed_plan.programs.get(number=12)
    new = second.programs.get(number=12)
    assert (new.predecessor, new.name, new.direction.number) == (
        old,
        old.name,
        old.direction.number,
    )
    assert list(old.successors.all()) == [new]
    assert new.policy_points == old.policy_points
    assert [a["text"] for a in new.action_items] == [
        a["text"] for a in old.action_items
    ]
    assert ProgramAssignment.objects.get(program=new).lead == old.assignment.lead
    supporting = ProgramAssignment.objects.get(program=new).supporting.all()
    assert set(supporting) == set(old.assignment.supporting.all())
    assert not new.years.exists()
    assert [d.name for d in second.directions.all()] == [
        d.name for d in seed_plan.directions.all()
    ]
    row = new.history.get()
    assert row.history_user == people["gyosei"]
    assert row.history_change_reason == (
        "screen: continued from 第1期経営方針推進プログラム"
    )


def test_indicators_carry_over_with_the_last_actual_as_baseline(second, seed_plan):
    old = seed_plan.programs.get(number=12).indicators.get(name="電子決裁率")
    new = second.programs.get(number=12).indicators.get(name="電子決裁率")
    last = max(old.actuals, key=int)
    assert (new.unit, new.baseline, new.actuals) == (
        old.unit,
        old.actuals[last],
        {},
    )
    assert new.baseline_date.isoformat() == f"{int(last) + 1}-03-31"
    # 第1期's target (令和6年度) is behind 第2期: the office sets a new one.
    assert (new.target, new.deadline_fy) == (None, None)


def test_both_program_pages_show_the_history_across_periods(client, second, seed_plan):
    old = seed_plan.programs.get(number=12)
    new = second.programs.get(number=12)
    assert selectors.program_lineage(old) == [old, new]
    assert selectors.program_lineage(new) == [old, new]
    for shown, other in ((old, new), (new, old)):
        page = client.get(shown.get_absolute_url()).content.decode()
        assert other.get_absolute_url() in page
    plan_page = client.get(second.get_absolute_url()).content.decode()
    assert seed_plan.get_absolute_url() in plan_page


def test_the_next_period_starts_after_this_one(client, people, seed_plan):
    client.force_login(people["gyosei"])
    url = reverse(
        "office:next-period", kwargs={"code": "132110", "plan": seed_plan.slug}
    )
    page = client.post(
        url,
        {
            "title": "重なる計画",
            "slug": "overlap",
            "first_fy": "2024",
            "last_fy": "2027",
            "programs": ["1"],
        },
    )
    assert "starts after 令和6年度" in page.content.decode()
    assert not Plan.objects.filter(title="重なる計画").exists()
    assert Program.objects.filter(predecessor__isnull=False).count() == 0


def test_a_department_editor_cannot_start_it(client, people, seed_plan):
    client.force_login(people["joho"])
    url = reverse(
        "office:next-period", kwargs={"code": "132110", "plan": seed_plan.slug}
    )
    assert client.post(url, {"title": "x"}).status_code == 403
