"""Goals listed under one goal verb, as news and council reports write them:

* `入り込み客数を625万人、観光消費額を2万9千円まで上げることを目指す`: each
  measure with its own value, the verb closing the list;
* `自主防災組織結成率92.6%、耐震診断率56.8%をそれぞれ100%に掲げた`: the measures
  with where they stand, one goal for them all;
* `不登校児童生徒の割合も…小学校は0.26%から0.23%に、中学校は2.16%から2%に設定
  した`: the parts of one measure, each from where it stands to its goal.

The list is read only when the words after its last value set a goal (目指す,
目標とする, 掲げる, 設定する, …とする) and say no result (達成した, となった).
'10年度から15年度にかけて' dates the values the list starts from and gives the
goals' deadline."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import (
    Ctx,
    new_found,
    sentence_bounds,
    set_baseline,
    year_at,
)
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.lexicon import MEASURE_END_RE
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_statements.prose_baselines import prose_baseline
from shinchoku.plans.kpi_text import Quantity

_GOAL_TAIL_RE = re.compile(
    r"^ ?(?:まで|に|へ|と)?[^。、]{0,16}?"
    r"(?:を ?(?:目指|めざ)|を目標|目標と|(?:に|を|と)掲げ|(?:に|を|と)設定|とする|とし|と定め)"
)
_RESULT_RE = re.compile(
    r"達成し|達成でき|となっ|になっ|なりまし|上回|下回|実績|見込|推計|予測|ていた"
)
# a measure: its name ends in a count, an amount, a rate, a share
_MEASURE_RE = MEASURE_END_RE
_FROM_TO_RE = re.compile(r" ?から ?(?:\d{2,4}|(?:令和|平成) ?\d{1,2}) ?年度?")


def _goal_tail(ctx: Ctx, q: Quantity, s1: int) -> bool:
    tail = ctx.text[q.end : s1]
    return bool(_GOAL_TAIL_RE.match(tail)) and not _RESULT_RE.search(tail)


def _name(ctx: Ctx, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """The measure named from `start` to `end` (a list item's words), its
    topic and time words before it dropped."""
    raw = ctx.text[start:end]
    cut = list(
        re.finditer(
            r"(?:では|には|までに|にかけて|に向けて|(?<=[^\s、])(?:も|は|が|で))", raw
        )
    )
    if cut:
        raw = raw[cut[-1].end() :]
    raw = raw.strip()
    name = clean_name(raw)
    if not (2 <= len(name) <= 30 and name_ok(name) and _MEASURE_RE.search(name)):
        return None
    at = start + ctx.text[start:end].rfind(raw)
    return name, ctx.span(at, at + len(raw))


def _when(ctx: Ctx, s0: int, first: int) -> tuple[int | None, str | None]:
    """The deadline and the baseline's date told before the list: '10年度から
    15年度にかけて', '2021年までに'."""
    text, deadline, base = ctx.text, None, None
    years = [(s, e, y) for s, e, y in ctx.years if y and s0 <= s < first]
    for (s, e, y), nxt in zip(years, years[1:] + [None], strict=False):
        if nxt is not None and re.fullmatch(r" ?から ?", text[e : nxt[0]]):
            if re.match(
                r" ?(?:に向けて|にかけて|まで|までに|の間に|に)", text[nxt[1] :]
            ):
                return nxt[2], text[s:e]
        if re.match(r" ?(?:末)?(?:までに|まで|には|に向けて)", text[e:]):
            deadline = y
    return deadline, base


def _items(ctx: Ctx, s0: int, s1: int, item: re.Pattern[str]) -> list[re.Match[str]]:
    """The list's items: consecutive matches of `item` joined by '、'."""
    out: list[re.Match[str]] = []
    pos = s0
    for m in item.finditer(ctx.text, s0, s1):
        if out and not re.fullmatch(
            r" ?(?:に|へ|まで)? ?[、,] ?", ctx.text[pos : m.start("body")]
        ):
            out = []
        out.append(m)
        pos = m.end()
    return out


def _value(ctx: Ctx, start: int, end: int) -> Quantity | None:
    return next((q for q in ctx.free() if q.start == start and q.end == end), None)


_NUM = r"[▲△-]? ?\d[\d,.]*(?: ?[万千億]+ ?[\d,.]*)*"
_UNIT = r" ?[^\s\d、。()を]{0,3}"
# 'Xを625万人': a measure and its own value
_EACH_RE = re.compile(
    rf"(?P<body>(?P<name>[^、。]{{2,40}}?)を ?(?P<v>{_NUM}{_UNIT}?))(?= ?(?:[、,]|まで|に|へ|と))"
)
# 'X92.6%': a measure and where it stands
_FROM_RE = re.compile(
    rf"(?P<body>(?P<name>[^、。\d]{{2,40}}?) ?(?P<v>{_NUM}{_UNIT}?))(?= ?[、,]| ?を ?(?:それぞれ|ともに|いずれも))"
)
# '小学校は0.26%から0.23%に': a part, where it stands and its goal
_PART_RE = re.compile(
    rf"(?P<body>(?P<part>[\u4e00-\u9fff\u30a0-\u30ff々]{{1,12}}?)(?:は|が|で) ?(?P<b>{_NUM}{_UNIT}?) ?から ?"
    rf"(?P<v>{_NUM}{_UNIT}?))(?= ?(?:に|へ|まで))"
)


def _quantity(ctx: Ctx, m: re.Match[str], group: str) -> Quantity | None:
    """The value a group holds (its number and unit, as the text's values were read)."""
    return next(
        (
            q
            for q in ctx.free()
            if q.start == m.start(group) and q.end <= m.end(group) + 1
        ),
        None,
    )


def _each_own(ctx: Ctx, s0: int, s1: int) -> list[Found]:
    items = _items(ctx, s0, s1, _EACH_RE)
    if len(items) < 2:
        return []
    qs = [_quantity(ctx, m, "v") for m in items]
    names = [_name(ctx, m.start("name"), m.end("name")) for m in items]
    last = qs[-1]
    if last is None or not _goal_tail(ctx, last, s1):
        return []
    if any(q is None for q in qs) or any(n is None for n in names):
        return []
    deadline, _ = _when(ctx, s0, items[0].start())
    out = []
    for name, q in zip(names, qs, strict=True):
        assert name is not None and q is not None
        f = new_found(ctx, name, q)
        f.deadline_fy = deadline
        prose_baseline(ctx, f, q)  # '…とすることを目指す。【23年実績:…43.6%】'
        out.append(f)
    return _stages(ctx, items, out) if deadline is None else out


def _stages(ctx: Ctx, items: list[re.Match[str]], out: list[Found]) -> list[Found]:
    """'2030年の目標人口を85,000人、2038年の目標人口を85,200人とします': one
    measure at the years each item names, read as its stages (the latest the
    target); other lists as they are."""
    if len({(f.name, f.unit) for f in out}) != 1:
        return out
    years = [year_at(ctx, m.start("name"), m.end("name")) for m in items]
    if any(y is None for y in years) or len(set(years)) != len(years):
        return out
    staged = {y: f for y, f in zip(years, out, strict=True) if y is not None}
    last = max(staged)
    f = staged[last]
    f.deadline_fy = last
    f.targets = {y: g.target for y, g in staged.items() if g.target is not None}
    return [f]


def _each_shared(ctx: Ctx, s0: int, s1: int) -> list[Found]:
    items = _items(ctx, s0, s1, _FROM_RE)
    if len(items) < 2:
        return []
    m = re.match(
        rf" ?を ?(?:それぞれ|ともに|いずれも) ?({_NUM}{_UNIT}?)",
        ctx.text[items[-1].end() :],
    )
    if m is None:
        return []
    at = items[-1].end() + m.start(1)
    goal = next((q for q in ctx.free() if q.start == at), None)
    bases = [_quantity(ctx, it, "v") for it in items]
    names = [_name(ctx, it.start("name"), it.end("name")) for it in items]
    if goal is None or not _goal_tail(ctx, goal, s1):
        return []
    if any(q is None or q.unit != goal.unit for q in bases) or None in names:
        return []
    deadline, base_label = _when(ctx, s0, items[0].start())
    out = []
    for name, base in zip(names, bases, strict=True):
        assert name is not None and base is not None
        f = new_found(ctx, name, goal)
        set_baseline(ctx, f, base, base_label)
        f.deadline_fy = deadline
        f.direction = "higher" if goal.value > base.value else "lower"
        out.append(f)
    return out


_TOPIC_RE = re.compile(r" ?([^、。\d]{2,30}?)(?:も|は|については|について)")


def _parts(ctx: Ctx, s0: int, s1: int) -> list[Found]:
    items = _items(ctx, s0, s1, _PART_RE)
    if len(items) < 2:
        return []
    goals = [_quantity(ctx, m, "v") for m in items]
    bases = [_quantity(ctx, m, "b") for m in items]
    if goals[-1] is None or not _goal_tail(ctx, goals[-1], s1):
        return []
    topic = _TOPIC_RE.match(ctx.text, s0, items[0].start())
    if topic is None:
        return []
    whole = clean_name(topic.group(1))
    if not (name_ok(whole) and _MEASURE_RE.search(whole)):
        return []
    deadline, base_label = _when(ctx, s0, items[0].start())
    out = []
    for m, goal, base in zip(items, goals, bases, strict=True):
        if goal is None or base is None or goal.unit != base.unit:
            return []
        part = m["part"]
        span = ctx.span(topic.start(1), m.end("part"))
        f = new_found(ctx, (f"{whole}({part})", span), goal)
        set_baseline(ctx, f, base, base_label)
        f.deadline_fy = deadline
        f.direction = "higher" if goal.value > base.value else "lower"
        out.append(f)
    return out


def goal_lists(ctx: Ctx) -> list[Found]:
    """The goals of each sentence that lists them under one goal verb."""
    out: list[Found] = []
    pos = 0
    while pos < len(ctx.text):
        s0, s1 = sentence_bounds(ctx.text, pos)
        s1 = max(s1, pos + 1)
        out += (
            _parts(ctx, s0, s1) or _each_shared(ctx, s0, s1) or _each_own(ctx, s0, s1)
        )
        pos = s1 + 1
    return out
