"""Renderers: each turns a Report into the bytes of one file format.

RENDERERS names each format's content type, file extension and the function
that renders it. A format's module is imported when a report is rendered in it:
ReportLab and openpyxl each take a good part of a command's start-up, and a
report needs one of them at most. Adding a format is adding a module and a line
to RENDERERS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from shinchoku.reports.model import AnyReport


@dataclass(frozen=True)
class Renderer:
    content_type: str
    extension: str
    render: Callable[[AnyReport], bytes]


def _xlsx(report: AnyReport) -> bytes:
    # openpyxl, imported for an XLSX only (see the module docstring).
    from shinchoku.reports.renderers import xlsx

    return xlsx.render(report)


def _pdf(report: AnyReport) -> bytes:
    # ReportLab, imported for a PDF only (see the module docstring).
    from shinchoku.reports.renderers import pdf

    return pdf.render(report)


def _html(report: AnyReport) -> bytes:
    # Django's templates: light, but only a web page needs them.
    from shinchoku.reports.renderers import html

    return html.render(report)


RENDERERS: dict[str, Renderer] = {
    "xlsx": Renderer(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        _xlsx,
    ),
    "pdf": Renderer("application/pdf", "pdf", _pdf),
    "html": Renderer("text/html; charset=utf-8", "html", _html),
}


def get_renderer(fmt: str) -> Renderer:
    try:
        return RENDERERS[fmt]
    except KeyError:
        known = ", ".join(sorted(RENDERERS))
        raise ValueError(
            f"unknown report format {fmt!r}; expected one of: {known}"
        ) from None


def render(report: AnyReport, fmt: str) -> bytes:
    """The report in format ``fmt`` ("xlsx", "pdf" or "html")."""
    return get_renderer(fmt).render(report)
