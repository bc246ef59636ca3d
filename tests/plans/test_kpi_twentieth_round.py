"""Forms of 総合戦略, 人口ビジョン and 行政改革 statements as news and plans write
them (written for these tests, not from the corpus), and sentences of the same
shape that state no target."""

from __future__ import annotations

import pytest

from shinchoku.plans.kpi_statements import extract_statement
from tests.plans.kpi_corpus import readings

_read = readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # goals numbered inside one sentence, as news writes a plan's list
            "町の計画は35年の将来人口について(1)合計特殊出生率を1・5に向上"
            "(2)転入者数を約300増加(3)若年層の社会減を30%抑制-などの目標を掲げた。",
            [
                ("合計特殊出生率", "", 1.5, None, 2035),
                ("転入者数", "", 300, None, 2035),
                ("若年層の社会減", "%", 30, None, 2035),
            ],
        ),
        (
            "市は(1)観光入込客数を80万人に(2)宿泊者数を12万人に増やすことを目指す。",
            [
                ("観光入込客数", "人", 800000, None, None),
                ("宿泊者数", "人", 120000, None, None),
            ],
        ),
    ],
)
def test_goals_numbered_inside_a_sentence(text: str, expected: list[tuple]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # numbered reasons and results, no goal
        "人口減少の要因は(1)出生数の減少(2)若者の転出で、転出者は年300人に上った。",
        "町の人口(1)は3万人で、前年より200人減少した。",
        "計画では(1)子育て支援(2)移住促進の2つを柱とした。",
    ],
)
def test_numbered_sentences_that_state_no_target(text: str) -> None:
    assert extract_statement(text) == []


def _staged(text: str) -> list[tuple]:
    return [
        (f.name, f.target, f.deadline_fy, dict(f.targets))
        for f in extract_statement(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # one measure at two years under one goal verb: its stages
            "計画最終年度となる令和12年の目標人口を4万2000人、20年後の令和22年の"
            "目標人口を4万人とします。",
            [("人口", 40000, 2040, {2030: 42000, 2040: 40000})],
        ),
        (
            "2025年度の観光入込客数を40万人、2030年度の観光入込客数を50万人とすることを目指す。",
            [("観光入込客数", 500000, 2030, {2025: 400000, 2030: 500000})],
        ),
        (  # the year told by what it is in the plan
            "計画の最終年度である2030年度の移住者数を500人とします。",
            [("移住者数", 500, 2030, {})],
        ),
    ],
)
def test_one_measure_at_several_years(text: str, expected: list[tuple]) -> None:
    assert _staged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # projections at two years, and a plan's period: no goal verb
        "2030年の推計人口を4万2000人、2040年の推計人口を4万人と推計している。",
        "2025年度の観光入込客数を40万人、2030年度の観光入込客数を50万人と見込む。",
        "計画の最終年度である2030年度の人口は4万人となる見込みである。",
    ],
)
def test_years_that_state_no_target(text: str) -> None:
    assert extract_statement(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a population news writes without its unit, 万 and four digits
            "40年の目標人口は4万2500。",
            [("人口", "", 42500, None, 2040)],
        ),
        ("町は2035年の目標人口を1万2000とした。", [("人口", "", 12000, None, 2035)]),
        (  # a level to keep a rate at, the goal verb after what it is for
            "2060年の高齢化率を36.5%の水準にすることを、市の将来の人口規模として目指します。",
            [("高齢化率", "%", 36.5, None, 2060)],
        ),
        (
            "2040年の高齢化率を35%の水準に抑えることを市の将来像として目標とします。",
            [("高齢化率", "%", 35, None, 2040)],
        ),
    ],
)
def test_levels_and_counts_without_a_unit(text: str, expected: list[tuple]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a population without its unit that is no goal: a count, a requirement
        "町の人口は3万8800。",
        "市制の人口要件は5万だが、町の人口は3万6027で約1万4000の増加が必要。",
        "目標人口は4万2500だったが、実際は3万6027にとどまった。",
        # a level reached or projected
        "高齢化率は2040年に38.3%の水準になると推計される。",
        "高齢化率は38.3%の水準にとどまった。",
    ],
)
def test_levels_and_counts_that_state_no_target(text: str) -> None:
    assert extract_statement(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a goal's value given first, the measure it is for after it
            "目標値(R5:35%)に向けて審議会等の女性委員の割合を段階的に高める。",
            [("審議会等の女性委員の割合", "%", 35, None, 2023)],
        ),
        (
            "目標(令和7年度 30%)の達成に向けて、男性の育児休業取得率を引き上げます。",
            [("男性の育児休業取得率", "%", 30, None, 2025)],
        ),
        (
            "目標値80%に向けて市税の収納率を向上させていきます。",
            [("市税の収納率", "%", 80, None, None)],
        ),
        (
            "目標値(R7:500t)に向けてごみ排出量を削減していきます。",
            [("ごみ排出量", "t", 500, None, 2025)],
        ),
    ],
)
def test_a_goal_given_before_its_measure(text: str, expected: list[tuple]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # moved there in the past, or no measure moved: no goal read
        "目標値(R2:40%)に向けて女性委員の割合を高めたが、35%にとどまった。",
        "目標値(R2:40%)に向けて取り組んだが、女性委員の割合は35%にとどまった。",
        "目標(40%)に向けて研修を行う。",
        "目標値(R2:40%)に向けて女性委員の割合を高めていく取組は終了した。",
    ],
)
def test_goals_given_before_that_state_no_target(text: str) -> None:
    assert extract_statement(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a goal stated as missed, the value in parentheses after its label
            "職員数については、平成18年度(420 名)から削減に取り組んできたが、平成23年度"
            "削減目標と していた数値(390名)を達成することができませんでした(401名)。",
            [("職員数", "人", 390, 420, 2011)],
        ),
        (
            "職員数については、平成22年度の削減目標(300人)を達成できなかった。",
            [("職員数", "人", 300, None, 2010)],
        ),
    ],
)
def test_a_goal_stated_as_missed(text: str, expected: list[tuple]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a goal met is a result; a goal without a measure named
        "職員数については、平成22年度の削減目標(300人)を達成しました。",
        "職員数については、目標数値の 808 人を達成しました。",
        "平成24年度の目標としていた数値(148名)を達成することができませんでした。",
    ],
)
def test_goals_met_or_unnamed_state_no_target(text: str) -> None:
    assert extract_statement(text) == []
