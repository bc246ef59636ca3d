"""Progress evaluation: achievement rate, straight-line required progress, status
bands, relative targets and qualitative grade counts."""

from __future__ import annotations

import datetime as dt

import pytest

from shinchoku.document.kpi import Indicator, Observation
from shinchoku.plans.evaluation import (
    DEFAULT_GRADE_SCALE,
    STATUS_LABELS,
    UNRATED,
    Grade,
    Status,
    Thresholds,
    achievement_rate,
    count_grades,
    evaluate,
    evaluate_relative,
    fy_position,
    grade_label,
    required_value,
)
from shinchoku.plans.kpi_extract import extract_indicators
from tests.plans.kpi_seed import load_seed


def seed_indicator(number: int, name: str) -> Indicator:
    seed = load_seed()
    (program,) = [p for p in seed.programs if p.number == number]
    found = extract_indicators(program, seed.plan_first_fy, seed.plan_last_fy)
    return next(i for i in found if i.name == name)


@pytest.fixture
def approval() -> Indicator:
    """Program 12's 電子決裁率, as read from the seed."""
    return seed_indicator(12, "電子決裁率")


def with_actuals(ind: Indicator, actuals: dict[int, float]) -> Indicator:
    for fy, value in actuals.items():
        ind.observations.append(Observation(fy, value, "statement", "test"))
    return ind


# ------------------------------------------------------------- program 12


def test_program_12_in_fy2022_is_slightly_behind(approval: Indicator) -> None:
    ev = evaluate(approval, 2022)
    # Line from 62.3 (end of FY2020) to 90 (FY2024): half-way by FY2022.
    assert ev.required_value == pytest.approx(76.15)
    assert ev.actual == 73.7
    assert ev.progress_ratio == pytest.approx(11.4 / 13.85)
    assert ev.achievement_rate == pytest.approx(11.4 / 27.7)
    assert ev.status is Status.SLIGHTLY_BEHIND
    assert ev.label == "やや遅れ"
    assert ev.fy_target is None and ev.fy_target_met is None


def test_program_12_in_fy2023_is_not_measured_yet(approval: Indicator) -> None:
    ev = evaluate(approval, 2023)
    assert ev.status is Status.NOT_MEASURED
    assert ev.label == "未測定"
    assert ev.required_value == pytest.approx(83.075)
    assert ev.fy_target == 85
    assert ev.notes == ("令和5年度の実績値がありません",)


@pytest.mark.parametrize(
    ("actual", "status", "met"),
    [
        (86.0, Status.ON_TRACK, True),
        (80.0, Status.SLIGHTLY_BEHIND, False),
        (65.0, Status.BEHIND, False),
        (60.0, Status.BEHIND, False),
        (90.0, Status.ACHIEVED, True),
    ],
)
def test_program_12_in_fy2023_with_an_actual(
    approval: Indicator, actual: float, status: Status, met: bool
) -> None:
    ev = evaluate(with_actuals(approval, {2023: actual}), 2023)
    assert ev.status is status
    assert ev.fy_target_met is met


def test_worse_than_baseline_is_behind_with_a_note(approval: Indicator) -> None:
    ev = evaluate(with_actuals(approval, {2023: 60.0}), 2023)
    assert ev.progress_ratio is not None and ev.progress_ratio < 0
    assert ev.achievement_rate == 0.0
    assert any("悪化" in n for n in ev.notes)


def test_thresholds_are_configurable(approval: Indicator) -> None:
    lenient = Thresholds(on_track=0.8, slightly_behind=0.3)
    assert evaluate(approval, 2022, lenient).status is Status.ON_TRACK
    strict = Thresholds(on_track=0.99, slightly_behind=0.9)
    assert evaluate(approval, 2022, strict).status is Status.BEHIND


def test_thresholds_must_be_ordered() -> None:
    with pytest.raises(ValueError):
        Thresholds(on_track=0.5, slightly_behind=0.9)


def test_evaluation_survives_the_interchange_shape(approval: Indicator) -> None:
    again = Indicator.from_dict(approval.to_dict())
    assert evaluate(again, 2022) == evaluate(approval, 2022)


# ------------------------------------------------------ rate and the line


def test_achievement_rate_cases() -> None:
    assert achievement_rate(73.7, 62.3, 90) == (pytest.approx(11.4 / 27.7), "")
    rate, note = achievement_rate(95, 62.3, 90)
    assert rate == 1.0 and "打ち切り" in note
    rate, note = achievement_rate(50, 62.3, 90)
    assert rate == 0.0 and "悪化" in note
    rate, note = achievement_rate(5, 5, 5)
    assert rate == 1.0 and "基準値と同じ" in note
    assert achievement_rate(4, 5, 5)[0] == 0.0
    rate, note = achievement_rate(5, None, 5)
    assert rate is None and "基準値がない" in note


def test_lower_is_better_rate_and_status() -> None:
    ind = Indicator(
        name="時間外勤務の年間平均実施時間",
        unit="時間",
        direction="lower",
        comparator="以下",
        target=139,
        deadline_fy=2025,
        baseline=160,
        baseline_date=dt.date(2021, 4, 1),
    )
    rate, _ = achievement_rate(150, 160, 139, -1)
    assert rate == pytest.approx(10 / 21)
    assert required_value(ind, 2022) == pytest.approx(160 - 21 * 2 / 5)
    assert evaluate(ind, 2022).status is Status.NOT_MEASURED
    assert evaluate(with_actuals(ind, {2022: 150}), 2022).status is Status.ON_TRACK
    worse = evaluate(with_actuals(ind, {2023: 165}), 2023)
    assert worse.status is Status.BEHIND
    assert evaluate(with_actuals(ind, {2024: 139}), 2024).status is Status.ACHIEVED


