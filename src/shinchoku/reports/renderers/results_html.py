"""The 実績 report as one standalone HTML page: the counts per 方向性 and grade,
the programs' table and the opinions appendix, each a captioned table with
column and row headers (as accessible as the 当初計画 page, html.py). Styles:
report.css and results-report.css, linked when served, carried inline when
written to a file."""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.templatetags.static import static

from shinchoku.reports.model import ResultsReport
from shinchoku.reports.renderers import _results as layout
from shinchoku.reports.renderers.html import STYLESHEET, safe_url

TEMPLATE = "reports/results.html"
RESULTS_STYLESHEET = "shinchoku/css/results-report.css"
TABLE_CAPTION = "実施プログラムの取組実績と評価"


def context(report: ResultsReport) -> dict:
    names = layout.headings(report)
    columns = layout.columns(report)
    return {
        "report": report,
        "counts_caption": layout.COUNTS_CAPTION,
        "counts_header": layout.counts_header(report),
        "counts_rows": layout.counts_rows(report),
        "table_caption": TABLE_CAPTION,
        "columns": columns,
        "ncols": len(columns),
        "table_class": "" if report.columns.next_fiscal_year else " without-next",
        "headings": [layout.heading_lines(names[c.key]) for c in columns],
        "sections": [
            {
                "section": section,
                "groups": [
                    {
                        "group": group,
                        "rows": [
                            {
                                "row": row,
                                "url": safe_url(row.url),
                                "cells": [
                                    {"kind": c.kind, "lines": layout.cells(row)[c.key]}
                                    for c in columns[2:]
                                ],
                            }
                            for row in group.rows
                        ],
                    }
                    for group in section.groups
                ],
            }
            for section in report.sections
        ],
        "opinions_caption": layout.OPINIONS_CAPTION,
        "opinion_columns": layout.OPINION_COLUMNS,
        "opinion_headings": [
            layout.NUMBER_HEADING,
            layout.NAME_HEADING,
            layout.OPINION_HEADING,
            layout.RESPONSE_HEADING,
        ],
        "opinions": layout.opinion_cells(report),
        "no_opinions": layout.NO_OPINIONS,
    }


def stylesheet() -> str:
    parts = []
    for name in (STYLESHEET, RESULTS_STYLESHEET):
        with open(finders.find(name), encoding="utf-8") as fh:
            parts.append(fh.read())
    return "\n".join(parts)


def render(report: ResultsReport, *, stylesheet_url: str = "") -> bytes:
    """The page; with stylesheet_url (report.css served), linking both style
    sheets instead of carrying them."""
    page = context(report)
    if stylesheet_url:
        page["stylesheet_urls"] = [stylesheet_url, static(RESULTS_STYLESHEET)]
    else:
        page["stylesheet"] = stylesheet()
    return render_to_string(TEMPLATE, page).encode("utf-8")
