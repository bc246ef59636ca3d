"""How far an indicator has come in a fiscal year, and qualitative grade counts.

Method (after Open SDG's progress measure, see
https://github.com/open-sdg/open-sdg/blob/develop/docs/progress-methodology.md):
the observed progress since the baseline is compared with the progress required
by then to reach the final target on time, and their ratio R is banded:

    actual meets the final target          → achieved        (達成)
    R ≥ Thresholds.on_track (0.95)         → on_track        (順調)
    R ≥ Thresholds.slightly_behind (0.5)   → slightly_behind (やや遅れ)
    otherwise, including R < 0 (worse)     → behind          (遅れ)
    no actual for the year, or no target   → not_measured    (未測定)

Open SDG compares compound annual growth rates and bands at 0.95 / 0.6 / 0. We
use a straight line from the baseline to the target instead, because the city's
indicators are rates and counts that often start at 0 (a growth rate from 0 is
undefined) and because the plan itself sets evenly spaced yearly targets. The
thresholds are a dataclass so that a plan can pass its own.

Time is measured on a fiscal-year axis where the actual of FY N sits at N (the
end of FY N) and a baseline "as of 2021-04-01" or "令和2年度実績" sits at 2020.

Relative targets have no final value and are judged year by year:
前年度実績以上 (the FY's actual is at least the previous one), '1年にN…以上' (the
yearly gain is at least N; R = gain / N) and 'N…削減' (the cut from the baseline
is at least N; R = cut / N, the whole cut being due as no deadline is given).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from shinchoku.common.wareki import fiscal_year_label, fiscal_year_of
from shinchoku.document.kpi import Indicator, parse_relative


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    SLIGHTLY_BEHIND = "slightly_behind"
    BEHIND = "behind"
    NOT_MEASURED = "not_measured"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.ACHIEVED: "達成",
    Status.ON_TRACK: "順調",
    Status.SLIGHTLY_BEHIND: "やや遅れ",
    Status.BEHIND: "遅れ",
    Status.NOT_MEASURED: "未測定",
}


@dataclass(frozen=True)
class Thresholds:
    """Bands of R = observed / required progress. Defaults: the brief of the
    city's committee (0.95 / 0.5); Open SDG's own middle band starts at 0.6."""

    on_track: float = 0.95
    slightly_behind: float = 0.5

    def __post_init__(self) -> None:
        if not 0 <= self.slightly_behind <= self.on_track:
            raise ValueError("need 0 <= slightly_behind <= on_track")

    def classify(self, ratio: float) -> Status:
        if ratio >= self.on_track:
            return Status.ON_TRACK
        if ratio >= self.slightly_behind:
            return Status.SLIGHTLY_BEHIND
        return Status.BEHIND


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Evaluation:
    fy: int
    status: Status
    actual: float | None = None
    achievement_rate: float | None = None  # against the final target, in [0, 1]
    required_value: float | None = None  # the straight line's value at fy
    progress_ratio: float | None = None  # R
    fy_target: float | None = None
    fy_target_met: bool | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        return self.status.label


# ------------------------------------------------------------------ helpers


def fy_position(day: dt.date) -> float:
    """A day on the fiscal-year axis: 2021-04-01 → 2020.0 (the end of FY2020),
    2021-10-01 → about 2020.5."""
    fy = fiscal_year_of(day)
    start = dt.date(fy, 4, 1)
    length = (dt.date(fy + 1, 4, 1) - start).days
    return fy - 1 + (day - start).days / length


def baseline_position(ind: Indicator) -> float | None:
    if ind.baseline_date is not None:
        return fy_position(ind.baseline_date)
    if ind.baseline_fy is not None:
        return float(ind.baseline_fy)
    return None


def direction_sign(ind: Indicator) -> int:
    """+1 when higher is better, -1 when lower is. Without a stated direction the
    target's side of the baseline decides; failing that, higher."""
    if ind.direction == "lower":
        return -1
    if ind.direction == "higher":
        return 1
    if ind.target is not None and ind.baseline is not None:
        return -1 if ind.target < ind.baseline else 1
    return 1


def meets(actual: float, target: float, sign: int) -> bool:
    return (actual - target) * sign >= 0


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


# ------------------------------------------------------- achievement rate


