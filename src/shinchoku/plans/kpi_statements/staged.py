"""Staged targets: a target per FY behind its year (`R5:120万人 R6:125万人`)."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, name_before, new_found
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.names import name_ok
from shinchoku.plans.kpi_statements.values import year_in


def staged_line(ctx: Ctx) -> list[Found]:
    """'図書館利用者数の目標 R5:120万人 R6:125万人 R7:130万人': targets per FY
    behind their years; the last one is the final target."""
    text = ctx.text
    pairs = []
    for s, e, year in ctx.years:
        sep = re.match(r" ?(?:末|度末)?(?:目標)? ?[::] ?", text[e:])
        if sep is None and text[e - 1] in "年度":
            sep = re.match(r" (?=[\d,.]+ ?\S)", text[e:])  # '2060 年 20,000 人'
        if not year or not sep:
            continue
        q = next((v for v in ctx.values if v.start == e + sep.end()), None)
        if q is not None and q.start not in ctx.used:
            pairs.append((s, year, q))
    if len(pairs) < 2 or len({q.unit for _, _, q in pairs}) > 1:
        return []
    if not re.search(
        r"(?:目標値?|めざそう値|目標人口)(?:\([^()]*\))? ?[::]? ?(?:【[^【】]{1,20}】 ?)?$",
        text[: pairs[0][0]],
    ):
        return []  # years and values without a target label: a series of results
    name = name_before(ctx, pairs[0][0])
    if name is None or not name_ok(name[0]):
        return []
    last = max(pairs, key=lambda p: p[1])  # '2060年 … 2040年 … 2020年 …'
    f = new_found(ctx, name, last[2])
    f.deadline_fy = last[1]
    f.targets = {year: q.value for _, year, q in pairs}
    ctx.used.update(q.start for _, _, q in pairs)
    return [f]


_STAGED_RE = re.compile(
    r"(?P<year>(?:令和|平成|R|H)? ?\d{1,4} ?年度?)(?:末)? ?[::] ?(?P<value>[\d,.]+)"
)


def staged_targets(ctx: Ctx, f: Found) -> None:
    """'2019年度:300 2020年度:600 …' anywhere in the line: staged targets."""
    staged = {}
    for m in _STAGED_RE.finditer(ctx.text):
        year = year_in(m["year"])
        if year:
            staged[year] = float(m["value"].replace(",", ""))
    if len(staged) >= 2:
        if f.deadline_fy and f.target is not None:
            staged[f.deadline_fy] = f.target
        f.targets = dict(sorted(staged.items()))
