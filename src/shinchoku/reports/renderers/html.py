"""The committee report as one standalone, printable HTML page.

The page is a single accessible table (caption, column and row headers, one
row group per 方向性) that prints like the city's A3 landscape report. Its
styles are the static file STYLESHEET: served, the page links it (the
Content-Security-Policy allows no inline style); written to a file, the page
carries it in a <style> block — no scripts, nothing fetched — so it can be
saved, mailed or published as is. All text goes through Django's autoescaping.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from shinchoku.reports.model import Report, ReportRow, ResultsReport
from shinchoku.reports.renderers import _common as common

TEMPLATE = "reports/report.html"
STYLESHEET = "shinchoku/css/report.css"
_SAFE_SCHEMES = {"", "http", "https"}


@dataclass(frozen=True)
class _Cell:
    kind: str  # "list" (bullets) or "schedule"
    items: tuple[str, ...] = ()
    text: str = ""
    colspan: int = 1


def safe_url(url: str) -> str:
    """The URL when it is a web or relative address; "" otherwise, so a
    ``javascript:`` value can never become a link."""
    url = url.strip()
    return url if url and urlsplit(url).scheme.lower() in _SAFE_SCHEMES else ""


def _row_context(row: ReportRow, n_fys: int) -> dict:
    cells = [_Cell("list", row.policy_points), _Cell("list", row.action_items)]
    for placed in common.schedule_grid(row.schedule, n_fys):
        if placed is not None:
            cells.append(_Cell("schedule", text=placed.text, colspan=placed.span))
    cells += [
        _Cell("list", row.achievements),
        _Cell("list", row.previous_plan),
        _Cell("list", row.current_plan),
    ]
    return {"row": row, "url": safe_url(row.url), "cells": cells}


def context(report: Report) -> dict:
    cols = report.columns
    columns = common.columns(report)
    n_fys = common.fy_count(report)
    return {
        "report": report,
        "meta_lines": common.title_meta_lines(report),
        "ncols": len(columns),
        "schedule_colspan": 1 + n_fys,
        "fy_labels": cols.schedule_fy_labels,
        "headings": {
            "number": common.NUMBER_HEADING,
            "name": common.NAME_HEADING,
            "policy": common.POLICY_HEADING,
            "schedule": cols.schedule_heading,
            "actions": cols.action_items_heading,
            "achievements": common.heading_lines(cols.achievements_heading),
            "previous": common.heading_lines(cols.previous_heading),
            "current": common.heading_lines(cols.current_heading),
        },
        "sections": [
            {
                "section": section,
                "groups": [
                    {
                        "group": group,
                        "rows": [_row_context(row, n_fys) for row in group.rows],
                    }
                    for group in section.groups
                ],
            }
            for section in report.sections
        ],
    }


def stylesheet() -> str:
    with open(finders.find(STYLESHEET), encoding="utf-8") as fh:
        return fh.read()


def render(report: Report | ResultsReport, *, stylesheet_url: str = "") -> bytes:
    """The page; with stylesheet_url, linking its styles there instead of
    carrying them."""
    if isinstance(report, ResultsReport):
        from shinchoku.reports.renderers import results_html

        return results_html.render(report, stylesheet_url=stylesheet_url)
    page = context(report)
    if stylesheet_url:
        page["stylesheet_url"] = stylesheet_url
    else:
        page["stylesheet"] = stylesheet()
    return render_to_string(TEMPLATE, page).encode("utf-8")
