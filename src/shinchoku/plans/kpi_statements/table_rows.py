"""Table rows flattened to text, cells joined by `|` (`認知症サポーター数 | 310人
| 600人`) or by spaces (`防災訓練参加者数 人 820 1,000 増加を目指す`), with or
without the header in front."""

from __future__ import annotations

import os
import re
from typing import Any

from shinchoku.plans.kpi_statements.context import Ctx, norm_pos, set_baseline, year_at
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.lexicon import LOWER_WORDS
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_statements.staged import staged_targets
from shinchoku.plans.kpi_statements.table_cells import (
    cell_date,
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
    marked_rows,
    rising,
    stage_cells,
    timed_row,
    trailing_dates,
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
    plan_rows,
    year_first,
    yearly_results,
)

_BLOCK = ("value", "empty", "maintain", "unit")
# A 子ども・子育て支援事業計画's rows: the need foreseen and the places to be
# provided for it are estimates and supply, not goals.
_THRESHOLD_RE = re.compile(r"健全化基準|財政再生基準")
_NO_GOAL_NAME_RE = re.compile(r"^(?:量の見込み|確保方策|確保の内容|確保量|見込み?量)")


def pipe_row(ctx: Ctx) -> list[Found]:
    text = ctx.text
    bounds = [-1] + [i for i, ch in enumerate(text) if ch == "|"] + [len(text)]
    spans = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    return _cell_row(ctx, spans)


