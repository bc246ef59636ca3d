"""The last look at an indicator's name, whichever form read it: a name still
holding its value, a particle, a half quote or a department's name did not come
from the words that name the measure.

A name that only carries its value or a particle on its end is trimmed
('職員数351人' → '職員数', '人数として' → '人数'); one that is not a measure's
name at all — an adverb ('長期的'), a clause ending in a verb ('…と予想して'),
a cell of values ('732人 /'), an office ('住民課') — takes its indicator out:
precision first. No labelled name in the corpus has any of these shapes."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, norm_pos
from shinchoku.plans.kpi_statements.found import Found, Span
from shinchoku.plans.kpi_statements.lexicon import MEASURE_END_RE
from shinchoku.plans.kpi_statements.names import clean_name, name_ok

_UNIT = r"(?:%|‰|人|名|件|円|千円|万円|億円|回|か所|箇所|団体|g|kg|t|世帯|戸|社|校|者)"
# a value, or a row's cells of values and years, after the words of the name
_VALUES_TAIL_RE = re.compile(
    rf"(?<=[^\d\sA-Za-z]{{2}}) ?{_UNIT}? ?(?:[\d,.]+ ?{_UNIT}? ?(?:以上|以下|未満)? ?)+$"
)
_ACTUAL_LABEL_TAIL_RE = re.compile(r"(?<=\S{2}) ?実績値?$")
_PARTICLE_TAIL_RE = re.compile(
    r"(?<=[^\s]{2})(?:として|において|については|では|には)$"
)
_NOT_A_MEASURE_RE = re.compile(
    r"\d ?\S{0,3} ?[/|]|\d ?\S{0,3} -(?: |$)"  # cells: '732人 /', '若者 2.2% -'
    r"|(?<![A-Za-z\d,.])[\d,.]+ ?(?:%|‰|人|名|件|円)? ?(?:以上|以下|未満)?$"  # a value left
    # on the end (not 'CO2')
    r"|(?:て|く|に|で|と|は|が|を|から|より|ず|ば)$"  # a clause, not a noun
    r"|的(?:に(?:は)?)?$"  # an adverb: '長期的', '具体的には'
    r"|(?:課|室|係|省|庁)$"  # an office
    r"|「$|^[^「]*」"  # half a quotation
    r"|(?:令和|平成|R|H) ?\d{1,2} ?(?:年度?)? ?(?:\([^()]{1,6}\))?$"  # a header's years
    r"|(?:現状|基準|目標)値$"  # a label: '当時の現状値'
    r"|(?<!人)年度?$|\d ?[月日]$|年後$|^後$"  # a time: '…平均して年', '4月', '30 年後'
    r"|(?:する|した|される|された)[\u3041-\u309f]{0,2}$"  # a verb: '…の伸びに抑制するこ'
    r"|^(?:本|当|同|わが|我が)?[市町村県区国]$"  # the city that sets the goal
    r"|^の"  # a word cut from its head: '指標の説明' read as 'の説明'
    r"|^(?:削減|縮減|低減|増加|減少|向上|改善)$"  # a bare change: "削減目標値N"
)
# the measure a sentence names before its value: '…排出量については、…年3%削減'
_MEASURE_BEFORE_RE = re.compile(
    r"([^\s、。,:;|をがはにでと「」()]{0,16}(?:人口|割合|数|率|量|額|面積|残高|時間|指数|満足度))"
    r"(?=については|について|は|を|が|の目標| ?\d)"
)


def settled(ctx: Ctx, f: Found, kept: list[Found]) -> bool:
    """Trims `f.name` of a value or a particle on its end, or takes the measure
    its sentence names before the value when the name names none; False when
    no name is left, or one `kept` already holds."""
    name = _trimmed(f.name)
    if name is not None:
        name = _with_its_clause(ctx, f, name)
    if name is None:
        found = _measure_before(ctx, f)
        if found is None:
            return False
        name, f.spans["name"] = found
    _final_in_parens(ctx, f)
    if f.baseline is not None and _labelled_actual(ctx, f):
        f.baseline, f.baseline_date = None, None  # '実績値 N 目標値 M': a result
        f.spans.pop("baseline", None)
    if name != f.name and any(k.name == name for k in kept):
        return False  # a row read twice, once with its cells in the name
    f.name = name
    return True


def is_not_a_name(name: str) -> bool:
    """A name no trimming makes a measure's ('400人令和7年度', '長期的')."""
    return _trimmed(name) is None


