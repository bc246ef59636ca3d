"""A table whose header gives every value column a date column after it
('数値目標 | (時期) | 最新値 | (時期) | 目標設定時最新値 | (時期)'): the date cells
of a row, bare ('2019年度', '2020', '32年度', '2016年度~2020年度') or in
parentheses, are the dates of the values in front of them."""

from __future__ import annotations

import re
from typing import Any

from shinchoku.plans.kpi_statements.context import Ctx

Cells = list[tuple[Any, ...]]  # (start, end, kind, quantity, paren)

_DATE_COLUMN_RE = re.compile(r"\(?(?:時期|時点|期限)\)?")
_YEAR = (
    r"(?:(?:令和|平成|R|H) ?(?:\d{1,2}|元) ?(?:年度?)?|(?:19|20)\d{2} ?(?:年度?)?"
    r"|\d{1,2} ?年度?)末?"
)
_DATE_CELL_RE = re.compile(
    rf"\(?(?P<first>{_YEAR})(?: ?[~〜\-] ?(?P<last>{_YEAR}))?\)?"
)
_EVERY_YEAR_RE = re.compile(r"\(?毎年度?\)?")


def date_columns(ctx: Ctx, header: Cells) -> bool:
    """The header names date columns ('(時期)') between its value columns."""
    return any(_DATE_COLUMN_RE.fullmatch(ctx.text[c[0] : c[1]].strip()) for c in header)


def _date_words(ctx: Ctx, cell: tuple[Any, ...]) -> str | None:
    """A cell that is only a date, as words a value's parenthesis holds: the
    last year of a range, a bare '2020' as the year '2020年'; '' for '毎年度'."""
    words = ctx.text[cell[0] : cell[1]].strip()
    if _EVERY_YEAR_RE.fullmatch(words):
        return ""
    m = _DATE_CELL_RE.fullmatch(words)
    if not m or cell[2] not in ("label", "value", "text"):
        return None
    if cell[2] == "value" and (cell[3] is None or cell[3].unit):
        return None  # a value with a unit, not a year
    date = (m["last"] or m["first"]).strip()
    if not re.search(r"\d|元", date):
        return None
    return f"{date}年" if re.fullmatch(r"(?:19|20)\d{2}", date) else date


def _is_value(ctx: Ctx, cell: tuple[Any, ...]) -> bool:
    return cell[2] == "value" and (bool(cell[3].unit) or _date_words(ctx, cell) is None)


def dated_values(ctx: Ctx, cells: Cells, i: int, j: int) -> Cells:
    """The cells [i, j) with each value's date cell read into its parenthesis
    (the cell after it, or the one before it when none follows: '2014年度 |
    18.3%'), the date cells marked read."""
    out = list(cells[:i])
    pending: str | None = None
    n = i
    while n < j:
        c = cells[n]
        if _is_value(ctx, c):
            after = _date_words(ctx, cells[n + 1]) if n + 1 < j else None
            if c[4] is None and (after or pending):
                c = (*c[:4], after or pending)
            out.append(c)
            if after is not None:
                out.append((cells[n + 1][0], cells[n + 1][1], "read", None, None))
                n += 1
            pending = None
        elif (date := _date_words(ctx, c)) is not None:
            pending = date
            out.append((c[0], c[1], "read", None, None))
        else:
            out.append(c)
        n += 1
    return out + list(cells[j:])


def is_date_cell(ctx: Ctx, cell: tuple[Any, ...]) -> bool:
    """A cell a date column holds ('2016年度~2020年度', '(毎年度)', '32年度')."""
    return cell[2] != "value" and _date_words(ctx, cell) is not None
