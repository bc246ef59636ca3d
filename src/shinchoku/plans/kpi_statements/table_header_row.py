"""A table row read with its header written as one cell in front, its cells
joined by spaces: `指標名 策定時 (2023年度) 目標値 (2028年度) | 長時間労働者の割合※1
(年間 360 時間以上の時間外勤務) 17.8% 9.5%`.

The header names two columns, where the measure stood (策定時, 現状値, 基準値…)
and its goal (目標値, 目標…), each with its year; the row ends with their two
values, in that order, and nothing after them but a comparator ('12.0日以上',
'50.0億円超'). Everything before the two values is the measure's name, numbers
in it included ('年間480 時間以上の長時間労働者'), footnote marks ('※1') dropped."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, new_found, set_baseline
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.lexicon import BASE_LABELS, TARGET_LABELS
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_statements.values import year_in

# a column's year in parentheses, or bare after its label as PDF text drops them
_YEAR = (
    r"(?: ?\((?P<{0}>[^()|]{{2,20}})\)"
    r"| (?P<{0}2>(?:(?:令和|平成|R|H) ?\d{{1,2}}|\d{{4}}) ?年度?))?"
)
_HEADER_RE = re.compile(
    rf"^ ?(?:指標名?|項目|成果指標|目標指標|指標項目)? ?(?P<base>{BASE_LABELS}){_YEAR.format('by')}"
    rf" ?(?P<goal>{TARGET_LABELS}){_YEAR.format('gy')} ?\| ?(?P<row>[^|]+?) ?$"
)
_TAIL_RE = re.compile(r"^ ?(?:以 ?上|以 ?下|未 ?満|以 ?内|超え?|程度)? ?$")
_FOOTNOTE_RE = re.compile(r" ?(?:※ ?\d*|\*\d*|注 ?\d+)")


def header_row(ctx: Ctx) -> list[Found]:
    """The row's measure, its goal and where it stood."""
    m = _HEADER_RE.match(ctx.text)
    if m is None:
        return []
    row = [q for q in ctx.free() if q.start >= m.start("row")]
    if len(row) < 2:
        return []
    base, goal = row[-2], row[-1]
    if not _TAIL_RE.match(ctx.text[goal.end :]) or base.unit != goal.unit:
        return []
    if ctx.text[base.end : goal.start].strip():
        return []  # the two values side by side, nothing between
    raw = ctx.text[m.start("row") : base.start].rstrip()
    name = clean_name(_FOOTNOTE_RE.sub("", raw))
    if not (2 <= len(name) <= 60 and name_ok(name)) or re.search(r"\d$", name):
        return []
    f = new_found(ctx, (name, ctx.span(m.start("row"), base.start)), goal)
    by = m["by"] or m["by2"]
    set_baseline(ctx, f, base, by if by and year_in(by) else None)
    if m["gy"] or m["gy2"]:
        f.deadline_fy = year_in(m["gy"] or m["gy2"])
    f.direction = "higher" if goal.value > base.value else "lower"
    return [f]
