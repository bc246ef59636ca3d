"""A 総合戦略's 数値目標 as a row of names and their goals, and a target
population labelled as such.

* `数値目標 新規就農者数 5年間で15件 新規起業件数 5年間で15件`, `数値目標 観光客入込数
  5年後に333千人 …`: after the heading, each indicator's name and the goal for it,
  in turns; each goal a value, maybe after the period it is counted over
  (`5年間で`: cumulative) or reached in (`5年後に`), maybe bounded (`以上`). All
  the pairs are read, or none (a word of a result or an estimate, a verb, a
  value without a name: not such a row).
* `目標人口 11,500人 以上の確保`: the population a 人口ビジョン aims at, labelled
  `目標人口` (k818), beside a projection (`推計人口 9,935人`) that is no goal."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, new_found
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.lexicon import MEASURE_END_RE
from shinchoku.plans.kpi_statements.names import clean_name, name_ok

_HEAD_RE = re.compile(
    r"^ ?(?:[・●○■◆◇〇] ?)?(?:数値目標|目標値|成果指標|重要業績評価指標|KPI)"
    r"(?: ?\(KPI\))? ?[::]? (?=\S)"
)
# the name and the period before the goal's value
_PAIR_RE = re.compile(
    r"^ ?(?P<name>[^\s\d、。,:|()=→を]{2,30}(?:\([^()\d]{1,15}\))?) "
    r"(?:(?P<span>\d{1,2} ?(?:年間|か年|カ年)で)|\d{1,2} ?年後(?:に|まで(?:に)?)|累計) ?$"
)
_BARE_PAIR_RE = re.compile(r"^ ?(?P<name>[^\s\d、。,:|()=→を]{2,30}) ?$")
_TAIL_RE = re.compile(r"^ ?(?:程度|前後)? ?(?P<cmp>以上|以下|未満|以内)?(?= |$)")
_NOT_A_GOAL_RE = re.compile(
    r"実績|現状|基準|推計|見込|予測|結果|達成|時点|現在|[をがはにで]$"
)


def goal_pairs(ctx: Ctx) -> list[Found]:
    """The names and goals of a 数値目標 row, in turns; none unless all of the
    row's values are such goals and one is counted over or reached in a period."""
    text = ctx.text
    head = _HEAD_RE.match(text)
    if head is None or any(q.start in ctx.used for q in ctx.values):
        return []
    at, found, timed, state = head.end(), [], False, ctx.state()
    for q in ctx.values:
        if q.start < at:
            ctx.restore(state)
            return []
        gap = text[at : q.start]
        m = _PAIR_RE.match(gap) or _BARE_PAIR_RE.match(gap)
        tail = _TAIL_RE.match(text[q.end :])
        name = clean_name(m["name"]) if m else ""
        if (
            m is None
            or tail is None
            or not name_ok(name)
            or _NOT_A_GOAL_RE.search(m["name"])
        ):
            ctx.restore(state)
            return []
        timed = timed or m.re is _PAIR_RE
        f = new_found(
            ctx, (name, ctx.span(at + m.start("name"), at + m.end("name"))), q
        )
        f.direction = "higher"
        if m.re is _PAIR_RE and m["span"]:
            f.per = "cumulative"
        if tail["cmp"]:
            f.comparator = tail["cmp"]
        found.append(f)
        at = q.end + tail.end()
    if not timed or text[at:].strip():
        ctx.restore(state)
        return []
    return found


# '目標人口 11,500人 以上の確保', '目標人口:2万人': the population aimed at
_TARGET_POPULATION_RE = re.compile(
    r"(?<![\u4e00-\u9fff])目標(?P<name>(?:総|定住|将来)?人口) ?[::]? ?$"
)
_HELD_TAIL_RE = re.compile(
    r"^ ?(?:程度)? ?(?P<cmp>以上|以下)? ?(?:の(?:確保|維持|達成)|を(?:確保|維持|目指)|$|(?= ))"
)