def _trimmed(name: str) -> str | None:
    if re.fullmatch(r"「[^「」]+」", name):
        name = name[1:-1]
    name = re.sub(
        r"(?<=\S{2})(?:\([^()]*|【[^【】]*)$", "", name
    )  # an unclosed bracket
    for tail in (_VALUES_TAIL_RE, _ACTUAL_LABEL_TAIL_RE, _PARTICLE_TAIL_RE):
        name = tail.sub("", name).strip()
    yearly = re.search(r"毎年度?", name)
    if yearly and MEASURE_END_RE.search(name[: yearly.start()]):
        name = name[: yearly.start()]  # '転入者数 毎年地域で新たに64人': the measure
    if not name or _NOT_A_MEASURE_RE.search(name):
        return None
    return name


# '固定的性別役割分担を支持しない人の割合': the object of the clause a measure's
# name holds, then the clause and the measure, up to the value or its label
_CLAUSE_RE = re.compile(
    r"を[^、。,:;|()\d\s「」]{1,24}?(?:割合|率|数|量|額|人口|者)"
    r"(?= ?(?:[::|]|の(?:最終)?目標|は|を|が|\d|[▲△]|(?:削減|縮減)?目標|現状|基準|$))"
)


def _with_its_clause(ctx: Ctx, f: Found, name: str) -> str:
    """The name with the clause after it when the name stops at its object
    ('…分担' of '…分担を支持しない人の割合') and the clause ends in a measure
    before the value."""
    span = f.spans.get("name")
    if span is None or _MEASURE_END_RE.search(name):
        return name
    end = norm_pos(ctx, span[1])
    m = _CLAUSE_RE.match(ctx.text, end)
    if m is None:
        return name
    f.spans["name"] = (span[0], ctx.span(*m.span())[1])
    return name + m.group(0)


_MEASURE_END_RE = re.compile(r"(?:割合|率|数|量|額|人口|者|度|高|費|積|間)$")


def _final_in_parens(ctx: Ctx, f: Found) -> None:
    """'毎年80人の確保(最終目標100人)': the final goal in parentheses after the
    value is the target."""
    target = f.spans.get("target")
    if target is None:
        return
    end = next((v.end for v in ctx.values if v.start == norm_pos(ctx, target[0])), None)
    m = (
        re.match(r" ?(?:の確保|の達成)? ?\(最終目標値?[::]? ?", ctx.text[end:])
        if end
        else None
    )
    final = m and next((v for v in ctx.values if v.start == end + m.end()), None)
    if final and final.unit == f.unit:
        f.target = final.value
        f.spans["target"] = ctx.span(final.start, final.end)


def _labelled_actual(ctx: Ctx, f: Found) -> bool:
    """The starting value is labelled as a result beside a labelled goal
    ('X 実績値 1,210人(令和2年度) 目標値 1,480人')."""
    base, target = f.spans.get("baseline"), f.spans.get("target")
    if base is None or target is None:
        return False
    before_base = ctx.text[: norm_pos(ctx, base[0])]
    before_target = ctx.text[: norm_pos(ctx, target[0])]
    return bool(
        re.search(r"実績値?[::]? ?$", before_base)
        and re.search(r"目標値?[::]? ?(?:\([^()]*\) ?)?$", before_target)
    )


def _measure_before(ctx: Ctx, f: Found) -> tuple[str, Span] | None:
    """The last measure named between the sentence's start and the target."""
    target = f.spans.get("target")
    if target is None:
        return None
    at = norm_pos(ctx, target[0])
    start = ctx.text.rfind("。", 0, at) + 1
    last = None
    for m in _MEASURE_BEFORE_RE.finditer(ctx.text, start, at + 2):
        if m.end(1) <= at:
            last = m
    if last is None:
        last = _counted_in_its_unit(ctx, f, start, at)
    if last is None:
        return None
    name = _trimmed(clean_name(last.group(1)))
    if name is None or not name_ok(name):
        return None
    return name, ctx.span(*last.span(1))


# '制度見直し検討回数' for '5回': a measure counted in the target's unit
_COUNTERS = {"回": "回数", "件": "件数", "人": "(?:人数|者数)", "か所": "箇?所数"}


def _counted_in_its_unit(
    ctx: Ctx, f: Found, start: int, at: int
) -> re.Match[str] | None:
    """The one measure before the target counted in its unit, standing apart
    as a sheet's cell does (a PDF copy of a sheet interleaves its columns)."""
    counter = _COUNTERS.get(f.unit)
    if counter is None:
        return None
    found = list(
        re.finditer(
            rf"(?:^|(?<= ))([^\s、。,:;|()]{{2,16}}{counter})(?= )", ctx.text[:at]
        )
    )
    found = [m for m in found if m.start(1) >= start]
    return found[0] if len(found) == 1 else None
