"""Staged targets: a target per FY behind its year (`R5:120万人 R6:125万人`)."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, name_before, new_found
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.names import name_ok
from shinchoku.plans.kpi_statements.values import year_in


def staged_line(ctx: Ctx) -> list[Found]:
    """'図書館利用者数の目標 R5:120万人 R6:125万人 R7:130万人': targets per FY
    behind their years; the last one is the final target. A goal label may
    head the line or mark its last value ('… 令和7年度 1,480人(目標)')."""
    text = ctx.text
    pairs = []
    for s, e, year in ctx.years:
        sep = re.match(r" ?(?:末|度末)?(?:目標)? ?[::] ?| ?目標値 (?=[\d,.])", text[e:])
        if sep is None and text[e - 1] in "年度":
            sep = re.match(r" (?=[\d,.]+ ?\S)", text[e:])  # '2060 年 20,000 人'
        if not year or not sep:
            continue
        q = next((v for v in ctx.values if v.start == e + sep.end()), None)
        if q is not None and q.start not in ctx.used:
            pairs.append((s, year, q))
    if len(pairs) < 2 or len({q.unit for _, _, q in pairs}) > 1:
        return _named_stages(ctx)
    last_labelled = re.search(r"目標値 $", text[: pairs[-1][2].start])
    if not last_labelled and not re.search(
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


def _named_stages(ctx: Ctx) -> list[Found]:
    """'令和8年度末 基金残高総額 40億円以上 令和11年度末 基金残高総額 14億円以上':
    each stage its year, the name again and its value; the latest is the final
    target. Only goals: each value bounded by a comparator, or a target label."""
    text = ctx.text
    stages = []
    for _, e, year in ctx.years:
        m = re.match(r"(?:末|度末)? ([^\d\s|、。:]{2,30}) (?=[\d,.])", text[e:])
        q = next((v for v in ctx.values if m and v.start == e + m.end()), None)
        if m and year and q is not None and q.start not in ctx.used:
            bounded = re.match(r" ?(?:以上|以下|未満|以内)", text[q.end :])
            stages.append((year, m, e, q, bool(bounded)))
    if (
        len(stages) < 2
        or len({(m.group(1), q.unit) for _, m, _, q, _ in stages}) > 1
        or len({st[0] for st in stages}) < len(stages)
        or not name_ok(stages[0][1].group(1))
        or not (all(st[4] for st in stages) or "目標" in text)
    ):
        return []
    year, m, e, q, _ = max(stages, key=lambda st: st[0])
    name = (m.group(1), ctx.span(e + m.start(1), e + m.end(1)))
    f = new_found(ctx, name, q)
    f.deadline_fy = year
    f.targets = {st[0]: st[3].value for st in stages}
    ctx.used.update(st[3].start for st in stages)
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
