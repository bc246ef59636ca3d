"""Table rows flattened to text with cells joined by spaces (`防災訓練参加者数 人
820 1,000 増加を目指す`): several rows on one line under one header, a header a
PDF copy ran together, and a row nothing else reads with each token as a cell."""

from __future__ import annotations

import os
import re
from typing import Any

from shinchoku.plans.kpi_statements.context import Ctx, norm_pos, set_baseline, year_at
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.lexicon import LOWER_WORDS
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_statements.table_cells import (
    cell_date,
    cell_value,
    columns,
    compared,
    describes,
    fill_row,
)
from shinchoku.plans.kpi_statements.table_dates import (
    marked_rows,
    rising,
    trailing_dates,
    whole_quantity,
)
from shinchoku.plans.kpi_statements.table_rows import (
    NO_GOAL_NAME_RE,
    THRESHOLD_RE,
    cell_row,
    explains,
    footnote_off,
    qualified_name,
    sheet_found,
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
    if THRESHOLD_RE.search(ctx.text) and "目標" not in ctx.text:
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
    for f in cell_row(ctx, toks):
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
        and explains(ctx.text[slice(*toks[k])], ctx.text[slice(*toks[k - 1])])
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
    named = _row_name(ctx, toks, kinds, (start, first))
    if named is None:
        return None
    name_start, name_end = named
    s, e = toks[name_start][0], toks[name_end - 1][1]
    raw_name, goal = name_goal(footnote_off(ctx.text[s:e]))
    name_text = clean_name(raw_name)
    sheet = sheet_row(ctx, toks, kinds, (first, end))
    if sheet is not None:
        heads = [toks[i] for i in range(start, name_start) if kinds[i][0] == "label"]
        sheet = under_header(sheet, columns(ctx, heads)) or sheet
        return sheet_found(ctx, (name_text, ctx.span(s, e)), sheet, goal)
    timed = "時期" in ctx.text[:s]  # '… (時期) … 13.0% 2019年度 7.2% 2017年度'
    row = _row_values(ctx, toks, kinds, (first, end), timed)
    if header is None and yearly_results(ctx, toks, kinds, (first, end)):
        return None
    cols = header
    if cols is None:
        cols = _space_cols(ctx, toks, kinds, (name_start, name_end, first, end))
    repeated = end < len(toks) and clean_name(ctx.text[slice(*toks[end])]) == name_text
    if not _row_stands(ctx, toks, (end, repeated), name_text, (row, cols)):
        return None
    unit_tok = _row_unit(ctx, toks, kinds, (name_end, end))
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


def _row_name(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int],
) -> tuple[int, int] | None:
    """The tokens [a, b) naming the row whose values begin at token `first`,
    or None when the tokens before them say it is no goal's row (compared
    with, estimated, one of a table of figures)."""
    start, first = bounds
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
        if qualified_name(ctx.text, spans, 1) == 0:  # '…取得率 国家公務員 13%'
            name_start, name_end = name_start - 1, name_start
    return name_start, name_end


def _row_values(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int],
    timed: bool,
) -> list[tuple[Any, ...]]:
    """The value cells of tokens [first, end); under a `timed` header
    ('時期'), a value's date is the year label after it."""
    first, end = bounds
    return [
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


def _row_stands(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    after: tuple[int, bool],
    name_text: str,
    cells: tuple[list[tuple[Any, ...]], list[tuple[str, int | None]]],
) -> bool:
    """The row named `name_text`, its values and columns, ending at token
    `end` (`repeated` when the token there restates the name), is a goal's."""
    end, repeated = after
    row, cols = cells
    units = {q.unit for _, q, _ in row if q is not None}
    if (
        len(row) < len(cols)
        and end < len(toks)
        and _UNNUMBERED_GOAL_RE.fullmatch(ctx.text[slice(*toks[end])])
    ):
        return False  # '現状 目標 … 出生数の増加 2,313人 増加': the goal has no number
    if not name_ok(name_text) or len(units) > 1 or NO_GOAL_NAME_RE.search(name_text):
        return False
    return not (len(row) < 2 and not cols and not repeated)


def _row_unit(
    ctx: Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int],
) -> str:
    """The unit the row's tokens [name_end, end) state: '人', or '(万人)' after
    the name."""
    name_end, end = bounds
    return next(
        (
            ctx.text[slice(*toks[i])].strip("()")
            for i in range(name_end, end)
            if kinds[i][0] == "unit"
            or kinds[i][0] == "paren"
            and unit_scale(ctx.text[slice(*toks[i])].strip("()"))
        ),
        "",
    )


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
    table_rows' `_figures_by_column` for '|' rows)."""
    start, name_start, name_end = bounds
    if name_start == start or any(k[0] == "label" for k in kinds[:name_start]):
        return False
    before = ctx.text[slice(*toks[name_start - 1])].strip()
    name = ctx.text[toks[name_start][0] : toks[name_end - 1][1]].strip()
    common = os.path.commonprefix([before[::-1], name[::-1]])
    return kinds[name_start - 1][0] == "text" and len(common) >= 4 and before != name


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
