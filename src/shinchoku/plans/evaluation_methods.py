"""Evaluation methods and status scales, chosen per plan (Plan.evaluation_method).

Every method answers the same question — how is this indicator doing at the end
of fiscal year `fy`? — with a band of its own scale. Three answers come before
any band rule and every scale has a band for them:

    目標達成   the actual meets the final target (or the year's own target)
    データなし  no actual for the year (or nothing to compare it with)
    対象外     not applicable this year (the caller says so: the program ended,
              the indicator is surveyed every other year, the year is not one
              of the plan's)

The methods (their sources are in each rule's docstring):

    linear     the achievement rate used so far (plans/evaluation.py): observed
               over required progress on the straight line baseline → target,
               with reverse (lower is better) and maintain (target = baseline)
               targets — 達成 / 順調 / やや遅れ / 遅れ / 未測定
    open_sdg   Open SDG's observed-vs-required growth (compound annual growth
               rates) — Target achieved / On track / Acceleration needed /
               Limited progress / Deterioration / Unable to assess
    nagayo     長与町 S/A/B/C/− (five stages, against target and baseline)
    ino        いの町 ◎/○/△/× (against the year's target)
    tagawa     田川市 A/B/C (against the straight line and the baseline)
    osaka      大阪府立図書館 A/B/C/D (達成度 = actual / target: 110%, 80%, 50%)
    kitsuki    杵築市 A/B/C (D, 注視継続, is a judgement no rule can make)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from shinchoku.document.kpi import Indicator
from shinchoku.plans import evaluation
from shinchoku.plans.evaluation import baseline_position, direction_sign, meets


class Outcome(StrEnum):
    TARGET_MET = "target_met"
    NO_DATA = "no_data"
    NOT_APPLICABLE = "not_applicable"
    BANDED = "banded"


@dataclass(frozen=True)
class Band:
    code: str  # what a table prints: "S", "◎", "on_track"
    label: str


@dataclass(frozen=True)
class Assessment:
    method: str
    fy: int
    outcome: Outcome
    band: Band
    value: float | None = None  # what the band was read from: R, CAGR, 達成度…
    note: str = ""

    @property
    def code(self) -> str:
        return self.band.code

    @property
    def label(self) -> str:
        return str(self.band.label)


@dataclass(frozen=True)
class Facts:
    """What the band rules look at, for one indicator and one fiscal year."""

    fy: int
    actual: float | None
    baseline: float | None
    start: float | None  # the baseline's position on the FY axis
    target: float | None  # the final target
    fy_target: float | None  # the year's own target, when the plan has one
    deadline_fy: int | None
    sign: int  # +1 higher is better, -1 lower is

    @classmethod
    def of(cls, ind: Indicator, fy: int) -> Facts:
        return cls(
            fy=fy,
            actual=ind.actuals.get(fy),
            baseline=ind.baseline,
            start=baseline_position(ind),
            target=ind.target,
            fy_target=ind.targets.get(fy),
            deadline_fy=ind.deadline_fy,
            sign=direction_sign(ind),
        )

    @property
    def goal(self) -> float | None:
        """The year's target when there is one, else the final target."""
        return self.fy_target if self.fy_target is not None else self.target

    @property
    def gain(self) -> float | None:
        """Progress since the baseline in the good direction (None: unknown)."""
        if self.actual is None or self.baseline is None:
            return None
        return (self.actual - self.baseline) * self.sign


@dataclass(frozen=True)
class Method:
    key: str
    label: str
    source: str
    target_met: Band
    no_data: Band
    not_applicable: Band
    rule: Callable[[Indicator, Facts, Method], Assessment]

    def banded(self, facts: Facts, code: str, value: float | None = None) -> Assessment:
        band = next(b for b in self.bands if b.code == code)
        return Assessment(self.key, facts.fy, Outcome.BANDED, band, value)

    @property
    def bands(self) -> tuple[Band, ...]:
        return BANDS[self.key]


