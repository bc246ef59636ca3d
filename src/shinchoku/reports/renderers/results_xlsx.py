"""The 実績 report as an Excel workbook, with the 当初計画 workbook's fonts,
named styles, row-height estimates and fixed timestamps (renderers.xlsx).

Sheet 進捗状況: the title, the grade legend, the counts per 方向性 and grade,
then the programs' table (its header printed on every page). Sheet
委員会意見: the committee's opinions with the city's responses, one row each
in program order.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from shinchoku.common.spreadsheets import text_only
from shinchoku.common.text import join_bullets
from shinchoku.reports.model import ResultsReport, ResultsRow
from shinchoku.reports.renderers import _common as common
from shinchoku.reports.renderers import _results as layout
from shinchoku.reports.renderers.xlsx import (
    BODY_SIZE,
    COLUMN_WIDTH_PER_WEIGHT,
    HEADING_SIZE,
    META_SIZE,
    SHEET_TITLE,
    TITLE_SIZE,
    _SheetWriter,
    _styles,
    line_count,
    row_height,
    set_properties,
    workbook_bytes,
)

OPINIONS_SHEET_TITLE = "委員会意見"
_STYLE = {"number": "sk_number", "grade": "sk_schedule"}


def _text(kind: str, lines: list[str]) -> str:
    return join_bullets(tuple(lines)) if kind == "bullets" else "\n".join(lines)


class _ResultsSheet(_SheetWriter):
    def __init__(  # noqa: PLW0231 (the parent's columns are the 当初計画 ones)
        self, ws: Worksheet, report: ResultsReport, columns: tuple
    ) -> None:
        self.ws = ws
        self.report = report  # type: ignore[assignment]
        self.columns = list(columns)
        self.ncols = len(self.columns)
        self.widths = [c.weight * COLUMN_WIDTH_PER_WEIGHT for c in self.columns]
        self.style_arrays = {}
        self.row = 1

    def line(self, text: str, style: str, size: float) -> None:
        """A line across the sheet (title, note, legend, captions)."""
        self.put(self.row, 1, text, style, last_col=self.ncols)
        lines = line_count(text, sum(self.widths), size)
        self.ws.row_dimensions[self.row].height = row_height(lines, size)
        self.row += 1

    def cells(self, values: list[tuple[str, str]], size: float = BODY_SIZE) -> int:
        """A row of (text, style), one per column; returns its row number."""
        lines = 1
        for col, (text, style) in enumerate(values, start=1):
            self.put(self.row, col, text, style)
            if text:
                lines = max(lines, line_count(text, self.widths[col - 1], size))
        self.ws.row_dimensions[self.row].height = row_height(lines, size)
        self.row += 1
        return self.row - 1

    def widths_set(self) -> None:
        for index, width in enumerate(self.widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = round(width, 2)

    def counts(self) -> None:
        report: ResultsReport = self.report  # type: ignore[assignment]
        self.line(report.legend, "sk_section", BODY_SIZE + 1)
        self.line(layout.COUNTS_CAPTION, "sk_group", BODY_SIZE + 1)
        for i, values in enumerate(
            [layout.counts_header(report), *layout.counts_rows(report)]
        ):
            style = "sk_header" if i == 0 else "sk_text"
            self.put(self.row, 1, values[0], style, last_col=3)
            for offset, value in enumerate(values[1:]):
                self.put(self.row, 4 + offset, value, style if i == 0 else "sk_number")
                if i:  # a count is a number a spreadsheet can add up, 0 included
                    self.ws.cell(row=self.row, column=4 + offset).value = int(value)
            self.ws.row_dimensions[self.row].height = row_height(1, BODY_SIZE)
            self.row += 1
        self.row += 1

    def programs(self) -> int:
        """The table; returns the row of its header."""
        names = layout.headings(self.report)  # type: ignore[arg-type]
        header = self.cells(
            [
                ("\n".join(layout.heading_lines(names[c.key])), "sk_header")
                for c in self.columns
            ],
            HEADING_SIZE,
        )
        for section in self.report.sections:
            self.line(f"{section.heading}　{section.lead}", "sk_section", BODY_SIZE + 1)
            for group in section.groups:
                self.line(group.label, "sk_group", BODY_SIZE + 1)
                for program in group.rows:
                    self.program_row(program)  # type: ignore[arg-type]
        return header

    def program_row(self, program: ResultsRow) -> None:  # type: ignore[override]
        content = layout.cells(program)
        self.cells(
            [
                (_text(c.kind, content[c.key]), _STYLE.get(c.kind, "sk_text"))
                for c in self.columns
            ]
        )

    def page(self, header_row: int) -> None:
        self.page_setup()
        self.ws.print_title_rows = f"{header_row}:{header_row}"
        self.ws.freeze_panes = f"C{header_row + 1}"


def build_workbook(report: ResultsReport) -> Workbook:
    wb = Workbook()
    for style in _styles():
        wb.add_named_style(style)
    ws = wb.active
    ws.title = SHEET_TITLE
    sheet = _ResultsSheet(ws, report, layout.columns(report))
    sheet.widths_set()
    sheet.line(report.title, "sk_title", TITLE_SIZE)
    for meta in layout.title_meta_lines(report):
        sheet.line(meta, "sk_meta", META_SIZE)
    if report.note:
        sheet.line(report.note, "sk_group", BODY_SIZE + 1)
    sheet.row += 1
    sheet.counts()
    sheet.page(sheet.programs())

    opinions = _ResultsSheet(
        wb.create_sheet(OPINIONS_SHEET_TITLE), report, layout.OPINION_COLUMNS
    )
    opinions.widths_set()
    opinions.line(f"{report.title}　{layout.OPINIONS_CAPTION}", "sk_title", TITLE_SIZE)
    heads = [
        layout.NUMBER_HEADING,
        layout.NAME_HEADING,
        layout.OPINION_HEADING,
        layout.RESPONSE_HEADING,
    ]
    header = opinions.cells([(h, "sk_header") for h in heads], HEADING_SIZE)
    rows = layout.opinion_cells(report)
    if not rows:
        opinions.line(layout.NO_OPINIONS, "sk_text", BODY_SIZE)
    for row in rows:
        opinions.cells(
            [
                (_text(c.kind, row[c.key]), _STYLE.get(c.kind, "sk_text"))
                for c in layout.OPINION_COLUMNS
            ]
        )
    opinions.page(header)

    set_properties(wb, report)
    return text_only(wb)


def render(report: ResultsReport) -> bytes:
    wb = build_workbook(report)
    stamp = common.document_timestamp(report)  # type: ignore[arg-type]
    return workbook_bytes(wb, stamp.timetuple()[:6])
