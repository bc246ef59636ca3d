"""The arrow form: `転入者数:1,210人(平成27年)→1,480人(令和2年)`,
`=70.1%→72.3%`, `⇒目標値1.30`; a tilde only between two dated values."""

from __future__ import annotations

import re

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_statements.context import (
    Ctx,
    name_before,
    new_found,
    set_baseline,
)
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.lexicon import TARGET_LABELS, WHEN
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_statements.values import fiscal_year_in, paren_after, year_in
from shinchoku.plans.kpi_text import Quantity

# A value's year in front of it, also an era letter without 年 ('H17 47% → H21 55%').
_WHEN_IN_FRONT = rf"(?:{WHEN}|(?<![A-Za-z])[RH] ?\d{{1,2}}(?![\d.,年]))"
ARROW_RE = re.compile(r" ?(?:→|⇒|➡|⇨|->|=>|〜>|~|〜) ?")
_TILDE = ("~", "〜")  # also a range: an arrow only between two dated values

# A change that happened: '45億円 → 43億円 に減少した'.
_HAPPENED_RE = re.compile(
    r"^ ?(?:に|へ|まで|と)?(?:減少|増加|改善|低下|上昇|推移|削減|縮減)"
    r"(?:した(?![いう])|しました|している|しています|してきた)|^ ?(?:となりました|となった)"
)


def _dated_pair(ctx: Ctx, left: Quantity | None, right: Quantity) -> bool:
    """'12.5万人(2016年)~15万人(2022年)': a baseline and a target, not a range."""
    if left is None or left.unit != right.unit:
        return False
    return any(
        (paren := paren_after(ctx.text, q.end)) is not None and year_in(paren[0])
        for q in (left, right)
    )


# '平成21年度(当初職員数801人)⇒平成26年度(当初職員数700人)': each year, then in
# parentheses the name and its value, the same name on both sides
_NAMED_IN_PARENS_RE = re.compile(
    rf"(?P<y1>{WHEN}) ?\((?P<n>[^()\d、。]{{2,20}}?) ?(?P<v1>\d[^()]*)\)"
    rf" ?(?:→|⇒) ?(?P<y2>{WHEN}) ?\((?P=n) ?(?P<v2>\d[^()]*)\)"
)


def _named_in_parens(ctx: Ctx) -> list[Found]:
    out = []
    for m in _NAMED_IN_PARENS_RE.finditer(ctx.text):
        left = next((q for q in ctx.values if q.start == m.start("v1")), None)
        right = next((q for q in ctx.values if q.start == m.start("v2")), None)
        name = clean_name(m.group("n"))
        if (
            left is None
            or right is None
            or left.unit != right.unit
            or not name_ok(name)
        ):
            continue
        f = new_found(ctx, (name, ctx.span(*m.span("n"))), right)
        # '当初職員数': the count on the FY's first day, the end of the FY before
        start = "当初" if name.startswith("当初") else ""
        set_baseline(ctx, f, left, m.group("y1") + start)
        fy = fiscal_year_in(m.group("y2"))
        f.deadline_fy = fy - 1 if fy and start else fy
        if f.target is not None and f.target < left.value:
            f.direction = "lower"
        out.append(f)
    return out


def arrows(ctx: Ctx) -> list[Found]:
    out: list[Found] = _named_in_parens(ctx)
    text, floor = ctx.text, 0
    for arrow in ARROW_RE.finditer(text):
        right = _right_of(ctx, arrow)
        if right is None or right.start in ctx.used:
            continue
        left = _left_of(ctx, arrow, floor)
        if arrow.group(0).strip() in _TILDE and not _dated_pair(ctx, left, right):
            continue
        after = re.sub(r"^ ?(?:\([^()]*\) ?)*", "", text[right.end : right.end + 40])
        if _HAPPENED_RE.match(after):
            continue  # '45億円 → 43億円 に減少した': a change that happened
        name_end, left_year = _name_end(ctx, arrow, left, floor)
        name = name_before(ctx, name_end, floor)
        floor = right.end
        if name is None:
            continue
        f = new_found(ctx, name, right, right.unit or (left.unit if left else ""))
        if left is not None:
            paren = _date_after(text, left.end)
            set_baseline(ctx, f, left, paren[0] if paren else left_year)
        paren = _date_after(text, right.end)
        if paren:
            f.deadline_fy = fiscal_year_in(paren[0])
        else:
            f.deadline_fy = fiscal_year_in(text[arrow.end() : right.start])
        _chain(ctx, f, right)
        if left is not None and f.target is not None and f.baseline is not None:
            if f.target < f.baseline:
                f.direction = "lower"
        if _year_on_year(ctx, f):
            continue
        out.append(f)
    return out


_NEXT_ARROW_RE = re.compile(r"(?: ?\([^()]*\))* ?(?:→|⇒|➡|⇨|->|=>)")


