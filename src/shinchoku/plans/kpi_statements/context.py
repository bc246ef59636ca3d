"""The statement being read (its normalised text, values and years, the values
already used) and the helpers every form shares to make a `Found` from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shinchoku.plans.kpi_statements.found import Found, Span
from shinchoku.plans.kpi_statements.lexicon import BASE_LABELS, TARGET_LABELS
from shinchoku.plans.kpi_statements.names import clause_start, clean_name, name_ok
from shinchoku.plans.kpi_statements.values import date_of
from shinchoku.plans.kpi_text import Mapped, Quantity


@dataclass
class Ctx:
    mapped: Mapped
    text: str
    values: list[Quantity]
    years: list[tuple[int, int, int]]
    first_fy: int | None
    last_fy: int | None
    used: set[int] = field(default_factory=set)  # starts of values already read
    last_baseline_label: str = ""
    column_labels: dict[int, str] = field(default_factory=dict)
    header_fy: bool = (
        False  # the header dates its columns in 年度 ('現状値 (評価年度)')
    )

    def span(self, start: int, end: int) -> Span:
        return self.mapped.span(start, end)

    def state(self) -> tuple[set[int], str, dict[int, str], bool]:
        """What the forms change while reading, to try a reading and undo it."""
        return (
            set(self.used),
            self.last_baseline_label,
            dict(self.column_labels),
            self.header_fy,
        )

    def restore(self, state: tuple[set[int], str, dict[int, str], bool]) -> None:
        used, label, labels, header_fy = state
        self.used, self.last_baseline_label = set(used), label
        self.column_labels, self.header_fy = dict(labels), header_fy

    def free(self) -> list[Quantity]:
        return [q for q in self.values if q.start not in self.used]


def year_at(ctx: Ctx, start: int, end: int) -> int | None:
    for s, _e, year in ctx.years:
        if start <= s < end and year:
            return year
    return None


def name_before(ctx: Ctx, end: int, floor: int = 0) -> tuple[str, Span] | None:
    """The indicator's name in the phrase ending at `end`."""
    text = ctx.text
    e = end
    bracket = re.search(r"【([^【】]{2,40})】 ?$", text[floor:end])
    if bracket:  # '【自主防災組織率】85.2%→95%'
        name = clean_name(bracket.group(1))
        if name_ok(name):
            return name, ctx.span(floor + bracket.start(1), floor + bracket.end(1))
    while True:
        m = re.search(rf"(?:[\s::|=]|{BASE_LABELS}|{TARGET_LABELS})$", text[floor:e])
        if not m or m.start() == m.end():
            break
        e = floor + m.start()
    start = clause_start(text, e, floor)
    listed = re.search(r"\)(?:や|と|及び|および|、)", text[start:e])
    if listed:  # '…(目標額3億円)やLED防犯灯整備(同…)': the next of a list
        start += listed.end()
    name = clean_name(text[start:e])
    if not name or not re.search(r"[\u3040-\u30ff\u4e00-\u9fffA-Za-z]", name):
        return None
    offset = text.find(name[:1], start)
    return name, ctx.span(max(offset, start), e)


def new_found(
    ctx: Ctx, name: tuple[str, Span], target: Quantity | None, unit: str | None = None
) -> Found:
    f = Found(
        name=name[0], unit=unit if unit is not None else (target.unit if target else "")
    )
    f.spans["name"] = name[1]
    if target is not None:
        f.target = target.value
        f.spans["target"] = ctx.span(target.start, target.end)
        ctx.used.add(target.start)
        if target.per_year:
            f.per = "year"
    return f


def set_baseline(ctx: Ctx, f: Found, q: Quantity, date_label: str | None) -> None:
    f.baseline = q.value
    f.spans["baseline"] = ctx.span(q.start, q.end)
    ctx.used.add(q.start)
    if date_label:
        f.baseline_date = date_of(date_label)
    if q.per_year and not f.per:
        f.per = "year"


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`: between '。' (not inside parentheses) or '|'."""
    depth, start = 0, 0
    for i in range(pos - 1, -1, -1):
        ch = text[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth = max(0, depth - 1)
        elif ch in "。|" and depth == 0:
            start = i + 1
            break
    depth, end = 0, len(text)
    for i in range(pos, len(text)):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "。" and depth == 0:
            end = i
            break
    return start, end


def inside_parens(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def norm_pos(ctx: Ctx, original: int) -> int:
    """The first normalised index that maps to `original` (or after it)."""
    for i, o in enumerate(ctx.mapped.origin):
        if o >= original:
            return i
    return len(ctx.mapped.text)
