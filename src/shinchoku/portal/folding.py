"""How text and queries are compared in search, and how hits are marked.

Both sides are folded the same way, one character at a time, so a position in
the folded text maps back to the text as published (for <mark>):
NFKC (full-width ＤＸ → DX, ① → 1), case folding, katakana → hiragana (テレワーク
and てれわーく find each other).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_KATAKANA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}


@lru_cache(maxsize=16384)  # a plan uses a few thousand distinct characters
def fold_char(char: str) -> str:
    return unicodedata.normalize("NFKC", char).casefold().translate(_KATAKANA)


class _FoldTable(dict):
    """code point → its folded text, for str.translate, filled on first use:
    fold() then runs in C at a dictionary lookup per character (7× faster than
    a Python loop, which dominated indexing a national-scale load). Bounded,
    so random input cannot grow it without end."""

    LIMIT = 65536

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if len(self) < self.LIMIT:
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Each character folded on its own (so positions map back, see _spans)."""
    return text.translate(_FOLD_TABLE)


def query_terms(query: str, *, max_terms: int = 5, max_length: int = 50) -> list[str]:
    """The folded, distinct words of a query (Japanese has no spaces: a query is
    usually one term), longest first."""
    terms: list[str] = []
    # Control characters (NUL above all) are no text to find, and PostgreSQL
    # and FTS5 both refuse NUL.
    query = "".join(
        " " if unicodedata.category(c) in {"Cc", "Cs"} else c for c in query
    )
    for word in fold(query).split():
        word = word[:max_length]
        if word and word not in terms:
            terms.append(word)
    return sorted(terms[:max_terms], key=len, reverse=True)


def _spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    folded_chars = [_FOLD_TABLE[ord(c)] for c in text]
    folded = "".join(folded_chars)
    # folded offset → original index
    owner: list[int] = []
    for i, f in enumerate(folded_chars):
        owner.extend([i] * len(f))
    marked = [False] * len(text)
    for term in terms:
        start = folded.find(term)
        while start != -1 and term:
            end = start + len(term)
            for i in range(owner[start], owner[end - 1] + 1):
                marked[i] = True
            start = folded.find(term, end)
    spans, i = [], 0
    while i < len(text):
        if marked[i]:
            j = i
            while j < len(text) and marked[j]:
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def matches(text: str, terms: list[str]) -> bool:
    folded = fold(text)
    return any(term in folded for term in terms)


def highlight(text: str, terms: list[str]) -> SafeString:
    """The text, escaped, with every occurrence of a term in <mark>."""
    out, last = [], 0
    for start, end in _spans(text, terms):
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))