def assess(
    ind: Indicator, fy: int, method: str = "linear", *, applicable: bool = True
) -> Assessment:
    """The indicator's band at the end of `fy` by `method` (a METHODS key)."""
    m = METHODS[method]
    facts = Facts.of(ind, fy)
    if not applicable:
        return Assessment(m.key, fy, Outcome.NOT_APPLICABLE, m.not_applicable)
    if facts.actual is None and m.key != "linear":  # linear says why itself
        return Assessment(m.key, fy, Outcome.NO_DATA, m.no_data)
    return m.rule(ind, facts, m)


def _met(facts: Facts, m: Method, value: float | None = None) -> Assessment:
    return Assessment(m.key, facts.fy, Outcome.TARGET_MET, m.target_met, value)


def _no_data(facts: Facts, m: Method, note: str = "") -> Assessment:
    return Assessment(m.key, facts.fy, Outcome.NO_DATA, m.no_data, note=note)


# ----------------------------------------------------------------- linear


_LINEAR_CODES = {
    evaluation.Status.ON_TRACK: "on_track",
    evaluation.Status.SLIGHTLY_BEHIND: "slightly_behind",
    evaluation.Status.BEHIND: "behind",
}


def _linear(ind: Indicator, facts: Facts, m: Method) -> Assessment:
    """plans/evaluation.py's evaluate(), the city's method until now."""
    ev = evaluation.evaluate(ind, facts.fy)
    note = " / ".join(ev.notes)
    if ev.status == evaluation.Status.ACHIEVED:
        return Assessment(
            m.key, facts.fy, Outcome.TARGET_MET, m.target_met, ev.progress_ratio, note
        )
    if ev.status == evaluation.Status.NOT_MEASURED:
        return _no_data(facts, m, note)
    band = next(b for b in m.bands if b.code == _LINEAR_CODES[ev.status])
    return Assessment(m.key, facts.fy, Outcome.BANDED, band, ev.progress_ratio, note)


# --------------------------------------------------------------- open sdg

ZERO_REPLACEMENT = 0.001  # Open SDG replaces a zero base or target by 0.001
OPEN_SDG_R_BANDS = (0.95, 0.60, 0.0)  # R: on track, acceleration, limited
OPEN_SDG_CAGR_BANDS = (0.015, 0.005, 0.0)  # without a target: CAGR bands
_OPEN_SDG_CODES = ("on_track", "acceleration_needed", "limited_progress")


def cagr(current: float, base: float, years: float) -> float:
    """Compound annual growth rate from `base` to `current` over `years`."""
    return (current / base) ** (1 / years) - 1


def open_sdg_value(facts: Facts) -> tuple[float | None, str]:
    """Open SDG's progress value: R = s·d·CAGRᵢ / |CAGR_T| with a target,
    s·d·CAGRᵢ without (s = −1 when the values are negative, d = the desired
    direction); (None, why) when it cannot be assessed."""
    if facts.actual is None or facts.baseline is None or facts.start is None:
        return None, "at least two values are needed (a baseline and an actual)"
    years = facts.fy - facts.start
    if years < 1:
        return None, "the actual must be at least a year after the baseline"
    base, actual = facts.baseline or ZERO_REPLACEMENT, facts.actual
    if (base > 0 > actual) or (base < 0 < actual):
        return None, "the baseline and the actual must have the same sign"
    s = -1 if base < 0 else 1
    observed = cagr(actual, base, years)
    if facts.target is None:
        return s * facts.sign * observed, ""
    if facts.deadline_fy is None or facts.deadline_fy <= facts.start:
        return None, "a target needs a deadline after the baseline"
    target = facts.target or ZERO_REPLACEMENT
    required = cagr(target, base, facts.deadline_fy - facts.start)
    if required == 0:
        return None, "the target equals the baseline"
    return s * facts.sign * observed / abs(required), ""


