"""The labelled form: `現状値2.95(2022年度)→目標値3.30(2031年度)`,
`目標3_…:70%`, `【目標値】…`: values behind their labels."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import (
    Ctx,
    inside_parens,
    name_before,
    new_found,
    sentence_bounds,
    set_baseline,
)
from shinchoku.plans.kpi_statements.found import Found, Span
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_statements.settle import is_not_a_name
from shinchoku.plans.kpi_statements.values import paren_after, year_in
from shinchoku.plans.kpi_text import Quantity

_VALUE_LABEL_RE = re.compile(
    r"(?<!\()(?:【|\[|〔)?(?P<label>(?:(?:令和|平成|R|H) ?\d{1,2} ?年度?|\d{4} ?年度?)?"
    r"(?:現状値|現状|基準値|基準|策定時の?値?|最終目標値?|中間目標値?|目標値|目標))"
    r"(?:\((?P<when>[^()]{1,12})\))?(?:】|\]|〕)? ?(?:[::=]|(?<=目標)(?P<joint>[がの])|(?<=目標値)(?P<joint2>[がの]))? ?"
    r"(?=[▲△\-+]?\d)"
)
# '乗車人数 実績 120,732人 / 目標 130,000人': the actual before the goal, left out
_ACTUAL_FIRST_RE = re.compile(
    r"(?:実績値?|現在値?) ?[::]? ?[▲△\-+]?\d[\d,.]* ?[^\s/\d]{0,4} ?/ ?$"
)


def _year_in_front(ctx: Ctx, pos: int) -> int | None:
    """'2021年度の温室効果ガス総排出量削減目標12%減': the year the sentence
    names the goal for, in front of the name."""
    start = sentence_bounds(ctx.text, pos)[0]
    for s, e, year in reversed(ctx.years):
        if start <= s < pos and year:
            if re.match(
                r" ?\)? ?(?:末)?(?:まで(?:に)?|の|に|には|における) ?",
                ctx.text[e : e + 6],
            ):
                return year
            return None
    return None


_ITEM_RE = re.compile(r"(?:^|\s)(?:成果|評価)?指標(?:名)?[::] ?([^\s::|]{2,60}?) - ")
_PER_RE = re.compile(
    r" ?1 ?(?:人|名|世帯) ?(?:1 ?日 ?)?(?:あたり|当たり|当り)? ?(?=\d)"
)


def _row_number(ctx: Ctx, q: Quantity) -> bool:
    """'目標値(平成31年度) 5 5歳児のむし歯有病者率 35.2% 33%': a bare number
    after a header's last label, then a name and values, numbers the row."""
    if q.unit or not re.fullmatch(r" ?\d{1,3}| ?\d{5}", q.raw):
        return False  # (or a measure's 5-digit code: '5ヵ年目標 11302 図書館入館者数 当初')
    m = re.match(r" ([^\s|]+) (?:(?:当初|区分|単位) )?", ctx.text[q.end :])
    if not m or not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", m.group(1)):
        return False
    after = q.end + m.end()
    return any(v.start == after for v in ctx.values) and not any(
        q.end < v.start < after and not inside_parens(ctx.text, v.start)
        for v in ctx.values
    )


def _year_header(ctx: Ctx, q: Quantity) -> bool:
    """'国の目標 2013 2020 2030 2040 合計特殊出生率 1.43 …': bare years heading
    the columns, not a value."""
    return (
        not q.unit
        and bool(re.fullmatch(r" ?(?:19|20)\d{2}", q.raw))
        and bool(re.match(r" ?\|? ?(?:19|20)\d{2}(?![\d.,])", ctx.text[q.end :]))
    )


# 'X、基準値、目標値ともに130人': one value under both labels
_SHARED_RE = re.compile(
    r"(?:^|[\s、。)】])([^\s、。()]{2,30}?)[、,] ?(?:基準値|現状値|策定時の?値)[、,・と] ?"
    r"目標値 ?(?:とも|共)に ?$"
)


