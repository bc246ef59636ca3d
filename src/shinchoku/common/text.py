"""Text helpers shared by importers, renderers and search: the cleaning of every
input, HTML to text, bullets, whitespace and the circled numbers the city prints
program numbers with."""

from __future__ import annotations

import html
import re
import unicodedata

import nh3
from django.utils.translation import gettext as _

BULLET = "・"
# A bullet is a "・" that opens the cell or follows white space. A "・" inside a
# phrase (提示型公募・いきいき協働事業, 実施・検証) joins words and is not a bullet.
_BULLET_SPLIT_RE = re.compile(r"(?:^|\s+)・\s*")
# Ideographic space (U+3000) is text in Japanese documents, not layout: keep it.
_WS_RE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_TAG_HINT_RE = re.compile(r"<[A-Za-z/!]")

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# What no text field of a plan holds: C0 controls but tab, line feed and carriage
# return (NUL cannot even be stored by PostgreSQL; XML, and so XLSX, refuses the
# others), DEL, lone surrogates (not encodable as UTF-8) and the two
# noncharacters XML refuses.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


class ControlCharacterError(ValueError):
    """Text holding a character no field may hold. The message names it and
    where it is (line and character, 1-based), for the person who typed or
    pasted it; the caller adds the field, file or line."""

    def __init__(self, char: str, line: int, column: int):
        self.char, self.line, self.column = char, line, column
        where = {"line": line, "column": column, "code": ord(char)}
        if line > 1:
            message = _(
                "line %(line)s, character %(column)s is a control character "
                "(U+%(code)04X), which text may not contain: remove it (it is "
                "often invisible; retype the text around it)"
            )
        else:
            message = _(
                "character %(column)s is a control character (U+%(code)04X), "
                "which text may not contain: remove it (it is often invisible; "
                "retype the text around it)"
            )
        super().__init__(message % where)


def clean_input(text: str) -> str:
    """The one check of text at the boundary of every input (forms, API,
    imports, workbooks): the text unchanged, or ControlCharacterError for the
    first character no field may hold. Tab and line breaks are text."""
    found = _CONTROL_RE.search(text)
    if found is not None:
        start = found.start()
        line_start = text.rfind("\n", 0, start) + 1
        line = text.count("\n", 0, start) + 1
        raise ControlCharacterError(found.group(), line, start - line_start + 1)
    return text


def drop_controls(text: str) -> str:
    """The text without the characters clean_input refuses: for writers of
    files whose format cannot hold them (XLSX), and for inputs that would
    rather drop than refuse (a search box)."""
    return _CONTROL_RE.sub("", text)


def collapse_ws(text: str) -> str:
    """Runs of white space become one space; ends are stripped."""
    return _WS_RE.sub(" ", text).strip()


# The HTML sanitizer (nh3, html5ever) takes time in the square of the nesting
# depth of block elements: 40,000 nested <div> took 8.5 s, 200,000 minutes. A
# table cell of a plan is never nested this deep nor this long; both are
# checked, in linear time, before the sanitizer runs.
MAX_HTML_DEPTH = 256
MAX_HTML_CHARS = 200_000
# [^<>]* cannot run past the next "<": the scan stays linear on "<a<a<a…".
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")
# Elements that never nest (void) or that the next of their kind closes (an
# unclosed <p> or <li>, common in pasted HTML, does not deepen the tree).
_FLAT_TAGS = frozenset(
    "area base br col embed hr img input link meta source track wbr "
    "p li dt dd tr td th option rb rt rp".split()
)


class HtmlTooComplex(ValueError):
    """An HTML fragment refused before sanitising; the message says why, the
    caller adds the file, line or field."""


def check_html_bounds(text: str) -> None:
    """HtmlTooComplex when the fragment is longer than MAX_HTML_CHARS or its
    elements nest deeper than MAX_HTML_DEPTH (counted from its tags, an upper
    bound of the parsed tree's depth)."""
    if len(text) > MAX_HTML_CHARS:
        raise HtmlTooComplex(
            _("the HTML is %(length)s characters long; at most %(max)s are read")
            % {"length": f"{len(text):,}", "max": f"{MAX_HTML_CHARS:,}"}
        )
    depth = 0
    for tag in _TAG_RE.finditer(text):
        if tag[2].lower() in _FLAT_TAGS or tag[0].endswith("/>"):
            continue
        if tag[1]:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > MAX_HTML_DEPTH:
            raise HtmlTooComplex(
                _(
                    "the HTML is nested more than %(max)s elements deep (at "
                    "character %(position)s); simplify it"
                )
                % {"max": MAX_HTML_DEPTH, "position": f"{tag.start() + 1:,}"}
            )


def has_markup(text: str) -> bool:
    """Whether the text holds something that looks like an HTML tag."""
    return _TAG_HINT_RE.search(text) is not None


def html_to_text(text: str) -> str:
    """Reduce an HTML fragment (as pasted from the city's CMS, often unclosed) to
    plain text: every tag dropped by a real sanitizer, entities decoded, white
    space collapsed. Text without markup is only collapsed. HtmlTooComplex for
    a fragment too deep or too long to sanitise (check_html_bounds)."""
    if has_markup(text):
        check_html_bounds(text)
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
