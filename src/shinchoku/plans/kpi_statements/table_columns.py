"""A 効果検証 sheet's row: the columns' labels (a starting value, the latest
result, the target, each maybe with its year) and a row of values read in the
labels' order, whatever the copy interleaves —
`ベース ライン値 直近実績値 目標値 (2010年) | 日常生活の歩数(男性) 8,202歩 7,676歩 9,200歩`,
`指標名 X(千円) 現状値 (H26) 22,585 実績 改善・悪化 達成度 目標値 (H31) 20,563 ○ A 20,000`,
`目標指標 基準値 (H26) 実績値 (H27) 目標値 (H31) 3 9 12 延べ 2 延べ 6 延べ 8 X(件) Y(人)`
(two rows, their names after the values).

Only the three labels in that order make such a sheet; the result is left out
(one indicator a row), marks between the values (`○ A`) are its evaluation."""

from __future__ import annotations

import datetime as dt
import re

from shinchoku.plans.kpi_statements.context import Ctx, new_found
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_text import Quantity

_LABEL_RE = re.compile(
    r"(?P<base>ベース ?ライン値|基準値|現状値)|(?P<act>(?:直近)?実績値?|最新値)"
    r"|(?P<goal>目標値)"
)
_YEAR_AFTER_RE = re.compile(r" ?\( ?[^()]{2,10}\)")
_MARKS_RE = re.compile(r"^(?:\s*(?:[○◎△×▲◯-]|[A-E]|延べ))*\s*$")
_UNIT_RE = re.compile(r" ?\((千円|円|万円|ha|t|件|人|回|%|か所|団体|社|世帯|m2|km)\)$")
_SHEET_WORDS_RE = re.compile(r"指 ?標 ?名|目標指標|改善 ?・ ?悪化|達成度|区分|\|")


def labelled_columns(ctx: Ctx) -> list[Found]:
    """The rows of a sheet labelled 基準値 | 実績値 | 目標値, one indicator each."""
    text = ctx.text
    labels = list(_LABEL_RE.finditer(text))
    if [m.lastgroup for m in labels] != ["base", "act", "goal"]:
        return []
    values = [q for q in ctx.values if q.start not in ctx.used]
    if not values or len(values) % 3 or values[0].start < labels[0].end():
        return []
    if any(not _marks(text[a.end : b.start]) for a, b in _pairs(values)):
        return []
    names = _names(ctx, labels, values)
    if names is None:
        return []
    found = []
    for i, (name, span, unit) in enumerate(names):
        base, _, goal = values[3 * i : 3 * i + 3]
        f = new_found(ctx, (name, ctx.span(*span)), goal, goal.unit or unit)
        f.baseline = base.value
        f.spans["baseline"] = ctx.span(base.start, base.end)
        f.baseline_date = _as_of(ctx, labels[0].end())
        f.deadline_fy = _year(ctx, labels[2].end())
        f.direction = "lower" if goal.value < base.value else "higher"
        if re.search(r"延べ ?$", text[: goal.start]):
            f.per = "cumulative"
        found.append(f)
    ctx.used.update(q.start for q in values)
    return found


def _pairs(values: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    return list(zip(values, values[1:], strict=False))


def _marks(between: str) -> bool:
    """Only evaluation marks, labels and their years between two values."""
    left = _YEAR_AFTER_RE.sub(" ", _LABEL_RE.sub(" ", between))
    return bool(_MARKS_RE.match(_SHEET_WORDS_RE.sub(" ", left)))


def _names(
    ctx: Ctx, labels: list[re.Match[str]], values: list[Quantity]
) -> list[tuple[str, tuple[int, int], str]] | None:
    """Each row's name, span and unit: after the values (one a row), else before
    the first label or the first value of a row under its header."""
    text = ctx.text
    rows = len(values) // 3
    tail = text[values[-1].end :]
    words = list(re.finditer(r"\S+", tail))
    if words:
        if len(words) != rows:
            return None
        spans = [(values[-1].end + w.start(), values[-1].end + w.end()) for w in words]
    elif rows == 1:
        bar = text.find("|", labels[-1].end())
        at, end = (bar + 1, values[0].start) if bar >= 0 else (0, labels[0].start())
        spans = [(at, end)]
    else:
        return None
    out = []
    for a, b in spans:
        raw = _SHEET_WORDS_RE.sub(" ", text[a:b]).strip()
        unit = _UNIT_RE.search(raw)
        raw = raw[: unit.start()] if unit else raw
        name = clean_name(raw)
        if not name_ok(name) or re.search(r"\d|値", name):
            return None
        at = a + text[a:b].find(raw)
        out.append((name, (at, at + len(raw)), unit.group(1) if unit else ""))
    return out


def _year_token(ctx: Ctx, at: int) -> tuple[str, int] | None:
    m = _YEAR_AFTER_RE.match(ctx.text, at)
    if m is None:
        return None
    year = next((y for s, _, y in ctx.years if m.start() <= s < m.end() and y), None)
    return (m.group(0), year) if year else None


def _year(ctx: Ctx, at: int) -> int | None:
    token = _year_token(ctx, at)
    return token[1] if token else None


def _as_of(ctx: Ctx, at: int) -> dt.date | None:
    """A sheet's year is a fiscal year unless written as a calendar one."""
    token = _year_token(ctx, at)
    if token is None:
        return None
    words, year = token
    if re.search(r"\d{4} ?年(?!度)", words):
        return dt.date(year, 12, 31)
    return dt.date(year + 1, 3, 31)