def achievement_rate(
    actual: float, baseline: float | None, target: float, sign: int = 1
) -> tuple[float | None, str]:
    """(actual - baseline) / (target - baseline), capped to [0, 1], with a note
    saying why when it was capped or could not be computed ('' otherwise)."""
    if baseline is None:
        return None, "基準値がないため達成率を計算できません"
    if target == baseline:
        met = meets(actual, target, sign)
        note = "目標値が基準値と同じため、目標を満たせば100%、満たさなければ0%"
        return (1.0 if met else 0.0), note
    raw = (actual - baseline) / (target - baseline)
    if raw > 1:
        return 1.0, f"目標を上回ったため100%で打ち切り(計算値{_pct(raw)})"
    if raw < 0:
        return 0.0, f"基準値より悪化したため0%で打ち切り(計算値{_pct(raw)})"
    return raw, ""


def required_value(ind: Indicator, fy: int) -> float | None:
    """Where the straight line from the baseline to the final target is at the
    end of `fy` (the target itself from the deadline on)."""
    start = baseline_position(ind)
    if ind.baseline is None or start is None or ind.target is None:
        return None
    if ind.deadline_fy is None or ind.deadline_fy <= start:
        return ind.target
    share = min(max((fy - start) / (ind.deadline_fy - start), 0.0), 1.0)
    return ind.baseline + (ind.target - ind.baseline) * share


# ------------------------------------------------------------- evaluation


