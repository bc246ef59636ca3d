"""A line that lists several indicators one after another, each part opening
with its name in a form the extractor reads alone: 'A 現状値 1,210人 目標値
1,480人、B 現状値 35% 目標値 50%', '・A:1,480人 ・B:50万人'. Read part by part
when every part gives one indicator named at its start, the parts find every
indicator the whole line gives and more, and the line is one sentence (a part
of a longer text may owe its goal, or its being a result, to another)."""

from __future__ import annotations

import re
from collections.abc import Callable

from shinchoku.plans.kpi_statements.found import Found

# between parts: a comma outside parentheses, or a bullet opening the next part
_CUT_RE = re.compile(r"、(?![^()]*\))| (?=[・●○◆■◇] ?\S)")
_BULLET_RE = re.compile(r" ?[・●○◆■◇] ?")


def parts(text: str) -> list[tuple[int, str]]:
    """The line's parts, with where each starts; none for more than a sentence."""
    if "。" in text.rstrip("。 "):
        return []
    out, start = [], 0
    for m in _CUT_RE.finditer(text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


def by_parts(
    text: str, whole: list[Found], read: Callable[[str], list[Found]]
) -> list[Found]:
    """The indicators of `text` read part by part (see the module), else `whole`."""
    pieces = parts(text)
    if len(pieces) < 2 or len(whole) >= len(pieces):
        return whole
    bullets = all(_BULLET_RE.match(p) for _, p in pieces)
    if not whole and not bullets:
        return whole  # the line states no goal as a whole
    found: list[Found] = []
    for start, piece in pieces:
        got = read(piece)
        opening = _BULLET_RE.match(piece)
        lead = opening.end() if opening else 0
        if len(got) != 1 or got[0].spans.get("name", (-1, -1))[0] > lead + 1:
            return whole
        f = got[0]
        f.spans = {k: (a + start, b + start) for k, (a, b) in f.spans.items()}
        found.append(f)
    if len({f.name[-4:] for f in found}) < len(found) or len(
        {(f.target, f.unit) for f in found}
    ) < len(found):
        return whole  # one goal stated twice ('…利用者数 30%増 … 来園者数の30%増加')
    if not all(
        any(g.name == f.name and g.target == f.target for g in found) for f in whole
    ):
        return whole
    return found
