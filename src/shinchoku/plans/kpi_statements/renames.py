"""Names a form read that name no measure, put right once the indicator is
finished: an office that aims at a value (`主管の住民課は、今年は50%台をめざして`
names the rate an earlier sentence told: `受診率も…まだ30%台。`), and a level held
(`人口1億人程度の人口構造の保持を目指す`: the population, held)."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, norm_pos, sentence_bounds
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.names import clean_name, name_ok

_OFFICE_RE = re.compile(r"(?:課|部|局|室|係|担当|センター)$")
_SUBJECT_RE = re.compile(r" ?(?:[・■●○◆◇] ?)?([^、。\s\d・]{2,20}?)(?:も|は|が)")
# a name that is a role or a scope, not a measure: '総合計画の成果指標である(目標値
# 70%)', '計画期間の(5年間の累計100人)'
_ROLE_RE = re.compile(r"(?:である|の) ?[\d,.]*$")
_TOPIC_RE = re.compile(
    r"(?:^|[、。\s])([^、。\s\d]{2,40}?)(?:について(?:は)?|は)[、,]? ?"
)
# the plan names its measure before the goal: '本計画の目標値はCO2排出量とし、「…」'
_MEASURE_SET_RE = re.compile(
    r"目標(?:値|指標)?は ?((?:[^、。「」\s\d]|(?<=[A-Za-z])\d){2,20}?)とし[、,]"
)
_HELD_RE = re.compile(r"^ ?(?:程度|前後)?の[^、。\s]{0,10}?(?:構造)?の(?:保持|維持)")
_HELD_NAME_RE = re.compile(r"([^\s、。「」\dにをがはで]{2,12}?) ?$")


def renamed(ctx: Ctx, f: Found) -> Found:
    """`f`, its name and comparator put right when they name an office or a level
    held."""
    span = f.spans.get("target")
    if span is None:
        return f
    text = ctx.text
    start, end = norm_pos(ctx, span[0]), norm_pos(ctx, span[1])
    s0, _ = sentence_bounds(text, start)
    measure = _MEASURE_SET_RE.search(text, s0, start)
    if measure and name_ok(clean_name(measure.group(1))):
        f.name, f.spans["name"] = (
            clean_name(measure.group(1)),
            ctx.span(*measure.span(1)),
        )
    elif _OFFICE_RE.search(f.name):
        told = _told_before(ctx, f, start)
        if told is not None:
            f.name, f.spans["name"] = told
    elif _ROLE_RE.search(f.name):
        topic = _topic_of(ctx, start)
        if topic is not None:
            f.name, f.spans["name"] = topic
    elif _HELD_RE.match(text[end:]) and f.name.endswith(("の保持", "の維持")):
        m = _HELD_NAME_RE.search(re.sub(r"^.*[「『]", "", text[:start]))
        name = clean_name(m.group(1)) if m else ""
        if m and name_ok(name):
            at = start - len(m.group(0))
            f.name, f.spans["name"] = name, ctx.span(at, at + len(m.group(1)))
            f.comparator, f.direction = "維持", None
    return f


def _told_before(ctx: Ctx, f: Found, start: int) -> tuple[str, tuple[int, int]] | None:
    """The subject of an earlier sentence's value in the goal's unit."""
    s0, _ = sentence_bounds(ctx.text, start)
    for v in reversed([v for v in ctx.values if v.start < s0]):
        if v.unit != f.unit or not f.unit:
            continue
        b0, _ = sentence_bounds(ctx.text, v.start)
        m = _SUBJECT_RE.match(ctx.text[b0 : v.start])
        name = clean_name(m.group(1)) if m else ""
        if m is None or not name_ok(name):
            return None
        return name, ctx.span(b0 + m.start(1), b0 + m.end(1))
    return None


def _topic_of(ctx: Ctx, start: int) -> tuple[str, tuple[int, int]] | None:
    """The topic the goal's sentence opens a clause with ('Xは54.1%で、…目標値
    70%', 'Xについては、目標値として…100人')."""
    s0, _ = sentence_bounds(ctx.text, start)
    found = list(_TOPIC_RE.finditer(ctx.text, s0, start))
    if not found:
        return None
    m = found[-1]
    name = clean_name(m.group(1))
    if not name_ok(name) or _ROLE_RE.search(name):
        return None
    return name, ctx.span(m.start(1), m.end(1))
