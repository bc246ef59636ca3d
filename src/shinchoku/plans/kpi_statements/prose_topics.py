"""Names a sentence gives a goal outside the words of its clause: a quoted name
it sets as its goal, the words an aside in speech follows, the topic 'Xでは' of a
goal stated yearly, the measure a goal was set on ('Xで数値目標を設定し')."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx
from shinchoku.plans.kpi_statements.found import Span
from shinchoku.plans.kpi_statements.lexicon import WHEN
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_text import Quantity

# 'Xでは、20年度以降、毎年度': the topic, then nothing but the time of a yearly goal
_YEARLY_TOPIC_RE = re.compile(
    r" ?(?:[・●○■◆] ?)?(?:(?:特に|また|なお|さらに|具体的には)[、, ]?)?"
    r"(?P<name>[^、。\s\d「」()]{2,30}?) ?では[、, ]?"
    rf"(?:{WHEN} ?(?:以降|以後|から)?[、, ]?)?(?:毎年度?|各年度|年度ごとに) ?"
    r"(?:約|概ね|おおむね)? ?"
)
# a plan or the government speaking, not a measure: '本戦略では', '本市では'
_NOT_MEASURE_RE = re.compile(
    r"(?:計画|戦略|プラン|ビジョン|方針|本[市町村県]|[市町村県])$"
)


def yearly_topic(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """'特に県外からの移住では20年度以降、毎年度200組以上達成する': a goal stated
    for every year whose clause holds only its time; the topic 'Xでは' names it."""
    m = _YEARLY_TOPIC_RE.fullmatch(ctx.text, s0, q.start)
    if m is None:
        return None
    name = clean_name(m["name"])
    if not name_ok(name) or _NOT_MEASURE_RE.search(name):
        return None
    return name, ctx.span(*m.span("name"))


# 'Xで数値目標を設定しており、23年度は90%を掲げた': the measure a goal was set
# on, then its time and value
_SET_ON_RE = re.compile(
    r"(?:^|[、\s])(?P<name>[^、。\s\d「」()]{2,40}?)で(?:数値)?目標(?:値)?を設定(?:しており|し|して)[、, ]?"
    rf"(?:{WHEN} ?(?:は|に|で|には)?[、, ]?)?(?:約|概ね|おおむね)? ?$"
)


def set_on(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """'…の中では、Xの割合で数値目標を設定しており、23年度は90%を掲げた'."""
    m = _SET_ON_RE.search(ctx.text, s0, q.start)
    if m is None:
        return None
    name = clean_name(re.sub(r"^.*(?:の中では|では)[、, ]?", "", m["name"]))
    if not name_ok(name) or _NOT_MEASURE_RE.search(name):
        return None
    return name, ctx.span(*m.span("name"))


def quoted_or_aside(ctx: Ctx, s0: int, clause: int) -> tuple[str, Span] | None:
    """A quoted name the sentence sets as its goal ('「X」の目標'), or the words
    an aside in speech follows ('X、…ですけれども、')."""
    text = ctx.text
    quoted = list(
        re.finditer(
            r"「([^「」]{2,40})」(?:の(?:目標|数値)|を(?:新たに)?(?:設定|指標|目標)|について|は)",
            text[s0:clause],
        )
    )
    for m in reversed(quoted):
        name = clean_name(m.group(1))
        if name_ok(name) and not re.search(r"\d", m.group(1)[:1]):
            return name, ctx.span(s0 + m.start(1), s0 + m.end(1))
    aside = re.search(
        r"([^、。]{2,30})、[^、。]{0,24}(?:ですけれども|ですけど|ですが)、",
        text[s0:clause],
    )
    if aside:  # '平成29年度の自殺死亡率、人口10万人に対してですけれども、…'
        name = clean_name(aside.group(1))
        if name_ok(name) and not re.search(r"\d", name):
            return name, ctx.span(s0 + aside.start(1), s0 + aside.end(1))
    return None
