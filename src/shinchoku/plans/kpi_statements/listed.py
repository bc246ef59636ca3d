"""A KPI list's bullet line: `・UIJターン数(350人/年)`, `・地域経済循環率105%`,
`・農林畜産出荷額 RESAS農業算出総額:35億円`.

A 総合戦略's KPI list writes each indicator as a bullet, its name and the value
it aims for, and nothing else. The line itself shows it is such an entry: a
list marker, one measured quantity (a name ending in 数, 額, 率, 量, 割合…), one
value closing the line (bare, after a colon, or in parentheses), and no year,
verb or word of a result. Any more words (a date, '実績', 'となった', an
activity such as '…制度の活用:1410万円') and the line is not read here."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, new_found
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.lexicon import MEASURE_END_RE
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_statements.values import year_in

_BULLET_RE = re.compile(r"^ ?(?:[・●○〇◆■◇•▪◎] ?|- )")
# the name measures a quantity: a count, an amount, a rate, a share
_MEASURE_RE = MEASURE_END_RE
_NOT_LISTED_RE = re.compile(
    r"実績|現在|時点|結果|推計|見込|予測|推移|目標|基準|現状|前年|比べ|[をがはにで]"
)
_NOT_LISTED_COLON_RE = re.compile(
    r"実績|現在|時点|結果|推計|見込|予測|推移|目標|基準|現状|前年|比べ|[をがは]|で(?!き)"
)
# '(350人/年)', '(5年間で10件)', '(累計200人)', '(2023年度までに880団体)': the
# value in parentheses
_OPENED_RE = re.compile(
    r"[(【] ?(?:\d+ ?(?:年間|か年|カ年)で|累計|年間|毎年度?|(?P<by>(?:令和|平成|R|H)? ?\d{1,4} ?(?:\([^()]*\))? ?年度?"
    r"(?:\([^()]*\))? ?まで(?:に)?))? ?$"
)
_TAIL_RE = re.compile(r"^ ?(?:程度|前後)? ?(?:以上|以下|以内|未満)? ?[)】]? ?$")


def _name(
    ctx: Ctx, start: int, end: int, colon: bool = False
) -> tuple[str, tuple[int, int]] | None:
    """The words between the marker and the value: the name, or the name and a
    note on its source before a colon ('農林畜産出荷額 RESAS農業算出総額:')."""
    raw = ctx.text[start:end]
    raw = re.sub(r" ?(?:毎年度?|年間|累計|\d+ ?(?:年間|か年|カ年)で)$", "", raw)
    raw = re.sub(r" ?[(::] ?(?:概ね|おおむね|約)?$", "", raw)
    if not raw or re.search(r"(?<![A-Za-z])、|、(?![A-Za-z])|[。,()|:]", raw):
        return None
    words = raw.split(" ")
    if len(words) > 2:
        return None
    name = clean_name(words[0])
    if len(words) == 2 and not (
        _MEASURE_RE.search(name) and ":" in ctx.text[start:end]
    ):
        name = clean_name(raw)
    if not (
        2 <= len(name) <= (40 if colon else 30)
        and name_ok(name)
        and _MEASURE_RE.search(name)
    ):
        return None
    at = ctx.text.find(name[:1], start)
    return name, ctx.span(at, at + len(name))


def listed_line(ctx: Ctx) -> list[Found]:
    """The bullet line of a KPI list: its name and its target."""
    text = ctx.text
    bullet = _BULLET_RE.match(text)
    if bullet is None:
        return []
    free = ctx.free()
    if len(free) != 1 or not _TAIL_RE.match(text[free[0].end :]):
        return []
    q = free[0]
    opened = _OPENED_RE.search(text, 0, q.start)
    by = opened.start("by") if opened and opened["by"] else len(text)
    if any(year and s < by for s, _, year in ctx.years):
        return []  # a year other than the deadline in front of the value
    if text[q.end :].strip().endswith((")", "】")) != bool(opened):
        return []  # '(' before the value and ')' after it, or neither
    head = text[: opened.start() if opened else q.start]
    colon = re.search(r"[^\s:]: ?(?:概ね|おおむね|約)?$", head) is not None
    if re.search(r": ?約$", head):
        return []  # '〇 行政改革効果額:約3億3千万円': a tally rounded, no goal
    # after a colon the words may hold particles ('…について評価する市民の割合:80%')
    if (_NOT_LISTED_COLON_RE if colon else _NOT_LISTED_RE).search(head):
        return []
    name = _name(ctx, bullet.end(), opened.start() + 1 if opened else q.start, colon)
    if name is None:
        return []
    f = new_found(ctx, name, q)
    if opened and opened["by"]:
        f.deadline_fy = year_in(opened["by"])
    return [f]
