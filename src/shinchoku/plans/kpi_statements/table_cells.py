"""The cells of a table row flattened to text: what each cell holds, the
columns a header names and their roles, and the indicator a row of values
fills in."""

from __future__ import annotations

import re

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_statements.context import Ctx, set_baseline, year_at
from shinchoku.plans.kpi_statements.found import Found, Span
from shinchoku.plans.kpi_statements.lexicon import COMPARATOR_AFTER_RE
from shinchoku.plans.kpi_statements.values import paren_after, year_in
from shinchoku.plans.kpi_text import UNIT_FORMS, Quantity

# A cell: ('value'|'empty'|'maintain'|'unit'|'label'|'text', quantity, paren).
Cell = tuple[str, Quantity | None, str | None]

_UNIT_TOKEN_RE = re.compile(
    "^(?:"
    + "|".join(re.escape(f) for forms in UNIT_FORMS.values() for f in forms)
    + r"|千人|万人|千円|百万円|万円|億円)(?: ?/ ?年度?)?$"
)
_PLACEHOLDER_RE = re.compile(r"^(?:[―\-—−‐–ー─━]+|なし|-)$")
_MAINTAIN_CELL_RE = re.compile(r"^(?:現状値?を?維持|現状維持|維持|現状値?以上)")
_COLUMN_LABEL_RE = re.compile(
    r"^\(?(?:現状値?|基準値?|目標値?|目標数値|策定時(?:の値)?|目標設定時|中間目標|最終目標|当初"
    r"|(?:\d{1,2} ?年度?)?(?:実績値?|見込み?)|\d+ ?[ヵかカケヶ]年目標|めざそう値|進捗率|達成率|達成度|累計)\)?"
    r"(?: ?\([^()]*\))?$"
)
_SKIP_CELL_RE = re.compile(r"^(?:当初|区分|単位|計画|実績|見込み?)$")


def _column_kind(cell: str) -> str:
    if re.search(r"目標設定時|策定時|基準|当初", cell):
        return "base"
    if re.search(r"実績|現在|見込|速報|進捗率|達成率|達成度", cell):
        return "actual"
    if "目標" in cell or "めざそう" in cell:
        return "target"
    if "現状" in cell:
        return "current"
    return "plain"


def columns(ctx: Ctx, cells: list[tuple[int, int]]) -> list[tuple[str, int | None]]:
    """Value columns named by a header: (kind, year); the year's words are kept
    in `ctx.column_labels` (a FY and a calendar year date a baseline apart)."""
    cols: list[tuple[str, int | None]] = []
    for s, e in cells:
        cell = ctx.text[s:e].strip()
        year = year_at(ctx, s, e)
        if year is None and not _COLUMN_LABEL_RE.match(cell):
            continue
        kind = _column_kind(cell)
        if year is None and cell.startswith("(") and cols and cols[-1][0] == "plain":
            cols[-1] = (kind, cols[-1][1])  # '平成 25 (基準値)'
            continue
        if year is not None:
            ctx.column_labels[year] = cell
        if year is not None and kind == "plain" and cell.startswith("("):
            open_label = next((i for i, c in enumerate(cols) if c[1] is None), None)
            if open_label is not None:
                cols[open_label] = (
                    cols[open_label][0],
                    year,
                )  # labels, then their years
                continue
        cols.append((kind, year))
    return cols


