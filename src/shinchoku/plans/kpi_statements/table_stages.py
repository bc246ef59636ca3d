"""A row of targets per year under a header of years, its target label at one
end: `区分 平成23年度 … 平成29年度 | 移住定住に関する相談件数 件 10 20 … 60 目標値`,
`実質公債費比率 (単位:%) 推移表 平成19年度 … 計画目標値(A) 13.5 13.0 12.5 12.0 12.0`.

The values fill the header's last years in order (a row of targets starts
after the year the plan was made in, which the header often holds as its
first column); the last is the final target. Without a target label the row
is a series of results, and nothing is read."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, new_found
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.names import clean_name, name_ok

_LABEL_BEFORE_RE = re.compile(r"(?:計画)?目標値(?: ?\([A-Z]\))? ?$")
_LABEL_AFTER_RE = re.compile(r"^ ?(?:計画)?目標値 ?$")
_UNIT_CELL_RE = re.compile(r" (件|人|回|%|か所|団体|世帯|社) ?$")
_HEAD_NAME_RE = re.compile(
    r"^ ?(?:[■●○◆・] ?|\d{1,2} )?"
    r"([^\s\d()|:]{2,30})(?: ?\(単位 ?: ?([^()]{1,4})\))?"
)


def header_stages(ctx: Ctx) -> list[Found]:
    """The row of targets per year under a header of at least three years."""
    text = ctx.text
    years = [(s, e, y) for s, e, y in ctx.years if y]
    if len(years) < 3:
        return []
    head_end = years[-1][1]
    values = [q for q in ctx.values if q.start >= head_end and q.start not in ctx.used]
    fys = sorted({y for _, _, y in years})
    if not 3 <= len(values) <= len(fys) or len({q.unit for q in values}) > 1:
        return []
    if any(
        text[a.end : b.start].strip() for a, b in zip(values, values[1:], strict=False)
    ):
        return []  # words between the values: not one row of them
    between = text[head_end : values[0].start]
    before = _LABEL_BEFORE_RE.search(between)
    if before is None and not _LABEL_AFTER_RE.match(text[values[-1].end :]):
        return []
    row = between[: before.start()] if before else between
    unit = values[0].unit
    cell = _UNIT_CELL_RE.search(row)
    if cell and not unit:
        unit, row = cell.group(1), row[: cell.start()]
    bare = row.strip(" |")
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]{2}", bare):
        at = head_end + between.index(bare)
        name, span = clean_name(bare), (at, at + len(bare))
    else:
        head = _HEAD_NAME_RE.match(text[: years[0][0]])
        if head is None:
            return []
        name, span = clean_name(head.group(1)), head.span(1)
        unit = unit or (head.group(2) or "")
    if not name_ok(name):
        return []
    stages = dict(zip(fys[-len(values) :], values, strict=True))
    f = new_found(ctx, (name, ctx.span(*span)), values[-1], unit)
    f.deadline_fy = fys[-1]
    f.targets = {y: q.value for y, q in stages.items()}
    f.direction = "lower" if values[-1].value < values[0].value else "higher"
    ctx.used.update(q.start for q in values)
    return [f]
