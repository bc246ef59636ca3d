"""A goal's value given first, the measure it is for after it, as 行政改革 plans
write an action: `目標値(R2:40%)に向けて女性委員の割合を段階的に高める`,
`目標(令和7年度 30%)の達成に向けて、Xを引き上げます`, `目標値40%に向けてXを高めていく`.

Read only when the measure after `に向けて` ends as a measure does and the verb
after it moves the measure toward the goal in the present (高める, 引き上げます,
削減していく); `…高めた`, `…に向けて取り組んだが…にとどまった`, `…高めていく取組は終了した`
are results."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, new_found, set_baseline, year_at
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.lexicon import MEASURE_END_RE
from shinchoku.plans.kpi_statements.names import clean_name, name_ok

_YEAR = r"(?:(?:令和|平成|R|H) ?\d{1,2}|\d{4}) ?(?:年度?末?)?"
# the label before the value: '目標値(R2:', '目標(令和7年度 ', '目標値'
_LABEL_RE = re.compile(rf"目標(?:値|水準)? ?(?:\( ?(?:{_YEAR} ?[::]? ?)?)?$")
_LOWER = r"引き下げ|下げ|抑え|減ら|削減|縮減|抑制"
_MOVE = (
    r"(?:高め|引き上げ|向上させ|伸ば|増や|引き下げ|下げ|抑え|減ら)"
    r"(?:る|す|ます|ていく|ていきます|てまいります|てい(?:く|き)ます)"
    r"|(?:向上|増加|拡大|削減|縮減|抑制)(?:する|します|を図る|を図ります|していく|していきます)"
)
# what follows the value: the measure it is for and the verb moving it there
_AIM_AFTER_RE = re.compile(
    r"(?P<close>\) ?)?(?:の(?:達成|実現))?に向(?:け|かっ)て[、,]? ?"
    r"(?P<name>[^、。をがは\d()]{2,30}?)を(?P<how>[^、。\d]{0,12}?)"
    rf"(?P<verb>{_MOVE})"
)
# the sentence going on to a result: '…高めていく取組は終了した', '…高めたが'
_ENDED_RE = re.compile(
    r"[^。]*?(?:(?:た|でした|ません)(?:[、。,]|が|$)|終了|中止|廃止)"
)


def aimed_goals(ctx: Ctx) -> list[Found]:
    """Each value labelled a goal that a measure named after it is moved to."""
    out = []
    text = ctx.text
    for q in ctx.free():
        label = _LABEL_RE.search(text, max(0, q.start - 16), q.start)
        if label is None:
            continue
        m = _AIM_AFTER_RE.match(text, q.end)
        if m is None or bool(m["close"]) != ("(" in label.group(0)):
            continue
        if _ENDED_RE.match(text, m.end()):
            continue
        name = clean_name(m["name"])
        if not (name_ok(name) and MEASURE_END_RE.search(name)):
            continue
        f = new_found(ctx, (name, ctx.span(m.start("name"), m.end("name"))), q)
        f.deadline_fy = year_at(ctx, label.start(), q.start)
        if re.match(_LOWER, m["verb"]):
            f.direction = "lower"
        out.append(f)
    return out


# '平成24年度削減目標としていた数値(148名)を達成することができませんでした': a
# goal stated as missed, its value in parentheses after the goal label (a goal
# met is a result: '目標数値の808人を達成しました' is not read)
_MISSED_LABEL_RE = re.compile(
    rf"(?P<year>{_YEAR})?の? ?(?P<cut>削減)?目標(?:値|数値)?"
    r"(?:と ?し ?て ?い ?た(?:数値|値)?)? ?\( ?$"
)
_MISSED_AFTER_RE = re.compile(
    r" ?\) ?を ?(?:達成|クリア)(?:する)? ?(?:こと(?:が|は)?)? ?"
    r"(?:でき(?:なかった|ませんでした|ず)|できていない|されなかった|されませんでした)"
)
_TOPIC_RE = re.compile(r"([^、。\s]{2,24}?)(?:について(?:は)?|は)[、,]")
_FROM_RE = re.compile(rf"(?P<year>{_YEAR}) ?\( ?$")


def missed_goals(ctx: Ctx) -> list[Found]:
    """Goals stated as missed, named by the sentence's topic ('Xについては、…'),
    from the value of a year in parentheses before them ('平成17年度(173名)から')."""
    out = []
    text = ctx.text
    for q in ctx.free():
        label = _MISSED_LABEL_RE.search(text, max(0, q.start - 24), q.start)
        if label is None or not _MISSED_AFTER_RE.match(text, q.end):
            continue
        s0 = text.rfind("。", 0, label.start()) + 1
        topic = _TOPIC_RE.search(text, s0, label.start())
        name = clean_name(topic.group(1)) if topic else ""
        if not (name_ok(name) and MEASURE_END_RE.search(name)):
            continue
        assert topic is not None
        f = new_found(ctx, (name, ctx.span(*topic.span(1))), q)
        if label["year"]:
            f.deadline_fy = year_at(ctx, label.start(), label.end())
        if label["cut"]:
            f.direction = "lower"
        base = next(
            (
                v
                for v in ctx.free()
                if topic.end() <= v.start < label.start()
                and v.unit == q.unit
                and re.match(r" ?\) ?から", text[v.end :])
                and _FROM_RE.search(text, topic.end(), v.start)
            ),
            None,
        )
        if base is not None:
            year = _FROM_RE.search(text, topic.end(), base.start)
            assert year is not None
            set_baseline(ctx, f, base, year["year"])
        out.append(f)
    return out
