"""The 実績 report as a PDF (A3 landscape), with the 当初計画 report's font,
styles, page numbering and row splitting (reports.renderers.pdf).

First page: the title, the grade legend and the counts per 方向性 and grade;
then the table of programs (its header repeated on every page); then the
appendix of the committee's opinions with the city's responses.
"""

from __future__ import annotations

import functools
import io

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from shinchoku.reports.model import ResultsReport, ResultsRow
from shinchoku.reports.renderers import _results as layout
from shinchoku.reports.renderers.pdf import (
    CELL_PAD_LEFT,
    CELL_PAD_RIGHT,
    GRID_COLOR,
    GROUP_FILL,
    HEADER_FILL,
    HEADINGS_ALLOWANCE,
    _bullets,
    _NumberedCanvas,
    _para,
    _Styles,
    _TableBuilder,
    _title_block,
    document,
    japanese_font,
)


def _grid_style(font: str) -> list[tuple]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_LEFT),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_RIGHT),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ]


def _cell(kind: str, lines: list[str], s: _Styles) -> list[Flowable]:
    if kind == "bullets":
        return _bullets(tuple(lines), s)
    if kind == "number":
        return [_para(line, s.number) for line in lines]
    if kind == "grade":
        first, *rest = lines or [""]
        return [_para(first, s.group if rest else s.note)] + [
            _para(line, s.note) for line in rest
        ]
    return [_para(line, s.text) for line in lines]


class _ResultsTable(_TableBuilder):
    """The programs' table: one header row, section and 方向性 rows, a row per
    program (cut into continuation rows when taller than a page)."""

    def __init__(  # noqa: PLW0231 (the parent's columns are the 当初計画 ones)
        self, report: ResultsReport, styles: _Styles, width: float, height: float
    ) -> None:
        self.report = report  # type: ignore[assignment]
        self.max_row_height = height - HEADINGS_ALLOWANCE
        self.styles = styles
        self.columns = list(layout.columns(report))  # type: ignore[arg-type]
        total = sum(c.weight for c in self.columns)
        self.col_widths = [width * c.weight / total for c in self.columns]
        self.ncols = len(self.columns)
        self.data = []
        self.commands = _grid_style(styles.font)

    def header(self) -> None:
        names = layout.headings(self.report)
        self.data.append(
            [
                _para("\n".join(layout.heading_lines(names[c.key])), self.styles.header)
                for c in self.columns
            ]
        )
        self.commands.append(("VALIGN", (0, 0), (-1, 0), "MIDDLE"))

    def program(self, program: ResultsRow) -> int:  # type: ignore[override]
        content = layout.cells(program)
        cells = [_cell(c.kind, content[c.key], self.styles) for c in self.columns]
        widths = self._cell_widths([])
        if self._row_height(cells, widths) > self.max_row_height:
            chunks = self._chunks(cells, widths, program)  # type: ignore[arg-type]
        else:
            chunks = [cells]
        row = len(self.data)
        self.data += [[cell or "" for cell in chunk] for chunk in chunks]
        return row

    repeat_rows = 1

    def finish(self) -> None:
        pass  # no schedule columns


def _counts_block(report: ResultsReport, s: _Styles) -> list[Flowable]:
    header = [_para(t, s.header) for t in layout.counts_header(report)]
    rows = [
        [_para(r[0], s.text), *(_para(v, s.number) for v in r[1:])]
        for r in layout.counts_rows(report)
    ]
    widths = [90 * mm] + [16 * mm] * (len(header) - 1)
    table = Table(
        [header, *rows],
        colWidths=widths,
        repeatRows=1,
        style=[
            *_grid_style(s.font),
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), GROUP_FILL),
        ],
        hAlign="LEFT",
    )
    return [
        _para(report.legend, s.text),
        Spacer(1, 2 * mm),
        _para(layout.COUNTS_CAPTION, s.group),
        table,
        Spacer(1, 5 * mm),
    ]


def _opinions_block(report: ResultsReport, s: _Styles, width: float) -> list[Flowable]:
    block: list[Flowable] = [
        Spacer(1, 6 * mm),
        _para(layout.OPINIONS_CAPTION, s.section),
    ]
    rows = layout.opinion_cells(report)
    if not rows:
        return [*block, _para(layout.NO_OPINIONS, s.text)]
    columns = layout.OPINION_COLUMNS
    total = sum(c.weight for c in columns)
    heads = {
        "number": layout.NUMBER_HEADING,
        "name": layout.NAME_HEADING,
        "opinion": layout.OPINION_HEADING,
        "response": layout.RESPONSE_HEADING,
    }
    data: list[list[object]] = [[_para(heads[c.key], s.header) for c in columns]]
    for row in rows:
        data.append([_cell(c.kind, row[c.key], s) for c in columns])
    table = Table(
        data,
        colWidths=[width * c.weight / total for c in columns],
        repeatRows=1,
        splitByRow=1,
        style=_grid_style(s.font),
    )
    return [*block, table]


def render(report: ResultsReport) -> bytes:
    font = japanese_font()
    styles = _Styles(font)
    buffer = io.BytesIO()
    doc = document(buffer, report, font)
    story = _title_block(report, styles, doc.width)  # type: ignore[arg-type]
    if report.note:
        story.append(_para(report.note, styles.group))
    story += _counts_block(report, styles)
    story.append(_ResultsTable(report, styles, doc.width, doc.height).build())
    story += _opinions_block(report, styles, doc.width)
    doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, footer_font=font))
    return buffer.getvalue()
