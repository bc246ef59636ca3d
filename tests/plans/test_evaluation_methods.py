"""Evaluation methods and status scales chosen per plan (plans/evaluation_methods.py),
each on the examples its source publishes."""

from __future__ import annotations

import math

import pytest

from shinchoku.document.kpi import Indicator, Observation
from shinchoku.plans import evaluation_methods as em
from shinchoku.plans.evaluation_methods import Outcome, assess


def _ind(
    *,
    baseline: float | None = None,
    baseline_fy: int | None = 2020,
    target: float | None = None,
    deadline_fy: int | None = 2025,
    direction: str | None = None,
    actuals: dict[int, float] | None = None,
    targets: dict[int, float] | None = None,
) -> Indicator:
    return Indicator(
        name="指標",
        unit="人",
        baseline=baseline,
        baseline_fy=baseline_fy,
        target=target,
        deadline_fy=deadline_fy,
        direction=direction,  # type: ignore[arg-type]
        targets=targets or {},
        observations=[
            Observation(fy=fy, value=v, how="statement", source="")
            for fy, v in (actuals or {}).items()
        ],
    )


def test_every_method_has_target_met_no_data_and_not_applicable() -> None:
    """The three answers every scale gives before its bands."""
    ind = _ind(baseline=100, target=200, actuals={2025: 210})
    for key in em.METHODS:
        if key != "osaka":  # its bands read 達成度: a met target is A or B
            met = assess(ind, 2025, key)
            assert met.outcome == Outcome.TARGET_MET, key
        assert assess(ind, 2024, key).outcome == Outcome.NO_DATA, key
        skipped = assess(ind, 2025, key, applicable=False)
        assert skipped.outcome == Outcome.NOT_APPLICABLE, key
        assert skipped.label


# ------------------------------------------------------------- open sdg


def test_open_sdg_sdg_build_asset_3_3_3() -> None:
    """open-sdg/sdg-build's progress-calculation test asset: indicator 3-3-3
    (tests/assets/progress-calculation/data/indicator_3-3-3.csv, headline series
    2015: 1.55, 2019: 1.82; its config: direction negative, target 0, target
    year 2030 by default). The documented rules: a zero target becomes 0.001;
    CAGRᵢ = (1.82/1.55)^(1/4) − 1 = 4.10%; CAGR_T = (0.001/1.55)^(1/15) − 1 =
    −38.8%; R = d·CAGRᵢ/|CAGR_T| = −0.106 < 0: Deterioration, and its score on
    Figure 2's line (−60% → −5, 60% → 0) is −2.94."""
    ind = _ind(
        baseline=1.55,
        baseline_fy=2015,
        target=0,
        deadline_fy=2030,
        direction="lower",
        actuals={2019: 1.82},
    )
    result = assess(ind, 2019, "open_sdg")
    assert result.code == "deterioration"
    assert result.value == pytest.approx(-0.1057, abs=5e-4)
    assert em.open_sdg_score(result.value, with_target=True) == pytest.approx(
        -2.94, abs=0.01
    )
    # Without the target (methodology 1): d·CAGR = −4.10% < 0, Deterioration.
    no_target = _ind(
        baseline=1.55, baseline_fy=2015, direction="lower", actuals={2019: 1.82}
    )
    result = assess(no_target, 2019, "open_sdg")
    assert result.code == "deterioration"
    assert result.value == pytest.approx(-0.0410, abs=5e-4)


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (1.00, "on_track"),
        (0.951, "on_track"),
        (0.94, "acceleration_needed"),
        (0.601, "acceleration_needed"),
        (0.59, "limited_progress"),
        (0.00, "limited_progress"),
        (-0.10, "deterioration"),
    ],
)
def test_open_sdg_bands_of_r(share: float, expected: str) -> None:
    """The documentation's table for indicators with a quantitative target:
    R ≥ 95% On track, 60% ≤ R < 95% acceleration needed, 0% ≤ R < 60% limited
    progress, R < 0% deterioration. A doubling from 2015 to 2030 needs a CAGR
    of 2^(1/15) − 1; an actual growing at `share` of it gives R = share."""
    required = 2 ** (1 / 15) - 1
    actual = 100 * (1 + required * share) ** 5
    ind = _ind(baseline=100, baseline_fy=2015, target=200, deadline_fy=2030)
    ind.observations.append(Observation(2020, actual, "statement", ""))
    result = assess(ind, 2020, "open_sdg")
    assert result.code == expected
    assert result.value == pytest.approx(share, abs=1e-9)


