"""Forms of dev round 18 (k2100…) as other cities write them, written for these
tests (not from the corpus), with near-misses of each form that state no target."""

from __future__ import annotations

import pytest

from shinchoku.plans.kpi_statements import extract_statement


def _got(text: str) -> list[dict]:
    return [f.to_dict() for f in extract_statement(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a PDF copy without punctuation: an earlier clause's object 'Xを…として定め'
            "本計画では前計画の理念を継承し 循環型社会の形成を目標として定め 令和12年度には"
            "令和元年度実績より最終処分量を15% 削減させることを掲げました",
            {"name": "最終処分量", "target": 15, "deadline_fy": 2030, "change": True},
        ),
        (  # the base year restated in spaced parentheses dates the base, not the goal
            "基本方針を継承し 資源循環を基本理念として定め 令和 12 年度 (2030 年度 ) には"
            "令和 元 年度 (2019 年度 ) 実績より埋立処分量を10% 削減させることを目指します",
            {"name": "埋立処分量", "target": 10, "deadline_fy": 2030},
        ),
        (
            "新たな目標として、2030年度には2013年度実績よりごみ排出量を10%削減することを目指します。",
            {"name": "ごみ排出量", "target": 10, "deadline_fy": 2030},
        ),
    ],
)
def test_the_measure_after_a_comparison_names_the_goal(
    text: str, expected: dict
) -> None:
    (got,) = _got(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "平成28年度実績より焼却処理量を8% 削減させることができました",  # a result
        "前年度実績より焼却処理量が3% 減少しました",
        "循環型社会の構築を基本理念として定め 平成28年度実績を基準年度とします",
    ],
)
def test_a_comparison_stating_no_target(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "特に県外からの移住では25年度以降、毎年度150組以上達成するという数値目標を定めた。",
            {
                "name": "県外からの移住",
                "target": 150,
                "comparator": "以上",
                "per": "year",
                "deadline_fy": None,  # the year the yearly goal starts from
            },
        ),
        (
            "企業誘致では令和3年度以降、毎年度5件以上を達成するという目標を掲げた。",
            {"name": "企業誘致", "target": 5, "per": "year", "deadline_fy": None},
        ),
        (  # the clause's own name wins over the topic
            "観光分野では2025年度以降、毎年度観光客数を100万人以上とする目標を定めた。",
            {"name": "観光客数", "target": 1000000, "per": "year"},
        ),
    ],
)
def test_a_topic_names_a_yearly_goal(text: str, expected: dict) -> None:
    (got,) = _got(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "特に県外からの移住では20年度以降、毎年度200組前後で推移している。",  # results
        "移住では20年度以降、毎年度200組以上達成するという数値目標を達成した。",
        # a plan speaking is no measure
        "本戦略では20年度以降、毎年度200組以上達成するという数値目標を定めた。",
    ],
)
def test_a_yearly_topic_stating_no_target(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the subject of the projection the goal answers, the count before it
            "今3万2000人いる人口がこのままでは2050年には2万人になると推計されています。"
            "そこで2万5千人を維持するという目標を立てました。",
            {"name": "人口", "target": 25000, "comparator": "維持", "baseline": 32000},
        ),
        (  # the subject after the time; a projection is no baseline
            "2050年には人口が2万人になると推計されています。"
            "だから2万5千人を維持するという計画を作っています。",
            {"name": "人口", "target": 25000, "baseline": None},
        ),
        (
            "現在450人いる待機児童が、このままでは来年度には600人になるといわれています。"
            "そのため300人以下に抑えることを目指します。",
            {"name": "待機児童", "target": 300, "comparator": "以下", "baseline": 450},
        ),
    ],
)
def test_a_goal_named_in_the_sentence_before(text: str, expected: dict) -> None:
    (got,) = _got(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "今3万2000人いる人口がこのままでは2050年には2万人になると推計されています。",
        "今3万2000人いる人口がこのままでは2050年には2万人になると推計されています。"
        "そこで2万5千人を維持することは難しいとされています。",
        "2050年には人口が2万人になると推計されています。だから2万5千人になりました。",
    ],
)
def test_a_sentence_before_stating_no_target(text: str) -> None:
    assert _got(text) == []
