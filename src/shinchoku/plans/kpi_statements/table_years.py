"""Tables by year flattened to text: a row of goals for each year under a
header naming the columns ('年度 職員数 採用者数 … 平成29年度 228人 12人 …'), and
figures one year apart with no word of a goal (results, not a goal)."""

from __future__ import annotations

import re
from typing import Any

from shinchoku.plans.kpi_statements.context import Ctx, new_found, set_baseline, year_at
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_statements.table_cells import fill_row

_YEAR_HEAD = ("年度", "年次", "年")


YearRows = tuple[int, list[str], list[tuple[int, Any, str]]]


def _year_rows(
    ctx: Ctx, toks: list[tuple[int, int]], kinds: list[tuple[Any, ...]]
) -> YearRows | None:
    """A table by year: '年度', the columns' names, then rows each of a year and
    a value per column; (the header's index, the names, the rows)."""
    while toks and kinds[-1][0] == "empty":
        toks, kinds = toks[:-1], kinds[:-1]  # '… | ▲3人 |'
    texts = [ctx.text[s:e].strip() for s, e in toks]
    h = next((i for i, t in enumerate(texts) if t in _YEAR_HEAD), None)
    if h is None:
        return None
    n = h + 1
    while n < len(toks) and kinds[n][0] == "text" and not re.search(r"\d", texts[n]):
        n += 1
    heads = texts[h + 1 : n]
    if len(heads) < 2 or not name_ok(clean_name(heads[0])):
        return None
    rows = []
    for r in range(n, len(toks), len(heads) + 1):
        year = year_at(ctx, *toks[r])
        values = kinds[r + 1 : r + 1 + len(heads)]
        if year is None or len(values) != len(heads):
            return None
        if any(k[0] != "value" for k in values):
            return None
        rows.append((year, values[0][1], texts[r]))
    return (h, heads, rows) if rows else None


def year_first(
    ctx: Ctx, toks: list[tuple[int, int]], kinds: list[tuple[Any, ...]]
) -> list[Found] | None:
    """'定員管理の数値目標 年度 職員数 採用者数 退職者数 平成29年度 228人 12人 12人':
    rows of a table of goals by year, under its header; a value for each
    column, the first column the quantity the plan sets for that year (the
    others its flows and changes), the last row's the target. Without a word
    of a goal before it, a table of results (no indicator); None for no such
    table."""
    table = _year_rows(ctx, toks, kinds)
    if table is None:
        return None
    h, heads, rows = table
    if not re.search(r"目標|計画", ctx.text[: toks[h][0]]):
        return []
    year, first, label = rows[-1]
    ctx.column_labels[year] = label
    name = (clean_name(heads[0]), ctx.span(*toks[h + 1]))
    found = fill_row(ctx, name, [("value", first, None)], [("target", year)], "")
    if found is None:
        return []
    if re.search(r"削減|減少|[▲△]", ctx.text[toks[h][0] :]):
        found.direction = "lower"
    if len(rows) > 1:
        found.targets = {y: q.value for y, q, _ in rows}
        ctx.used.update(q.start for _, q, _ in rows)
        if rows[-1][1].value < rows[0][1].value:
            found.direction = "lower"  # falling year by year
    return [found]


def yearly_results(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int],
) -> bool:
    """'観光客数 2019年 120万人 2020年 80万人': a value for each year, the years
    one apart and no word of a goal; results by year, not a start and a goal."""
    first, end = bounds
    at = [i for i in range(first, end) if kinds[i][0] == "value"]
    years = [
        year_at(ctx, *toks[i - 1]) if kinds[i - 1][0] == "label" else None for i in at
    ]
    if (
        len(at) < 2
        or None in years
        or re.search(r"目標|目指|めざ|計画|KPI|指標", ctx.text)
    ):
        return False
    return all(b - a == 1 for a, b in zip(years, years[1:], strict=False))  # type: ignore[operator]


_PLAN_MARK_RE = re.compile(r"(?<!\S)計 ?画(?!\S)")  # '計 画': a PDF's spacing
_SINCE_RE = re.compile(r"(?:計画)?策定時|基準(?:値|年度?)?|現状値?")


def plan_rows(
    ctx: Ctx, toks: list[tuple[int, int]], kinds: list[tuple[Any, ...]]
) -> Found | None:
    """'収納率(市税現年) 説明。 単位 計画策定時 平成25年度 … 平成28年度 計 画 98.38% …
    98.79% H24 98.18% 実 績 98.52%': a sheet's table of one measure by FY, its
    rows marked 計画 and 実績; the 計画 row holds the target of each of the
    header's years, a dated value after it the 計画策定時 column's baseline."""
    plan = _PLAN_MARK_RE.search(ctx.text)
    if plan is None or not toks or kinds[0][0] != "text":
        return None
    p = next((i for i, t in enumerate(toks) if t[0] >= plan.end()), len(toks))
    k = next(i for i, t in enumerate(toks) if t[1] > plan.start())
    years: list[int] = []
    while k > 0 and kinds[k - 1][0] == "label" and (y := year_at(ctx, *toks[k - 1])):
        years.insert(0, y)
        k -= 1
    n = len(years)
    row = kinds[p : p + n]
    if n < 2 or any(b - a != 1 for a, b in zip(years, years[1:], strict=False)):
        return None
    if len(row) != n or any(c[0] != "value" for c in row):
        return None
    if len({c[1].unit for c in row}) != 1:
        return None
    name = clean_name(ctx.text[slice(*toks[0])])
    if not name_ok(name):
        return None
    f = new_found(ctx, (name, ctx.span(*toks[0])), row[-1][1])
    f.deadline_fy = years[-1]
    f.targets = {y: c[1].value for y, c in zip(years, row, strict=True)}
    since = any(_SINCE_RE.fullmatch(ctx.text[slice(*toks[i])]) for i in range(k))
    b = p + n
    if (
        since
        and b + 1 < len(toks)
        and year_at(ctx, *toks[b])
        and kinds[b + 1][0] == "value"
    ):
        q = kinds[b + 1][1]
        if q.unit == row[0][1].unit:
            set_baseline(ctx, f, q, ctx.text[slice(*toks[b])])
    ctx.used.update(q.start for q in ctx.values)  # the 実績 row: results
    return f
