"""A line listing several indicators, each part opening with its name
(kpi_statements/parts.py): read part by part, around pairs of dev names; a
line of more than one sentence, a part read as a restatement of another, or a
line that states no goal as a whole is read whole."""

from __future__ import annotations

import re

import pytest

from shinchoku.plans.kpi_statements import extract_statement
from shinchoku.plans.kpi_statements.lexicon import MEASURE_END_RE
from tests.plans.kpi_corpus import _num_equal, same_name
from tests.plans.test_kpi_templates import _names

PAIRS = {
    "labels": "{a} 現状値 1,210人 目標値 1,480人、{b} 現状値 35.0% 目標値 50.0%",
    "bullets, colons": "・{a}:1,480人 ・{b}:50.0%",
    "arrows": "{a}:1,210人→1,480人、{b}:35.0%→50.0%",
}


@pytest.mark.parametrize("form", PAIRS)
def test_each_part_gives_its_indicator(form: str) -> None:
    names = [n for n in _names() if not n.endswith("など")]
    if form.startswith("bullets"):  # a bare bullet is read under a measure's name
        names = [
            n
            for n in names
            if MEASURE_END_RE.search(n) and not re.search("[をがはに]", n)
        ]
    misses = []
    for a, b in zip(names[::2], names[1::2], strict=False):
        text = PAIRS[form].format(a=a, b=b)
        got = [f.to_dict() for f in extract_statement(text)]
        right_a = any(
            same_name(g["name"], a) and _num_equal(g["target"], 1480) for g in got
        )
        right_b = any(
            same_name(g["name"], b) and _num_equal(g["target"], 50) for g in got
        )
        if not (right_a and right_b and len(got) == 2):
            misses.append(text)
    assert len(names) >= 30
    assert not misses, misses[:3]


def test_the_parts_spans_point_into_the_line() -> None:
    text = "・観光入込客数:50万人 ・創業・起業の年間件数:1,480人"
    first, second = extract_statement(text)
    assert text[slice(*first.spans["name"])] == "観光入込客数"
    assert text[slice(*second.spans["name"])] == "創業・起業の年間件数"
    assert text[slice(*second.spans["target"])] == "1,480人"


@pytest.mark.parametrize(
    "text",
    [
        # results listed after a sentence saying so
        "主な成果は次のとおりです。 ・市民満足度80% ・人口5万人",
        # a cut needed, then the yearly step to it: no goal as a whole
        "令和10年度までにごみ排出量を3,000トン削減するためには、毎年400トン減らしていく必要がある",
        # a goal reached and a level held, told as the past
        "交流人口50万人を維持し、新規就農者100人の目標を達成するなど、歩んできました",
    ],
)
def test_parts_owe_their_meaning_to_the_line(text: str) -> None:
    assert extract_statement(text) == []
