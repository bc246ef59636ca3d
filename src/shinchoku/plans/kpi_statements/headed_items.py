"""A goal heading then its items, each a name and a value: `事業者別の削減目標 -
市長事務部局 38.8% - 教育委員会 37.4% - 公営企業 12.9%` (a bulleted list flattened to
one line). All of the items or none. Blocks labelled as a base and goals
(`【基準値】2013年度 X 1,650千トン-CO2 【中間値】2025年度 X 1,437千トン-CO2`)."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import (
    Ctx,
    new_found,
    sentence_bounds,
    set_baseline,
)
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.names import clean_name, name_ok
from shinchoku.plans.kpi_text import Quantity

_HEAD_RE = re.compile(
    r"^ ?[■●○◆・]? ?[^\s、。\d|-]{0,20}?(?P<cut>削減|縮減)?(?:数値)?目標(?:値)? ?[::]? ?(?=- )"
)
_ITEM_RE = re.compile(r"^ ?- (?P<name>[^\s、。\d|:-]{2,20}) ?$")


def headed_items(ctx: Ctx) -> list[Found]:
    """Items after a goal heading, a dash before each: the targets of the
    heading's goal by part; a cut when the heading says so."""
    text = ctx.text
    head = _HEAD_RE.match(text)
    if head is None:
        return []
    at, found, state = head.end(), [], ctx.state()
    for q in ctx.values:
        item = _ITEM_RE.match(text[at : q.start])
        name = clean_name(item["name"]) if item else ""
        if item is None or q.start in ctx.used or not name_ok(name):
            ctx.restore(state)
            return []
        span = ctx.span(at + item.start("name"), at + item.end("name"))
        f = new_found(ctx, (name, span), q)
        if head["cut"]:
            f.change, f.direction = True, "lower"
        found.append(f)
        at = q.end
    if len(found) < 2 or text[at:].strip():
        ctx.restore(state)
        return []
    return found


# the goal verb after the last stage: '…2030年度40%を目標に', '…40%を目指す'
_STAGES_AIM_RE = re.compile(
    r"^ ?(?:以上|以下|未満)?(?:を|に|と)(?:目標|目指|めざ)|^ ?(?:以上|以下)?(?:と|に)(?:する|します)"
)
_STAGE_GAP_RE = re.compile(r" ?(?:に|には|で|まで(?:に)?)? ?")


def dated_stages(ctx: Ctx) -> list[Found]:
    """'Xを2025年度35%、2030年度40%を目標に': a goal's stages behind their
    years, named by the words before the first; the last stage is the target."""
    text, out = ctx.text, []
    stages = []
    for s, e, year in ctx.years:
        q = next((v for v in ctx.values if v.start >= e), None)
        if year and q is not None and _STAGE_GAP_RE.fullmatch(text[e : q.start]):
            stages.append((s, year, q))
    chain: list[tuple[int, int, Quantity]] = []
    for stage in [*stages, None]:
        if (
            stage
            and chain
            and re.fullmatch(r" ?[、,]? ?", text[chain[-1][2].end : stage[0]])
        ):
            chain.append(stage)
            continue
        if len(chain) >= 2:
            out += _stages_goal(ctx, chain)
        chain = [stage] if stage else []
    return out


def _stages_goal(ctx: Ctx, chain: list[tuple[int, int, Quantity]]) -> list[Found]:
    text = ctx.text
    last = chain[-1][2]
    units = {q.unit for _, _, q in chain}
    years = [y for _, y, _ in chain]
    if (
        len(units) > 1
        or years != sorted(set(years))
        or any(q.start in ctx.used for _, _, q in chain)
    ):
        return []
    if not _STAGES_AIM_RE.match(text[last.end :]):
        return []
    s0, _ = sentence_bounds(text, chain[0][0])
    head = re.split(r"[、,]|において|では", text[s0 : chain[0][0]])[-1]
    head = re.sub(r" ?(?:を|は|が|の|[::])? ?$", "", head)
    name = clean_name(head)
    if not name_ok(name) or re.search(r"\d", name):
        return []
    at = chain[0][0] - len(text[s0 : chain[0][0]]) + text[s0 : chain[0][0]].rfind(head)
    f = new_found(ctx, (name, ctx.span(at, at + len(head))), last)
    f.deadline_fy = years[-1]
    f.targets = {y: q.value for _, y, q in chain}
    for _, _, q in chain:
        ctx.used.add(q.start)
    return [f]


# '【基準値】2013年度 X 1,650千トン-CO2 【中間値】2025年度 X 1,437千トン-CO2':
# blocks labelled as the base and the goals, each a year, the measure and its value
_BLOCK_RE = re.compile(
    r"(?:^|(?<=\s))【?(?P<label>基準値|現状値|現況値|中間値|中間目標値?|目標値)】? ?"
    r"(?=(?:令和|平成|R|H)? ?\d)"
)


def labelled_blocks(ctx: Ctx) -> list[Found]:
    """A base block then goal blocks naming the same measure: one indicator,
    its baseline dated by the base's year, the last goal its target (the
    others its stages)."""
    text = ctx.text
    blocks = list(_BLOCK_RE.finditer(text))
    if len(blocks) < 2 or blocks[0]["label"] not in ("基準値", "現状値", "現況値"):
        return []
    if any(b["label"] in ("基準値", "現状値", "現況値") for b in blocks[1:]):
        return []
    read = []
    for b, nxt in zip(blocks, [*blocks[1:], None], strict=True):
        end = nxt.start() if nxt else len(text)
        year = next(((s, e, y) for s, e, y in ctx.years if s == b.end() and y), None)
        q = year and next(
            (
                v
                for v in ctx.values
                if year[1] < v.start < end and v.start not in ctx.used
            ),
            None,
        )
        if not year or not q:
            return []
        name = clean_name(text[year[1] : q.start])
        if not name_ok(name) or re.search(r"\d", re.sub(r"\([^()]*\)", "", name)):
            return []
        read.append((year, name, q, end))
    if (
        len({name for _, name, _, _ in read}) != 1
        or len({q.unit for *_, q, _ in read}) != 1
    ):
        return []
    (base_year, _, base, _), *goals = read
    (year, name, q, _) = goals[-1]
    at = text.find(name[:2], year[1])
    f = new_found(ctx, (name, ctx.span(at, q.start)), q)
    set_baseline(ctx, f, base, text[base_year[0] : base_year[1]])
    f.deadline_fy = year[2]
    if len(goals) > 1:
        f.targets = {y[2]: v.value for y, _, v, _ in goals}
    for v in ctx.values:
        if blocks[0].start() <= v.start < len(text):
            ctx.used.add(v.start)
    return [f]