@pytest.mark.parametrize(
    ("growth", "expected"),
    [
        (0.016, "on_track"),
        (0.010, "acceleration_needed"),
        (0.003, "limited_progress"),
        (-0.01, "deterioration"),
    ],
)
def test_open_sdg_bands_without_target(growth: float, expected: str) -> None:
    """The documentation's table for indicators without a target: CAGR ≥ 1.5%
    On track, 0.5–1.5% acceleration needed, 0–0.5% limited progress, < 0%
    deterioration (a desired decrease flips the sign)."""
    up = _ind(baseline=100, baseline_fy=2015, actuals={2019: 100 * (1 + growth) ** 4})
    assert assess(up, 2019, "open_sdg").code == expected
    down = _ind(
        baseline=100,
        baseline_fy=2015,
        direction="lower",
        actuals={2019: 100 * (1 - growth) ** 4},
    )
    assert assess(down, 2019, "open_sdg").code == expected


def test_open_sdg_scores_and_aggregate() -> None:
    """'the aggregate progress status for an indicator with an overall score of
    +1 is “Progress made but acceleration needed”'; the cut-offs of Figures 1
    and 2: R 130% → +5, 60% → 0, −60% → −5; CAGR 2% → +5, 1.5% → 2.5, 0.5% → 0,
    0% → −2.5, −2% → −5."""
    assert em.open_sdg_status_of_score(1.0) == "acceleration_needed"
    assert em.open_sdg_status_of_score(2.5) == "on_track"
    assert em.open_sdg_status_of_score(-2.6) == "deterioration"
    for value, score in ((1.3, 5), (0.6, 0), (-0.6, -5), (0.95, 2.5), (0, -2.5)):
        assert em.open_sdg_score(value, with_target=True) == pytest.approx(score)
    for value, score in ((0.02, 5), (0.015, 2.5), (0.005, 0), (0, -2.5), (-0.02, -5)):
        assert em.open_sdg_score(value, with_target=False) == pytest.approx(score)


def test_open_sdg_unable_to_assess_and_zero_base() -> None:
    """'At least two years of data is required'; values of both signs cannot be
    assessed; a zero base value is replaced by 0.001."""
    same_year = _ind(baseline=10, baseline_fy=2020, target=20, actuals={2020: 12})
    assert assess(same_year, 2020, "open_sdg").code == "unable_to_assess"
    signs = _ind(baseline=-5, baseline_fy=2018, target=20, actuals={2020: 3})
    assert assess(signs, 2020, "open_sdg").code == "unable_to_assess"
    zero = _ind(baseline=0, baseline_fy=2020, target=10, actuals={2022: 4})
    value, _ = em.open_sdg_value(em.Facts.of(zero, 2022))
    observed = (4 / 0.001) ** (1 / 2) - 1
    required = (10 / 0.001) ** (1 / 5) - 1
    assert value == pytest.approx(observed / required)
    assert math.isfinite(value)


# ------------------------------------------------- municipalities' scales


@pytest.mark.parametrize(
    ("actual", "code"),
    [(130, "S"), (101, "A"), (100, "B"), (90, "B"), (89, "C")],
)
def test_nagayo_five_stages(actual: float, code: str) -> None:
    """長与町's rules (https://webtown.nagayo.jp/kiji0032107/index.html): S above
    the target, A above the baseline, B level with the baseline (△10%以内), C
    below it, − cannot be assessed. Baseline 100, target 120."""
    ind = _ind(baseline=100, target=120, actuals={2022: actual})
    assert assess(ind, 2022, "nagayo").code == code
    assert assess(_ind(baseline=100, target=120), 2022, "nagayo").code == "−"


