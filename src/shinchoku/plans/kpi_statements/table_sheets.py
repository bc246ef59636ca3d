"""Rows of KPI sheets flattened with spaces, whose columns the row's own cells
tell apart: a 目標年月 column after the value and its unit ('おためし暮らし利用件数
2 件 H28.3', the result after it), a progress status closing a row of baseline,
KPI and result ('新規就農者数 - 3人 0人 その他', 'X H27年度現在 127件 H31年度予測
144件 139件 127件 順調'), and a page-number column after the name (a 総合計画's
数値目標一覧: '農業産出額 59 1,690百万円 1,800百万円'); and the goal a row's name
ends with ('…数の維持', '…数増加の抑制', '出生数前年比増')."""

from __future__ import annotations

import re
from typing import Any

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_statements.context import Ctx, year_at
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.table_cells import Cell, cell_date

Cols = list[tuple[str, int | None]]

# A progress status closing an evaluation sheet's row: the row's last value is
# the result it judges, the ones before it the baseline and the KPI.
_STATUS_RE = re.compile(
    r"(?:目標)?(?:未?達成|(?:概ね|おおむね)(?:順調|達成)|順調|(?:やや)?遅れ(?:ている)?"
    r"|その他)"
)
_BASE_HEAD_RE = re.compile(r"基準値?|現状値?|策定時")
_PROJECTION_RE = re.compile(r"予測|見込|推計|試算")


def sheet_row(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int],
) -> tuple[list[Cell], Cols, str, int] | None:
    """The value cells, columns and unit of a sheet's row whose values begin at
    token `first` (up to `end`), and the token after the row; None when the row
    is of none of these forms."""
    return (
        _month_row(ctx, toks, kinds, bounds)
        or _status_row(ctx, toks, kinds, bounds)
        or _page_row(ctx, toks, kinds, bounds)
        or _role_row(ctx, toks, kinds, bounds)
    )


_ROLE_RE = re.compile(r"\((目標|実績|現状|基準)値?\) ?")


def _role_row(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int],
) -> tuple[list[Cell], Cols, str, int] | None:
    """'効果額 平成17年度 (目標)7億4,822万円 (実績)8億9,561万円': each value led by
    its role in brackets; a year in front is the row's, the target's FY."""
    first, end = bounds
    roles = {"目標": "target", "現状": "base", "基準": "base", "実績": "actual"}
    row: list[Cell] = []
    cols: Cols = []
    year = (
        year_at(ctx, *toks[first - 1])
        if first and kinds[first - 1][0] == "label"
        else None
    )
    for i in range(first, end):
        m = _ROLE_RE.match(ctx.text[slice(*toks[i])].strip())
        if kinds[i][0] != "value" or m is None:
            return None
        row.append((kinds[i][0], kinds[i][1], None))
        role = roles[m[1]]
        cols.append((role, year if role == "target" else None))
    if [k for k, _ in cols].count("target") != 1:
        return None
    return row, cols, "", end


def _month_row(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int],
) -> tuple[list[Cell], Cols, str, int] | None:
    """'名前 2 件 H28.3 [実績]': one value, its unit, then the year and month it
    is due by (March 2016 ends FY2015); a value after the date is the result."""
    first, end = bounds
    if first + 1 >= len(toks) or kinds[first][0] != "value":
        return None
    if first and cell_date(ctx.text[slice(*toks[first - 1])]):
        return None  # 'R2.12 | 53人 | R7.12 | 43人': each value behind its date
    at, counter = first + 1, ""
    if not kinds[first][1].unit:  # '9,000 個 H28.3': a unit column
        counter = ctx.text[slice(*toks[at])].strip()
        if not (kinds[at][0] == "unit" or _COUNTER_RE.fullmatch(counter)):
            return None
        at, end = at + 1, _row_end(kinds, at + 1)
    when = _month_date(ctx.text[slice(*toks[at])]) if at < end else None
    after = ctx.text[toks[at][1] :].strip() if when else ""
    if when is None or _AS_OF_RE.match(after):
        return None  # '12,000 人 R2.3 現在': a value as of a month, no goal
    rest = [k for k in kinds[at + 1 : end] if k[0] != "empty"]
    if len(rest) > 1 or any(k[0] != "value" for k in rest):
        return None
    fy = when[0] - 1 if when[1] <= 3 else when[0]
    return [kinds[first]], [("target", fy)], counter, end


_AS_OF_RE = re.compile(r"現在|時点|末|実績|調査|推計")
_YEAR_MONTH_RE = re.compile(r"((?:19|20)\d{2}) ?(?:年|\.|/) ?(\d{1,2}) ?月?末?")
_ERA_MONTH_RE = re.compile(r"(令和|平成) ?(\d{1,2}|元) ?年 ?(\d{1,2}) ?月末?")


