"""Table rows flattened to text with cells joined by `|` (`認知症サポーター数 |
310人 | 600人`), with or without the header in front; and what the space-joined
rows (`table_space`) read the same way: a row of cells, a name's cell, a KPI
sheet's row filled in."""

from __future__ import annotations

import os
import re
from typing import Any

from shinchoku.plans.kpi_statements.context import Ctx, set_baseline, year_at
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_statements.staged import staged_targets
from shinchoku.plans.kpi_statements.table_cells import (
    cell_value,
    columns,
    compared,
    describes,
    fill_row,
)
from shinchoku.plans.kpi_statements.table_dates import (
    Cells,
    dates_after,
    inline_dates,
    is_date,
    stage_cells,
    timed_row,
    whole_quantity,
)
from shinchoku.plans.kpi_statements.table_sheets import (
    apply_goal,
    name_goal,
    sheet_row,
    under_header,
)
from shinchoku.plans.kpi_statements.table_units import unit_scale
from shinchoku.plans.kpi_statements.table_years import (
    year_first,
)

_BLOCK = ("value", "empty", "maintain", "unit")
# A 子ども・子育て支援事業計画's rows: the need foreseen and the places to be
# provided for it are estimates and supply, not goals.
THRESHOLD_RE = re.compile(r"健全化基準|財政再生基準")
NO_GOAL_NAME_RE = re.compile(r"^(?:量の見込み|確保方策|確保の内容|確保量|見込み?量)")


def pipe_row(ctx: Ctx) -> list[Found]:
    text = ctx.text
    bounds = [-1] + [i for i, ch in enumerate(text) if ch == "|"] + [len(text)]
    spans = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    return cell_row(ctx, spans)


def cell_row(ctx: Ctx, spans: list[tuple[int, int]]) -> list[Found]:
    """The rows of a line whose cells are `spans`."""
    text = ctx.text
    cells = [(s, e, *cell_value(ctx, s, e)) for s, e in spans]
    if THRESHOLD_RE.search(text) and "目標" not in text:
        return []  # 健全化判断比率 against their thresholds: results, not goals
    staged = stage_cells(ctx, cells)
    if staged is not None:
        return [staged]
    by_year = year_first(ctx, [c[:2] for c in cells], [c[2:] for c in cells])
    if by_year is not None:
        return by_year
    out: list[Found] = []
    i = 0
    while i < len(cells):
        if cells[i][2] not in ("value", "empty") or not any(
            c[2] == "text" for c in cells[:i]
        ):
            i += 1
            continue
        j = _block_end(ctx, cells, i)
        k = _dated_name(ctx, cells, i) or _name_cell(text, cells, i)
        if k is None:
            i = j + 1
            continue
        block = [c for c in cells[i:j] if c[2] == "value"]
        if len(block) == 1 and not block[0][3].unit and _name_follows(cells, j):
            i = j  # a row number or a code ('11302 | 図書館入館者数 | 当初 | 102,521人')
            continue
        found, fits = _pipe_found(ctx, cells, (k, i, j))
        if found is not None and (fits or not out):
            staged_targets(ctx, found)
            out.append(found)
        if out and not fits:
            break  # one row a line, later cells restate it, unless rows fit a header
        i = j + 1
    if out:
        ctx.used.update(q.start for q in ctx.values)  # reasons restate the targets
    return out


def _block_end(ctx: Ctx, cells: Cells, i: int) -> int:
    """The end of the value cells from `i`, a date cell in front of a value
    among them ('53人 | R7.12 | 43人以下')."""
    j = i
    while j < len(cells) and (
        cells[j][2] in _BLOCK
        or is_date(ctx, cells[j])
        and j + 1 < len(cells)
        and cells[j + 1][2] in ("value", "empty", "maintain")
    ):
        j += 1
    return j


