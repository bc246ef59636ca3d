"""Names of goals that are items of a list or a plan: a reform item with the
change it aims at in parentheses, what a staff count includes."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx
from shinchoku.plans.kpi_statements.found import Span
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
