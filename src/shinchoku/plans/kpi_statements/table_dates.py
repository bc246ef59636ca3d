"""Dates along a table row: a date cell in front of each value ('R2.12 | 53人 |
R7.12 | 43人以下'), a date in the cell after a value ('13.0% | (2019年)'), a
'(時期)' column after each value column, and three values then their dates."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_statements.context import (
    Ctx,
    name_before,
    new_found,
    set_baseline,
    year_at,
)
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.table_cells import (
    Cell,
    cell_date,
    columns,
    widening,
)
from shinchoku.plans.kpi_statements.values import year_in
from shinchoku.plans.kpi_text import Quantity

Cells = list[tuple[Any, ...]]  # (start, end, kind, quantity, paren)


def is_date(ctx: Ctx, cell: tuple[Any, ...]) -> bool:
    words = ctx.text[cell[0] : cell[1]].strip()
    words = words[1:-1] if words.startswith("(") and words.endswith(")") else words
    return cell[2] == "label" and cell_date(words) is not None


_TIME_HEAD_RE = re.compile(r"\(?(?:時期|期限|目標年度|達成年度|目標時期)\)?")
_EVERY_YEAR_RE = re.compile(r"\(?毎年度?\)?")


def timed_row(
    ctx: Ctx, cells: Cells, k: int
) -> tuple[list[Cell], list[tuple[str, int | None]], int] | None:
    """A header with a '(時期)' column after each value column ('目標項目 | 数値
    目標 | (時期) | 最新値 | (時期) | 目標設定時最新値 | (時期)'): each value of
    the row is dated by the date cell next to it, after it or (a PDF's order)
    before it ('11.0日 | 2018 | 2015 | 9.0日'); the header names the roles."""
    text = ctx.text
    if not any(_TIME_HEAD_RE.fullmatch(text[c[0] : c[1]].strip()) for c in cells[:k]):
        return None
    cols = columns(ctx, [(c[0], c[1]) for c in cells[:k]])
    items: list[
        tuple[str, Any]
    ] = []  # ('value', cell) | ('date', label) | ('every', None)
    end = k + 1
    for c in cells[k + 1 :]:
        words = text[c[0] : c[1]].strip()
        date = cell_date(words.strip("()"))
        if c[2] == "value" and re.fullmatch(r" ?(?:19|20)\d{2}", c[3].raw):
            date = (int(c[3].raw), f"{c[3].raw.strip()}年")  # a bare '2020'
        if date:
            items.append(("date", date))
        elif _EVERY_YEAR_RE.fullmatch(words):
            items.append(("every", None))
        elif c[2] in ("value", "maintain"):
            items.append(("value", (c[2], c[3], c[4])))
        elif whole := whole_quantity(ctx, c[0], c[1]):
            items.append(("value", ("value", whole, None)))  # '45歳', an age kept
        elif c[2] != "empty":
            break
        end += 1
    row = _pair_dates(ctx, items)
    if not cols or len(row) != len(cols):
        return None
    return row, cols, end


def whole_quantity(ctx: Ctx, s: int, e: int) -> Quantity | None:
    """The quantity a cell holds and nothing else ('45歳', which `is_value`
    leaves out as an age in prose)."""
    cell = ctx.text[s:e].strip()
    found = [q for q in kpi_text.quantities(cell) if q.raw.strip() == cell]
    if not found or not found[0].unit:
        return None
    offset = s + ctx.text[s:e].index(cell)
    return dataclasses.replace(
        found[0], start=found[0].start + offset, end=found[0].end + offset
    )


def _pair_dates(ctx: Ctx, items: list[tuple[str, Any]]) -> list[Cell]:
    """Each value with the date cell after it, else an unused one before it."""
    row: list[Cell] = []
    used: set[int] = set()
    for n, (kind, item) in enumerate(items):
        if kind != "value":
            continue
        kind_, q, paren = item
        near = [m for m in (n + 1, n - 1) if 0 <= m < len(items) and m not in used]
        m = next((m for m in near if items[m][0] in ("date", "every")), None)
        if m is not None:
            used.add(m)
            if items[m][0] == "date":
                year, label = items[m][1]
                ctx.column_labels.setdefault(year, label)
                paren = label
        row.append((kind_, q, paren))
    return row


def dates_after(ctx: Ctx, cells: Cells, i: int, j: int) -> Cells:
    """'13.0% | (2019年) | 7.2% | (2017年)': a date in parentheses in the cell
    after a value is that value's (a '(時期)' column), read no further."""
    out = cells[:i]
    for n in range(i, j):
        c, nxt = cells[n], cells[n + 1] if n + 1 < len(cells) else None
        if is_date(ctx, c) and ctx.text[c[0] : c[1]].strip().startswith("("):
            out.append((c[0], c[1], "read", None, None))
            continue
        if c[2] == "value" and c[4] is None and nxt and is_date(ctx, nxt):
            date = ctx.text[nxt[0] : nxt[1]].strip()
            if date.startswith("("):
                c = (*c[:4], date.strip("()"))
        out.append(c)
    return out + cells[j:]


def inline_dates(
    ctx: Ctx, cells: Cells, k: int, j: int
) -> tuple[list[Cell], list[tuple[str, int | None]]] | None:
    """Values each behind its own date cell ('交通事故死者数 | R2.12 | 53人 | R7.12
    | 43人以下'): the first is the baseline, the last the target, their dates
    the columns' years; None when no value has a date cell."""
    pending: tuple[int, str] | None = None
    pairs: list[tuple[tuple[int, str] | None, Cell]] = []
    for c in cells[k + 1 : j]:
        if is_date(ctx, c):
            pending = cell_date(ctx.text[c[0] : c[1]])
        elif c[2] in ("value", "empty", "maintain"):
            pairs.append((pending, (c[2], c[3], c[4])))
            pending = None
    if not any(d for d, _ in pairs) or not rising([d[0] for d, _ in pairs if d]):
        return None
    kinds = ["base"] + ["actual"] * (len(pairs) - 2) + ["target"]
    cols: list[tuple[str, int | None]] = []
    for kind, (date, _) in zip(kinds[-len(pairs) :], pairs, strict=True):
        if date:
            ctx.column_labels[date[0]] = date[1]
        cols.append((kind, date[0] if date else None))
    return [c for _, c in pairs], cols


def rising(years: list[int | None]) -> bool:
    """Years of a row's values from a baseline to a target: each later than the
    one before (a series read back from the target, '2060年 20,000人 2040年
    21,200人', is not a row), three only when the target lies further ahead
    (evenly spaced years are a series of results, 'H30 | R1 | R2')."""
    known = [y for y in years if y is not None]
    if len(known) != len(years) or len(known) > 3:
        return False
    if len(known) == 3:
        return widening(years)
    return all(a < b for a, b in zip(known, known[1:], strict=False))


def trailing_dates(
    ctx: Ctx, toks: list[tuple[int, int]], kinds: list[tuple[Any, ...]], at: list[int]
) -> list[tuple[str, int | None]] | None:
    """'71.4% 72.7% 76.0% (平成27年度) (令和2年度) (令和12年度)': three values,
    then their dates in order; a baseline, a current value and a target when
    the target lies further ahead than the current value from the baseline."""
    if len(at) != 3 or at != list(range(at[0], at[0] + 3)):
        return None
    dates = [
        toks[i]
        for i in range(at[-1] + 1, min(at[-1] + 4, len(toks)))
        if kinds[i][0] == "label" and ctx.text[toks[i][0]] == "("
    ]
    years = [year_at(ctx, *t) for t in dates]
    if len(dates) != 3 or years[0] is None or not widening(years):
        return None
    ctx.column_labels[years[0]] = ctx.text[slice(*dates[0])].strip("()")
    return list(zip(("base", "actual", "target"), years, strict=True))


_MARK_RE = re.compile(r"【(実績|目標)】")
_HEADING_RE = re.compile(r"^ ?(?:[■●○◆◇・] ?)?(\S{2,40}?)の目標値? ")


def marked_rows(ctx: Ctx, toks: list[tuple[int, int]], kinds: Cells) -> Found | None:
    """'X の目標値 X(単位) 列2 列3 19.0 4 21.03 H28(2016年) 【実績】 … 23.8 5 21.03
    H39(2027年) 【目標】': rows of a table of one measure, each closed by its date
    and whether it was achieved or aimed at; the first column is the measure."""
    heading = _HEADING_RE.match(ctx.text)
    marks = {
        m[1]: i
        for i, (s, e) in enumerate(toks)
        if (m := _MARK_RE.fullmatch(ctx.text[s:e].strip()))
    }
    if heading is None or set(marks) != {"実績", "目標"}:
        return None
    runs = {}
    for mark, i in marks.items():
        year = year_at(ctx, *toks[i - 1]) if i >= 2 else None
        k = i - 2
        while k >= 0 and kinds[k][0] == "value":
            k -= 1
        if year is None or k == i - 2:
            return None
        runs[mark] = ([q[1] for q in kinds[k + 1 : i - 1]], year)
    n = min(len(r[0]) for r in runs.values())  # a row's columns, no stray digit
    firsts = {mark: (values[-n], year) for mark, (values, year) in runs.items()}
    name = heading[1]
    unit = re.match(
        rf"{re.escape(name)}\(([^()\s]+)(?: (\d)(?!\S))?", ctx.text[heading.end() :]
    )
    f = new_found(ctx, (name, ctx.span(*heading.span(1))), firsts["目標"][0])
    f.unit = "".join(unit.groups("")) if unit else f.unit
    f.deadline_fy = firsts["目標"][1]
    set_baseline(ctx, f, firsts["実績"][0], f"{firsts['実績'][1]}年")
    return f


_STAGE_RE = re.compile(r"(?:中間|最終|計画|短期|中期|長期)目標(?:年度)?")
_STAGE_CELL_RE = re.compile(
    r"(?P<by>.{2,14}?)までに、?.{0,16}?比で?(?:約|概ね)?(?P<q>\d)[^|]*?(?P<verb>削減|減|増加|増)$"
)
_GOAL_OF_RE = re.compile(r"(削減|低減|増加)?目標(?:は|を)")


def stage_cells(ctx: Ctx, cells: Cells) -> Found | None:
    """'…の排出削減目標は、…以下のとおり。 中間目標 | 2022年度までに、2013年度比で
    約7%削減 | 計画目標 | 2030年度までに、2013年度比で約32%削減': a stage per
    pair of cells, the measure named by the sentence before them."""
    pairs = []
    for a, b in zip(cells, cells[1:], strict=False):
        label = ctx.text[a[0] : a[1]].strip().rsplit(" ", 1)[-1]
        m = _STAGE_CELL_RE.fullmatch(ctx.text[b[0] : b[1]].strip())
        if _STAGE_RE.fullmatch(label) and m and year_in(m["by"]):
            q = next((q for q in ctx.values if b[0] <= q.start < b[1] and q.unit), None)
            if q is None or ctx.text[q.start : b[1]].count("%") != 1:
                return None
            pairs.append((year_in(m["by"]), q, m["verb"]))
    goal = _GOAL_OF_RE.search(ctx.text, 0, cells[0][1])
    if len(pairs) < 2 or goal is None or len({p[2][0] for p in pairs}) != 1:
        return None
    named = name_before(ctx, goal.start())
    if named is None:
        return None
    (year, q, verb) = pairs[-1]
    # '…年度までの', '本市の': a scope, not the measure
    words = re.sub(r"^(?:.*(?:までの|における)|[本当][市町村県区]の)", "", named[0])
    f = new_found(ctx, (words, named[1]), q)
    f.deadline_fy, f.change = year, True
    f.direction = "lower" if verb.startswith(("削", "減")) else "higher"
    f.targets = {y: p.value for y, p, _ in pairs if y is not None}
    ctx.used.update(p.start for _, p, _ in pairs)
    return f