def test_required_value_is_clamped_to_baseline_and_target(approval: Indicator) -> None:
    assert required_value(approval, 2019) == pytest.approx(62.3)
    assert required_value(approval, 2030) == pytest.approx(90)


def test_no_baseline_and_no_fy_target_is_not_measured() -> None:
    ind = with_actuals(
        Indicator(name="x", unit="日", target=14, deadline_fy=2025), {2022: 12}
    )
    ev = evaluate(ind, 2022)
    assert ev.status is Status.NOT_MEASURED
    assert "基準値がない" in " ".join(ev.notes)


def test_fy_position() -> None:
    assert fy_position(dt.date(2021, 4, 1)) == 2020.0
    assert fy_position(dt.date(2021, 10, 1)) == pytest.approx(2020.5, abs=0.01)
    assert fy_position(dt.date(2022, 3, 31)) == pytest.approx(2021, abs=0.01)


# ------------------------------------------------- yearly targets only


def test_fy_target_without_final_target() -> None:
    groups = seed_indicator(3, "応募団体数")  # FY targets 8, actuals 9 and 10
    assert evaluate(groups, 2023).status is Status.ACHIEVED
    assert evaluate(groups, 2024).status is Status.NOT_MEASURED
    short = with_actuals(Indicator(name="y", unit="件", targets={2023: 8}), {})
    short.observations = [
        Observation(2022, 5, "previous_fy", ""),
        Observation(2023, 7, "statement", ""),
    ]
    ev = evaluate(short, 2023)
    assert ev.progress_ratio == pytest.approx(2 / 3)
    assert ev.status is Status.SLIGHTLY_BEHIND


def test_no_target_at_all_is_not_measured() -> None:
    staff = seed_indicator(16, "職員定数")
    assert evaluate(staff, 2023).status is Status.NOT_MEASURED


# ------------------------------------------------------------- relative


def test_previous_fy_rule_uses_the_baseline_then_the_previous_actual() -> None:
    online = seed_indicator(14, "電子申請サービス手続数")  # FY2020: 18
    with_actuals(online, {2021: 20, 2022: 19})
    assert evaluate(online, 2021).status is Status.ACHIEVED
    assert evaluate(online, 2022).status is Status.BEHIND
    assert evaluate(online, 2023).status is Status.NOT_MEASURED
    assert evaluate(online, 2022).notes == ("前年度実績以上",)


def test_per_year_increase() -> None:
    ict = with_actuals(seed_indicator(15, "ICTを活用した業務数"), {2021: 3, 2022: 4})
    assert evaluate(ict, 2022).status is Status.ACHIEVED
    with_actuals(ict, {2023: 4})
    ev = evaluate(ict, 2023)
    assert (ev.status, ev.progress_ratio) == (Status.BEHIND, 0)
    assert evaluate(ict, 2021).status is Status.NOT_MEASURED  # no FY2020 value


def test_reduction_amount() -> None:
    ind = Indicator(
        name="会議時間",
        unit="時間",
        direction="lower",
        baseline=1000,
        baseline_fy=2020,
        relative="200時間削減",
    )
    with_actuals(ind, {2022: 850, 2023: 790})
    assert evaluate(ind, 2022).status is Status.SLIGHTLY_BEHIND
    assert evaluate(ind, 2023).status is Status.ACHIEVED


def test_evaluate_relative_needs_a_rule(approval: Indicator) -> None:
    with pytest.raises(ValueError):
        evaluate_relative(approval, 2022)


# --------------------------------------------------------------- labels


def test_status_codes_and_japanese_labels() -> None:
    assert [s.value for s in Status] == [
        "achieved",
        "on_track",
        "slightly_behind",
        "behind",
        "not_measured",
    ]
    assert [STATUS_LABELS[s] for s in Status] == [
        "達成",
        "順調",
        "やや遅れ",
        "遅れ",
        "未測定",
    ]


# ---------------------------------------------------------------- grades


def test_default_grade_scale() -> None:
    assert [(g.code, g.label) for g in DEFAULT_GRADE_SCALE] == [
        ("S", "予定以上に進捗"),
        ("A", "予定どおりに進捗"),
        ("B", "予定よりも遅れている"),
    ]
    assert grade_label("Ａ") == "予定どおりに進捗"


def test_count_grades_per_group() -> None:
    items = [
        ("方向性1", "A"),
        ("方向性3", "B"),
        ("方向性1", "Ｓ"),
        ("方向性1", "a"),
        ("方向性3", None),
        ("方向性3", ""),
    ]
    assert count_grades(items) == {
        "方向性1": {"S": 1, "A": 2, "B": 0, UNRATED: 0},
        "方向性3": {"S": 0, "A": 0, "B": 1, UNRATED: 2},
    }
    assert list(count_grades(items)) == ["方向性1", "方向性3"]


def test_count_grades_rejects_codes_outside_the_scale() -> None:
    with pytest.raises(ValueError):
        count_grades([("g", "C")])
    scale = (Grade("◎", "順調"), Grade("△", "遅れ"))
    assert count_grades([("g", "◎"), ("g", "△")], scale) == {
        "g": {"◎": 1, "△": 1, UNRATED: 0}
    }