def _cell_row(ctx: Ctx, spans: list[tuple[int, int]]) -> list[Found]:
    """The rows of a line whose cells are `spans`."""
    text = ctx.text
    cells = [(s, e, *cell_value(ctx, s, e)) for s, e in spans]
    if _THRESHOLD_RE.search(text) and "目標" not in text:
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
    k = _qualified_name(text, cells, k)
    while k > 0 and cells[k - 1][2] == "text" and whole_quantity(ctx, *cells[k][:2]):
        k -= 1  # '名前 | 45歳 | 32年度 | 36.6歳': the first value is an age
    name_text = clean_name(
        _name_words(_row_number_off(text[cells[k][0] : cells[k][1]]))
    )
    if (
        not name_text
        or compared([text[c[0] : c[1]] for c in cells[:k]])
        or _NO_GOAL_NAME_RE.search(name_text)
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
        got = _sheet_found(ctx, (clean_name(raw), name[1]), sheet, goal)
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


def _qualified_name(text: str, cells: Cells, k: int) -> int:
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
    cell = _footnote_off(cell.strip())
    head, _, rest = cell.partition(" ")
    if (
        rest
        and len(head) >= 3
        and (_description(rest) or re.search(r"[、。]", rest))
        and not _HIRAGANA_END.search(head)
    ):
        return head
    return cell


def _footnote_off(name: str) -> str:
    """'名前(注2)' → '名前': a footnote's mark after a name."""
    return re.sub(r" ?\(注\d*\)$", "", name)


def _description(cell: str) -> bool:
    """A cell explaining an indicator (a sentence), not naming it."""
    cell = cell.strip()
    return bool(_SENTENCE_END.search(cell) or (len(cell) > 40 and "、" in cell))


def _name_follows(cells: list[tuple[Any, ...]], j: int) -> bool:
    """A text cell, then (past labels) values: the block before it was a code."""
    if j >= len(cells) or cells[j][2] != "text":
        return False
    k = j + 1
    while k < len(cells) and cells[k][2] in ("label", "unit"):
        k += 1
    return k < len(cells) and cells[k][2] == "value"


_PARTS_RE = re.compile(
    r"\S{0,5}(?:計|全体|総数|合計)[::] ?[\d.,]+ ?%?(?: \S{1,6}?[::] ?[\d.,]+ ?%?)+"
)


def _tokens(ctx: Ctx) -> list[tuple[int, int]]:
    """White-space separated tokens, a value, a year or a parenthesis never cut;
    a list marker opening the line ('① 収納率 … 98.38% …') is none of the row's."""
    chars = list(ctx.text)
    atoms = [(q.start, q.end) for q in ctx.values] + [(s, e) for s, e, _ in ctx.years]
    atoms += [m.span() for m in re.finditer(r"\([^()]*\)", ctx.text)]
    atoms += [m.span() for m in _PARTS_RE.finditer(ctx.text)]  # one cell of parts
    for s, e in atoms:
        for i in range(s, e):
            if chars[i] == " ":
                chars[i] = "\x00"
    toks = [m.span() for m in re.finditer(r"[^ ]+", "".join(chars))]
    if toks and re.fullmatch(r"[■●○〇◆◇・•▪◎]", ctx.text[slice(*toks[0])]):
        return toks[1:]
    return toks


_PAST_PERIOD_RE = re.compile(
    r"過去 ?\d+ ?(?:年間|か年|カ年|ヵ年)の?(?:実績|平均|合計|累計)?値?"
)


def _space_kinds(ctx: Ctx, toks: list[tuple[int, int]]) -> list[tuple[Any, ...]]:
    kinds = []
    for s, e in toks:
        kind = cell_value(ctx, s, e)
        if kind[0] == "text" and re.fullmatch(r"\([^()]*\)", ctx.text[s:e]):
            kind = ("paren", None, None)
        elif _PAST_PERIOD_RE.fullmatch(ctx.text[s:e]):
            kind = ("label", None, None)  # '過去5年間実績 6件': the baseline's period
        elif re.match(r"\( ?\) ?内は", ctx.text[s:e]):
            kind = ("note", None, None)  # '( )内は17年度目標値': no column of its own
        elif re.fullmatch(r"1 ?[日週人](?:当たり|あたり)", ctx.text[s:e]):
            kind = ("per", None, None)  # '1日当たり 2時間30分': per what
        kinds.append(kind)
    for i in range(1, len(kinds) - 2):
        q = whole_quantity(ctx, *toks[i]) if kinds[i][0] == "text" else None
        if (
            q is not None
            and kinds[i + 1][0] == "label"
            and year_at(ctx, *toks[i + 1])
            and any(k[0] == "value" and k[1].unit == q.unit for k in kinds[i + 2 :])
        ):
            kinds[i] = ("value", q, None)  # '名前 45歳 32年度 36.6歳 29年度': an age
    for i in range(1, len(kinds) - 2):
        # '目標値(平成31年度) 5 5歳児のむし歯有病者率 35.2% 33%': after the header,
        # a bare number in front of a name and its values numbers the row
        if (
            _bare_number(kinds[i])
            and kinds[i - 1][0] == "label"
            and kinds[i + 1][0] == "text"
            and year_at(ctx, *toks[i + 1]) is None
            and kinds[i + 2][0] in ("value", "unit")
        ):
            kinds[i] = ("label", None, None)
    return kinds


_UNNUMBERED_GOAL_RE = re.compile(r"(?:増加|減少|向上|低下|改善|削減|拡大|縮小)")
_ROW_CELLS = ("value", "empty", "maintain", "unit", "paren", "label", "per")


# '…策定時数値目標平成26年度進捗状況※名前45.0% 65.0% 43.9%': a header whose
# cells a PDF copy ran together (baseline, target, then a result), then the row
_GLUED_HEADER_RE = re.compile(
    r"策定時 ?(?:の値)? ?(?:数値目標|目標値) ?(?:(?:令和|平成|R|H)? ?\d{1,4} ?年度?)? ?"
    r"(?:進捗状況|実績値?|現状値?) ?※? ?(?=[^\d\s])"
)


def _glued_header_row(ctx: Ctx) -> list[Found] | None:
    head = _GLUED_HEADER_RE.search(ctx.text)
    if head is None:
        return None
    values = [v for v in ctx.values if v.start >= head.end()]
    if len(values) != 3 or len({v.unit for v in values}) != 1:
        return None
    base, target, _result = values
    if ctx.text[base.end : target.start].strip():
        return None  # the three values side by side, cells of one row
    raw = ctx.text[head.end() : base.start]
    name = clean_name(raw)
    if not name_ok(name) or re.search(r"\d ?%", name):
        return None
    f = Found(name=name, unit=target.unit)
    f.spans["name"] = ctx.span(head.end(), head.end() + len(raw.rstrip()))
    f.target = target.value
    f.spans["target"] = ctx.span(target.start, target.end)
    set_baseline(ctx, f, base, None)
    ctx.used.update(v.start for v in values)
    return [f]


def space_row(ctx: Ctx) -> list[Found]:
    """Rows of a table flattened with spaces: '指標 人 820 1,000', and several
    rows on one line under one header ('基準値 目標値 出生数 … 婚姻数 …')."""
    if "【実績】" in ctx.text and "【目標】" not in ctx.text:
        return []  # rows marked as results only
    if _THRESHOLD_RE.search(ctx.text) and "目標" not in ctx.text:
        return []  # 健全化判断比率 against their thresholds
    glued = _glued_header_row(ctx)
    if glued is not None:
        return glued
    toks = _year_heads(ctx, _tokens(ctx))
    kinds = _space_kinds(ctx, toks)
    marked = marked_rows(ctx, toks, kinds) or plan_rows(ctx, toks, kinds)
    by_year = [marked] if marked else year_first(ctx, toks, kinds)
    if by_year is not None:
        return by_year
    out: list[Found] = []
    start, cols = 0, None
    while True:
        first = next(
            (
                i
                for i, k in enumerate(kinds)
                if i >= start
                and k[0] == "value"
                and any(x[0] == "text" for x in kinds[start:i])
            ),
            None,
        )
        if first is None:
            return out
        while first - 1 > start and kinds[first - 1][0] in ("empty", "unit"):
            first -= 1  # '名前 ― % 75%': no baseline, then the target
        end = first
        while end < len(toks) and kinds[end][0] in _ROW_CELLS:
            end += 1
        if out and not cols:
            return out  # rows without a header: a table of figures, not of targets
        found = _space_row_at(ctx, toks, kinds, (start, first, end), cols)
        if found is None:
            return out
        out.append(found[0])
        cols, start = found[1], found[2]


_YEAR_LABEL_RE = re.compile(r"目標値?|現状値?|基準値?|実績値?|最新値")


def token_cells(ctx: Ctx) -> list[Found]:
    """A row nothing else reads, read with each token as a cell: a PDF copy's
    '5,276床 回復期病床の数 6,067床' is '5,276床 | … | 6,067床'. Only under a
    header's goal column, or a start, a name and a goal side by side."""
    toks = _token_cells(ctx)
    kinds = [cell_value(ctx, s, e)[0] for s, e in toks]
    words = [ctx.text[s:e] for s, e in toks]
    goal_at = next(
        (
            toks[i][0]
            for i, kind in enumerate(kinds)
            if kind == "label"
            and "目標" in words[i]
            or i + 1 < len(toks)
            and words[i].endswith("目標")
            and cell_date(words[i + 1].split(" (")[0])  # '中間年度の目標 2014年'
        ),
        None,
    )
    out: list[Found] = []
    for f in _cell_row(ctx, toks):
        at = norm_pos(ctx, f.spans["name"][0]) if "name" in f.spans else None
        if at is not None and goal_at is not None and goal_at < at:
            out.append(f)  # a header's goal column in front of the name
        elif kinds == ["value", "text", "value"] and f.baseline is not None:
            out.append(f)  # '5,276床 回復期病床の数 6,067床'
        elif (
            re.fullmatch(r"text(?: empty)+ label value", " ".join(kinds))
            and "(" not in words[-1]  # '54,120人 (国勢調査)': a figure
        ):
            # '新規就業者数 － － R7~10 年度 150人/年': no start, the goal
            out.append(f)
    return out


def _year_heads(ctx: Ctx, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A header's year and the label after it one token ('平成17年度 実績')."""
    out: list[tuple[int, int]] = []
    for s, e in toks:
        last = ctx.text[slice(*out[-1])] if out else ""
        if out and _YEAR_LABEL_RE.fullmatch(ctx.text[s:e]) and cell_date(last):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _token_cells(ctx: Ctx) -> list[tuple[int, int]]:
    """The tokens as cells: a value or a year with the parentheses after it
    ('529千人泊 (速報値) (令和6年)', '2014年 (数値は平成25年度末)'), a year
    with the label after it ('令和10年度 目標値') one cell each."""
    toks: list[tuple[int, int]] = []
    for s, e in _year_heads(ctx, _tokens(ctx)):
        last = ctx.text[slice(*toks[-1])] if toks else ""
        if (
            toks
            and re.fullmatch(r"\([^()]*\)", ctx.text[s:e])
            and (
                cell_value(ctx, *toks[-1])[0] == "value"
                or cell_date(last.split(" (")[0])
            )
        ):
            toks[-1] = (toks[-1][0], e)
        else:
            toks.append((s, e))
    return toks


def _space_name(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    start: int,
    first: int,
) -> tuple[int, int] | None:
    """The tokens [a, b) naming the row whose values begin at token `first`:
    the last text token before them that is not a year."""
    k = first - 1
    while k >= start and (kinds[k][0] != "text" or _dated_token(ctx, toks[k])):
        k -= 1
    name_end = k + 1
    if k < start:
        return None
    if (
        k > start
        and re.fullmatch(r"【[^【】]*】", ctx.text[slice(*toks[k])])
        and kinds[k - 1][0] == "text"
        and any(kd[0] == "label" for kd in kinds[start : k - 1])
    ):
        # under a header, '名前 【消防】 10%以上': the tag qualifies the name before it
        k -= 1
    # One token is the name; a PDF line break inside it leaves '…企業の 割合'.
    while (
        k > start
        and kinds[k - 1][0] == "text"
        and year_at(ctx, *toks[k - 1]) is None
        and (
            ctx.text[toks[k - 1][1] - 1] == "の"
            or re.match(r"[\u3041-\u3096]", ctx.text[toks[k][0]])
        )
    ):
        k -= 1
    if (
        k > start
        and name_end - 1 == k
        and kinds[k - 1][0] == "text"
        and any(kd[0] == "label" for kd in kinds[start : k - 1])
        and _explains(ctx.text[slice(*toks[k])], ctx.text[slice(*toks[k - 1])])
    ):
        # '名前 指標の説明、… 4,914人': the name, then its meaning
        k, name_end = k - 1, k
    if _numbered_before(ctx, toks, kinds, (start, k, first)):
        k, name_end = k - 1, k  # '33 名前 名前の説明(暦年) 件 1,560 ― 1,220'
    i = k - 1
    while i >= start and kinds[i][0] == "text":
        i -= 1
    if (
        i >= start
        and i + 1 < k
        and _bare_number(kinds[i])
        and any(
            re.search(r"[、。]", ctx.text[slice(*t)]) for t in toks[i + 2 : name_end]
        )
    ):
        # '9 名前 …を…で除したもので、農業経営体 1経営体当たりの… 万円 415': the
        # numbered token names the row, the words after it (spaced by the PDF) explain it
        k, name_end = i + 1, i + 2
    return k, name_end


def _bare_number(kind: tuple[Any, ...]) -> bool:
    """A row's number: a value of 1-3 digits without a unit."""
    q = kind[1]
    return kind[0] == "value" and not q.unit and bool(re.fullmatch(r" ?\d{1,3}", q.raw))


def _explains(cell: str, name: str) -> bool:
    """`cell` explains the `name` before it: a sentence or a clause
    ('各市町村において、…の世帯数'), the name none ('…カバー率')."""
    return (
        bool(_description(cell) or re.search(r"[、。]", cell))
        and not _description(name)
        and not re.search(r"[、。]", name)
        and len(name) >= 3
        and not _HIRAGANA_END.search(name)
    )


def _dated_token(ctx: Ctx, tok: tuple[int, int]) -> bool:
    """A token holding a year outside parentheses: a name's '(対2013年比)'
    qualifies it ('…の取得日数(対2013年比)'), it is no year label."""
    s, e = tok
    depth = [0] * (e - s + 1)
    for i, ch in enumerate(ctx.text[s:e]):
        depth[i + 1] = depth[i] + {"(": 1, ")": -1}.get(ch, 0)
    return any(
        s <= ys < e and year and depth[ys - s] == 0 for ys, _ye, year in ctx.years
    )


def _numbered_before(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int, int],
) -> bool:
    """The one-token name at `k` explains the token before it, which a row
    number leads: that one is the name."""
    start, k, first = bounds
    if k - 2 < start or kinds[k - 1][0] != "text" or not _bare_number(kinds[k - 2]):
        return False
    desc, name = (ctx.text[slice(*toks[i])] for i in (k, k - 1))
    return kinds[k + 1][0] == "unit" if k + 1 < first else describes(desc, name)


def _space_row_at(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int, int],
    header: list[tuple[str, int | None]] | None,
) -> tuple[Found, list[tuple[str, int | None]], int] | None:
    """The row whose values begin at token `first`, its columns (a header for
    the rows after it) and the token after it."""
    start, first, end = bounds
    named = _space_name(ctx, toks, kinds, start, first)
    if named is None:
        return None
    name_start, name_end = named
    if compared([ctx.text[slice(*t)] for t in toks[start:name_start]]):
        return None
    if _estimates_only(ctx, toks[:name_start]) or _figures_by_name(
        ctx, toks, kinds, (start, name_start, name_end)
    ):
        return None
    if (
        name_end - name_start == 1
        and name_start > start
        and kinds[name_start - 1][0] == "text"
    ):
        spans = [(*toks[name_start - 1], "text"), (*toks[name_start], "text")]
        if _qualified_name(ctx.text, spans, 1) == 0:  # '…取得率 国家公務員 13%'
            name_start, name_end = name_start - 1, name_start
    s, e = toks[name_start][0], toks[name_end - 1][1]
    raw_name, goal = name_goal(_footnote_off(ctx.text[s:e]))
    name_text = clean_name(raw_name)
    sheet = sheet_row(ctx, toks, kinds, (first, end))
    if sheet is not None:
        heads = [toks[i] for i in range(start, name_start) if kinds[i][0] == "label"]
        sheet = under_header(sheet, columns(ctx, heads)) or sheet
        return _sheet_found(ctx, (name_text, ctx.span(s, e)), sheet, goal)
    timed = "時期" in ctx.text[:s]  # '… (時期) … 13.0% 2019年度 7.2% 2017年度'
    row = [
        (*kinds[i][:2], ctx.text[slice(*toks[i + 1])])
        if timed
        and not kinds[i][2]
        and i + 1 < len(toks)
        and kinds[i + 1][0] == "label"
        and year_at(ctx, *toks[i + 1])
        else kinds[i]
        for i in range(first, end)
        if kinds[i][0] in ("value", "empty", "maintain")
    ]
    if header is None and yearly_results(ctx, toks, kinds, (first, end)):
        return None
    cols = header
    if cols is None:
        cols = _space_cols(ctx, toks, kinds, (name_start, name_end, first, end))
    units = {q.unit for _, q, _ in row if q is not None}
    if (
        len(row) < len(cols)
        and end < len(toks)
        and _UNNUMBERED_GOAL_RE.fullmatch(ctx.text[slice(*toks[end])])
    ):
        return None  # '現状 目標 … 出生数の増加 2,313人 増加': the goal has no number
    repeated = end < len(toks) and clean_name(ctx.text[slice(*toks[end])]) == name_text
    if not name_ok(name_text) or len(units) > 1 or _NO_GOAL_NAME_RE.search(name_text):
        return None
    if len(row) < 2 and not cols and not repeated:
        return None
    unit_tok = next(
        (
            ctx.text[slice(*toks[i])].strip("()")
            for i in range(name_end, end)
            if kinds[i][0] == "unit"
            or kinds[i][0] == "paren"
            and unit_scale(ctx.text[slice(*toks[i])].strip("()"))
        ),
        "",
    )  # '人', or '(万人)' after the name
    found = fill_row(
        ctx, (name_text, ctx.span(s, e)), row[:1] if repeated else row, cols if not repeated else [],
        unit_tok, "" if repeated else ctx.text[toks[end - 1][1] :],
    )  # fmt: skip
    if found is None:
        return None
    apply_goal(found, goal)
    if "/" in unit_tok:
        found.per = "year"
    tail = ctx.text[toks[end - 1][1] : toks[end - 1][1] + 12]
    if LOWER_WORDS.match(tail.strip()):
        found.direction = "lower"
    return found, cols, end


