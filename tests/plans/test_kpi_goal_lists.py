"""Goals listed under one goal verb, as news and council reports write them
(written for these tests, not from the corpus), and sentences of the same
shape that state no target."""

from __future__ import annotations

import pytest

from shinchoku.plans.kpi_statements import extract_statement
from tests.plans.kpi_corpus import readings

_read = readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # each measure with its own value, one verb for the list
            "町は2030年までに、宿泊者数を12万人、1人当りの宿泊単価を1万5千円まで"
            "引き上げることを目指す。",
            [
                ("宿泊者数", "人", 120000, None, 2030),
                ("1人当りの宿泊単価", "千円", 15, None, 2030),
            ],
        ),
        (
            "村では、移住者数を年間40人、空き家バンク登録件数を60件とすることを目標とした。",
            [
                ("移住者数", "人", 40, None, None),
                ("空き家バンク登録件数", "件", 60, None, None),
            ],
        ),
        (  # the measures with where they stand, one goal for all
            "「健康なまち」では20年度から25年度にかけて、がん検診受診率42.5%、"
            "特定健診受診率38.1%をそれぞれ60%に掲げた。",
            [
                ("がん検診受診率", "%", 60, 42.5, 2025),
                ("特定健診受診率", "%", 60, 38.1, 2025),
            ],
        ),
        (  # a measure's parts, each from where it stands to its goal
            "肥満傾向児の割合も20年度から25年度に向けて男子は9・8%から8%に、"
            "女子は7・5%から6%に設定した。",
            [
                ("肥満傾向児の割合(男子)", "%", 8, 9.8, 2025),
                ("肥満傾向児の割合(女子)", "%", 6, 7.5, 2025),
            ],
        ),
    ],
)
def test_goals_listed_under_one_verb(text: str, expected: list[tuple]) -> None:
    assert _read(text) == expected


def test_listed_goals_with_their_baselines_dated() -> None:
    (first, _) = extract_statement(
        "市は20年度から25年度にかけて、自治会加入率71.2%、防災士数84.0%を"
        "ともに90%とする。"
    )
    assert first.baseline_date is not None and first.baseline_date.isoformat() == (
        "2021-03-31"
    )


@pytest.mark.parametrize(
    "text",
    [
        # results: the list reached, or did not reach, its values
        "昨年度は宿泊者数が12万人、1人当りの宿泊単価が1万5千円まで上がった。",
        "宿泊者数を12万人、宿泊単価を1万5千円とする目標を達成した。",
        "がん検診受診率42.5%、特定健診受診率38.1%をそれぞれ60%とする目標は達成できなかった。",
        # a projection
        "男子は9・8%から8%に、女子は7・5%から6%に下がると推計されている。",
        # a list of results with no goal verb
        "がん検診受診率42.5%、特定健診受診率38.1%をそれぞれ記録した。",
        "肥満傾向児の割合は男子は9・8%から8%に、女子は7・5%から6%になった。",
    ],
)
def test_lists_that_state_no_target(text: str) -> None:
    assert extract_statement(text) == []


# A table row with its header written as one cell in front, cells joined by spaces.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "指標名 現状値 (2024年度) 目標値 (2030年度) | 市税の収納率※2 97.1% 98.5%以上",
            ("市税の収納率", "%", 98.5, 97.1, 2030),
        ),
        (  # numbers inside the name, a footnote mark after it
            "指標名 基準値 (令和5年度) 目標 (令和10年度) | 月45 時間超の時間外勤務者※1 120人 0人",
            ("月45 時間超の時間外勤務者", "人", 0, 120, 2028),
        ),
        (
            "項目 策定時 (2023年度) 目標値 (2028年度) | 市債残高 312.5億円 280億円以下",
            ("市債残高", "千円", 28000000, 31250000, 2028),
        ),
    ],
)
def test_a_row_under_a_header_cell(text: str, expected: tuple) -> None:
    assert _read(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # the row's values are results: the header labels no goal
        "指標名 策定時 (2023年度) 実績 (2024年度) | 市税の収納率 97.1% 97.4%",
        # a note after the values, not a comparator
        "指標名 策定時 (2023年度) 目標値 (2028年度) | 市税の収納率 97.1% 98.5% 達成済み",
        # values of different units
        "指標名 策定時 (2023年度) 目標値 (2028年度) | 図書貸出 12万冊 30%",
    ],
)
def test_header_rows_that_state_no_target(text: str) -> None:
    assert extract_statement(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a slogan in quotes, the measure and its value inside
            "町では移住支援を進めており、“人口1万2千人”を目指す取り組みを続けている。",
            ("人口", "人", 12000, None, None),
        ),
        (
            "市は「観光客数100万人」を目標に掲げる。",
            ("観光客数", "人", 1000000, None, None),
        ),
        (  # the measure named ahead, the words before the value its basis
            "そこで、目標人口として国の長期ビジョン、近隣市の推計をもとに8万人としました。",
            ("人口", "人", 80000, None, None),
        ),
        (  # a weight in t; the plan's last year before the name dropped
            "目標年度(2030年度)の最終年度可燃ごみ排出量2万1500t(▲3,200t)としています。",
            ("可燃ごみ排出量", "t", 21500, None, 2030),
        ),
    ],
)
def test_goals_named_apart_from_their_value(text: str, expected: tuple) -> None:
    assert _read(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a slogan reached, or quoted with no goal verb
        "“人口1万2千人”を達成した。",
        "“人口1万2千人”の時代は終わり、人口は減り続けている。",
        # a basis with no goal named ahead: a projection
        "社人研の推計をもとに8万人と見込まれる。",
        "国の推計をもとに2040年の人口は8万人としている資料もある。",
    ],
)
def test_slogans_that_state_no_target(text: str) -> None:
    assert extract_statement(text) == []
