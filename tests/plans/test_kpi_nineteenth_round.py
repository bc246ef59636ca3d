"""Forms of dev round 19 (k2200…, climate plans mostly) as other cities write
them, written for these tests (not from the corpus), with near-misses of each
form that state no target."""

from __future__ import annotations

import pytest

from shinchoku.plans.kpi_statements import extract_statement

_KEYS = ("name", "unit", "target", "direction", "change", "deadline_fy")


def _got(text: str) -> list[dict]:
    return [f.to_dict() for f in extract_statement(text)]


def _one(text: str) -> dict:
    (got,) = _got(text)
    return got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a heading naming a gas with a digit ('CO2'), the cut after it
            "CO2排出量削減目標 2030年度までに2013年度比で46%削減",
            {"name": "CO2排出量", "target": 46, "deadline_fy": 2030, "change": True},
        ),
        (
            "■CH4排出量の削減目標 2035年度までに基準年度比で20%削減",
            {"name": "CH4排出量", "target": 20, "deadline_fy": 2035, "change": True},
        ),
        (  # the share before the gas it cuts: 'N%以上のXを削減します'
            "令和10年度(2028年度)までに基準年度比25%以上の温室効果ガスを削減します。",
            {
                "name": "温室効果ガス",
                "target": 25,
                "comparator": "以上",
                "direction": "lower",
                "change": True,
                "deadline_fy": 2028,
            },
        ),
        (
            "2030年度までに40%の二酸化炭素排出量を削減する。",
            {"name": "二酸化炭素排出量", "target": 40, "change": True},
        ),
    ],
)
def test_cuts_named_by_their_gas(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # the cut happened: a result
        "令和2年度までに基準年度比18%の温室効果ガスを削減しました。",
        "2020年度までに30%の温室効果ガスを削減することができた。",
        "CO2排出量削減実績 2020年度は2013年度比で12%削減",
    ],
)
def test_cuts_stating_no_target(text: str) -> None:
    assert _got(text) == []