_ESTIMATE_HEAD_RE = re.compile(r"試算|推計|予測|見込")


def _estimates_only(ctx: Ctx, head: list[tuple[int, int]]) -> bool:
    """'現状値 令和10年度 試算値 令和14年度 試算値 パターン1 …': a header of
    estimates and no goal column heads projections."""
    words = "".join(ctx.text[slice(*t)] for t in head)  # '試 算 値' spaced by a PDF
    return bool(_ESTIMATE_HEAD_RE.search(words)) and "目標" not in words


def _figures_by_name(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int, int],
) -> bool:
    """'A における女性委員比率 B における女性委員比率 22.9% 23.0%': two names of one
    measure and no header, a value each (a table of figures, as
    `_figures_by_column` for '|' rows)."""
    start, name_start, name_end = bounds
    if name_start == start or any(k[0] == "label" for k in kinds[:name_start]):
        return False
    before = ctx.text[slice(*toks[name_start - 1])].strip()
    name = ctx.text[toks[name_start][0] : toks[name_end - 1][1]].strip()
    common = os.path.commonprefix([before[::-1], name[::-1]])
    return kinds[name_start - 1][0] == "text" and len(common) >= 4 and before != name


def _sheet_found(
    ctx: Ctx,
    name: tuple[str, tuple[int, int]],
    sheet: tuple[list[Any], list[tuple[str, int | None]], str, int],
    goal: str | None,
) -> tuple[Found, list[tuple[str, int | None]], int] | None:
    """A KPI sheet's row (table_sheets) filled in."""
    row, cols, counter, end = sheet
    if not name_ok(name[0]) or _NO_GOAL_NAME_RE.search(name[0]):
        return None
    found = fill_row(ctx, name, row, cols, counter)
    if found is None:
        return None
    found.unit = found.unit or counter
    apply_goal(found, goal)
    return found, cols, end