def _pipe_found(
    ctx: Ctx, cells: Cells, bounds: tuple[int, int, int]
) -> tuple[Found | None, bool]:
    """The indicator named by cell `k` whose values are the cells [i, j), and
    whether they fit the header's columns (so that the next row may too:
    '指標名 | 現状 | 目標 | A | 91.1% | 95.5% | B | 94.8% | 100%')."""
    text = ctx.text
    k, i, j = bounds
    k = _numbered_name(text, cells, k)
    k = qualified_name(text, cells, k)
    while k > 0 and cells[k - 1][2] == "text" and whole_quantity(ctx, *cells[k][:2]):
        k -= 1  # '名前 | 45歳 | 32年度 | 36.6歳': the first value is an age
    name_text = clean_name(
        _name_words(_row_number_off(text[cells[k][0] : cells[k][1]]))
    )
    if (
        not name_text
        or compared([text[c[0] : c[1]] for c in cells[:k]])
        or NO_GOAL_NAME_RE.search(name_text)
    ):
        return None, False
    if _figures_by_column(text, cells, i, j):
        return None, False
    name = (name_text, ctx.span(cells[k][0], cells[k][1]))
    sheet = sheet_row(ctx, [c[:2] for c in cells], [c[2:] for c in cells], (i, j))
    header = columns(ctx, [c[:2] for c in cells[:k]]) if sheet else []
    if header and sheet:
        sheet = under_header(sheet, header)  # a header's columns must fit it
    if sheet is not None:
        raw, goal = name_goal(_name_words(_row_number_off(text[slice(*cells[k][:2])])))
        got = sheet_found(ctx, (clean_name(raw), name[1]), sheet, goal)
        return (got[0] if got else None), False
    unit = next((text[c[0] : c[1]].strip() for c in cells[k:j] if c[2] == "unit"), "")
    timed = timed_row(ctx, cells, k)
    if timed is not None:
        row, cols, j = timed
        found = fill_row(ctx, name, row, cols, unit)
        return found, False
    cells = dates_after(ctx, cells, i, j)
    after = " | ".join(text[c[0] : c[1]].strip() for c in cells[j:])
    dated = inline_dates(ctx, cells, k, j)
    if dated is not None:
        if j < len(cells) and is_date(ctx, cells[j]):
            return None, False  # '… | R6年度 | 現状より増加': the target is words
        row, cols = dated
    else:
        cols = columns(ctx, [(c[0], c[1]) for c in cells[:k]])
        row = [(c[2], c[3], c[4]) for c in cells[i:j] if c[2] in _BLOCK[:3]]
    ctx.header_fy = "年度" in text[: cells[k][0]]
    found = fill_row(ctx, name, row, cols, unit, after)
    if found is not None and found.deadline_fy is None and cells[k][2] == "label":
        found.deadline_fy = year_at(ctx, *cells[k][:2])  # '平成26年度職員数 | 146 名'
    first = cells[k - 1] if k == 1 else None
    if found is not None and found.baseline is None and first and first[2] == "value":
        q = first[3]
        if q.unit and q.unit == found.unit and not cols:
            set_baseline(ctx, found, q, first[4])  # '5,276床 | 病床の数 | 6,067床'
    return found, dated is None and bool(cols) and len(row) == len(cols)