def _shared(ctx: Ctx) -> list[Found]:
    for q in ctx.free():
        m = _SHARED_RE.search(ctx.text, 0, q.start)
        name = clean_name(m.group(1)) if m else ""
        if m and name_ok(name):
            f = new_found(ctx, (name, ctx.span(*m.span(1))), q)
            set_baseline(ctx, f, q, None)
            return [f]
    return []


def _name(ctx: Ctx, first: int, lead: Quantity | None) -> tuple[str, Span] | None:
    """The name in front of the first label (or of a value before it)."""
    text = ctx.text
    item = _ITEM_RE.search(text, 0, first)
    if item and not lead:  # '成果指標:Xの割合 - 現状値:… - 目標:0%': a list's item
        name = clean_name(item.group(1))
        return (name, ctx.span(*item.span(1))) if name_ok(name) else None
    actual = _ACTUAL_FIRST_RE.search(text, 0, first)
    at = actual.start() if actual and not lead else first
    name = name_before(ctx, lead.start if lead else at)
    opening = re.match(r" ?(?:[・■●○◆◇] ?)?([^\s・、。()]{2,30}?)の", text)
    if name and re.search(r"現状[・/]目標 ?$", text[:first]) and opening:
        # '広域行政事務等負担金の見 ・… 直し ・… 削減額 (千円) 現状・目標 〔現状〕 …':
        # the columns' header before the values, the item opening the line
        name = clean_name(opening.group(1)), ctx.span(*opening.span(1))
    return name


# 'K P I 目標値(H31年度) 実績値(H28年3月末) | 特産品の開発 3品以上 0品': the
# header's labels in one cell, then the row: a name and one value per label
# (its labels' dates in parentheses, or after them when a copy lost those)
_LABEL_WHEN = (
    r"(?:\(([^()|]{1,16})\)"
    r"| ?((?:(?:令和|平成|R|H) ?\d{1,2}|(?:19|20)\d{2}) ?年度?(?: ?\d{1,2} ?月)?末?))"
)
_HEAD_CELL_RE = re.compile(
    rf"(?P<labels>(?:(?:目標値|実績値|現状値|基準値){_LABEL_WHEN}? ?){{2,4}})\| ?"
    r"(?P<name>[^|\d]{2,40}?) (?=[▲△\-+]?\d)"
)
_HEAD_LABEL_RE = re.compile(rf"(目標値|実績値|現状値|基準値){_LABEL_WHEN}?")


def _head_cell(ctx: Ctx) -> list[Found]:
    """A row read under the labels of a header cell in front of it, in order:
    the target under 目標値, the baseline under 現状値/基準値 (an actual left out)."""
    m = _HEAD_CELL_RE.search(ctx.text)
    if m is None or "|" in ctx.text[m.end() :]:
        return []
    labels = [(x, a or b) for x, a, b in _HEAD_LABEL_RE.findall(m["labels"])]
    row = [v for v in ctx.values if v.start >= m.end()]
    name = clean_name(m["name"])
    if len(row) != len(labels) or not name_ok(name):
        return []
    f = Found(name=name, unit="")
    f.spans["name"] = ctx.span(m.start("name"), m.start("name") + len(m["name"]))
    for (label, when), q in zip(labels, row, strict=True):
        ctx.used.add(q.start)
        if label == "目標値":
            f.target, f.unit, f.deadline_fy = q.value, q.unit, year_in(when)
            f.spans["target"] = ctx.span(q.start, q.end)
        elif label != "実績値":
            set_baseline(ctx, f, q, when if year_in(when) else None)
    return [f] if f.target is not None else []


_YEAR_IN_NAME_RE = re.compile(r"(?:令和|平成|R|H) ?\d|\d ?年度?")


