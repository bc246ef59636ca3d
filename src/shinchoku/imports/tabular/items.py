"""The items of a table cell: bullets, numbered points, or lines."""

from __future__ import annotations

import re

from shinchoku.common.text import collapse_ws, split_bullets

_NUMBERED_RE = re.compile(r"^(?:[①-⑳]|[(（]\d+[)）]|\d+[.．)）])\s*")
_MARKER_RE = re.compile(r"^[・●○◯◎■□◆◇▪•\-‐－*＊※]\s*")


def join_lines(lines: list[str]) -> str:
    """Lines of one item as one text: no space between two Japanese
    characters (a wrapped line), a space otherwise."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and (out[-1].isascii() or line[0].isascii()):
            out += " "
        out += line
    return collapse_ws(out)


def cell_items(text: str) -> list[str]:
    """The items of a cell (see the module's docstring)."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return []
    if len(lines) == 1:
        return split_bullets(_MARKER_RE.sub("・", lines[0].strip(), count=1))
    if not any(
        _MARKER_RE.match(ln.strip()) or _NUMBERED_RE.match(ln.strip()) for ln in lines
    ):
        return [collapse_ws(ln) for ln in lines]
    groups: list[list[str]] = []
    for line in (ln.strip() for ln in lines):
        marker = _MARKER_RE.match(line)
        if marker or _NUMBERED_RE.match(line) or not groups:
            groups.append([line[marker.end() :] if marker else line])
        else:
            groups[-1].append(line)
    return [item for g in groups if (item := join_lines(g))]
