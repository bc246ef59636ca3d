"""The baseline a prose target starts from: a parenthesis after it
(`(18年度は547億円)`), a bracket or reference after its sentence
(`【平成22年実績:1,664万人…】`, `参考:…実績 50%`), a stated value elsewhere in
the sentence (`(令和4年度末現在:78.5%)`), one labelled as a baseline
(`基準値=650人`, `…を基準とし`), the value it grows from (`2701人から3500人に`) or
the count its measure has now, stated with the name in the sentence before
(`今7万8000人いる人口が…。だから5万人を維持する`)."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import (
    Ctx,
    norm_pos,
    sentence_bounds,
    set_baseline,
)
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.guards import baseline_paren
from shinchoku.plans.kpi_statements.lexicon import BASE_LABELS, WHEN
from shinchoku.plans.kpi_statements.values import paren_after, year_in
from shinchoku.plans.kpi_text import Quantity


def _closing_actual(
    ctx: Ctx, f: Found, q: Quantity, s1: int
) -> tuple[str, Quantity] | None:
    """'…2,000万人にする。【平成22年実績:1,664万人、平成23年推計:1,699万人】':
    the actual a bracket after the sentence gives (not the estimate beside it);
    of several, the one its quoted name ('「大変満足」の回答割合43.6%') names."""
    m = re.match(r"。 ?【([^【】]*)】", ctx.text[s1:])
    if not m:
        return None
    at, label, picked = s1 + m.start(1), None, []
    for part in re.split(r"(?<=[、,])", m.group(1)):
        head = re.match(r"([^::]*?)[::]", part)
        if head and year_in(head.group(1)):
            label = head.group(1) if re.search(r"実績|現状|現在|時点", part) else None
        inside = [
            v
            for v in ctx.values
            if at <= v.start < at + len(part)
            and v.unit == q.unit
            and v.start not in ctx.used
        ]
        if label and len(inside) == 1:
            picked.append((label, inside[0], part))
        at += len(part)
    quoted = re.search(r"「[^「」]+」", f.name)
    if quoted:
        picked = [p for p in picked if quoted.group(0) in p[2]]
    return picked[0][:2] if len(picked) == 1 else None


def prose_baseline(ctx: Ctx, f: Found, q: Quantity) -> None:
    """Sets the baseline of the prose target `f` (the value `q`), if its
    sentence or what closes it states one."""
    text = ctx.text
    s0, s1 = sentence_bounds(text, q.start)
    if _count_now(ctx, f, q, s0):
        return
    paren = baseline_paren(ctx, q)
    if paren is None and s1 < len(text):
        closing = _closing_actual(ctx, f, q, s1)
        if closing is not None:
            set_baseline(ctx, f, closing[1], closing[0])
            return
        # '…とする。 参考:令和3年度~令和5年度実績 50%': a reference actual after it
        ref = re.match(
            r"。 ?\(?参考\)?[::] ?([^::。()\d]{0,4}[^::。]*?(?:実績|現状|現在|時点)(?:値)?)[::]? ?",
            text[s1:],
        )
        if ref and year_in(ref.group(1)):
            nxt = next((v for v in ctx.values if v.start == s1 + ref.end()), None)
            if nxt is not None and nxt.unit == q.unit and nxt.start not in ctx.used:
                set_baseline(ctx, f, nxt, re.split(r"[~〜]", ref.group(1))[-1])
                return
        # '…図ります。(平成 27 年度 13 人)': the sentence's closing parenthesis.
        m = re.match(r"。 ?\(([^()]*)\)", text[s1:])
        if m and year_in(m.group(1)):
            a = s1 + m.start(1)
            inside = [
                v
                for v in ctx.values
                if a <= v.start < s1 + m.end(1) and v.unit == q.unit
            ]
            paren = (m.group(1), _stated(text, a, inside)) if inside else None
    if paren is not None and paren[1] is not None:
        label = paren[0] if year_in(paren[0]) else (ctx.last_baseline_label or None)
        set_baseline(ctx, f, paren[1], label)
        ctx.last_baseline_label = label or ""
        return
    if paren is not None:
        return
    # '(令和4年度末現在:78.5%)', '(令和4年度実績:12,345件)' elsewhere in the sentence
    for m in re.finditer(rf"\(([^()]*(?:{_STATED_RE})[^()]*)\)", text[s0:s1]):
        a, b = s0 + m.start(1), s0 + m.end(1)
        inside = [
            v
            for v in ctx.values
            if a <= v.start < b and v.unit == q.unit and v.start not in ctx.used
        ]
        if inside:
            set_baseline(
                ctx,
                f,
                _stated(text, a, inside),
                m.group(1) if year_in(m.group(1)) else None,
            )
            return
    if not _labelled_baseline(ctx, f, q, s0, s1):
        _starting_value(ctx, f, q, s0)


_STATED_RE = "現在|実績|現状|時点|基準"


def _stated(text: str, start: int, inside: list[Quantity]) -> Quantity:
    """Of the values in a parenthesis from `start`, the one labelled as stated
    ('(平成22年実績:1,664万人、平成23年推計:1,699万人)'), else the last."""
    stated = [
        v
        for v in inside
        if re.search(
            _STATED_RE, text[max(start, text.rfind("、", start, v.start)) : v.start]
        )
    ]
    return (stated or inside)[-1]


_CUT_FROM_RE = re.compile(
    r" ?を ?[\d,.]+ ?[^\s\d、。]{0,3}? ?(?:削減|減ら|増や|増加|縮減)し(?:て)?[、,]? ?[\d,.]+"
)
_SET_TO_RE = re.compile(r" ?(?:以下|以上|未満|以内|程度)?(?:と|に)(?:する|します)")
_GROWS_RE = re.compile(
    r" ?(?:\([^()]*\))? ?に(?:伸ば|増や|引き上|高め|減ら|下げ|抑え|向上|改善|縮減|削減)"
)


def _starting_value(ctx: Ctx, f: Found, q: Quantity, s0: int) -> None:
    """The value a target starts from, earlier in its sentence: '2701人から
    3500人に', '87.3%であり、…95%', '808万円を20年度に891万円に伸ばす',
    '中学校(11年度85・7%)で90%を目指す'."""
    text = ctx.text
    grows = _GROWS_RE.match(text[q.end : q.end + 14])
    if re.match(
        r" ?(?:へ|に)(?:上方|下方)?(?:修正|見直|変更)", text[q.end : q.end + 8]
    ):
        return  # '目標値を13市町村から18市町村へ上方修正': the old goal, no baseline
    for v in reversed(ctx.values):  # the nearest: 'Aを31%から40%に、Bを同15%から30%に'
        if not (s0 <= v.start < q.start and v.unit == q.unit) or v.start in ctx.used:
            continue
        after = text[v.end : v.end + 24]
        if (
            re.match(
                r" ?(?:\([^()]*\))? ?(?:だった|であった|から|であり|が(?:実態|現状)であ"
                r"|となった(?:ことから|ため|が)|であることから|という(?:数字|数値|水準))",
                after,
            )
            or (grows and re.match(r" ?を", after))
            or _CUT_FROM_RE.match(after)  # '1309人を83名削減し1226人に'
            or re.match(  # '…職員数780人に対して約4.2%の33人削減し、…747人とします'
                r" ?に対して[、,]? ?[^、。]{0,16}?(?:削減|縮減|減ら|増や|増員|増加)し",
                after,
            )
            or (  # '…の職員数351人を、…には、322人以下とする': a level set anew
                re.match(r" ?を[、,]", after)
                and _SET_TO_RE.match(text[q.end : q.end + 12])
            )
        ):
            paren = paren_after(text, v.end)  # '85%(令和7年度当初)から'
            label = paren[0] if paren and year_in(paren[0]) else None
            if label is None:  # '14年の2701人から': the last year before it
                years = [(s, e) for s, e, y in ctx.years if s0 <= s < v.start and y]
                label = text[years[-1][0] : years[-1][1]] if years else None
                day = years and re.match(
                    r" ?\d{1,2} ?月 ?\d{1,2} ?日", text[years[-1][1] : v.start]
                )
                if day:  # '平成23年4月1日の職員数351人を': that day
                    label = text[years[-1][0] : years[-1][1] + day.end()]
            set_baseline(ctx, f, v, label)
            return
    share = re.search(r"\( ?[\d,.]+ ?[^\s\d()%]{1,3}\) ?の ?$", text[s0 : q.start])
    if share and q.unit == "%":  # '平成6年度末の職員数(231人)の10%削減'
        v = next((v for v in ctx.values if v.start > s0 + share.start()), None)
        years = [(s, e) for s, e, y in ctx.years if s0 <= s < s0 + share.start() and y]
        if v is not None and v.start < q.start:
            set_baseline(
                ctx, f, v, text[years[-1][0] : years[-1][1]] if years else None
            )
            return
    for m in re.finditer(r"\(([^()]*)\)", text[s0 : q.start]):
        if not year_in(m.group(1)) or re.search(r"比|推計|予測|見込|目標", m.group(1)):
            continue
        a, b = s0 + m.start(1), s0 + m.end(1)
        inside = [
            v
            for v in ctx.values
            if a <= v.start < b and v.unit == q.unit and v.start not in ctx.used
        ]
        if inside:
            set_baseline(ctx, f, inside[-1], m.group(1))
            return


_BASE_BEFORE_RE = re.compile(
    rf"(?:(?:{BASE_LABELS})(?: ?\([^()]*\))? ?(?:[::=]|が|は)|現状値|基準値|現況値|直近値) ?$"
)
_BASE_AFTER_RE = re.compile(r"^[」』]?を基準(?:値)?(?:と|に)")


def _labelled_baseline(ctx: Ctx, f: Found, q: Quantity, s0: int, s1: int) -> bool:
    """A baseline named as one in the target's sentence: '基準値=650人(24〜26年度
    平均)', '平成16年の「893万円」を基準とし'."""
    text = ctx.text
    for v in ctx.values:
        if (
            not (s0 <= v.start < s1)
            or v is q
            or v.unit != q.unit
            or v.start in ctx.used
        ):
            continue
        if _BASE_BEFORE_RE.search(text[max(s0, v.start - 12) : v.start]):
            paren = paren_after(text, v.end)
            label = (
                paren[0] if paren and not re.search(r"平均|[〜~]", paren[0]) else None
            )
            set_baseline(ctx, f, v, label if label and year_in(label) else None)
            return True
        if _BASE_AFTER_RE.match(text[v.end : v.end + 8]):
            when = re.search(
                rf"({WHEN})の?[「『]?$", text[max(s0, v.start - 16) : v.start]
            )
            set_baseline(ctx, f, v, when.group(1) if when else None)
            return True
    return False


def _count_now(ctx: Ctx, f: Found, q: Quantity, s0: int) -> bool:
    """'今7万8000人いる人口が…。だから5万人を維持する': the goal named in an
    earlier sentence by the count its measure has now, which it starts from."""
    if "name" not in f.spans:
        return False
    start = norm_pos(ctx, f.spans["name"][0])
    if start >= s0:
        return False
    text = ctx.text
    for v in ctx.values:
        if (
            v.unit == q.unit
            and v.start not in ctx.used
            and re.fullmatch(r" ?(?:いる|ある|の) ?", text[v.end : start])
            and re.search(r"(?:今|現在|現状)(?:は|で)?[、,]? ?$", text[: v.start])
        ):
            set_baseline(ctx, f, v, None)
            return True
    return False