def target_population(ctx: Ctx) -> list[Found]:
    """A value labelled `目標人口`: the population, its target."""
    for q in ctx.free():
        label = _TARGET_POPULATION_RE.search(ctx.text, 0, q.start)
        tail = _HELD_TAIL_RE.match(ctx.text[q.end :])
        if label is None or tail is None or q.unit != "人":
            continue
        f = new_found(ctx, ("人口", ctx.span(*label.span("name"))), q)
        f.direction = "higher"
        if tail["cmp"]:
            f.comparator = tail["cmp"]
        return [f]
    return []


# '…具体的な目標数値を設定します。 - 減量化率…15%削減 - リサイクル率…27%以上向上':
# a sentence says the bullets after it are goals, each a change of its measure
_SET_GOALS_RE = re.compile(
    r"目標(?:値|数値)?を(?:設定|掲げ|定め)(?:します|しました|ます|る|た)?。 ?(?=[-・●○] )"
)
_WAY_ITEM_RE = re.compile(
    r"^ ?[-・●○] ?(?P<name>[^\s、。,:|をがはにで]{2,30}?) ?(?:\.{2,}|・{2,}|:)? ?$"
)
_WAY_TAIL_RE = re.compile(
    r"^ ?(?P<cmp>以上|以下)? ?(?:の)?(?P<way>削減|減少|縮減|抑制|向上|増加|増)(?= |$)"
)


def announced_changes(ctx: Ctx) -> list[Found]:
    """Bullets of changes after a sentence setting them as goals, dated by the
    year the sentence gives ('目標年度(令和6年度)までに'); all of them or none."""
    text = ctx.text
    m = _SET_GOALS_RE.search(text)
    if m is None:
        return []
    by = [y for s, _, y in ctx.years if s < m.start() and y]
    deadline = by[-1] if by and "までに" in text[: m.start()] else None
    at, found, state = m.end(), [], ctx.state()
    for q in [q for q in ctx.values if q.start >= m.end()]:
        item = _WAY_ITEM_RE.match(text[at : q.start])
        tail = _WAY_TAIL_RE.match(text[q.end :])
        name = clean_name(item["name"]) if item else ""
        if item is None or tail is None or q.start in ctx.used or not name_ok(name):
            ctx.restore(state)
            return []
        span = ctx.span(at + item.start("name"), at + item.end("name"))
        f = new_found(ctx, (name, span), q)
        f.change, f.comparator, f.deadline_fy = True, tail["cmp"], deadline
        f.direction = "higher" if tail["way"] in ("向上", "増加", "増") else "lower"
        found.append(f)
        at = q.end + tail.end()
    return found if found and not text[at:].strip() else []


# '具体的な施策 KPI 達成度平成31年3月末 達成度令和2年3月末 X10件 9件(達成率 90%) …':
# a 効果検証 sheet's header of dated result columns, then the KPI and its results
_RESULT_COLUMN = r"(?:達成度|達成状況|実績値?) ?(?:令和|平成|R|H)? ?\d{1,4} ?年度? ?(?:\d{1,2} ?月末?)? ?"
_KPI_SHEET_RE = re.compile(
    rf"(?:^|\s)(?:KPI|重要業績評価指標) ?(?:{_RESULT_COLUMN}){{1,6}}"
)
_SHEET_NAME_RE = re.compile(r"^ ?(?P<name>[^\s\d、。,:|()]{2,30}) ?$")
_MEASURE_RE = MEASURE_END_RE


def kpi_sheet_row(ctx: Ctx) -> list[Found]:
    """The KPI under a header of dated result columns: its name and target
    first, then each column's result with its rate achieved (not read)."""
    text = ctx.text
    head = _KPI_SHEET_RE.search(text)
    if head is None:
        return []
    later = [q for q in ctx.values if q.start >= head.end()]
    if not later or later[0].start in ctx.used:
        return []
    q = later[0]
    m = _SHEET_NAME_RE.match(text[head.end() : q.start])
    name = clean_name(m["name"]) if m else ""
    rest = text[q.end :]
    if not (m and name_ok(name) and _MEASURE_RE.search(name) and "達成率" in rest):
        return []
    if _NOT_A_GOAL_RE.search(name):
        return []
    span = ctx.span(head.end() + m.start("name"), head.end() + m.end("name"))
    f = new_found(ctx, (name, span), q)
    ctx.used.update(r.start for r in later)  # the results and rates achieved
    return [f]