def _month_date(cell: str) -> tuple[int, int] | None:
    """A cell that is a year and a month: 'H28.3', '平成28年3月', '2016年3月'."""
    cell = cell.strip()
    when = cell_date(cell)
    month = re.search(r"(\d{1,2})月$", when[1]) if when else None
    if when and month:
        return when[0], int(month[1])
    if m := _YEAR_MONTH_RE.fullmatch(cell):
        return int(m[1]), int(m[2])
    if m := _ERA_MONTH_RE.fullmatch(cell):
        return kpi_text.wareki.era_to_western(m[1], m[2]), int(m[3])
    return None


_COUNTER_RE = re.compile(r"[\u4e00-\u9fff]")


def _row_end(kinds: list[tuple[Any, ...]], at: int) -> int:
    while at < len(kinds) and kinds[at][0] in ("value", "empty", "label"):
        at += 1
    return at


def _status_row(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int],
) -> tuple[list[Cell], Cols, str, int] | None:
    """'名前 [基準値] KPI 実績値 進捗状況': the values before a progress status;
    the last is the result, a projection among them ('H31年度予測 144件') is
    left out, a baseline keeps the date in front of it ('H27年度現在 127件').
    The baseline column must show: a dash, a label in front of the first
    value, or a header naming it; values each behind a year are results."""
    first, end = bounds
    status = ctx.text[slice(*toks[end])].strip() if end < len(toks) else ""
    if not _STATUS_RE.fullmatch(status):
        return None
    based = kinds[first][0] == "empty" or (first and kinds[first - 1][0] == "label")
    if not based and not _BASE_HEAD_RE.search(ctx.text, 0, toks[first][0]):
        return None
    row: list[Cell] = []
    for i in range(first, end):
        kind, q, paren = kinds[i][:3]
        before = ctx.text[slice(*toks[i - 1])] if i else ""
        if kind == "empty":
            row.append(kinds[i])
        elif kind == "value" and not _PROJECTION_RE.search(before):
            dated = kinds[i - 1][0] == "label" and year_at(ctx, *toks[i - 1])
            row.append((kind, q, paren or (before if dated else None)))
    if sum(1 for c in row if c[2]) > 1:
        return None  # '2019年 45% 2020年 48% 順調': results by year
    row = row[:-1]  # the result the status judges
    if len(row) == 1 and row[0][0] == "value":
        return row, [("target", None)], "", end
    if len(row) != 2 or row[1][0] != "value":
        return None
    return row, [("base", None), ("target", None)], "", end


def _page_row(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int],
) -> tuple[list[Cell], Cols, str, int] | None:
    """'名前 59 1,690百万円 1,800百万円': a bare number of up to three digits
    between the name and values all in one unit is the page the measure is
    written on; the values are the current one, a midway goal, the final one."""
    first, end = bounds
    page = kinds[first]
    if page[0] != "value" or page[1].unit or page[2]:
        return None
    if not re.fullmatch(r" ?[1-9]\d{0,2}", page[1].raw):
        return None
    row = list(kinds[first + 1 : end])
    units = {k[1].unit for k in row if k[0] == "value"}
    if len(row) not in (2, 3) or any(k[0] != "value" for k in row) or len(units) != 1:
        return None
    if "" in units:
        return None
    cols = [("base", None)] + [("actual", None)] * (len(row) - 2)
    return row, [*cols, ("target", None)], "", end


Sheet = tuple[list[Cell], Cols, str, int]


def under_header(sheet: Sheet, header: Cols) -> Sheet | None:
    """The sheet's row under a header whose columns fit its values and name a
    target ('現状値 | 目標値(H24年度) | 目標値(H29年度)'): the header's columns
    then; None when they do not fit."""
    row, _, unit, end = sheet
    if len(header) == len(row) and any(k == "target" for k, _ in header):
        return row, header, unit, end
    return None


_CHANGE_END_RE = re.compile(r"(?:対)?前年度?比(増加?|減少?)$")
_GOAL_END_RE = re.compile(
    r"(?<=[数率量額合])(?:の維持|を維持|(?:の)?(?:増加|増)の抑制|の抑制)$"
)


def name_goal(name: str) -> tuple[str, str | None]:
    """A row's name without the goal it ends with, and that goal: 'change-up',
    'change-down', 'maintain' or 'lower' ('…数の維持', '…数増加の抑制')."""
    m = _CHANGE_END_RE.search(name)
    if m:
        return name[: m.start()], "change-up" if m[1][0] == "増" else "change-down"
    m = _GOAL_END_RE.search(name)
    if m:
        return name[: m.start()], "maintain" if "維持" in m[0] else "lower"
    return name, None


def apply_goal(f: Found, goal: str | None) -> None:
    if goal == "maintain":
        f.comparator, f.direction = "維持", None
    elif goal == "lower":
        f.direction = "lower"
    elif goal is not None:
        f.change = True
        f.direction = "higher" if goal == "change-up" else "lower"
