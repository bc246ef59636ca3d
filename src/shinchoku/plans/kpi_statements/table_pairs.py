"""A table flattened to one line of cells, its header cells then as many data
cells under them: `項目 | 平成29年度(基準年度) 排出量 | 削減目標 | 令和6年度(目標年度)
排出量 | 総排出量 | 5,742 | 6%削減 | 5,398 |`, or after a sentence naming the
measure (`Xを次のとおり削減することを目標とします。 基準年度(平成25年度) |
目標年度(令和12年度) | 削減率 | 6,733トン-CO2 | 4,982トン-CO2 | 26パーセント |`).
The cell under a base year's header is the baseline, the one under the goal
year's the target; a cell of words names the row, else the sentence before."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, new_found, set_baseline
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_text import Quantity

_BASE_HEAD_RE = re.compile(r"基準年度?|基準値|現状値")
_GOAL_HEAD_RE = re.compile(r"目標年度?|目標値")
_NAME_HEAD_RE = re.compile(r"^ ?(?:項目|区分|指標|指標名|項目名) ?$")
# 'Xを次のとおり削減することを目標とします。': the measure the table is for
_NAMED_BEFORE_RE = re.compile(
    r"([^\s、。,を]{2,30}?)を(?:次の|以下の|下記の)(?:とおり|ように)[^。]{0,12}?"
    r"(?:削減|縮減|増加|向上)(?:する|させる)こと?を目標と(?:し|する)"
)


def _cells(text: str, start: int) -> list[tuple[int, int]]:
    spans, at = [], start
    for part in text[start:].split("|"):
        if part.strip():
            lead = len(part) - len(part.lstrip())
            spans.append((at + lead, at + len(part.rstrip())))
        at += len(part) + 1
    return spans


def header_pairs(ctx: Ctx) -> list[Found]:
    """The row under a header of a base year and a goal year, both in one line."""
    text = ctx.text
    if "|" not in text:
        return []
    start = text.rfind("。", 0, text.find("|")) + 1
    cells = _cells(text, start)
    half = len(cells) // 2
    if len(cells) % 2 or half < 2:
        return []
    heads, data = cells[:half], cells[half:]
    if any(_values_in(ctx, *h) for h in heads):
        return []
    base = _column(ctx, heads, _BASE_HEAD_RE)
    goal = _column(ctx, heads, _GOAL_HEAD_RE)
    if base is None or goal is None:
        return []
    b, g = _values_in(ctx, *data[base[0]]), _values_in(ctx, *data[goal[0]])
    if len(b) != 1 or len(g) != 1 or b[0].unit != g[0].unit:
        return []
    named = _row_name(ctx, heads, data) or _named_before(ctx, start)
    if named is None:
        return []
    f = new_found(ctx, named, g[0], g[0].unit or _unit_of(text, heads[goal[0]]))
    set_baseline(ctx, f, b[0], base[1])
    f.deadline_fy = goal[2]
    f.direction = "lower" if g[0].value < b[0].value else "higher"
    for s, e in data:
        for v in _values_in(ctx, s, e):
            ctx.used.add(v.start)
    return [f]


def _values_in(ctx: Ctx, start: int, end: int) -> list[Quantity]:
    return [v for v in ctx.values if start <= v.start < end]


def _column(
    ctx: Ctx, heads: list[tuple[int, int]], label: re.Pattern[str]
) -> tuple[int, str, int] | None:
    """The one header cell with the label and a year: its index, year's words
    and fiscal year."""
    found = []
    for i, (s, e) in enumerate(heads):
        year = next(((ys, ye, y) for ys, ye, y in ctx.years if s <= ys < e and y), None)
        if year and label.search(ctx.text[s:e]):
            found.append((i, ctx.text[year[0] : year[1]], year[2]))
    return found[0] if len(found) == 1 else None


def _row_name(
    ctx: Ctx, heads: list[tuple[int, int]], data: list[tuple[int, int]]
) -> tuple[str, tuple[int, int]] | None:
    """The data cell under a '項目' header, holding words and no value."""
    for (hs, he), (s, e) in zip(heads, data, strict=True):
        if _NAME_HEAD_RE.match(ctx.text[hs:he]) and not _values_in(ctx, s, e):
            name = clean_name(ctx.text[s:e])
            if name_ok(name):
                return name, ctx.span(s, e)
    return None


def _named_before(ctx: Ctx, start: int) -> tuple[str, tuple[int, int]] | None:
    found = list(_NAMED_BEFORE_RE.finditer(ctx.text, 0, start))
    if not found:
        return None
    m = found[-1]
    name = clean_name(re.sub(r"^.*(?:と比較して|比で|に比べ)[、,]?", "", m.group(1)))
    if not name_ok(name):
        return None
    at = m.start(1) + m.group(1).rfind(name[:2])
    return name, ctx.span(at, m.end(1))


def _unit_of(text: str, head: tuple[int, int]) -> str:
    """'排出量(t-CO2換算)': the unit a header cell gives its column."""
    m = re.search(r"\((t-CO2|トン-CO2|kg-CO2)(?:換算)?\)", text[head[0] : head[1]])
    return m.group(1) if m else ""


# '期間 H27〜H29 目標数 32 入所者数 (末日現在) 34 達成率 94%': a goal, the
# measure with its result, and the rate achieved
_GOAL_RESULT_RE = re.compile(
    r"(?:^|\s)目標(?:数|値) (?P<goal>\S+) (?!(?:実績|現状|基準|現在)値?\s)(?P<name>[^\s\d()|]{2,20})(?: ?\([^()]*\))? "
    r"(?P<actual>\S+) 達成率 (?P<rate>[\d.]+) ?%"
)


def goal_result_rate(ctx: Ctx) -> list[Found]:
    """The goal of such a row, named by the measure after it, dated by the end
    of the period before it; lower when the rate is the goal over the result."""
    m = _GOAL_RESULT_RE.search(ctx.text)
    if m is None:
        return []
    goal = next((v for v in ctx.values if v.start == m.start("goal")), None)
    actual = next((v for v in ctx.values if v.start == m.start("actual")), None)
    name = clean_name(m["name"])
    if goal is None or actual is None or not goal.value or not actual.value:
        return []
    if not name_ok(name) or goal.unit != actual.unit:
        return []
    rate = float(m["rate"])
    f = new_found(ctx, (name, ctx.span(m.start("name"), m.end("name"))), goal)
    if abs(rate - 100 * goal.value / actual.value) < 1:
        f.direction = "lower"
    elif abs(rate - 100 * actual.value / goal.value) < 1:
        f.direction = "higher"
    period = [y for s, e, y in ctx.years if e <= m.start() and y]
    if period and re.search(r"[〜~]", ctx.text[: m.start()]):
        f.deadline_fy = period[-1]
    for v in ctx.values:
        if m.start() <= v.start < m.end():
            ctx.used.add(v.start)
    return [f]
