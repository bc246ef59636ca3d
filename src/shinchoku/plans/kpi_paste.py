"""The admin office's paste page: a plan's text in, the indicators it states out,
each with the words it came from marked, to be chosen and added to a program
(services.indicators_accept). No database access here."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

MAX_TEXT = 100_000  # characters pasted at once (a plan's chapter is ~20,000)
MAX_LINES = 2_000


@dataclass(frozen=True)
class Segment:
    text: str
    part: str = ""  # "" for plain text, else the field it was read as


@dataclass(frozen=True)
class Proposal:
    key: str  # "line-index", what the accept checkbox posts
    kpi: dict  # the interchange `kpis` shape, with `evidence`
    segments: tuple[Segment, ...]  # the line, with this indicator's words marked


@dataclass(frozen=True)
class PastedLine:
    number: int
    text: str
    proposals: tuple[Proposal, ...]


def digest(text: str) -> str:
    """Ties an accept to the text that was previewed."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def segments(text: str, evidence: dict[str, list[int]]) -> tuple[Segment, ...]:
    """`text` cut at the evidence spans ({part: [start, end)}); overlapping spans
    keep the first part."""
    out: list[Segment] = []
    at = 0
    for part, (start, end) in sorted(evidence.items(), key=lambda kv: kv[1]):
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        if start > at:
            out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], part))
        at = end
    if at < len(text):
        out.append(Segment(text[at:]))
    return tuple(out)


def preview(
    text: str, *, first_fy: int | None = None, last_fy: int | None = None
) -> list[PastedLine]:
    """The lines of `text` that state indicators, each with its proposals."""
    lines = []
    # Imported here, not at the top: the statement extractor compiles about a
    # hundred patterns when imported, and the site's URL configuration imports
    # this module, so every `shinchoku` command would pay for a page it never shows.
    from shinchoku.plans.kpi_statements import extract_lines

    for row in extract_lines(text.splitlines(), first_fy=first_fy, last_fy=last_fy):
        if not row["indicators"]:
            continue
        proposals = tuple(
            Proposal(
                key=f"{row['line']}-{i}",
                kpi=kpi,
                segments=segments(row["text"], kpi["evidence"]),
            )
            for i, kpi in enumerate(row["indicators"])
        )
        lines.append(PastedLine(row["line"], row["text"], proposals))
    return lines


def chosen(
    text: str, keys: list[str], *, first_fy: int | None, last_fy: int | None
) -> list[dict]:
    """The proposals of `text` whose keys were ticked, in the text's order."""
    wanted = set(keys)
    return [
        p.kpi
        for line in preview(text, first_fy=first_fy, last_fy=last_fy)
        for p in line.proposals
        if p.key in wanted
    ]
