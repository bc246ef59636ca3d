"""A row under a header of years, some of them labelled, as a PDF copy of a KPI
table gives it: '婚姻率 平成 25 (基準値) 平成 27 平成 28 (現状値) 平成 31 (目標値)
5.5‰ 5.4‰ 5.0‰ 5.9‰'. As many values as years; the value under the year
labelled 目標 is the target, under 基準 (else 現状) the starting value."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, new_found, set_baseline
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_statements.values import date_of

_YEAR = r"(?:平成|令和|昭和|H|R) ?\d{1,2}(?: ?年度?)?"
# a year's label in parentheses, or run into it ('令和7年度目標値120万人', as a
# label in brackets before a value is read)
_LABEL = r"(?:\((?P<label>基準|現状|目標|実績)値?\)|(?P<bare>基準|現状|目標|実績)値)"
_ANY_LABEL = r"(?:\((?:基準|現状|目標|実績)値?\)|(?:基準|現状|目標|実績)値)"
_CELL_RE = re.compile(rf"(?P<year>{_YEAR}) ?{_LABEL}?")
_ROW_RE = re.compile(
    rf"(?:^|[\s■●○・|])(?P<name>[^\s\d|::()]{{2,30}}) "
    rf"(?P<head>(?:{_YEAR} ?{_ANY_LABEL}? ?){{2,}})"
    r"(?P<values>(?:[▲△\-]?\d[\d,.]*[^\s\d()]{0,3} ?){2,})$"
)


def year_labelled_row(ctx: Ctx) -> list[Found]:
    m = _ROW_RE.search(ctx.text)
    if m is None:
        return []
    cells = list(_CELL_RE.finditer(m["head"]))
    values = [q for q in ctx.free() if m.start("values") <= q.start < m.end()]
    labels = [c["label"] or c["bare"] for c in cells]
    if len(values) != len(cells) or "目標" not in labels:
        return []
    name = clean_name(m["name"])
    if not name_ok(name):
        return []
    goal = labels.index("目標")
    base = next((labels.index(k) for k in ("基準", "現状") if k in labels), None)
    f = new_found(ctx, (name, ctx.span(*m.span("name"))), values[goal])
    f.deadline_fy = _fy(cells[goal]["year"])
    if base is not None and base < goal:
        set_baseline(ctx, f, values[base], cells[base]["year"])
        if f.baseline_date is None:
            f.baseline_date = date_of(cells[base]["year"] + "年")
    for q in values:
        ctx.used.add(q.start)  # the other columns are results
    return [f]


def _fy(year: str) -> int | None:
    date = date_of(re.sub(r"年度?$", "", year) + "年度")
    return date.year - 1 if date else None