def _roles(cols: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """Each column's role: baseline, target (with its FY) or ignore."""
    kinds = [k for k, _ in cols]
    has_base = "base" in kinds
    has_target = "target" in kinds
    out = []
    for i, (kind, year) in enumerate(cols):
        if kind == "base" or (kind in ("current", "plain") and i == 0 and not has_base):
            role = "baseline"
        elif kind == "target" or (kind == "plain" and not has_target):
            role = "target"
        else:
            role = "ignore"
        out.append((role, year))
    return out


def cell_value(ctx: Ctx, s: int, e: int) -> Cell:
    """('value'|'empty'|'maintain'|'unit'|'label'|'text', quantity, paren)."""
    cell = ctx.text[s:e].strip()
    if not cell or _PLACEHOLDER_RE.match(cell):
        return "empty", None, None
    if _MAINTAIN_CELL_RE.match(cell):
        return "maintain", None, cell
    if _UNIT_TOKEN_RE.match(cell):
        return "unit", None, None
    inside = [q for q in ctx.values if s <= q.start < e]
    if len(inside) == 1:
        q = inside[0]
        rest = ctx.text[s : q.start] + ctx.text[q.end : e]
        rest = re.sub(
            r"\([^()]*\)|以上|以下|未満|以内|超|削減|縮減|増加|減少|増|減|[\s:]",
            "",
            rest,
        )
        if not rest:
            comp = COMPARATOR_AFTER_RE.match(ctx.text[q.end : q.end + 5])
            paren = paren_after(ctx.text, q.end + (comp.end() if comp else 0))
            return "value", q, paren[0] if paren else None
    if _SKIP_CELL_RE.match(cell) or _COLUMN_LABEL_RE.match(cell):
        return "label", None, None
    if year_at(ctx, s, e) is not None:
        rest = ctx.text[s:e]
        for ys, ye, _ in ctx.years:
            if s <= ys < e:
                rest = rest.replace(ctx.text[ys:ye], "")
        if len(re.sub(r"[\s()]", "", rest)) <= 5:
            return "label", None, None  # '平成19年度調査', 'R6年度末', '平成13年実績'
    return "text", None, None


def _with_era(ctx: Ctx, label: str, pos: int) -> str:
    """'32年度' in a row whose baseline reads '平成28年度': the era written before."""
    m = kpi_text.YEAR_RE.search(label)
    if not m or not m["short"]:
        return label
    era = kpi_text.era_before(ctx.text, pos)
    return label[: m.start()] + era + label[m.start() :] if era else label


def _is_change_cell(ctx: Ctx, q: Quantity) -> bool:
    return bool(re.match(r"^(?:増|減|削減)", ctx.text[q.end : q.end + 2]))


def _unit_from_name(name: str) -> tuple[str, str]:
    """'…割合(%)' → ('…割合', '%'); '…の計(事務数)' → ('…の計', '事務')."""
    m = re.search(r"\(([^()]+?)(?:数)?(?:\([^()]*\))?\)$", name)
    if m and m.group(1) in kpi_text._FORM_TO_UNIT:  # noqa: SLF001
        return name[: m.start()].strip(), kpi_text._FORM_TO_UNIT[m.group(1)]  # noqa: SLF001
    return name, ""


def _row_roles(
    ctx: Ctx,
    values: list[Cell],
    cols: list[tuple[str, int | None]],
    ends_in_words: bool,
) -> list[tuple[str, int | None]] | None:
    """Each value cell's role: the header's columns when they fit; else the last
    value is the target, after a baseline when there are two (or a value, then
    '現状維持' cells); None for three or more values and no header."""
    roles = _roles(cols) if len(cols) == len(values) else None
    if roles is None and len(values) == 1 < len(cols) and ends_in_words:
        roles = _roles(cols)[: len(values)]  # '57,277件(28年) | 減少を目指します(32年)'
    if roles is not None:
        return roles
    present = [c for c in values if c[0] != "empty"]
    changes = all(c[1] is not None and _is_change_cell(ctx, c[1]) for c in present)
    if len(values) == 1 or len(present) == 1 and values[0][0] == "empty" or changes:
        return [("ignore", None)] * (len(values) - 1) + [("target", None)]
    if len(values) == 2:
        return [("baseline", None), ("target", None)]
    if values[0][0] == "value" and all(c[0] == "maintain" for c in values[1:]):
        return (
            [("baseline", None)]
            + [("ignore", None)] * (len(values) - 2)
            + [("target", None)]
        )
    return None  # three or more values and no header: a table of results


def fill_row(
    ctx: Ctx,
    name: tuple[str, Span],
    cells: list[Cell],
    cols: list[tuple[str, int | None]],
    unit: str,
    ends_in_words: bool = False,
) -> Found | None:
    values = [c for c in cells if c[0] in ("value", "empty", "maintain")]
    while values and values[-1][0] == "empty":
        values.pop()
    if not any(c[0] == "value" for c in values):
        return None
    roles = _row_roles(ctx, values, cols, ends_in_words)
    if roles is None:
        return None
    plain, bare_unit = _unit_from_name(name[0])
    f = Found(name=plain, unit="")
    f.spans["name"] = name[1]
    last_target = None
    for (kind, q, paren), (role, year) in zip(values, roles, strict=True):
        if paren and q is not None:
            paren = _with_era(ctx, paren, q.end)
            if ctx.header_fy and re.fullmatch(r" ?[RH] ?\d{1,2} ?", paren):
                paren += "年度"  # '(R2)' under '現状値 (評価年度)'
        if kind == "maintain" and role == "target":
            f.comparator = "以上" if paren and "以上" in paren else "維持"
            f.target = f.baseline  # '現状値を維持', '現状値以上'
            f.deadline_fy = year or f.deadline_fy
            continue
        if kind != "value" or q is None:
            continue
        ctx.used.add(q.start)
        if role == "baseline":
            label = (
                paren
                if paren and year_in(paren)
                else (ctx.column_labels.get(year) if year else None)
            )
            set_baseline(ctx, f, q, label)
        elif role == "target":
            fy = year or (year_in(paren) if paren else None)
            if fy is not None:
                f.targets[fy] = q.value
            last_target = (q, fy)
    if last_target is not None:
        q, fy = last_target
        f.target, f.deadline_fy = q.value, fy
        f.spans["target"] = ctx.span(q.start, q.end)
        f.per = "year" if q.per_year else f.per
    if f.target is None:
        return None
    if len(f.targets) < 2:
        f.targets = {}
    unit_q = next((c[1] for c in values if c[1] is not None and c[1].unit), None)
    f.unit = unit_q.unit if unit_q else (unit or bare_unit)
    return f