def test_nagayo_reverse_target() -> None:
    """A target to lower (救急搬送率 3.1 → 2.8): 10% above the baseline is B."""
    ind = _ind(baseline=3.1, target=2.8, actuals={2022: 3.3, 2023: 3.5, 2024: 2.7})
    assert [assess(ind, fy, "nagayo").code for fy in (2022, 2023, 2024)] == [
        "B",
        "C",
        "S",
    ]


@pytest.mark.parametrize(
    ("actual", "code"), [(60, "◎"), (50, "○"), (45, "△"), (40, "×"), (38, "×")]
)
def test_ino_marks(actual: float, code: str) -> None:
    """いの町's 4 marks: ◎ 目標値以上 (above), ○ 目標値と同等, △ 目標値未達成,
    × 進捗なし (here: not beyond the baseline) or 事業終了 (not applicable);
    the year's own target (50) is the one compared. No target: 評価なし."""
    ind = _ind(baseline=40, target=80, targets={2022: 50}, actuals={2022: actual})
    assert assess(ind, 2022, "ino").code == code
    assert assess(ind, 2022, "ino", applicable=False).code == "×"
    no_target = _ind(baseline=40, actuals={2022: actual})
    assert assess(no_target, 2022, "ino").code == "評価なし"


@pytest.mark.parametrize(("actual", "code"), [(131, "A"), (129, "B"), (100, "C")])
def test_tagawa_three_stages(actual: float, code: str) -> None:
    """田川市's A/B/C: baseline 100 (FY2020), target 150 by FY2025; the line is at
    130 in FY2023: A on or beyond it, B grown but behind, C not grown."""
    ind = _ind(baseline=100, target=150, actuals={2023: actual})
    assert assess(ind, 2023, "tagawa").code == code


@pytest.mark.parametrize(
    ("actual", "code"),
    [(110, "A"), (100, "B"), (80, "B"), (79, "C"), (50, "C"), (49, "D")],
)
def test_osaka_attainment_bands(actual: float, code: str) -> None:
    """大阪府立図書館's A–D for a yearly numeric target of 100: 達成度 110%以上 A,
    80%以上110%未満 B (the target met is B), 50%以上80%未満 C, 50%未満 D."""
    ind = _ind(target=None, targets={2022: 100}, actuals={2022: actual})
    assert assess(ind, 2022, "osaka").code == code


def test_osaka_lower_is_better() -> None:
    """達成度 of a target to lower is target / actual: 40件 against 32件 is 80%."""
    ind = _ind(direction="lower", targets={2022: 32}, actuals={2022: 40})
    result = assess(ind, 2022, "osaka")
    assert (result.code, result.value) == ("B", pytest.approx(0.8))


@pytest.mark.parametrize(("actual", "code"), [(101, "A"), (85, "B"), (70, "C")])
def test_kitsuki_bands(actual: float, code: str) -> None:
    """杵築市's A (above the target), B (80% or more of it), C (improvement
    needed); D is the committee's call and never comes out of a rule."""
    ind = _ind(baseline=60, target=100, actuals={2024: actual})
    assert assess(ind, 2024, "kitsuki").code == code


# ------------------------------------------------------------- linear


def test_linear_is_the_achievement_rate_with_reverse_and_maintain() -> None:
    """The city's method (plans/evaluation.py): R = observed / required
    progress on the straight line; a reverse target counts a fall as progress;
    a maintain target (target = baseline) is met by staying level."""
    rise = _ind(baseline=100, target=200, actuals={2023: 150})  # line at 160
    result = assess(rise, 2023, "linear")
    assert (result.code, round(result.value, 3)) == ("slightly_behind", 0.833)
    fall = _ind(baseline=50, target=30, direction="lower", actuals={2023: 38})
    assert assess(fall, 2023, "linear").code == "on_track"  # 12 of 12 due
    keep = _ind(baseline=95, target=95, actuals={2023: 95.5, 2024: 94})
    assert assess(keep, 2023, "linear").outcome == Outcome.TARGET_MET
    assert assess(keep, 2024, "linear").code == "behind"