def evaluate(
    ind: Indicator, fy: int, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> Evaluation:
    """Status of an indicator at the end of fiscal year `fy`."""
    actual = ind.actuals.get(fy)
    sign = direction_sign(ind)
    fy_target = ind.targets.get(fy)
    common: dict[str, Any] = {
        "fy": fy,
        "actual": actual,
        "fy_target": fy_target,
        "fy_target_met": (
            None
            if actual is None or fy_target is None
            else meets(actual, fy_target, sign)
        ),
        "required_value": required_value(ind, fy),
    }
    if ind.target is None and fy_target is None and ind.relative:
        return evaluate_relative(ind, fy, thresholds)
    if actual is None:
        note = f"{fiscal_year_label(fy)}の実績値がありません"
        return Evaluation(status=Status.NOT_MEASURED, notes=(note,), **common)
    if ind.target is None:
        return _against_fy_target(ind, fy, actual, sign, thresholds, common)
    rate, rate_note = achievement_rate(actual, ind.baseline, ind.target, sign)
    common["achievement_rate"] = rate
    notes = (rate_note,) if rate_note else ()
    if meets(actual, ind.target, sign):
        return Evaluation(status=Status.ACHIEVED, notes=notes, **common)
    required = common["required_value"]
    if required is None or ind.baseline is None:
        if fy_target is not None:
            return _against_fy_target(ind, fy, actual, sign, thresholds, common)
        note = "基準値がないため進捗を判定できません"
        return Evaluation(status=Status.NOT_MEASURED, notes=(*notes, note), **common)
    return _against_line(
        actual, ind.baseline, required, sign, thresholds, common, notes
    )


def _against_line(
    actual: float,
    baseline: float,
    required: float,
    sign: int,
    thresholds: Thresholds,
    common: dict[str, Any],
    notes: tuple[str, ...],
) -> Evaluation:
    needed = (required - baseline) * sign
    observed = (actual - baseline) * sign
    if needed <= 0:
        # Nothing was due yet (or the target is the baseline): keep level.
        status = Status.ON_TRACK if observed >= 0 else Status.BEHIND
        note = "この時点で必要な進捗がないため、基準値の維持で判定"
        return Evaluation(status=status, notes=(*notes, note), **common)
    ratio = observed / needed
    if ratio < 0:
        notes = (*notes, "基準値より悪化しています")
    return Evaluation(
        status=thresholds.classify(ratio), progress_ratio=ratio, notes=notes, **common
    )


def _previous_value(ind: Indicator, fy: int) -> float | None:
    """The previous FY's actual, or the baseline when it is as of that FY's end."""
    previous = ind.actuals.get(fy - 1)
    if previous is not None:
        return previous
    start = baseline_position(ind)
    if start is not None and abs(start - (fy - 1)) < 0.05:
        return ind.baseline
    return None


def _against_fy_target(
    ind: Indicator,
    fy: int,
    actual: float,
    sign: int,
    thresholds: Thresholds,
    common: dict[str, Any],
) -> Evaluation:
    """Without a final target (or a baseline), judge the year's own target: met
    → achieved; else R = gain since the previous FY / gain that was needed."""
    fy_target = ind.targets.get(fy)
    if fy_target is None:
        note = "目標値がないため判定できません"
        return Evaluation(status=Status.NOT_MEASURED, notes=(note,), **common)
    if meets(actual, fy_target, sign):
        note = f"{fiscal_year_label(fy)}の目標値を達成"
        return Evaluation(status=Status.ACHIEVED, notes=(note,), **common)
    start = _previous_value(ind, fy)
    if start is None or (fy_target - start) * sign <= 0:
        note = "前年度の値がないため、年度目標の未達を遅れと判定"
        return Evaluation(status=Status.BEHIND, notes=(note,), **common)
    ratio = (actual - start) / (fy_target - start)
    note = "年度目標に対する前年度からの進捗で判定"
    return Evaluation(
        status=thresholds.classify(ratio), progress_ratio=ratio, notes=(note,), **common
    )


def evaluate_relative(
    ind: Indicator, fy: int, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> Evaluation:
    """Judge a relative target (前年度実績以上, 1年にN以上, N削減) for `fy`."""
    if not ind.relative:
        raise ValueError(f"{ind.name} has no relative target")
    kind, step = parse_relative(ind.relative)
    sign = direction_sign(ind)
    actual = ind.actuals.get(fy)
    base = {"fy": fy, "actual": actual}
    if actual is None:
        note = f"{fiscal_year_label(fy)}の実績値がありません"
        return Evaluation(status=Status.NOT_MEASURED, notes=(note,), **base)
    if kind == "reduction":
        if ind.baseline is None or not step:
            note = "基準値がないため削減量を計算できません"
            return Evaluation(status=Status.NOT_MEASURED, notes=(note,), **base)
        return _ratio_status((ind.baseline - actual) / step, thresholds, base)
    previous = _previous_value(ind, fy)
    if previous is None:
        note = "前年度の実績値がありません"
        return Evaluation(status=Status.NOT_MEASURED, notes=(note,), **base)
    gain = (actual - previous) * sign
    if kind == "previous_fy":
        status = Status.ACHIEVED if gain >= 0 else Status.BEHIND
        return Evaluation(status=status, notes=(ind.relative,), **base)
    return _ratio_status(gain / step if step else 0.0, thresholds, base)


def _ratio_status(
    ratio: float, thresholds: Thresholds, base: dict[str, Any]
) -> Evaluation:
    status = Status.ACHIEVED if ratio >= 1 else thresholds.classify(ratio)
    return Evaluation(status=status, progress_ratio=ratio, **base)


# ---------------------------------------------------------- grade scale


@dataclass(frozen=True)
class Grade:
    code: str
    label: str


DEFAULT_GRADE_SCALE: tuple[Grade, ...] = (
    Grade("S", "予定以上に進捗"),
    Grade("A", "予定どおりに進捗"),
    Grade("B", "予定よりも遅れている"),
)
UNRATED = "未評価"

G = TypeVar("G", bound=Hashable)


def normalize_grade(code: str | None, scale: tuple[Grade, ...]) -> str:
    """'Ｓ ' → 'S'; None or '' → UNRATED; a code outside the scale is an error
    (a typo must not silently vanish from the counts)."""
    if code is None or not code.strip():
        return UNRATED
    norm = unicodedata.normalize("NFKC", code).strip().upper()
    if norm not in {g.code for g in scale}:
        raise ValueError(f"grade {code!r} is not in the scale")
    return norm


def grade_label(code: str, scale: tuple[Grade, ...] = DEFAULT_GRADE_SCALE) -> str:
    norm = normalize_grade(code, scale)
    return next((g.label for g in scale if g.code == norm), UNRATED)


def count_grades(
    items: Iterable[tuple[G, str | None]],
    scale: tuple[Grade, ...] = DEFAULT_GRADE_SCALE,
) -> dict[G, dict[str, int]]:
    """{group: {'S': n, 'A': n, 'B': n, '未評価': n}} from (group, grade) pairs,
    groups in the order first met, every code present (zeros included) so that
    tables line up."""
    counts: dict[G, dict[str, int]] = {}
    for group, code in items:
        row = counts.setdefault(group, {g.code: 0 for g in scale} | {UNRATED: 0})
        row[normalize_grade(code, scale)] += 1
    return counts
