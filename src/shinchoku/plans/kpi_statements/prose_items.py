"""Names of goals found outside the words of the goal's clause: a reform item
with the change it aims at in parentheses, what a staff count includes, what an
earlier sentence counted or the paragraph's opening topic, a list's item
('満足度70%、納得度100%'), the measure a count keeps ('N人の人口維持')."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, sentence_bounds
from shinchoku.plans.kpi_statements.found import Span
from shinchoku.plans.kpi_statements.lexicon import WHEN
from shinchoku.plans.kpi_statements.names import clause_start, clean_name, name_ok
from shinchoku.plans.kpi_text import Quantity


def item_change(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """'…、定員管理・給与の適正化(5年間で1%減)、': a reform item and the change
    it aims at over the period, in parentheses after it."""
    text = ctx.text
    opened = re.search(r"\( ?\d+ ?(?:年間|か年|カ年|ヵ年)で ?$", text[s0 : q.start])
    if opened is None or not re.match(r" ?(?:の)?(?:減|増|削減|縮減)\)", text[q.end :]):
        return None
    end = s0 + opened.start()
    start = clause_start(text, end, s0)
    name = clean_name(text[start:end])
    return (name, ctx.span(start, end)) if name_ok(name) else None


def included(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """'交通・水道の職員を含め、2,500人体制にする': what the count includes."""
    text = ctx.text
    staff = re.search(r"([^\s、。を]{2,20}?)を含め(?:て)?[、,] ?$", text[s0 : q.start])
    if staff and re.match(r" ?体制", text[q.end :]):
        name = clean_name(staff.group(1))
        if name_ok(name):
            return name, ctx.span(s0 + staff.start(1), s0 + staff.end(1))
    return None


def earlier_sentence(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """When the goal's sentence names nothing, what an earlier sentence counted
    in the goal's unit ('訪日外国人旅行者は推計1796万人で…。2020年までに年間2000万人
    とする政府目標'), else the paragraph's opening topic ('人件費は、…。…平成17年度
    には、100億円程度削減することを目指します')."""
    text = ctx.text
    for v in reversed([v for v in ctx.values if v.start < s0]):
        m = re.search(
            r"([^、。\s]{2,40}?)(?:が|は) ?(?:推計|約|概ね)? ?$", text[: v.start]
        )
        if not (q.unit and v.unit == q.unit):
            continue
        if v.start in ctx.used:
            return None  # a goal read before (a stage)
        if m and re.search(r"[にで]$", m.group(1)):
            m = None  # '来年度には600人', 'このままでは': a time or a case, no subject
        # '2050年には人口が2万人': the subject after the time
        raw = re.sub(rf"^{WHEN}(?:には|は|に)(?=..)", "", m.group(1)) if m else ""
        name = clean_name(re.sub(r"^[^、。]*?\d{1,2} ?月(?:末)?の", "", raw))
        if m and name_ok(name) and not re.search(r"\d", name):
            return name, ctx.span(m.end(1) - len(name), m.end(1))
        return _counted_subject(ctx, v)  # not a count's own subject: its sentence's
    topic = re.match(r" ?(?:[・■●○◆◇] ?)?([^、。\s\d()・■●○◆◇]{2,12})は[、,]", text)
    if topic and s0 > topic.end() and not any(v.start < s0 for v in ctx.values):
        name = clean_name(topic.group(1))
        if name_ok(name):
            return name, ctx.span(*topic.span(1))
    return None


# a noun as the subject: '…いる人口がこのままいくと'
_SUBJECT_RE = re.compile(
    r"(?<![\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fc])"
    r"([\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,12})が(?![\u3005\u4e00-\u9fff])"
)


def _counted_subject(ctx: Ctx, v: Quantity) -> tuple[str, Span] | None:
    """'今7万8000人いる人口がこのままいくと2060年には4万人になる…。だから5万人を
    維持する': the subject of the earlier sentence whose count `v` is; None
    when the words before `v` have no such subject."""
    s0, _ = sentence_bounds(ctx.text, v.start)
    subjects = list(_SUBJECT_RE.finditer(ctx.text, s0, v.start))
    if not subjects:
        return None
    m = subjects[-1]
    name = clean_name(m.group(1))
    if not name_ok(name) or re.search(r"\d|年|度|月|日", name):
        return None
    return name, ctx.span(*m.span(1))


_PAIR_NOUN = r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,10}"
_PAIR_VALUE = r"[\d,.]+ ?(?:%|人|件|円|割|倍|ポイント)?"


def paired_item(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """'満足度70%、納得度100%のまちづくり': a list of a noun and its value
    each, the value named by the noun right before it."""
    text = ctx.text
    own = re.search(rf"(?:^|(?<=[\s、,「『]))({_PAIR_NOUN}) ?$", text[s0 : q.start])
    if own is None:
        return None
    start = s0 + own.start(1)
    before = re.search(rf"{_PAIR_NOUN} ?{_PAIR_VALUE}[、,] ?$", text[s0:start])
    after = re.match(rf" ?[、,] ?{_PAIR_NOUN} ?\d", text[q.end :])
    if before is None and after is None:
        return None
    name = clean_name(own.group(1))
    return (name, ctx.span(start, s0 + own.end(1))) if name_ok(name) else None


def kept_after(ctx: Ctx, q: Quantity) -> tuple[str, Span] | None:
    """'約29万7千人の人口維持)': the measure named after the count it keeps."""
    m = re.match(
        r" ?(?:程度|前後)?の ?([^\s、。()の]{0,8}?(?:人口|世帯数|人数))(?:を)? ?維持",
        ctx.text[q.end :],
    )
    if m is None:
        return None
    name = clean_name(m.group(1))
    at = q.end + m.start(1)
    return (name, ctx.span(at, q.end + m.end(1))) if name_ok(name) else None


def named_by_item(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """A value named by its item of a list of pairs, or by what it keeps."""
    return paired_item(ctx, q, s0) or kept_after(ctx, q) or _cut_before(ctx, q, s0)


_GAS = r"(?:CO2|二酸化炭素|温室効果ガス)(?:の?排出量)?"


def _cut_before(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """'…約15%のCO2削減(…)の成果があり、…5年間で約20%(…)の削減を目標に': a
    bare cut aimed at takes the gas an earlier cut of its sentence named."""
    text = ctx.text
    if not re.match(
        r" ?(?:\([^()]*\))? ?の(?:削減|縮減)を(?:目標|目指|めざ)", text[q.end :]
    ):
        return None
    cuts = list(re.finditer(rf"({_GAS}) ?の?(?:削減|縮減)", text[s0 : q.start]))
    if not cuts:
        return None
    m = cuts[-1]
    return m.group(1), ctx.span(s0 + m.start(1), s0 + m.end(1))