def _open_sdg(_: Indicator, facts: Facts, m: Method) -> Assessment:
    """Open SDG's progress measure (Statistics Canada's method), from
    https://github.com/open-sdg/open-sdg/blob/develop/docs/progress-methodology.md
    and its implementation in open-sdg/sdg-build (sdg/ProgressMeasure.py)."""
    assert facts.actual is not None
    if facts.target is not None and meets(facts.actual, facts.target, facts.sign):
        return _met(facts, m)
    value, why = open_sdg_value(facts)
    if value is None:
        band = next(b for b in m.bands if b.code == "unable_to_assess")
        return Assessment(m.key, facts.fy, Outcome.NO_DATA, band, note=why)
    bands = OPEN_SDG_R_BANDS if facts.target is not None else OPEN_SDG_CAGR_BANDS
    for code, threshold in zip(_OPEN_SDG_CODES, bands, strict=True):
        if value >= threshold:
            return m.banded(facts, code, value)
    return m.banded(facts, "deterioration", value)


def open_sdg_score(value: float, *, with_target: bool) -> float:
    """The progress value as a score in [-5, 5], for averaging several series
    (Open SDG's "Aggregated progress status"; the piecewise lines of its
    Figures 1 and 2)."""
    if with_target:
        if value >= 0.6:
            return min(5.0, (value - 0.6) / 0.7 * 5)  # 60% → 0, 130% → 5
        return max(-5.0, (value - 0.6) / 1.2 * 5)  # -60% → -5
    if value < 0:
        return max(-5.0, 125 * value - 2.5)  # -2% → -5, 0 → -2.5
    if value < 0.005:
        return 500 * value - 2.5  # 0 → -2.5, 0.5% → 0
    if value < 0.015:
        return 250 * value - 1.25  # 0.5% → 0, 1.5% → 2.5
    return min(5.0, 500 * value - 5)  # 1.5% → 2.5, 2% → 5


def open_sdg_status_of_score(score: float) -> str:
    """The band of an (averaged) score: [2.5, 5] on track, [0, 2.5) acceleration
    needed, [-2.5, 0) limited progress, below deterioration."""
    if score >= 2.5:
        return "on_track"
    if score >= 0:
        return "acceleration_needed"
    if score >= -2.5:
        return "limited_progress"
    return "deterioration"


# ------------------------------------------------- municipalities' scales


def _nagayo(_: Indicator, facts: Facts, m: Method) -> Assessment:
    """長与町 第9次総合計画 数値目標評価 (https://webtown.nagayo.jp/kiji0032107/):
    S 現在値が目標値を超えている, A 基準値を超えている, B 基準値と同水準(△10%以内),
    C 基準値より下落している, − 把握できない等の理由により評価できない."""
    assert facts.actual is not None
    if facts.target is not None and meets(facts.actual, facts.target, facts.sign):
        return _met(facts, m)
    gain = facts.gain
    if gain is None or facts.baseline is None:
        return _no_data(facts, m, "基準値がありません")
    if gain > 0:
        return m.banded(facts, "A", gain)
    if -gain <= abs(facts.baseline) * 0.10:
        return m.banded(facts, "B", gain)
    return m.banded(facts, "C", gain)


def _ino(_: Indicator, facts: Facts, m: Method) -> Assessment:
    """いの町 総合戦略 効果検証 (https://www.town.ino.kochi.jp/chosei/choseikeikaku/
    keikaku_sougousenryaku/1797/): ◎ 目標値以上, ○ 目標値と同等, △ 目標値未達成,
    × 進捗なし or 事業終了; a KPI without a target: 評価なし."""
    assert facts.actual is not None
    goal = facts.goal
    if goal is None:
        return _no_data(facts, m, "目標値がありません")
    beyond = (facts.actual - goal) * facts.sign
    if beyond > 0:
        return _met(facts, m, beyond)
    if beyond == 0:
        return m.banded(facts, "○", beyond)
    if facts.gain is not None and facts.gain <= 0:
        return m.banded(facts, "×", facts.gain)
    return m.banded(facts, "△", beyond)


