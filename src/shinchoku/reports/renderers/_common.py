"""Layout decisions shared by the XLSX, PDF and HTML renderers.

The three formats must show the same table: same columns in the same order, the
same relative widths and the same placement of schedule cells. Keeping those
decisions here means a change to the layout cannot make the formats disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from shinchoku.reports.model import Report, ReportRow, ScheduleCell

# Headings the city prints on every edition; they do not depend on the year.
NUMBER_HEADING = "No."
NAME_HEADING = "実施プログラム"
POLICY_HEADING = "主な取組の方向性"


@dataclass(frozen=True)
class Column:
    key: str
    weight: float  # relative width; every renderer scales these to its page


# Relative widths after the city's report (its text extraction carries no
# geometry, so they follow how much each column holds): No. is narrow, the
# prose columns (方向性, 実績, 当初予定) take most of the page, an FY column
# holds a short word such as 検討・実施.
_WEIGHTS = {
    "number": 3.5,
    "name": 13.0,
    "policy": 25.0,
    "actions": 16.0,
    "fy": 6.5,
    "achievements": 30.0,
    "previous": 26.0,
    "current": 26.0,
}


def columns(report: Report) -> list[Column]:
    """Every column of the table, left to right."""
    fys = [Column(f"fy{i}", _WEIGHTS["fy"]) for i in range(fy_count(report))]
    return [
        Column("number", _WEIGHTS["number"]),
        Column("name", _WEIGHTS["name"]),
        Column("policy", _WEIGHTS["policy"]),
        Column("actions", _WEIGHTS["actions"]),
        *fys,
        Column("achievements", _WEIGHTS["achievements"]),
        Column("previous", _WEIGHTS["previous"]),
        Column("current", _WEIGHTS["current"]),
    ]


def fy_count(report: Report) -> int:
    """How many FY columns the 年度スケジュール block has."""
    return len(report.columns.schedule_fy_labels)


def heading_lines(text: str) -> list[str]:
    """'令和5年度当初予定 令和5年度設定目標(前年度末の状況)' → two lines: the city
    prints the plan and the target of a heading one above the other."""
    return [part for part in text.split(" ") if part]


def name_lines(row: ReportRow) -> list[str]:
    """The program name, then the 終了 note under it when the program ended."""
    return [row.name, row.ended_note] if row.ended_note else [row.name]


def title_meta_lines(report: Report) -> list[str]:
    """The meeting and the material number with its date, as printed top right."""
    material = "　".join(p for p in (report.material, report.date_label) if p)
    return [line for line in (report.meeting, material) if line]


@dataclass(frozen=True)
class PlacedCell:
    start: int  # index of the first FY column the cell covers
    span: int
    text: str


def place_schedule(cells: tuple[ScheduleCell, ...], n_fys: int) -> list[PlacedCell]:
    """Lay schedule cells left to right over ``n_fys`` FY columns.

    The model promises spans add up to ``n_fys`` at most; a builder bug must
    not corrupt the layout (a merge running into 実績) nor drop text, so an
    over-long span is clipped and cells past the last column are appended to
    the last placed cell.
    """
    placed: list[PlacedCell] = []
    pos = 0
    for cell in cells:
        if pos >= n_fys:
            if placed:
                last = placed[-1]
                text = "\n".join(t for t in (last.text, cell.text) if t)
                placed[-1] = PlacedCell(last.start, last.span, text)
            continue
        span = max(1, min(cell.span, n_fys - pos))
        placed.append(PlacedCell(pos, span, cell.text))
        pos += span
    return placed


def schedule_grid(
    cells: tuple[ScheduleCell, ...], n_fys: int
) -> list[PlacedCell | None]:
    """One entry per FY column: the cell starting there; None where a span
    covers the column (renderers skip it); an empty cell where nothing is
    planned, so every renderer draws a full grid."""
    grid: list[PlacedCell | None] = [PlacedCell(i, 1, "") for i in range(n_fys)]
    for cell in place_schedule(cells, n_fys):
        grid[cell.start] = cell
        for covered in range(cell.start + 1, cell.start + cell.span):
            grid[covered] = None
    return grid


def document_timestamp(report: Report) -> dt.datetime:
    """The time stamped into generated files. Fixed (the report date at 00:00)
    so the same Report always gives the same bytes."""
    day = report.date or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day)
