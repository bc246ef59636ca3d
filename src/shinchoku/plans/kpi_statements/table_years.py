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


# between a schedule's cells: spaces and '|' only
_GAP_RE = re.compile(r"[\s|]*")
_RESULT_WORDS_RE = re.compile(r"実績|結果|推移|見込|推計|現状|現在")


def _header_years(ctx: Ctx, pos: int, bare: bool) -> tuple[list[int], list[int], int]:
    """The years heading a schedule's columns from `pos`: (years, starts of the
    bare ones, the position after them). Bare numbers ('2013 2020 2030') only
    under a goal label, and rising."""
    text = ctx.text
    spans = sorted((s, e, y) for s, e, y in ctx.years if y)
    if bare:
        spans += [
            (q.start, q.end, int(q.value))
            for q in ctx.values
            if not q.unit and re.fullmatch(r" ?(?:19|20)\d{2}", q.raw)
        ]
        spans.sort()
    header: list[int] = []
    starts: list[int] = []
    for s, e, y in spans:
        if s != pos or (header and y <= header[-1]):
            break
        header.append(y)
        if not text[s:e].rstrip().endswith(("年", "度")):
            starts.append(s)
        pos = _GAP_RE.match(text, e).end()
    return header, starts, pos


def yearly_schedule(ctx: Ctx) -> list[Found]:
    """'令和2年度 … 令和7年度 特定健診受診率 35% 38% … 60%': a header of
    consecutive years (after at most one label cell such as '区分'), one name,
    then a rate for each year, the row a 実施計画's targets per FY. Told apart
    from a series of results ('… 44.7% 45.1% 45.2% 45.8% 43.4%') by its shape:
    whole-number rates that move the same way every year, nothing else in the
    line. Under a goal label ('国の目標 2013 2020 2030 2040 合計特殊出生率 1.43
    1.6 1.8 2.07 増加幅 …') the years may be bare and apart, the values any, and
    another row may follow."""
    text = ctx.text
    if _RESULT_WORDS_RE.search(text):
        return []
    pos = _GAP_RE.match(text).end()
    goal = False
    if not any(s == pos for s, _, _ in ctx.years):  # a label cell first: '区分 |'
        head = re.match(r"[^\s|\d]{1,8}", text[pos:])
        goal = bool(head and re.search(r"目標|計画", head.group(0)))
        pos = _GAP_RE.match(text, pos + head.end()).end() if head else pos
    header, bare, pos = _header_years(ctx, pos, goal)
    if (
        len(header) < 3
        or not goal
        and any(b != a + 1 for a, b in zip(header, header[1:], strict=False))
    ):
        return []
    name_m = re.match(r"([^\d|]{2,40}?) ?\|? ?(?=\d)", text[pos:])
    if name_m is None:
        return []
    name = clean_name(name_m.group(1))
    if not name_ok(name) or re.search(r"年度?$", name):
        return []
    at = pos + name_m.end()
    cells = []
    for q in ctx.values:
        if q.start < at or len(cells) == len(header):
            continue
        if q.start != at:
            return []
        cells.append(q)
        at = _GAP_RE.match(text, q.end).end()
    if len(cells) != len(header):
        return []
    rest = text[at:]
    if rest and not (goal and re.match(r"[^\d\s|]{2,}", rest)):
        return []  # only another row may follow, under a goal label
    figures = [q.value for q in cells]
    steps = [b - a for a, b in zip(figures, figures[1:], strict=False)]
    if not goal and (
        any(q.unit != "%" for q in cells)
        or any(not float(v).is_integer() for v in figures)
        or not (all(d > 0 for d in steps) or all(d < 0 for d in steps))
    ):
        return []
    span = (pos + name_m.start(1), pos + name_m.end(1))
    found = new_found(ctx, (name, ctx.span(*span)), cells[-1])
    found.deadline_fy = header[-1]
    found.targets = dict(zip(header, figures, strict=True))
    found.direction = "lower" if figures[-1] < figures[0] else "higher"
    ctx.used.update(q.start for q in cells)
    ctx.used.update(bare)
    return [found]