def _tagawa(_: Indicator, facts: Facts, m: Method) -> Assessment:
    """田川市 第5次総合計画 後期基本計画 成果指標の進捗状況
    (https://www.joho.tagawa.fukuoka.jp/kiji0035135/): A 目標値に対して順調に値が
    伸びている, B 遅れはあるが値は伸びている, C 現状値から値が伸びていない又は悪化;
    値が確認できない指標は判定しない. '順調' is read as at or beyond the straight line
    from the baseline to the target."""
    assert facts.actual is not None
    if facts.target is not None and meets(facts.actual, facts.target, facts.sign):
        return _met(facts, m)
    gain = facts.gain
    if gain is None:
        return _no_data(facts, m, "現状値がありません")
    if gain <= 0:
        return m.banded(facts, "C", gain)
    line = _line_value(facts)
    if line is not None and meets(facts.actual, line, facts.sign):
        return m.banded(facts, "A", gain)
    return m.banded(facts, "B", gain)


def _line_value(facts: Facts) -> float | None:
    """Where the straight line from the baseline to the target is at `fy`."""
    if facts.target is None or facts.baseline is None or facts.start is None:
        return None
    if facts.deadline_fy is None or facts.deadline_fy <= facts.start:
        return facts.target
    share = (facts.fy - facts.start) / (facts.deadline_fy - facts.start)
    return facts.baseline + (facts.target - facts.baseline) * min(max(share, 0), 1)


def attainment(actual: float, goal: float, sign: int) -> float | None:
    """達成度: actual / goal (goal / actual when lower is better)."""
    if sign > 0:
        return actual / goal if goal else None
    return goal / actual if actual else None


def _osaka(_: Indicator, facts: Facts, m: Method) -> Assessment:
    """大阪府立図書館 評価の基準 (https://www.library.pref.osaka.jp/site/hyoka/
    lib-hyoka-kijun2013.html), 重点指標が毎年の数値目標の場合: A 達成度110%以上,
    B 80%以上110%未満 (数値目標を達成), C 50%以上80%未満, D 50%未満."""
    assert facts.actual is not None
    goal = facts.goal
    rate = None if goal is None else attainment(facts.actual, goal, facts.sign)
    if rate is None:
        return _no_data(facts, m, "目標値がありません")
    for code, floor in (("A", 1.10), ("B", 0.80), ("C", 0.50)):
        if rate >= floor:
            return m.banded(facts, code, rate)
    return m.banded(facts, "D", rate)


def _kitsuki(_: Indicator, facts: Facts, m: Method) -> Assessment:
    """杵築市 第2期総合戦略 期末評価 (https://www.city.kitsuki.lg.jp/soshiki/1/mirai/
    machidukuri/11740.html): A 目標を上回る効果, B 目標を80%以上達成, C 改善や工夫が
    必要. D (外的要因等で注視を継続) is the committee's call, never a rule's."""
    assert facts.actual is not None
    goal = facts.goal
    if goal is None:
        return _no_data(facts, m, "目標値がありません")
    if meets(facts.actual, goal, facts.sign):
        return _met(facts, m)
    rate = attainment(facts.actual, goal, facts.sign)
    if rate is not None and rate >= 0.80:
        return m.banded(facts, "B", rate)
    return m.banded(facts, "C", rate)


# ---------------------------------------------------------------- registry

NO_DATA = _("No data")
NOT_APPLICABLE = _("Not applicable this year")