def _start_in_parens(ctx: Ctx, f: Found, q: Quantity) -> None:
    """'目標値 1,480人 (現状値 1,210人)': the starting value in parentheses right
    after the goal's value."""
    m = re.match(r" ?\((?:現状|基準)値?[::]? ?", ctx.text[q.end :])
    start = q.end + m.end() if m else -1
    base = next((v for v in ctx.values if v.start == start), None)
    if f.baseline is None and base is not None and base.start not in ctx.used:
        paren = paren_after(ctx.text, base.end)
        set_baseline(ctx, f, base, paren[0] if paren and year_in(paren[0]) else None)


def labelled(ctx: Ctx) -> list[Found]:
    """Values behind their labels, the name in front of the first label."""
    text = ctx.text
    shared = _shared(ctx) or _head_cell(ctx)
    if shared:
        return shared
    pairs = []
    for m in _VALUE_LABEL_RE.finditer(text):
        if inside_parens(text, m.start()):
            continue  # '18市町村(現行目標7市町村)': a note on the value before
        if (m["joint"] or m["joint2"]) and re.search(r"[はがを]$", text[: m.start()]):
            continue  # 'Xは目標の60%に対し48.2%': prose, the subject before it
        per = _PER_RE.match(text, m.end())  # '目標値:1人412g': per person
        at = per.end() if per else m.end()
        q = next(
            (v for v in ctx.values if v.start == at or v.start == at + 1),
            None,
        )
        if (
            q is not None
            and q.start not in ctx.used
            and not _row_number(ctx, q)
            and not _year_header(ctx, q)
        ):
            pairs.append((m, q))
    if not pairs or not any("目標" in m["label"] for m, _ in pairs):
        return []
    first = pairs[0][0]
    lead = [v for v in ctx.values if v.end <= first.start() and v.start not in ctx.used]
    lead = (
        lead[-1:]
        if lead
        and re.fullmatch(r" ?(?:\([^()]*\))? ?", text[lead[-1].end : first.start()])
        else []
    )
    name = _name(ctx, first.start(), lead[0] if lead else None)
    if name is None or (is_not_a_name(name[0]) and _YEAR_IN_NAME_RE.search(name[0])):
        return []  # '… 令和6年度 1,400人 令和7年度 目標値 1,480人': stages, not a label
    if first["label"].startswith("目標") and re.search(r".{2}(?:削減|縮減)$", name[0]):
        name = (
            name[0][:-2],
            name[1],
        )  # '…総排出量削減目標12%減': the 削減 is the goal's
    goal = re.match(r"(.{2,}?)を[\d,.]+ ?\S{0,4}(?:に|と)(?:する|します)$", name[0])
    if goal:
        name = (clean_name(goal.group(1)), name[1])  # 'Xを17%にする 基準値=…'
    f = Found(name=name[0], unit="")
    f.spans["name"] = name[1]
    if lead:
        paren = paren_after(text, lead[0].end)
        set_baseline(ctx, f, lead[0], paren[0] if paren and year_in(paren[0]) else None)
    finals = []
    for m, q in pairs:
        ctx.used.add(q.start)
        paren = paren_after(text, q.end)
        when = m["when"] or (paren[0] if paren else "") or m["label"]
        if "目標" not in m["label"]:
            set_baseline(ctx, f, q, when if year_in(when) else None)
            continue
        fy = year_in(when)
        if fy is not None:
            f.targets[fy] = q.value
        finals.append((q, fy, "中間" not in m["label"]))
    if not finals:
        return []
    q, fy, _ = max(finals, key=lambda t: (t[2], t[1] or 0))
    f.target, f.deadline_fy, f.unit = q.value, fy, q.unit or f.unit
    if fy is None:
        f.deadline_fy = _year_in_front(ctx, first.start())
    f.spans["target"] = ctx.span(q.start, q.end)
    f.per = "year" if q.per_year else None
    _start_in_parens(ctx, f, q)
    if len(f.targets) < 2:
        f.targets = {}
    return [f]