def _figures_by_column(text: str, cells: Cells, i: int, j: int) -> bool:
    """'…委員会等における女性委員比率 | …審議会等における女性委員比率 | 22.9% | 23.0%':
    names of one measure heading a value each (a table of figures), not a
    row's start and goal."""
    values = [c for c in cells[i:j] if c[2] == "value"]
    m = i
    while m > 0 and cells[m - 1][2] == "text":
        m -= 1
    heads = [text[c[0] : c[1]].strip() for c in cells[m:i]][-len(values) :]
    if len(values) < 2 or len(heads) != len(values):
        return False
    if any(c[2] == "label" for c in cells[:i]):
        return False  # a header's columns ('現状値 | 目標値') name the values
    if any(a != b and b.endswith(a) for a in heads for b in heads):
        return False  # '女性委員比率 | 審議会等における女性委員比率': a name, then its meaning
    common = os.path.commonprefix([h[::-1] for h in heads])  # the same measure
    return len(common) >= max(4, min(len(h) for h in heads) // 3)


def _row_number_off(cell: str) -> str:
    """'13 農産物の輸出額' → '農産物の輸出額': a row's number before its name."""
    m = re.match(
        r" ?(?:No\.? ?|№ ?)?\d{1,3}[.)]? ?(?=[\u3005\u4e00-\u9fff\u30a1-\u30fa])", cell
    )
    if m and not unit_scale(cell[m.end() : m.end() + 2][:1]):
        return cell[m.end() :]
    return cell


def _dated_name(ctx: Ctx, cells: Cells, i: int) -> int | None:
    """'目標 | 平成26年度職員数 | 146 名': the cell before the values names the
    measure with the year it is due by; its index, else None."""
    if i == 0 or cells[i - 1][2] != "label":
        return None
    s, e = cells[i - 1][:2]
    rest = ctx.text[s:e]
    for ys, ye, year in ctx.years:
        if s <= ys < e and year:
            rest = rest.replace(ctx.text[ys:ye], "")
    rest = rest.strip(" ()の")
    if re.match(r"目標|実績|計画|見込|現状|基準", rest) or len(rest) < 2:
        return None
    return i - 1 if _MEASURE_END.search(rest) and year_at(ctx, s, e) else None


def _numbered_name(text: str, cells: Cells, k: int) -> int:
    """'13 名前 | 名前の説明 | 億円 | 73': the numbered cell names the row, the
    one after it says what it measures."""
    if k > 0 and cells[k - 1][2] == "text":
        name = text[cells[k - 1][0] : cells[k - 1][1]]
        unit_next = k + 1 < len(cells) and cells[k + 1][2] == "unit"
        if _row_number_off(name) != name and (
            unit_next or describes(text[cells[k][0] : cells[k][1]], name)
        ):
            return k - 1  # '… | 説明 | 億円 | 73': a unit column after the meaning
    return k


_MEASURE_END = re.compile(r"(?:率|割合|比率|数|量|額|時間|件数|人数)(?:\(注\d*\))?$")


def qualified_name(text: str, cells: Cells, k: int) -> int:
    """'男性の育児休業取得率 | 国家公務員 | 13%': the cell before the values
    says whom the row counts; the one before it names what it measures."""
    if k == 0 or cells[k - 1][2] != "text":
        return k
    who = text[cells[k][0] : cells[k][1]].strip()
    name = text[cells[k - 1][0] : cells[k - 1][1]].strip()
    if (
        len(who) <= 10
        and not re.search(r"\d|[、。]", who)
        and not _MEASURE_END.search(who)
        and _MEASURE_END.search(name)
    ):
        return k - 1
    return k


_SENTENCE_END = re.compile(r"。|(?:ます|ません|です|する|される|なる|図る|ため)$")
_HIRAGANA_END = re.compile(r"[\u3041-\u3096]$")


def _name_cell(text: str, cells: list[tuple[Any, ...]], i: int) -> int | None:
    """The index of the text cell naming the values that begin at cell `i`:
    before them past labels, units and empty cells, and before a sentence
    explaining it ('名前 | 指標の説明。 | 値')."""
    k = i - 1
    while k >= 0 and cells[k][2] in ("label", "unit", "empty"):
        k -= 1
    if k < 0 or cells[k][2] != "text":
        return None
    while (
        k > 0
        and cells[k - 1][2] == "text"
        and _SENTENCE_END.search(text[cells[k][0] : cells[k][1]].strip())
    ):
        k -= 1
    return k


def _name_words(cell: str) -> str:
    """A name cell's name: 'X 各市町村において、…の割合' is the name, then what
    it means."""
    cell = footnote_off(cell.strip())
    head, _, rest = cell.partition(" ")
    if (
        rest
        and len(head) >= 3
        and (_description(rest) or re.search(r"[、。]", rest))
        and not _HIRAGANA_END.search(head)
    ):
        return head
    return cell


def footnote_off(name: str) -> str:
    """'名前(注2)' → '名前': a footnote's mark after a name."""
    return re.sub(r" ?\(注\d*\)$", "", name)


def _description(cell: str) -> bool:
    """A cell explaining an indicator (a sentence), not naming it."""
    cell = cell.strip()
    return bool(_SENTENCE_END.search(cell) or (len(cell) > 40 and "、" in cell))


def explains(cell: str, name: str) -> bool:
    """`cell` explains the `name` before it: a sentence or a clause
    ('各市町村において、…の世帯数'), the name none ('…カバー率')."""
    return (
        bool(_description(cell) or re.search(r"[、。]", cell))
        and not _description(name)
        and not re.search(r"[、。]", name)
        and len(name) >= 3
        and not _HIRAGANA_END.search(name)
    )


def _name_follows(cells: list[tuple[Any, ...]], j: int) -> bool:
    """A text cell, then (past labels) values: the block before it was a code."""
    if j >= len(cells) or cells[j][2] != "text":
        return False
    k = j + 1
    while k < len(cells) and cells[k][2] in ("label", "unit"):
        k += 1
    return k < len(cells) and cells[k][2] == "value"


def sheet_found(
    ctx: Ctx,
    name: tuple[str, tuple[int, int]],
    sheet: tuple[list[Any], list[tuple[str, int | None]], str, int],
    goal: str | None,
) -> tuple[Found, list[tuple[str, int | None]], int] | None:
    """A KPI sheet's row (table_sheets) filled in."""
    row, cols, counter, end = sheet
    if not name_ok(name[0]) or NO_GOAL_NAME_RE.search(name[0]):
        return None
    found = fill_row(ctx, name, row, cols, counter)
    if found is None:
        return None
    found.unit = found.unit or counter
    apply_goal(found, goal)
    return found, cols, end