BANDS: dict[str, tuple[Band, ...]] = {
    "linear": (
        Band("on_track", _("On track")),
        Band("slightly_behind", _("Slightly behind")),
        Band("behind", _("Behind")),
    ),
    "open_sdg": (
        Band("on_track", _("On track")),
        Band("acceleration_needed", _("Progress made but acceleration needed")),
        Band("limited_progress", _("Limited progress")),
        Band("deterioration", _("Deterioration")),
        Band("unable_to_assess", _("Unable to assess")),
    ),
    "nagayo": (
        Band("A", _("Above the baseline")),
        Band("B", _("Level with the baseline (within 10%)")),
        Band("C", _("Below the baseline")),
    ),
    "ino": (
        Band("○", _("Equal to the target")),
        Band("△", _("Below the target")),
        Band("×", _("No progress")),
    ),
    "tagawa": (
        Band("A", _("Growing on schedule towards the target")),
        Band("B", _("Growing, behind schedule")),
        Band("C", _("Not growing, or worse than the baseline")),
    ),
    "osaka": (
        Band("A", _("Attainment 110 percent or more")),
        Band("B", _("Attainment 80% to under 110%")),
        Band("C", _("Attainment 50% to under 80%")),
        Band("D", _("Attainment under 50%")),
    ),
    "kitsuki": (
        Band("B", _("80 percent or more of the target")),
        Band("C", _("Needs improvement")),
    ),
}


def _method(key, label, source, met, no_data, not_applicable, rule) -> Method:
    return Method(key, label, source, met, no_data, not_applicable, rule)


METHODS: dict[str, Method] = {
    m.key: m
    for m in (
        _method(
            "linear",
            _("Achievement rate on the straight line (default)"),
            "plans/evaluation.py",
            Band("achieved", _("Target met")),
            Band("not_measured", NO_DATA),
            Band("not_applicable", NOT_APPLICABLE),
            _linear,
        ),
        _method(
            "open_sdg",
            _("Open SDG: observed against required growth"),
            "https://github.com/open-sdg/open-sdg/blob/develop/docs/progress-methodology.md",
            Band("target_achieved", _("Target achieved")),
            Band("no_data", NO_DATA),
            Band("not_applicable", NOT_APPLICABLE),
            _open_sdg,
        ),
        _method(
            "nagayo",
            _("S/A/B/C/− (Nagayo Town)"),
            "https://webtown.nagayo.jp/kiji0032107/index.html",
            Band("S", _("Above the target")),
            Band("−", _("Cannot be assessed")),
            Band("対象外", NOT_APPLICABLE),
            _nagayo,
        ),
        _method(
            "ino",
            _("◎/○/△/× (Ino Town)"),
            "https://www.town.ino.kochi.jp/chosei/choseikeikaku/keikaku_sougousenryaku/1797/",
            Band("◎", _("At or above the target")),
            Band("評価なし", NO_DATA),
            Band("×", _("No progress or the project ended")),
            _ino,
        ),
        _method(
            "tagawa",
            _("A/B/C (Tagawa City)"),
            "https://www.joho.tagawa.fukuoka.jp/kiji0035135/index.html",
            Band("A", _("Target met")),
            Band("判定なし", NO_DATA),
            Band("対象外", NOT_APPLICABLE),
            _tagawa,
        ),
        _method(
            "osaka",
            _("A/B/C/D by attainment (Osaka Prefectural Library)"),
            "https://www.library.pref.osaka.jp/site/hyoka/lib-hyoka-kijun2013.html",
            Band("A", _("Attainment 110 percent or more")),  # a met target is banded
            Band("−", NO_DATA),
            Band("対象外", NOT_APPLICABLE),
            _osaka,
        ),
        _method(
            "kitsuki",
            _("A/B/C (Kitsuki City)"),
            "https://www.city.kitsuki.lg.jp/soshiki/1/mirai/machidukuri/11740.html",
            Band("A", _("Above the target")),
            Band("−", NO_DATA),
            Band("対象外", NOT_APPLICABLE),
            _kitsuki,
        ),
    )
}
METHOD_CHOICES = [(m.key, m.label) for m in METHODS.values()]
