"""The admin office authors a plan in the browser: the plan, its programs with
their departments and schedule, an indicator; every write audited, other roles
refused."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shinchoku.plans.models import Plan, Program
from shinchoku.workflow.models import ProgramAssignment
from tests.office.conftest import PLAN_FORM

pytestmark = pytest.mark.django_db


def _program_form(plan, town, **overrides):
    directions = {d.number: d.pk for d in plan.directions.all()}
    data = {
        "number": "1",
        "name": "公共施設の再編",
        "kind": "implementation",
        "direction": str(directions[1]),
        "lead": str(town["works"].pk),
        "supporting": [str(town["office"].pk)],
        "policy_points": "施設総量の縮減\n・長寿命化",
        "ended_after_fy": "",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "200",
        "items-0-text": "個別施設計画の策定",
        "items-0-fy2025": "検討",
        "items-0-fy2026": "実施",
        "items-1-text": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def plan(office_client, town):
    url = reverse("office:plan-create", kwargs={"code": "423076"})
    response = office_client.post(url, PLAN_FORM)
    assert response.status_code == 302, response.content.decode()
    return Plan.objects.get(municipality=town["municipality"])


def test_the_office_creates_a_plan_with_its_directions_and_scale(plan, town):
    assert (plan.title, plan.first_fy, plan.last_fy) == (
        "第1期行財政改革実施計画",
        2025,
        2028,
    )
    assert [d.name for d in plan.directions.order_by("number")] == [
        "持続可能な財政運営",
        "効率的な行政運営",
    ]
    assert plan.grade_scale[1] == {"code": "A", "label": "予定どおり"}
    assert plan.progress_thresholds == {"on_track": 0.9, "slightly_behind": 0.5}
    assert plan.sections == [
        {"kind": "implementation", "heading": "◆実施プログラム◆", "lead": ""}
    ]
    row = plan.history.get()
    assert row.history_user == town["users"]["kikaku"]
    assert row.history_change_reason == "screen: plan 第1期行財政改革実施計画 created"


def test_the_plan_form_shows_fiscal_years_in_wareki(office_client):
    page = office_client.get(reverse("office:plan-create", kwargs={"code": "423076"}))
    assert "令和7年度 (2025)" in page.content.decode()


def test_a_program_with_departments_and_schedule(office_client, plan, town):
    url = reverse("office:program-create", kwargs={"code": "423076", "plan": plan.slug})
    response = office_client.post(url, _program_form(plan, town))
    assert response.status_code == 302, response.content.decode()
    program = Program.objects.get(plan=plan, number=1)
    assert program.policy_points == ["施設総量の縮減", "長寿命化"]
    assert program.action_items == [
        {"text": "個別施設計画の策定", "schedule": {"2025": "検討", "2026": "実施"}}
    ]
    assignment = ProgramAssignment.objects.get(program=program)
    assert assignment.lead == town["works"]
    assert list(assignment.supporting.all()) == [town["office"]]
    assert program.history.get().history_user == town["users"]["kikaku"]
    page = office_client.get(program.get_absolute_url()).content.decode()
    assert "個別施設計画の策定" in page and "令和7年度" in page


def test_editing_a_program_someone_else_saved_meanwhile_is_refused(
    office_client, plan, town
):
    create = reverse(
        "office:program-create", kwargs={"code": "423076", "plan": plan.slug}
    )
    office_client.post(create, _program_form(plan, town))
    edit = reverse(
        "office:program-edit", kwargs={"code": "423076", "plan": plan.slug, "number": 1}
    )
    ok = office_client.post(edit, _program_form(plan, town, version="1", name="改名"))
    assert ok.status_code == 302
    stale = office_client.post(
        edit, _program_form(plan, town, version="1", name="古い版から")
    )
    assert stale.status_code == 200
    assert "changed by someone else" in stale.content.decode()
    assert Program.objects.get(plan=plan, number=1).name == "改名"


def test_an_indicator_by_hand(office_client, plan, town):
    office_client.post(
        reverse("office:program-create", kwargs={"code": "423076", "plan": plan.slug}),
        _program_form(plan, town),
    )
    url = reverse(
        "office:indicator-add",
        kwargs={"code": "423076", "plan": plan.slug, "number": 1},
    )
    response = office_client.post(
        url,
        {
            "name": "施設延床面積",
            "unit": "㎡",
            "comparator": "以下",
            "baseline": "120000",
            "target": "108000",
            "deadline_fy": "2028",
        },
    )
    assert response.status_code == 302, response.content.decode()
    indicator = Program.objects.get(plan=plan, number=1).indicators.get()
    assert (indicator.target, indicator.direction, indicator.status) == (
        108000,
        "lower",
        "confirmed",
    )


def test_a_direction_with_programs_is_not_removed(office_client, plan, town):
    office_client.post(
        reverse("office:program-create", kwargs={"code": "423076", "plan": plan.slug}),
        _program_form(plan, town, direction=str(plan.directions.get(number=2).pk)),
    )
    response = office_client.post(
        reverse("office:plan-edit", kwargs={"code": "423076", "plan": plan.slug}),
        {**PLAN_FORM, "directions": "持続可能な財政運営"},
    )
    assert response.status_code == 200
    assert "Direction 2 still has programs" in response.content.decode()
    assert plan.directions.count() == 2


@pytest.mark.parametrize("who", ["kensetsu", "outsider"])
def test_other_roles_are_refused(client, town, plan, who, django_user_model):
    if who == "outsider":
        user = django_user_model.objects.create_user("outsider", password="x")
    else:
        user = town["users"][who]
    client.force_login(user)
    urls = [
        reverse("office:home", kwargs={"code": "423076"}),
        reverse("office:plan-create", kwargs={"code": "423076"}),
        reverse("office:plan-edit", kwargs={"code": "423076", "plan": plan.slug}),
        reverse("office:program-create", kwargs={"code": "423076", "plan": plan.slug}),
        reverse("office:person-create", kwargs={"code": "423076"}),
    ]
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, PLAN_FORM).status_code == 403, url
    assert Plan.objects.count() == 1


def test_the_public_is_sent_to_sign_in(client, town):
    response = client.get(reverse("office:home", kwargs={"code": "423076"}))
    assert response.status_code == 302
    assert "/workflow/login/" in response["Location"]
