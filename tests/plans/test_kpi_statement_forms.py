"""Forms of KPI statements written for these tests (not from the corpus): each
one a way plans write targets that the statement extractor must read."""

from __future__ import annotations

import pytest

from shinchoku.plans.kpi_statements import extract_lines, extract_statement


def _one(text: str) -> dict:
    found = extract_statement(text)
    assert len(found) == 1, found
    return found[0].to_dict()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "◆重要業績評価指標(KPI) 観光入込客数 基準値 120万人(H30) 目標値 150万人(R6)",
            {"name": "観光入込客数", "baseline": 1200000, "target": 1500000},
        ),
        (
            "経常収支比率 92.5%(令和4年度決算) 目標90%以下(令和9年度)",
            {"comparator": "以下", "target": 90, "deadline_fy": 2027},
        ),
        (
            "職員数 令和4年4月1日 520人 → 令和9年4月1日 500人",
            {"baseline": 520, "baseline_date": "2022-04-01", "target": 500},
        ),
        (
            "空き家バンク登録件数 年間10件以上",
            {"name": "空き家バンク登録件数", "target": 10, "comparator": "以上"},
        ),
        (
            "【KPI】移住相談件数 年間100件(令和6年度)",
            {"name": "移住相談件数", "target": 100, "deadline_fy": 2024},
        ),
        ("待機児童数 12人 → 0人", {"target": 0, "direction": "lower"}),
    ],
)
def test_forms(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "市の人口は令和5年10月1日現在で48,512人です。",
        "令和5年度は前年度から30人増加し、412人となりました。",
        "指標名 | 現状値(R4) | R6 | R8(目標)",
    ],
)
def test_no_target(text: str) -> None:
    assert extract_statement(text) == []


def test_a_table_pasted_with_its_header_and_tabs() -> None:
    """Rows under a header line read with its years; a blank line ends the
    table; cells separated by tabs (a spreadsheet's copy) are cells."""
    rows = extract_lines(
        [
            "指標名 | 現状値(R4) | R6 | R7 | R8(目標)",
            "電子決裁率 | 45% | 60% | 75% | 90% |",
            "",
            "指標\t現状値(令和4年度)\t目標値(令和9年度)",
            "自治会加入率\t65.0%\t70.0%",
        ]
    )
    (e,) = rows[1]["indicators"]
    assert (e["name"], e["baseline"], e["target"], e["deadline_fy"]) == (
        "電子決裁率",
        45,
        90,
        2026,
    )
    assert rows[1]["text"][slice(*e["evidence"]["target"])] == "90%"
    assert rows[0]["indicators"] == [] and rows[3]["indicators"] == []
    (j,) = rows[4]["indicators"]
    assert (j["baseline"], j["target"], j["deadline_fy"]) == (65, 70, 2027)
    assert j["baseline_date"] == "2023-03-31"
