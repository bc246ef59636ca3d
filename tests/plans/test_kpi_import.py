"""Indicators proposed on import, reviewed by staff, never overwritten after."""

import datetime as dt

import pytest

from shinchoku.common.services import ServiceError, StaleVersion
from shinchoku.imports.services import import_file
from shinchoku.plans import presenters, selectors, services
from shinchoku.plans.models import Indicator, IndicatorStatus


@pytest.fixture
def e_approval(seed_plan):
    return Indicator.objects.get(
        program__plan=seed_plan, program__number=12, name="電子決裁率"
    )


def test_the_seed_proposes_the_electronic_approval_rate(e_approval):
    i = e_approval
    assert (i.unit, i.comparator, i.direction) == ("%", "以上", "higher")
    assert (i.target, i.deadline_fy) == (90, 2024)
    assert (i.baseline, i.baseline_date) == (62.3, dt.date(2021, 4, 1))
    assert i.actuals == {"2022": 73.7}
    assert i.targets == {"2023": 85, "2024": 90}
    assert i.status == IndicatorStatus.EXTRACTED
    assert "62.3%" in i.source_text


def test_every_program_with_a_numeric_goal_gets_indicators(seed_plan):
    numbers = set(
        Indicator.objects.filter(program__plan=seed_plan).values_list(
            "program__number", flat=True
        )
    )
    assert {2, 3, 5, 12, 13, 17, 19}.issubset(numbers)
    assert 1 not in numbers  # ① states no number


def test_a_confirmed_indicator_survives_a_reimport(
    seed_plan, seed_path, e_approval, admin_user
):
    services.indicator_review(
        indicator=e_approval,
        actor=admin_user,
        decision="confirm",
        based_on_version=e_approval.version,
        values={"name": "電子決裁率(対象文書)", "target": 95.0},
    )
    result = import_file(seed_path)
    i = Indicator.objects.get(pk=e_approval.pk)
    assert (i.name, i.target, i.status) == ("電子決裁率(対象文書)", 95.0, "confirmed")
    assert i.history.first().history_user == admin_user
    # the proposal comes back under its extracted name, as a new candidate
    assert result.indicators.created == 1


def test_a_rejected_proposal_stays_rejected(
    seed_plan, seed_path, e_approval, admin_user
):
    services.indicator_review(
        indicator=e_approval, actor=admin_user, decision="reject", based_on_version=1
    )
    import_file(seed_path)
    assert Indicator.objects.get(pk=e_approval.pk).status == "rejected"
    assert Indicator.objects.filter(program__number=12, name="電子決裁率").count() == 1


def test_reimporting_changes_nothing(seed_plan, seed_path):
    before = list(Indicator.objects.values())
    result = import_file(seed_path)
    assert result.indicators.created == result.indicators.updated == 0
    assert list(Indicator.objects.values()) == before


def test_a_stale_form_is_refused(e_approval, admin_user):
    services.indicator_actual_set(
        indicator=e_approval,
        actor=admin_user,
        fiscal_year=2023,
        value=80.1,
        based_on_version=1,
    )
    with pytest.raises(StaleVersion):
        services.indicator_review(
            indicator=e_approval,
            actor=admin_user,
            decision="confirm",
            based_on_version=1,
        )
    i = Indicator.objects.get(pk=e_approval.pk)
    assert i.actuals == {"2022": 73.7, "2023": 80.1}
    assert i.actual_sources["2023"] == "typed"


def test_evaluation_of_the_electronic_approval_rate(seed_plan, e_approval):
    view = presenters.indicator_view(e_approval, seed_plan)
    assert view.status == "slightly_behind" and view.status_fy == 2022
    assert round(view.rate, 3) == 0.412
    by_fy = {y.fiscal_year: y for y in view.years}
    assert by_fy[2022].actual == 73.7 and by_fy[2022].required == 76.15
    assert by_fy[2023].target == 85
    assert "<svg" in view.svg and "電子決裁率" in view.svg


def test_a_grade_outside_the_scale_is_refused(seed_plan, admin_user):
    program = seed_plan.programs.get(number=12)
    with pytest.raises(ServiceError):
        services.program_grade_set(
            program=program, actor=admin_user, fiscal_year=2023, grade="Z"
        )
    services.program_grade_set(
        program=program, actor=admin_user, fiscal_year=2023, grade="A"
    )
    assert program.grades.get().grade == "A"


def test_dashboard_counts_by_status_grade_and_direction(seed_plan, admin_user):
    program = seed_plan.programs.get(number=12)
    services.program_grade_set(
        program=program, actor=admin_user, fiscal_year=2024, grade="B"
    )
    dashboard = presenters.plan_dashboard(selectors.plan_dashboard_data(seed_plan))
    total = sum(dashboard.status_counts.values())
    assert total == Indicator.objects.filter(program__plan=seed_plan).count()
    assert dashboard.grade_counts["B"] == 1
    assert dashboard.grade_counts["-"] == 22
    d3 = next(g for g in dashboard.groups if g.direction.number == 3)
    assert d3.grade_counts["B"] == 1
    assert d3.status_counts["slightly_behind"] >= 1
