"""A plan frame's bullet: the measure, the way it should go and the level aimed
for in parentheses closing the line — `●新規求人数の増加(8,700件)`,
`●年間200万円以上の給与収入者数維持(33千人)`, `各種雇用関係の相談件数 現状より2割増
(300件)`, `観光入込客数などの増加(2.1百万人)`.

The words before the parentheses say it is a goal: an increase, a cut or a
level held, and nothing else (no date, no verb, no word of a result); the
bracketed value is the level. A bare `(N unit)` after a name without such a
word (a table's former actual) is not read here."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, new_found
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.lexicon import MEASURE_END_RE
from shinchoku.plans.kpi_statements.names import clean_name, name_ok

_FRAMED_RE = re.compile(
    r"^ ?(?:[・●○〇◆■◇•▪◎] ?)?(?P<name>[^\s、。,()|:]{2,40}?)"
    r"(?P<way>(?:など)?の(?:増加|減少|削減|抑制)|維持| ?現状より ?[\d.]+ ?(?:割|%) ?(?:増|減))"
    r" ?\( ?$"
)
_MEASURE_RE = MEASURE_END_RE
_NOT_FRAMED_RE = re.compile(
    r"実績|現在|時点|結果|推計|見込|予測|推移|目標|基準|前年|[をがはにで]"
)


def framed_line(ctx: Ctx) -> list[Found]:
    """The bullet of a plan's frame: its name, its way and its level."""
    text = ctx.text
    last = ctx.values[-1] if ctx.values else None
    if last is None or last.start in ctx.used:
        return []
    if not re.match(r"^ ?\) ?$", text[last.end :]):
        return []
    m = _FRAMED_RE.match(text[: last.start])
    if m is None:
        return []
    raw = m["name"]
    if _NOT_FRAMED_RE.search(raw):
        return []
    name = clean_name(raw)
    if not (name_ok(name) and _MEASURE_RE.search(name)):
        return []
    f = new_found(ctx, (name, ctx.span(m.start("name"), m.end("name"))), last)
    if m["way"] == "維持":
        f.comparator = "維持"
    else:
        f.direction = "lower" if re.search(r"減|削減|抑制", m["way"]) else "higher"
    return [f]


# '次の3つの目標を掲げています。 ・住民幸福度100% ・人口3万人': the sentence says
# the bullets after it are goals
_ANNOUNCED_RE = re.compile(
    r"目標(?:値)?(?:を|と ?して|は)?(?:掲げ|定め|設定し)(?:ています|ました|ます|る|た)?[。:] ?(?=[・●○] ?)"
)
_ITEM_RE = re.compile(r"^[・●○] ?(?P<name>[^\s、。,()|:・]{2,30}?) ?$")
_ITEM_NOT_RE = re.compile(r"実績|現在|時点|結果|推計|見込|予測|[をがはにでと]")


def announced_bullets(ctx: Ctx) -> list[Found]:
    """Bullets after a sentence announcing them as goals, each a name and the
    value closing it; all of them, or none when one is not such a bullet."""
    text = ctx.text
    m = _ANNOUNCED_RE.search(text)
    if m is None:
        return []
    values = [q for q in ctx.values if q.start >= m.end() and q.start not in ctx.used]
    found: list[Found] = []
    at, state = m.end(), ctx.state()
    for q in values:
        head = _ITEM_RE.match(text[at : q.start])
        name = clean_name(head["name"]) if head else ""
        if head is None or _ITEM_NOT_RE.search(head["name"]) or not name_ok(name):
            ctx.restore(state)
            return []
        span = ctx.span(at + head.start("name"), at + head.end("name"))
        found.append(new_found(ctx, (name, span), q))
        gap = re.match(r" ?(?=[・●○]|$)", text[q.end :])
        if gap is None:  # words after the value: not a bare goal
            ctx.restore(state)
            return []
        at = q.end + gap.end()
    return found


# '…人口ビジョンに書かれている目標は4つ。 ・2030年に1万人程度を維持 ・2040年に…':
# goals counted, then one a bullet, each with its year
_COUNTED_GOALS_RE = re.compile(
    r"目標は(?:次の)?[\d一二三四五六七八九十]+つ(?:です)?[。:] ?(?=・)"
)
_DATED_ITEM_RE = re.compile(
    r"^ ?(?P<name>[^\s、。,()|・を]{2,30}?)(?:が|は) ?$"  # 'UIJターンによる転入数が'
)
_HELD_ITEM_RE = re.compile(r"^ ?(?:程度|前後)?を維持 ?$")


def counted_goal_bullets(ctx: Ctx) -> list[Found]:
    """Bullets of counted goals the other forms left: `・2040年にXが年間50人`, and
    in a 人口ビジョン `・2030年に1万人程度を維持` (the population, held)."""
    text = ctx.text
    m = _COUNTED_GOALS_RE.search(text)
    if m is None:
        return []
    found = []
    for bullet in re.finditer(r"・([^・]+)", text[m.end() :]):
        a, b = m.end() + bullet.start(1), m.end() + bullet.end(1)
        values = [q for q in ctx.values if a <= q.start < b]
        year = next((y for s, e, y in ctx.years if s == a and y), None)
        if len(values) != 1 or values[0].start in ctx.used or year is None:
            continue
        q = values[0]
        head = re.match(r"[^に]{2,12}に ?", text[a : q.start])
        if head is None:
            continue
        before, after = text[a + head.end() : q.start], text[q.end : b]
        item = _DATED_ITEM_RE.match(before)
        if item and not after.strip() and not re.search(r"実績|現在|推計", before):
            span = ctx.span(
                a + head.end() + item.start("name"), a + head.end() + item.end("name")
            )
            f = new_found(ctx, (clean_name(item["name"]), span), q)
        elif not before.strip() and q.unit == "人" and _HELD_ITEM_RE.match(after):
            own = text.rfind("人口ビジョン", 0, m.start())
            if own < 0:
                continue
            f = new_found(ctx, ("人口", ctx.span(own, own + 2)), q)
            f.comparator = "維持"
        else:
            continue
        f.deadline_fy = year
        found.append(f)
    return found