def _space_cols(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int, int, int],
) -> list[tuple[str, int | None]]:
    """The columns of a row flattened with spaces: the labels between the name
    and its values ('名前(%) 現状値 R5 R6 19 18 15'), else those in front of the
    name; or a year after the first of two values, its date ('55.8% 2021年度
    60.8%')."""
    name_start, name_end, first, end = bounds
    heads = [i for i in range(0, first) if kinds[i][0] in ("label", "paren")]
    after = [i for i in heads if i >= name_end]
    cols = columns(
        ctx, [toks[i] for i in (after or [i for i in heads if i < name_start])]
    )
    at = [i for i in range(first, end) if kinds[i][0] == "value"]
    years = [
        year_at(ctx, *toks[i - 1]) if kinds[i - 1][0] == "label" else None for i in at
    ]
    if len(at) >= 2 and rising(years) and (not cols or len(cols) == 1):
        for i, year in zip(at, years, strict=True):  # '令和4年 120万人 令和9年 150万人'
            ctx.column_labels[year] = ctx.text[slice(*toks[i - 1])]
        kinds_ = ["base"] + ["actual"] * (len(at) - 2) + ["target"]
        return list(zip(kinds_, years, strict=True))
    trailing = trailing_dates(ctx, toks, kinds, at)
    if not cols and trailing:
        return trailing
    if cols or len(at) != 2 or kinds[first][0] != "value" or kinds[first][2]:
        return cols  # (a value with its own '(令和元年度)' is dated already)
    between = [i for i in range(at[0] + 1, at[1]) if kinds[i][0] == "label"]
    year = year_at(ctx, *toks[between[0]]) if len(between) == 1 else None
    if year is None:
        return cols
    ctx.column_labels[year] = ctx.text[slice(*toks[between[0]])]
    return [("base", year), ("target", None)]
