"""The entry points: one statement, or the lines of a text with a table's
header read in front of the rows under it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_statements.arrows import arrows
from shinchoku.plans.kpi_statements.canonical import canonical, heading_title
from shinchoku.plans.kpi_statements.context import Ctx, norm_pos
from shinchoku.plans.kpi_statements.finish import distinct, finish
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.framed import (
    announced_bullets,
    counted_goal_bullets,
    framed_line,
)
from shinchoku.plans.kpi_statements.goal_pairs import (
    announced_changes,
    goal_pairs,
    kpi_sheet_row,
    target_population,
)
from shinchoku.plans.kpi_statements.headed_items import (
    dated_stages,
    headed_items,
    labelled_blocks,
)
from shinchoku.plans.kpi_statements.labelled import labelled
from shinchoku.plans.kpi_statements.listed import listed_line
from shinchoku.plans.kpi_statements.parts import by_parts
from shinchoku.plans.kpi_statements.prose import prose
from shinchoku.plans.kpi_statements.prose_aims import aimed_goals, missed_goals
from shinchoku.plans.kpi_statements.prose_lists import goal_lists
from shinchoku.plans.kpi_statements.prose_slogans import slogan_goals
from shinchoku.plans.kpi_statements.refusals import refused
from shinchoku.plans.kpi_statements.renames import renamed
from shinchoku.plans.kpi_statements.settle import settled
from shinchoku.plans.kpi_statements.staged import staged_line
from shinchoku.plans.kpi_statements.table_columns import labelled_columns
from shinchoku.plans.kpi_statements.table_header_row import header_row
from shinchoku.plans.kpi_statements.table_pairs import goal_result_rate, header_pairs
from shinchoku.plans.kpi_statements.table_rows import pipe_row
from shinchoku.plans.kpi_statements.table_space import space_row, token_cells
from shinchoku.plans.kpi_statements.table_stages import header_stages
from shinchoku.plans.kpi_statements.table_year_labels import year_labelled_row
from shinchoku.plans.kpi_statements.table_years import yearly_schedule
from shinchoku.plans.kpi_statements.values import (
    ERA_HINT,
    LINE,
    PLAN,
    counted,
    dash_cell,
    is_value,
    mask_years,
    word_zeros,
)
from shinchoku.plans.kpi_text import Mapped

MAX_STATEMENT = 2000  # characters; a longer line is cut (real statements are < 600)


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def extract_statement(
    text: str, *, first_fy: int | None = None, last_fy: int | None = None
) -> list[Found]:
    """The indicators one statement (a line of a plan) states targets for, in the
    order they appear. `first_fy`/`last_fy` are the plan's period: 'N年間で' is
    counted from `first_fy`; a target without a stated deadline gets `last_fy`.
    A numbered heading and its title opening the line ('施策1-2 子育て支援の
    充実 …') are read apart; the title names a goal only when the statement
    after it states none ('施策1 子育て支援の充実 目標:85%')."""
    found = _line(text[:MAX_STATEMENT], first_fy, last_fy)
    return by_parts(
        text[:MAX_STATEMENT], found, lambda part: _line(part, first_fy, last_fy)
    )


def _line(text: str, first_fy: int | None, last_fy: int | None) -> list[Found]:
    normalized = kpi_text.normalize(text)
    found = _statement(canonical(normalized), first_fy, last_fy)
    title = heading_title(normalized)
    if found or title is None or not _nameless(canonical(normalized).text):
        return found
    whole = _statement(canonical(normalized, heading=False), first_fy, last_fy)
    return [f for f in whole if _named_by(f, *title)]


# What a statement naming no measure holds: '目標:85%', '目標値 1,000人(令和7年度)'
_NAMELESS_WORDS_RE = re.compile(
    r"数値目標|目標値|目標|現状値|基準値|以上|以下|未満|までに|を?(?:目指す|めざす|維持)"
    r"|とする|(?:令和|平成|R|H)? ?\d{1,4} ?年度?末?"
)


def _nameless(rest: str) -> bool:
    """The statement after a heading names no measure: no word of two letters is
    left once its labels, years and goal words are."""
    left = _NAMELESS_WORDS_RE.sub(" ", rest)
    return not re.search(r"[\u3040-\u30ff\u4e00-\u9fffA-Za-z]{2}", left)


def _named_by(f: Found, title: str, span: tuple[int, int]) -> bool:
    """`f` named by the heading: its name ends in the title (the heading's
    number before it dropped)."""
    name = f.spans.get("name")
    if name is None or not span[0] < name[1] <= span[1]:
        return False
    if name[0] < span[0]:
        f.name, f.spans["name"] = title, span
    return True


def _statement(
    mapped: Mapped, first_fy: int | None, last_fy: int | None
) -> list[Found]:
    wrapped = re.fullmatch(r" ?\((.*)\) ?", mapped.text)
    if (
        wrapped
        and "(" not in wrapped.group(1).split(")")[0][:0]
        and _balanced(wrapped.group(1))
    ):
        mapped = Mapped(
            wrapped.group(1), mapped.origin[wrapped.start(1) : wrapped.end(1) + 1]
        )
    norm = mapped.text
    if not re.search(r"\d|ゼロ", norm):
        return []
    line, plan = LINE.set(norm), PLAN.set((first_fy, last_fy))
    try:
        found = _read(mapped, first_fy, last_fy)
        if _measured_ahead(found) and _BARE_YEAR_RE.search(norm):
            hint = ERA_HINT.set("平成")
            try:
                again = _read(mapped, first_fy, last_fy)
            finally:
                ERA_HINT.reset(hint)
            found = found if _measured_ahead(again) else again
        return found
    finally:
        LINE.reset(line)
        PLAN.reset(plan)


_BARE_YEAR_RE = re.compile(r"(?<![\d令和平成RH.])\d{2} ?年")


def _measured_ahead(found: list[Found]) -> bool:
    """A baseline dated after today: the bare years were read in the wrong era."""
    today = dt.date.today()
    return any(f.baseline_date is not None and f.baseline_date > today for f in found)


def statement_values(
    norm: str,
) -> tuple[list[kpi_text.Quantity], list[tuple[int, int, int]]]:
    """The numbers of a normalised statement that are values (not years, codes
    or page numbers), in order, and its years."""
    years = mask_years(norm)
    values = [
        v
        for q in (dash_cell(q, norm) for q in kpi_text.quantities(norm))
        if (v := q if is_value(q, norm, years) else counted(q, norm, years))
    ]
    return sorted(values + word_zeros(norm), key=lambda v: v.start), years


def _read(mapped: Mapped, first_fy: int | None, last_fy: int | None) -> list[Found]:
    norm = mapped.text
    values, years = statement_values(norm)
    if not values:
        return []
    ctx = Ctx(mapped, norm, values, years, first_fy, last_fy)
    blocks = labelled_blocks(
        ctx
    )  # '【基準値】2013年度 X 1,650t 【目標値】2030年度 X …'
    blocks += goal_result_rate(ctx)  # '目標数 32 入所者数 (末日現在) 34 達成率 94%'
    blocks += header_pairs(
        ctx
    )  # '項目 | 基準年度(H29) | 目標年度(R6) | X | 5,742 | 5,398'
    found = blocks + year_labelled_row(
        ctx
    )  # '婚姻率 平成 25 (基準値) … 平成 31 (目標値) 5.5‰ …'
    found += yearly_schedule(ctx)  # '令和2年度 … 令和7年度 特定健診受診率 35% … 60%'
    found += header_stages(ctx)  # '区分 H23年度 … H29年度 | X 件 10 … 60 目標値'
    found += header_row(
        ctx
    )  # '指標名 策定時 (2023年度) 目標値 (2028年度) | X 17.8% 9.5%'
    found += arrows(ctx)
    found += labelled(ctx)
    found += staged_line(ctx)  # before the rows: '目標 2060年 2万人 2040年 2.1万人'
    found += listed_line(ctx)  # '・UIJターン数(350人/年)': a KPI list's entry
    found += framed_line(ctx)  # '●新規求人数の増加(8,700件)': a frame's bullet
    found += announced_bullets(ctx)  # '次の3つの目標を掲げています。 ・人口3万人'
    found += announced_changes(ctx)  # '目標数値を設定します。 - X…15%削減'
    found += headed_items(ctx)  # '事業者別の削減目標 - A 38.8% - B 37.4%'
    found += dated_stages(ctx)  # 'Xを2025年度35%、2030年度40%を目標に'
    found += kpi_sheet_row(ctx)  # 'KPI 達成度H31年3月末 … X10件 9件(達成率 90%)'
    found += goal_pairs(ctx)  # '数値目標 X 5年間で15件 Y 5年後に333千人'
    found += target_population(ctx)  # '推計人口 9,935人 目標人口 11,500人 以上の確保'
    found += goal_lists(ctx)  # 'XをN、YをMまで上げることを目指す'
    found += slogan_goals(ctx)  # '“人口3万人”を目指す'
    found += aimed_goals(ctx)  # '目標値(R2:40%)に向けてXを段階的に高める'
    found += missed_goals(ctx)  # 'Xについては、…目標としていた数値(148名)を達成…できず'
    rows = pipe_row(ctx) if "|" in norm else _space_rows(ctx, bool(found))
    rows = [] if blocks else rows  # the blocks' values are all read
    if rows and "|" in norm:  # one row a line: later cells give its reasons
        end = max(b for r in rows for _, b in r.spans.values())
        found = [f for f in found if f.spans.get("target", (0, 0))[0] < end]
    elif rows:
        found = [f for f in found if not any(_across(f, r) for r in rows)]
    found += [r for r in rows if not _actual(ctx, r)]
    later = prose(ctx)
    if rows and "|" not in norm:  # a space row's later words give its reasons
        end = max(b for r in rows for _, b in r.spans.values())
        later = [f for f in later if f.spans.get("target", (0, 0))[0] < end]
    found += later
    found += counted_goal_bullets(ctx)  # '目標は4つ。 ・2040年にXが年間50人'
    if not found:  # '基準値 (H26) 実績値 (H27) 目標値 (H31) 3 9 12 X(件)'
        found = labelled_columns(ctx)
    out: list[Found] = []
    for f in distinct(found):
        if refused(ctx, f):
            continue
        q_end = None
        if f.spans.get("target"):
            start = norm_pos(ctx, f.spans["target"][0])
            q = next((v for v in values if v.start == start), None)
            q_end = q.end if q else None
        f = renamed(ctx, finish(ctx, f, q_end))
        if not settled(ctx, f, out):
            continue
        out.append(f)
        if f.deadline_fy is None and last_fy is not None:
            f.deadline_fy = last_fy
    out.sort(key=lambda f: f.spans.get("name", (0, 0))[0])
    return out


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


def _across(f: Found, row: Found) -> bool:
    """`f` was read across a space row: its value inside the row's name ('目標値
    (2023年度) 1日に30分以上歩く人の割合'), or its name running over the row's goal."""
    name, target = row.spans.get("name"), row.spans.get("target")
    if f.spans.get("name") == name or f.spans.get("target") == target:
        return f.name != row.name  # the row's own goal, named otherwise
    return _overlap(f.spans.get("target"), name) or _overlap(
        target, f.spans.get("name")
    )


def _space_rows(ctx: Ctx, read: bool) -> list[Found]:
    """Rows of cells joined by spaces; when the space reader finds none and
    no other form read the line, its tokens as cells (a PDF copy's)."""
    before = ctx.state()
    rows = space_row(ctx)
    if rows or read:
        return rows
    after = ctx.state()
    ctx.restore(before)
    rows = token_cells(ctx)
    if not rows:
        ctx.restore(after)  # the values are left to the other forms
    return rows


def _actual(ctx: Ctx, f: Found) -> bool:
    """A row's 'target' labelled as what was achieved ('(目標)7億円 (実績)8億円',
    '目標値 1,480人(R7) 実績値 1,210人'), or its 'baseline' as the goal."""
    if not f.spans.get("target"):
        return False
    at = norm_pos(ctx, f.spans["target"][0])
    if re.search(r"\(実績(?:値)?\) ?$|実績(?:値)?[::]? ?$", ctx.text[:at]):
        return True
    base = f.spans.get("baseline")
    return bool(
        base and re.search(r"目標値?[::]? ?$", ctx.text[: norm_pos(ctx, base[0])])
    )


_HEADER_RE = re.compile(
    r"現状|基準|目標|実績|策定時|めざそう|(?:令和|平成|R|H) ?\d{1,2}|\d{4} ?年"
)


def _header(line: str) -> bool:
    """A table's header row ('指標名 | 現状値(R4) | R6 | R8(目標)'): cells of
    labels and years, no values."""
    cells = [c for c in line.split("|") if c.strip()]
    if len(cells) < 3 or not _HEADER_RE.search(line):
        return False
    norm = kpi_text.normalize(line).text
    years = mask_years(norm)
    return not any(is_value(q, norm, years) for q in kpi_text.quantities(norm))


def _under_header(
    header: str, line: str, first_fy: int | None, last_fy: int | None
) -> list[Found]:
    """A table row read with its header line in front, spans moved to the row."""
    lead = f"{header.rstrip(' |')} | "
    out = []
    for f in extract_statement(lead + line, first_fy=first_fy, last_fy=last_fy):
        if any(end <= len(lead) for _, end in f.spans.values()):
            continue  # read (partly) from the header: not this row's
        f.spans = {
            k: (max(0, a - len(lead)), b - len(lead)) for k, (a, b) in f.spans.items()
        }
        out.append(f)
    return out


def extract_lines(
    lines: list[str], *, first_fy: int | None = None, last_fy: int | None = None
) -> list[dict[str, Any]]:
    """One object per line: {'line': n, 'text': line, 'indicators': [kpis…]}.
    Cells pasted from a spreadsheet (tab-separated) read as a table row; a
    table's header line (labels and years, no values) is read in front of the
    rows under it, until a line that is not a row."""
    out, header = [], None
    for n, line in enumerate(lines, start=1):
        row = line.replace("\t", "|")  # same length: the spans stay right
        found = extract_statement(row, first_fy=first_fy, last_fy=last_fy)
        if "|" not in row:
            header = None
        elif not found and _header(row):
            header = row
        elif header is not None:
            under = _under_header(header, row, first_fy, last_fy)
            if len(under) >= len(found) and under:
                found = under
        out.append(
            {"line": n, "text": line, "indicators": [f.to_kpi(line) for f in found]}
        )
    return out
