"""Text helpers shared by importers, renderers and search: HTML to text, bullets,
whitespace and the circled numbers the city prints program numbers with."""

from __future__ import annotations

import html
import re
import unicodedata

import nh3

BULLET = "・"
# A bullet is a "・" that opens the cell or follows white space. A "・" inside a
# phrase (提示型公募・いきいき協働事業, 実施・検証) joins words and is not a bullet.
_BULLET_SPLIT_RE = re.compile(r"(?:^|\s+)・\s*")
# Ideographic space (U+3000) is text in Japanese documents, not layout: keep it.
_WS_RE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_TAG_HINT_RE = re.compile(r"<[A-Za-z/!]")

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def collapse_ws(text: str) -> str:
    """Runs of white space become one space; ends are stripped."""
    return _WS_RE.sub(" ", text).strip()


def html_to_text(text: str) -> str:
    """Reduce an HTML fragment (as pasted from the city's CMS, often unclosed) to
    plain text: every tag dropped by a real sanitizer, entities decoded, white
    space collapsed. Text without markup is only collapsed."""
    if _TAG_HINT_RE.search(text):
        text = html.unescape(nh3.clean(text, tags=set()))
    return collapse_ws(text)


def split_bullets(text: str) -> list[str]:
    """'・a ・b' → ['a', 'b']. Text before the first bullet is kept as an item of
    its own, so nothing is lost when a cell does not start with a bullet."""
    text = collapse_ws(text)
    if not text:
        return []
    return [part for part in (p.strip() for p in _BULLET_SPLIT_RE.split(text)) if part]


def join_bullets(items: list[str] | tuple[str, ...], sep: str = "\n") -> str:
    """['a', 'b'] → '・a\\n・b': the way the city prints bullet lists."""
    return sep.join(f"{BULLET}{item}" for item in items)


def parse_program_number(text: str) -> int | None:
    """'⑫' → 12, '17' → 17, '１７' → 17; anything else → None."""
    text = text.strip()
    if len(text) == 1 and text in CIRCLED:
        return CIRCLED.index(text) + 1
    norm = unicodedata.normalize("NFKC", text)
    return int(norm) if norm.isascii() and norm.isdigit() else None


def program_number_label(number: int) -> str:
    """12 → '⑫' (the city circles 1–20), 21 → '21'."""
    return CIRCLED[number - 1] if 1 <= number <= len(CIRCLED) else str(number)
