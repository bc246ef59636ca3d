"""Renderers: each turns a Report into the bytes of one file format.

A renderer is anything with ``content_type``, ``extension`` and
``render(report) -> bytes``; the format modules themselves qualify, so adding a
format is adding a module and a line to RENDERERS.
"""

from __future__ import annotations

from typing import Protocol

from shinchoku.reports.model import Report
from shinchoku.reports.renderers import html, pdf, xlsx


class Renderer(Protocol):
    content_type: str
    extension: str

    def render(self, report: Report) -> bytes: ...


RENDERERS: dict[str, Renderer] = {
    "xlsx": xlsx,
    "pdf": pdf,
    "html": html,
}


def get_renderer(fmt: str) -> Renderer:
    try:
        return RENDERERS[fmt]
    except KeyError:
        known = ", ".join(sorted(RENDERERS))
        raise ValueError(
            f"unknown report format {fmt!r}; expected one of: {known}"
        ) from None


def render(report: Report, fmt: str) -> bytes:
    """The report in format ``fmt`` ("xlsx", "pdf" or "html")."""
    return get_renderer(fmt).render(report)
