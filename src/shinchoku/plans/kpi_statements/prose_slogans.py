"""Goals named apart from the words around their value:

* a slogan in quotes, the measure and its value inside, the goal verb after it:
  `“人口3万人”を目指す`, `「観光客100万人」を目標に掲げる`;
* a goal whose measure the sentence names ahead ('目標人口として'), the words
  just before its value telling what it was based on: `目標人口として…県の人口
  ビジョン…をもとに5万人としたものです`.

A quote with a verb of a result after it (`“人口3万人”を達成した`, `…を割り込んだ`)
or no goal verb is not read."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, new_found, sentence_bounds
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.names import clean_name, name_ok

_SLOGAN_RE = re.compile(
    r"[“「『\"] ?(?P<name>[^“”「」『』\"\d、。]{2,16}?) ?(?P<v>\d[^“”「」『』\"、。]{0,12}?) ?[”」』\"]"
    r" ?(?:を|の)? ?(?:目指|めざ|目標(?:と|に)|掲げ)"
)
_GOAL_AHEAD_RE = re.compile(r"目標(?P<name>[^\s、。()]{2,12}?)(?:として|を|は)[、 ]?")
_BASED_ON_RE = re.compile(
    r"(?:をもとに|を基に|を元に|を踏まえ(?:て)?|を勘案し(?:て)?|を考慮し(?:て)?)[、 ]? ?$"
)
_SET_RE = re.compile(
    r"^ ?(?:程度)? ?と(?:した|する|します|しました|しています|している)"
)


def _slogans(ctx: Ctx) -> list[Found]:
    out = []
    for m in _SLOGAN_RE.finditer(ctx.text):
        q = next((q for q in ctx.free() if q.start == m.start("v")), None)
        if q is None or q.end != m.end("v"):
            continue
        name = clean_name(m["name"])
        if name_ok(name):
            span = ctx.span(m.start("name"), m.end("name"))
            out.append(new_found(ctx, (name, span), q))
    return out


def _named_ahead(ctx: Ctx) -> list[Found]:
    out = []
    for q in ctx.free():
        s0, _ = sentence_bounds(ctx.text, q.start)
        if not (
            _BASED_ON_RE.search(ctx.text, s0, q.start)
            and _SET_RE.match(ctx.text[q.end :])
        ):
            continue
        m = _GOAL_AHEAD_RE.search(ctx.text, s0, q.start)
        if m is None:
            continue
        name = clean_name(m["name"])
        if name_ok(name):
            out.append(
                new_found(ctx, (name, ctx.span(m.start("name"), m.end("name"))), q)
            )
    return out


def slogan_goals(ctx: Ctx) -> list[Found]:
    """Goals in quotes, and goals whose measure the sentence names ahead."""
    return _slogans(ctx) + _named_ahead(ctx)
