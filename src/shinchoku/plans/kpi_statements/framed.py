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
from shinchoku.plans.kpi_statements.names import clean_name, name_ok

_FRAMED_RE = re.compile(
    r"^ ?(?:[・●○〇◆■◇•▪◎] ?)?(?P<name>[^\s、。,()|:]{2,40}?)"
    r"(?P<way>(?:など)?の(?:増加|減少|削減|抑制)|維持| ?現状より ?[\d.]+ ?(?:割|%) ?(?:増|減))"
    r" ?\( ?$"
)
_MEASURE_RE = re.compile(r"(?:数|額|率|量|割合|人口|比率|面積)$")
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