def _chain(ctx: Ctx, f: Found, right: Quantity) -> None:
    """'1.36(現在)→1.60(2020)→1.80(2030)→2.07(2040)': each further arrow's value
    a later stage, the last one the target; the dated stages its targets."""
    first = _stage_year(ctx, right)
    stages = {first: right.value} if first else {}
    while True:
        m = _NEXT_ARROW_RE.match(ctx.text, right.end)
        nxt = _right_of(ctx, m) if m else None
        if nxt is None or nxt.start in ctx.used or nxt.unit != right.unit:
            break
        ctx.used.add(nxt.start)
        fy = _stage_year(ctx, nxt)
        if fy:
            stages[fy] = nxt.value
        f.target, f.deadline_fy = nxt.value, fy
        f.spans["target"] = ctx.span(nxt.start, nxt.end)
        right = nxt
    if len(stages) >= 2:
        f.targets = stages


def _stage_year(ctx: Ctx, q: Quantity) -> int | None:
    """A chained value's year: its date, or a bare year in parentheses ('(2030)')."""
    paren = _date_after(ctx.text, q.end)
    if paren is None:
        return None
    bare = re.fullmatch(r" ?((?:19|20)\d{2}) ?", paren[0])
    return int(bare.group(1)) if bare else fiscal_year_in(paren[0])


def _year_on_year(ctx: Ctx, f: Found) -> bool:
    """'開催回数:11回【R5】→10回【R6】': a value and the next year's, with no
    word of a goal in the line, report a change; a plan aims further."""
    if f.baseline_date is None or f.deadline_fy is None:
        return False
    base_fy = f.baseline_date.year - (1 if f.baseline_date.month <= 3 else 0)
    if f.baseline_date.month == 12:
        base_fy = f.baseline_date.year  # a calendar year's value
    return f.deadline_fy - base_fy == 1 and not re.search(
        rf"目標|目指|めざ|{TARGET_LABELS}", ctx.text
    )


def _date_after(text: str, end: int) -> tuple[str, int, int] | None:
    """A value's date: in parentheses after it, or its year right after it
    ('5.5‰ 平成25年 → 5.9‰ 平成31年', as PDF text drops the parentheses)."""
    paren = paren_after(text, end)
    if paren:
        return paren
    bare = re.match(rf" ?({WHEN})(?= ?(?:→|⇒|$|[ 、。|]))", text[end:])
    return (bare.group(1), end + bare.start(1), end + bare.end(1)) if bare else None


def _right_of(ctx: Ctx, arrow: re.Match[str]) -> Quantity | None:
    """The target: the first value after the arrow, past a target label, a
    year and words such as '年間' or '約'."""
    return next(
        (
            q
            for q in ctx.values
            if q.start >= arrow.end()
            and re.fullmatch(
                rf" ?(?:{TARGET_LABELS})?[::]? ?(?:{_WHEN_IN_FRONT} ?)?(?:年間|累計|約|(?<!合)計|延べ|年|毎年度?|\d+ ?(?:年間|か年|カ年|ヵ年)で)? ?",
                ctx.text[arrow.end() : q.start],
            )
        ),
        None,
    )


def _left_of(ctx: Ctx, arrow: re.Match[str], floor: int) -> Quantity | None:
    """The baseline: the value right before the arrow (a parenthesis between
    them allowed), not before the previous arrow's target (`floor`)."""
    return next(
        (
            q
            for q in reversed(ctx.values)
            if q.end <= arrow.start()
            and q.start >= floor
            and re.fullmatch(
                rf" ?(?:\([^()]*\)|{WHEN})? ?", ctx.text[q.end : arrow.start()]
            )
        ),
        None,
    )


def _name_end(
    ctx: Ctx, arrow: re.Match[str], left: Quantity | None, floor: int
) -> tuple[int, str | None]:
    """Where the name before the arrow's values ends, past the baseline's year
    (returned as its date label) or, with no baseline, a dash and a unit."""
    text = ctx.text
    name_end = left.start if left else arrow.start()
    left_year = None
    if left is not None:
        pre = re.search(
            rf"(?:{_WHEN_IN_FRONT})? ?(?:年間|累計|約|(?<!合)計|延べ)? ?$",
            text[floor:name_end],
        )
        if pre and pre.group(0).strip():
            left_year = pre.group(0) if year_in(pre.group(0)) else None
            name_end = floor + pre.start()
    if left is None:
        gap = re.search(
            rf"[::=]?[ ―\-—−‐–]+(?:{kpi_text._UNIT_ALT})?(?: ?/ ?年度?)? ?$",
            text[floor:name_end],
        )  # noqa: SLF001
        name_end = floor + gap.start() if gap else name_end
    return name_end, left_year
