"""KPI extraction: precision and recall over the hand-labelled seed, plus unit
tests for the parsing rules (comparators, money, digits, deadlines, non-targets).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest

from shinchoku.document.kpi import Indicator, parse_relative
from shinchoku.plans.kpi_extract import (
    ProgramText,
    YearText,
    extract_indicators,
    scan_bullet,
    sentences,
)
from tests.plans.kpi_seed import SEED, load_seed

LABELS = Path(__file__).resolve().parents[1] / "data" / "kpi_labels.json"
FIRST, LAST = 2021, 2024

Fact = tuple[int, str, str, Any, Any]


# ----------------------------------------------------------------- helpers


def _value(v: Any) -> Any:
    return round(float(v), 6) if isinstance(v, int | float) else v


def facts_of(program: int, d: dict[str, Any]) -> set[Fact]:
    """Facts of one indicator in the interchange shape (Indicator.to_dict())."""
    name = d["name"]
    out: set[Fact] = set()
    if d["target"] is not None:
        out.add((program, name, "target", d["deadline_fy"], _value(d["target"])))
    for fy, v in d["targets"].items():
        out.add((program, name, "fy_target", int(fy), _value(v)))
    if d["baseline"] is not None:
        out.add((program, name, "baseline", d["baseline_date"], _value(d["baseline"])))
    for fy, v in d["actuals"].items():
        out.add((program, name, "actual", int(fy), _value(v)))
    if d["relative"]:
        out.add((program, name, "relative", None, d["relative"]))
    return out


def _label_baseline_when(b: dict[str, Any]) -> str:
    if "date" in b:
        return b["date"]
    return dt.date(b["fy"] + 1, 3, 31).isoformat()  # a FY result: end of that FY


def label_facts(labels: dict[str, Any]) -> set[Fact]:
    out: set[Fact] = set()
    for number, indicators in labels["programs"].items():
        p = int(number)
        for ind in indicators:
            name = ind["name"]
            if t := ind["target"]:
                out.add((p, name, "target", t["deadline_fy"], _value(t["value"])))
            if b := ind["baseline"]:
                when = _label_baseline_when(b)
                out.add((p, name, "baseline", when, _value(b["value"])))
            for t in ind["fy_targets"]:
                out.add((p, name, "fy_target", t["fy"], _value(t["value"])))
            for a in ind["actuals"]:
                out.add((p, name, "actual", a["fy"], _value(a["value"])))
            if ind["relative"]:
                out.add((p, name, "relative", None, ind["relative"]))
    return out


def precision_recall(predicted: set[Fact], gold: set[Fact]) -> tuple[float, float]:
    hit = len(predicted & gold)
    precision = hit / len(predicted) if predicted else 0.0
    recall = hit / len(gold) if gold else 0.0
    return precision, recall


@pytest.fixture(scope="module")
def labels() -> dict[str, Any]:
    return json.loads(LABELS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extracted() -> dict[int, list[Indicator]]:
    seed = load_seed()
    return {
        p.number: extract_indicators(p, seed.plan_first_fy, seed.plan_last_fy)
        for p in seed.programs
    }


def one(text: str, column: str = "plan", fy: int | None = 2023) -> list[Indicator]:
    """Indicators of a single bullet placed in one column."""
    if column == "policy":
        program = ProgramText(1, [text])
    elif column == "achievements":
        program = ProgramText(1, [], {fy: YearText(achievements=[text])})
    else:
        program = ProgramText(1, [], {fy: YearText(plan=[text])})
    return extract_indicators(program, FIRST, LAST)


def only(text: str, column: str = "plan", fy: int | None = 2023) -> Indicator:
    found = one(text, column, fy)
    assert len(found) == 1, [i.to_dict() for i in found]
    return found[0]


# ------------------------------------------------------------ seed and labels


def test_label_sources_are_quoted_from_the_seed(labels: dict[str, Any]) -> None:
    seed = SEED.read_text(encoding="utf-8")
    for number, indicators in labels["programs"].items():
        for ind in indicators:
            parts = [
                ind["target"],
                ind["baseline"],
                *ind["fy_targets"],
                *ind["actuals"],
            ]
            for part in filter(None, parts):
                assert part["source"] in seed, (number, part["source"])


def test_every_program_of_the_seed_is_labelled(labels: dict[str, Any]) -> None:
    numbers = {p.number for p in load_seed().programs}
    assert numbers == {int(n) for n in labels["programs"]}


def test_precision_and_recall_on_the_seed(
    labels: dict[str, Any],
    extracted: dict[int, list[Indicator]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    gold = label_facts(labels)
    predicted = {
        fact
        for number, indicators in extracted.items()
        for ind in indicators
        for fact in facts_of(number, ind.to_dict())
    }
    precision, recall = precision_recall(predicted, gold)
    with capsys.disabled():
        print(
            f"\nKPI extraction on the seed: precision {precision:.3f} "
            f"({len(predicted & gold)}/{len(predicted)}), "
            f"recall {recall:.3f} ({len(predicted & gold)}/{len(gold)})"
        )
        for fact in sorted(predicted - gold, key=str):
            print("  extra:  ", fact)
        for fact in sorted(gold - predicted, key=str):
            print("  missed: ", fact)
    assert len(gold) >= 40  # the labels are the whole seed, not a sample
    assert precision >= 0.95
    assert recall >= 0.95


def test_precision_recall_counts_misses() -> None:
    gold = {(1, "a", "target", 2024, 1.0), (1, "a", "baseline", "2021-04-01", 0.0)}
    assert precision_recall(gold, gold) == (1.0, 1.0)
    predicted = {(1, "a", "target", 2024, 1.0), (1, "b", "target", 2024, 1.0)}
    assert precision_recall(predicted, gold) == (0.5, 0.5)


def test_program_12_electronic_approval_rate(
    extracted: dict[int, list[Indicator]],
) -> None:
    (ind,) = extracted[12]
    d = ind.to_dict()
    assert d["name"] == "電子決裁率"
    assert d["unit"] == "%"
    assert d["comparator"] == "以上"
    assert d["direction"] == "higher"
    assert d["baseline"] == 62.3
    assert d["baseline_date"] == "2021-04-01"
    assert d["actuals"] == {"2022": 73.7}
    assert d["targets"] == {"2023": 85, "2024": 90}
    assert (d["target"], d["deadline_fy"]) == (90, 2024)
    assert "令和4年度末での電子決裁率73.7%。" in d["source_text"].splitlines()
    assert ind.observations[0].how == "statement"


def test_programs_without_numbers_have_no_candidates(
    labels: dict[str, Any], extracted: dict[int, list[Indicator]]
) -> None:
    empty = [int(n) for n, inds in labels["programs"].items() if not inds]
    assert empty and all(extracted[n] == [] for n in empty)


def test_previous_fy_parentheses_are_actuals(
    extracted: dict[int, list[Indicator]],
) -> None:
    by_name = {i.name: i for i in extracted[3]}
    groups = by_name["応募団体数"]
    assert groups.actuals == {2022: 9, 2023: 10}
    assert groups.targets == {2023: 8, 2024: 8}
    assert [o.how for o in groups.observations] == [
        "statement",
        "previous_fy",
        "previous_fy",
    ]


def test_to_dict_has_exactly_the_interchange_shape(
    extracted: dict[int, list[Indicator]],
) -> None:
    keys = {
        "name",
        "unit",
        "comparator",
        "direction",
        "target",
        "deadline_fy",
        "baseline",
        "baseline_date",
        "targets",
        "actuals",
        "relative",
        "source_text",
        "reviewed",
    }
    d = extracted[12][0].to_dict()
    assert set(d) == keys
    assert d["reviewed"] is False
    assert isinstance(d["target"], int) and isinstance(d["baseline"], float)
    assert all(isinstance(k, str) for k in d["targets"])
    json.dumps(d)  # serialisable as it is


def test_from_dict_round_trip(extracted: dict[int, list[Indicator]]) -> None:
    for indicators in extracted.values():
        for ind in indicators:
            d = ind.to_dict()
            assert Indicator.from_dict(d).to_dict() == d


@pytest.mark.parametrize(
    "text",
    [
        "、".join(["(" * 50 + "1" * 40 + "件以" * 200] * 20),
        "1件" * 3000,  # thousands of numbers in one clause
        "について" * 1000 + "あ" * 5000 + "1件以上を目指す",
        "(" * 3000 + "1件以上を目指す" + ")" * 3000,
        "4年間で" * 2000 + "応募件数1件以上を目指す。" * 300,
    ],
)
def test_pathological_text_stays_fast(text: str) -> None:
    """A hang guard, not a timing (that is bench/kpi_extract.py's): catastrophic
    backtracking would take minutes, and would grow much faster than the text.
    Eight times the text may take at most 40 times as long (linear: 8)."""

    def seconds(t: str) -> float:
        start = time.perf_counter()
        one(t, "policy")
        one(t, "plan")
        return time.perf_counter() - start

    small = seconds(text[: len(text) // 8])
    full = seconds(text)
    assert full < 20
    assert full < 40 * small + 0.5


# ------------------------------------------------------------- non-targets


@pytest.mark.parametrize(
    "text",
    [
        "公立保育園給食調理業務の効率化に向け、令和5年1月から大沼保育園において、"
        "給食調理業務委託を開始した。",
        "第3回経営方針推進委員会において報告した。",
        "育児参加休暇を取得することができる期間の終期を「妻の出産の日後8週間」から"
        "「妻の出産の日以後1年」に拡大した。",
        "令和3年5月～10月と令和4年1月～令和5年3月の2回にわたり実証実験を行った。",
        "No.8「事業の精査と見直し」の取組との関連で検討を開始した。",
        "平櫛田中の作品修繕(9月17日～11月27日)のためのクラウドファンディングを実施した。",
        "第1Gの自治体クラウド外の業務システムを中心に行った。",
        "こだいら人財の森事業の周知イベントを1回開催した。",
        "まちで楽しむとNPO体験セミナーをオンラインで各1回開催した。",
        "職員向けの研修を2回及び職員と市民の交流の場を1回開催した。",
        "子育て・介護関連26手続のうち小平市で該当の24手続に関して、受付を開始した。",
        "3年ぶりに「広域連携サミット」を開催し、立川市等9市による「共同文書」を取りまとめた。",
        "令和4年度に介護認定審査会資料を紙からタブレットへ変更した。",
    ],
)
def test_numeric_looking_achievements_are_not_facts(text: str) -> None:
    assert one(text, "achievements", 2022) == []


@pytest.mark.parametrize(
    "text",
    [
        "令和6年1月から小川西保育園において、給食調理業務委託を実施する。",
        "複合施設の基本設計(令和6～7年度ころ想定)に並行して検討を進める。",
        "第3回の委員会で方向性を示す。",
        "多摩六都広域連携プラン(令和3年度～7年度)のもと協議する。",
        "説明会を5～10回程度開催する。",
    ],
)
def test_numeric_looking_plans_are_not_facts(text: str) -> None:
    assert one(text, "plan", 2023) == []


def test_policy_ordinals_and_dates_are_not_facts() -> None:
    assert one("第3回の会議(令和3年4月1日開催)で決定した手法を用いる", "policy") == []


# ----------------------------------------------------------------- targets


@pytest.mark.parametrize(
    ("text", "comparator", "direction"),
    [
        ("研修受講者数100人以上を目指す。", "以上", "higher"),
        ("時間外勤務の年間平均実施時間139時間以下を目指す。", "以下", "lower"),
        ("処理日数5日以内を目指す。", "以内", "lower"),
        ("事務処理ミス件数10件未満を目指す。", "未満", "lower"),
        ("利用率50%超を目指す。", "超", "higher"),
        ("利用率50%を超えることを目指す。", "超", "higher"),
        ("職員定数をちょうど959人とする。", "ちょうど", "higher"),
        ("電子決裁率85%を目指す。", None, "higher"),
        ("紙の使用量の削減率10%を目指す。", None, "higher"),
    ],
)
def test_comparators_and_directions(
    text: str, comparator: str | None, direction: str
) -> None:
    ind = only(text)
    assert ind.comparator == comparator
    assert ind.direction == direction
    assert len(ind.targets) == 1 and 2023 in ind.targets


def test_reduction_verb_means_lower_is_better() -> None:
    ind = only("会議時間200時間の削減を目指す。")
    assert (ind.name, ind.direction) == ("会議時間", "lower")
    # An amount to take off, not a level to reach: a relative target.
    assert (ind.target, ind.targets) == (None, {})
    assert (ind.relative, ind.relative_step) == ("200時間削減", 200)
    assert parse_relative(ind.relative) == ("reduction", 200)
    assert parse_relative("前年度実績以上") == ("previous_fy", None)
    assert parse_relative("1年に1業務以上") == ("per_year", 1)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("クラウドファンディングを実施する。目標額は1,000千円。", 1000),
        ("クラウドファンディングを実施する。目標額は50万円。", 500),
        ("クラウドファンディングを実施する。目標額は1,500,000円。", 1500),
        ("クラウドファンディングを実施する。目標額は1億円。", 100_000),
        ("クラウドファンディングを実施する。目標額は１，０００千円。", 1000),
    ],
)
def test_money_is_in_thousand_yen(text: str, value: float) -> None:
    ind = only(text)
    assert (ind.name, ind.unit) == ("クラウドファンディング額", "千円")
    assert ind.targets == {2023: value}


def test_full_width_digits_and_percent() -> None:
    ind = only("電子決裁率９０％以上を目指す。")
    assert (ind.name, ind.unit, ind.targets) == ("電子決裁率", "%", {2023: 90})


def test_decimal_and_comma_numbers() -> None:
    assert only("電子決裁率73.7%以上を目指す。").targets == {2023: 73.7}
    assert only("来場者数12,345人以上を目指す。").targets == {2023: 12345}


@pytest.mark.parametrize(
    ("text", "column", "deadline"),
    [
        (
            "時間外勤務の年間平均実施時間139時間以下(令和7年度まで)を目指す。",
            "plan",
            2025,
        ),
        ("年次休暇の年間平均取得日数14日以上(令和７年度まで)を目指す。", "plan", 2025),
        (
            "時間外勤務の年間平均実施時間を令和7年度までに139時間以下にする",
            "policy",
            2025,
        ),
        ("令和6年度までの間、経常経費の削減率20%以上を目標に検証する。", "plan", 2024),
        ("4年間で電子決裁率90%以上を目指す", "policy", 2024),
        ("3年間で電子決裁率90%以上を目指す", "policy", 2023),
        ("電子決裁率90%以上を目指す", "policy", 2024),  # the plan's last FY
    ],
)
def test_deadlines(text: str, column: str, deadline: int) -> None:
    ind = only(text, column)
    assert ind.deadline_fy == deadline
    assert ind.targets == {}


def test_baselines_dated_and_by_fiscal_year() -> None:
    ind = only("4年間で電子決裁率90%以上を目指す(令和3年4月1日現在:62.3%)", "policy")
    assert (ind.baseline, ind.baseline_date) == (62.3, dt.date(2021, 4, 1))
    inds = one(
        "申請等のオンライン化で前年度実績以上を目指す(令和2年度実績:電子申請サービス"
        "18手続、マイナポータル(ぴったりサービス)1手続)",
        "policy",
    )
    assert [(i.name, i.baseline, i.baseline_fy, i.relative) for i in inds] == [
        ("電子申請サービス手続数", 18, 2020, "前年度実績以上"),
        ("マイナポータル手続数", 1, 2020, "前年度実績以上"),
    ]
    assert inds[0].to_dict()["baseline_date"] == "2021-03-31"


def test_undated_current_value_is_dated_to_the_plan_start() -> None:
    ind = only(
        "職員提案の応募件数について、1年に15件以上を目指す(現状値:5件)", "policy"
    )
    assert (ind.name, ind.target, ind.deadline_fy) == ("職員提案の応募件数", 15, 2024)
    assert (ind.baseline, ind.baseline_date) == (5, dt.date(2021, 4, 1))
    assert ind.relative is None  # a yearly level, not a yearly increase


def test_per_year_increase_is_a_relative_target() -> None:
    ind = only("1年に1業務以上、ICTを活用した業務を拡大", "policy")
    assert (ind.name, ind.relative, ind.relative_step) == (
        "ICTを活用した業務数",
        "1年に1業務以上",
        1,
    )
    assert ind.target is None


# ----------------------------------------------------------------- actuals


def test_statements_in_achievements_are_actuals() -> None:
    assert only("応募件数は29件であった。", "achievements", 2022).actuals == {2022: 29}
    ind = only("令和5年度職員定数を959人とした。", "achievements", 2022)
    assert (ind.name, ind.unit, ind.actuals) == ("職員定数", "人", {2023: 959})
    ind = only("令和4年度末での電子決裁率73.7%。", "achievements", 2022)
    assert ind.actuals == {2022: 73.7}
    ind = only("応募団体数は2事業で9団体であった。", "achievements", 2022)
    assert (ind.name, ind.actuals) == ("応募団体数", {2022: 9})


def test_lone_parenthesis_in_a_plan_is_the_previous_fy_actual() -> None:
    ind = only("応募団体8団体以上を目指す。(9団体)", "plan", 2023)
    assert (ind.name, ind.targets, ind.actuals) == ("応募団体数", {2023: 8}, {2022: 9})
    ind = only("給食調理業務委託を実施する(1園)。", "plan", 2024)
    assert (ind.name, ind.actuals) == ("給食調理業務委託園数", {2023: 1})


def test_lone_parenthesis_outside_plans_is_ignored() -> None:
    assert one("研修を実施した。(4回)", "achievements", 2022) == []


def test_targets_in_achievements_are_not_actuals() -> None:
    assert one("電子決裁率90%以上を目指して取り組んだ。", "achievements", 2022) == []


# ------------------------------------------------------------ names, merging


def test_names_merge_at_word_boundaries_only() -> None:
    program = ProgramText(
        3,
        ["4年間で市と協働で取り組む団体数が4団体以上を目指す"],
        {
            2022: YearText(achievements=["応募団体数は9団体であった。"]),
            2023: YearText(
                plan=["職員提案の応募件数15件以上を目指す。", "応募件数は…"]
            ),
        },
    )
    names = [i.name for i in extract_indicators(program, FIRST, LAST)]
    assert names == ["市と協働で取り組む団体数", "応募団体数", "職員提案の応募件数"]


def test_sentences_keep_trailing_parenthesis() -> None:
    assert sentences("推進を図る。応募団体8団体以上を目指す。(9団体)") == [
        "推進を図る。",
        "応募団体8団体以上を目指す。(9団体)",
    ]


def test_scan_bullet_reports_sources_as_written() -> None:
    (fact,) = scan_bullet("電子決裁率９０％を目指す。", "plan", 2023, FIRST, LAST)
    assert fact.source == "電子決裁率９０％を目指す。"
    assert (fact.kind, fact.when, fact.value) == ("fy_target", 2023, 90)


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [
        ("相談件数を年間300件程度とする。", "plan", ("相談件数", {2023: 300})),
        ("4年間で約2億円の効果額を目指す", "policy", ("効果額", {})),
        (
            "参加者数は前年度より増加し、120人となった。",
            "achievements",
            ("参加者数", {}),
        ),
    ],
)
def test_other_phrasings(text: str, column: str, expected: tuple[str, dict]) -> None:
    ind = only(text, column)
    assert (ind.name, ind.targets) == expected
    if column == "policy":
        assert (ind.target, ind.unit, ind.deadline_fy) == (200_000, "千円", 2024)
    if column == "achievements":
        assert ind.actuals == {2023: 120}


def test_money_written_in_oku_and_man_is_one_amount() -> None:
    """'3億2,000万円' is 320,000 千円, not the 2,000万円 at its end."""
    ind = only("事業の効果額3億2,000万円を目指す。", column="policy")
    assert (ind.unit, ind.target) == ("千円", 320000)
