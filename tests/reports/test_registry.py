"""The format registry and the layout rules the three formats share."""

from __future__ import annotations

import pytest

from shinchoku.reports.model import Report, ScheduleCell
from shinchoku.reports.renderers import RENDERERS, _common, render


def test_registry_formats() -> None:
    assert set(RENDERERS) == {"xlsx", "pdf", "html"}
    assert RENDERERS["pdf"].content_type == "application/pdf"
    assert RENDERERS["xlsx"].content_type == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert RENDERERS["html"].content_type.startswith("text/html")
    assert {fmt: r.extension for fmt, r in RENDERERS.items()} == {
        "xlsx": "xlsx",
        "pdf": "pdf",
        "html": "html",
    }


def test_render_dispatches_by_format(sample_report: Report) -> None:
    assert render(sample_report, "xlsx")[:2] == b"PK"
    assert render(sample_report, "pdf")[:5] == b"%PDF-"
    assert render(sample_report, "html").startswith(b"<!DOCTYPE html>")


def test_unknown_format_is_a_clear_error(sample_report: Report) -> None:
    with pytest.raises(
        ValueError, match=r"unknown report format 'docx'.*html, pdf, xlsx"
    ):
        render(sample_report, "docx")


def test_place_schedule_left_to_right() -> None:
    cells = (ScheduleCell("実施"), ScheduleCell("検討・実施・見直し", span=2))
    placed = _common.place_schedule(cells, 3)
    assert [(p.start, p.span, p.text) for p in placed] == [
        (0, 1, "実施"),
        (1, 2, "検討・実施・見直し"),
    ]
    grid = _common.schedule_grid(cells, 3)
    assert grid[2] is None  # covered by the span
    assert _common.schedule_grid((), 3) == [
        _common.PlacedCell(i, 1, "") for i in range(3)
    ]


def test_place_schedule_never_runs_past_the_fy_columns() -> None:
    cells = (ScheduleCell("a", span=2), ScheduleCell("b", span=5), ScheduleCell("c"))
    placed = _common.place_schedule(cells, 3)
    # "b" is clipped to the last column and "c", with no room left, joins it.
    assert [(p.start, p.span, p.text) for p in placed] == [(0, 2, "a"), (2, 1, "b\nc")]


def test_heading_lines() -> None:
    assert _common.heading_lines(
        "令和5年度当初予定 令和5年度設定目標(前年度末の状況)"
    ) == [
        "令和5年度当初予定",
        "令和5年度設定目標(前年度末の状況)",
    ]
