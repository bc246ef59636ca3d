"""Goals listed under one goal verb, as news and council reports write them
(written for these tests, not from the corpus), and sentences of the same
shape that state no target."""

from __future__ import annotations

import pytest

from shinchoku.plans.kpi_statements import extract_statement


def _read(text: str) -> list[tuple]:
    return [
        (f.name, f.unit, f.target, f.baseline, f.deadline_fy)
        for f in extract_statement(text)
    ]


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
