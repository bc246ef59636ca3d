"""The committee report as an Excel workbook (openpyxl), laid out like the
city's printed table so staff can keep editing it in Excel.

Choices that are not obvious:

* Font: IPAexGothic, the font the PDF embeds (fonts-ipaexfont-gothic), so the
  XLSX printed through LibreOffice on the server looks like the PDF. The cells
  also say charset 128 (Shift_JIS), so Excel on a PC without IPAexGothic falls
  back to a Japanese font (ＭＳ Ｐゴシック, 游ゴシック) whose ideographs are
  as wide, and the estimated row heights still hold. ＭＳ Ｐゴシック itself
  was not chosen: it is not free, and on Linux it falls back to DejaVu Sans.
* Row heights are explicit. Excel grows a row to fit wrapped text only when it
  edits the cell; LibreOffice never does on load. So the height of each row is
  estimated from the text length per column width, counting a CJK character as
  two width units (a column width is measured in digits of the default font,
  Calibri 11: about half an ideograph at 9 pt). LibreOffice without Calibri's
  metric twin (fonts-crosextra-carlito) measures with a wider font, so its
  columns come out wider and rows show some white space, never clipped text.
* Output is deterministic: the document dates are the report date and every
  ZIP entry carries that date, so the same Report gives the same bytes (a
  re-export that changed nothing does not look like a new version).
* Styles are a handful of named styles registered once per workbook; cells
  only point at them, which keeps rendering close to writing plain values.
"""

from __future__ import annotations

import io
import math
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from shinchoku.common.spreadsheets import cell_value, text_only
from shinchoku.common.text import join_bullets
from shinchoku.reports.model import Report, ReportRow, ResultsReport
from shinchoku.reports.renderers import _common as common

SHEET_TITLE = "進捗状況"
FONT_NAME = "IPAexGothic"
JAPANESE_CHARSET = 128  # SHIFTJIS_CHARSET: Excel picks a Japanese fallback font
BODY_SIZE = 9
HEADING_SIZE = 9
TITLE_SIZE = 14
META_SIZE = 10

# Excel width unit = the width of "0" in the default font (Calibri 11: 7 px).
WIDTH_UNIT_PX = 7.0
CELL_PADDING_PX = 6.0
COLUMN_WIDTH_PER_WEIGHT = 1.25
LINE_HEIGHT_RATIO = 1.3  # line pitch / font size, as Excel draws IPAexGothic
ROW_PADDING_PT = 4.0
MAX_ROW_HEIGHT = 409.0  # points: Excel's limit
# Japanese wraps anywhere, Latin words do not; keep a margin so a line broken
# earlier than estimated does not push the last line out of the cell.
WRAP_SLACK = 0.93

TITLE_ROW = 1
META_FIRST_ROW = 2
HEADER_FIRST_ROW = 4
BODY_FIRST_ROW = HEADER_FIRST_ROW + 2

HEADER_FILL = "D9E1F2"
GROUP_FILL = "E7E6E6"


def display_width(text: str) -> float:
    """Width in half-width units: 'ab' → 2, '実施' → 4.

    From the UTF-8 length, which C computes for us: ASCII is one byte, kana,
    ideographs and the symbols Japanese fonts draw full-width (①, ※, ・, ～)
    are three. Half-width katakana (also three bytes) come out too wide,
    which only costs a little white space.
    """
    return (len(text) + len(text.encode("utf-8"))) / 2


def line_count(text: str, width_chars: float, font_size: float) -> int:
    """How many lines ``text`` takes in a column ``width_chars`` wide."""
    if not text:
        return 1
    half_width_px = font_size * 96 / 72 / 2
    capacity = (width_chars * WIDTH_UNIT_PX - CELL_PADDING_PX) / half_width_px
    capacity = max(1.0, capacity * WRAP_SLACK)
    return sum(
        max(1, math.ceil(display_width(line) / capacity)) for line in text.split("\n")
    )


def row_height(lines: int, font_size: float) -> float:
    height = lines * font_size * LINE_HEIGHT_RATIO + ROW_PADDING_PT
    # Excel refuses taller rows; such a cell is better split by its author.
    return round(min(height, MAX_ROW_HEIGHT), 1)


def _styles() -> list[NamedStyle]:
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    def font(size: float, bold: bool = False) -> Font:
        return Font(name=FONT_NAME, size=size, bold=bold, charset=JAPANESE_CHARSET)

    def style(name: str, **attrs) -> NamedStyle:
        named = NamedStyle(name=name)
        for key, value in attrs.items():
            setattr(named, key, value)
        return named

    top_left = Alignment(horizontal="left", vertical="top", wrap_text=True)
    centered = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return [
        style(
            "sk_title",
            font=font(TITLE_SIZE, bold=True),
            alignment=Alignment(horizontal="left", vertical="center"),
        ),
        style(
            "sk_meta",
            font=font(META_SIZE),
            alignment=Alignment(horizontal="right", vertical="center"),
        ),
        style(
            "sk_header",
            font=font(HEADING_SIZE, bold=True),
            alignment=centered,
            border=box,
            fill=PatternFill("solid", fgColor=HEADER_FILL),
        ),
        style(
            "sk_section",
            font=font(BODY_SIZE + 1, bold=True),
            alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
            border=box,
        ),
        style(
            "sk_group",
            font=font(BODY_SIZE + 1, bold=True),
            alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
            border=box,
            fill=PatternFill("solid", fgColor=GROUP_FILL),
        ),
        style(
            "sk_number",
            font=font(BODY_SIZE),
            alignment=Alignment(horizontal="center", vertical="top"),
            border=box,
        ),
        style("sk_text", font=font(BODY_SIZE), alignment=top_left, border=box),
        style("sk_schedule", font=font(BODY_SIZE), alignment=centered, border=box),
    ]


class _SheetWriter:
    """Writes one report into one worksheet, tracking column geometry."""

    def __init__(self, ws: Worksheet, report: Report) -> None:
        self.ws = ws
        self.report = report
        self.columns = common.columns(report)
        self.ncols = len(self.columns)
        self.widths = [c.weight * COLUMN_WIDTH_PER_WEIGHT for c in self.columns]
        self.n_fys = common.fy_count(report)
        self.first_fy_col = 5  # No., name, policy, actions, then the FYs
        self.style_arrays: dict[str, StyleArray] = {}

    # -- cells -------------------------------------------------------------

    def put(
        self,
        row: int,
        col: int,
        value: str | None,
        style: str,
        *,
        last_col: int = 0,
        last_row: int = 0,
    ) -> None:
        """Write a cell, merged with its neighbours up to (last_row, last_col)."""
        if last_col > col or last_row > row:
            self.merge(row, col, last_row or row, last_col or col, style)
        value = cell_value(value) or None
        self.apply(self.ws.cell(row=row, column=col, value=value), style)

    def merge(self, row: int, col: int, last_row: int, last_col: int, style: str):
        """Merge a range, giving every covered cell the anchor's style (Excel
        draws a merged range's border from the covered cells too).

        Not ws.merge_cells: it checks the new range against every existing
        one and copies borders onto the covered cells one Border object at a
        time, which made merging most of the rendering time. Our ranges never
        overlap, and the covered cells get their style like any other cell.
        (This touches openpyxl internals, pinned to 3.1 in pyproject.toml; the
        tests read merges and borders back.)
        """
        ws = self.ws
        ref = f"{get_column_letter(col)}{row}:{get_column_letter(last_col)}{last_row}"
        ws.merged_cells.ranges.add(MergedCellRange(ws, ref))
        for r in range(row, last_row + 1):
            for c in range(col, last_col + 1):
                if (r, c) != (row, col):
                    covered = MergedCell(ws, row=r, column=c)
                    ws._cells[(r, c)] = covered
                    self.apply(covered, style)

    def apply(self, cell: Cell | MergedCell, style: str) -> None:
        """Give a cell a named style. The first cell goes through openpyxl's
        named-style lookup (a linear search of the style names); the others
        copy the style index array that lookup produced, which is all a cell
        holds of its style."""
        template = self.style_arrays.get(style)
        if template is None:
            cell.style = style
            self.style_arrays[style] = StyleArray(cell._style)
        else:
            cell._style = StyleArray(template)

    def full_row(self, row: int, text: str, style: str, size: float) -> None:
        self.put(row, 1, text, style, last_col=self.ncols)
        lines = line_count(text, sum(self.widths), size)
        self.ws.row_dimensions[row].height = row_height(lines, size)

    # -- blocks ------------------------------------------------------------

    def layout(self) -> None:
        ws = self.ws
        for index, width in enumerate(self.widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = round(width, 2)
        self.title_block()
        self.header()
        row = BODY_FIRST_ROW
        for section in self.report.sections:
            self.full_row(
                row, f"{section.heading}　{section.lead}", "sk_section", BODY_SIZE + 1
            )
            row += 1
            for group in section.groups:
                self.full_row(row, group.label, "sk_group", BODY_SIZE + 1)
                row += 1
                for program in group.rows:
                    self.program(row, program)
                    row += 1
        self.page_setup()

    def title_block(self) -> None:
        ws = self.ws
        self.put(TITLE_ROW, 1, self.report.title, "sk_title", last_col=self.ncols)
        ws.row_dimensions[TITLE_ROW].height = row_height(1, TITLE_SIZE)
        for offset, line in enumerate(common.title_meta_lines(self.report)):
            row = META_FIRST_ROW + offset
            self.put(row, 1, line, "sk_meta", last_col=self.ncols)
            ws.row_dimensions[row].height = row_height(1, META_SIZE)

    def header(self) -> None:
        top, sub = HEADER_FIRST_ROW, HEADER_FIRST_ROW + 1
        cols = self.report.columns
        fy0 = self.first_fy_col
        after = fy0 + self.n_fys
        tall = {
            1: common.NUMBER_HEADING,
            2: common.NAME_HEADING,
            3: common.POLICY_HEADING,
            after: cols.achievements_heading,
            after + 1: cols.previous_heading,
            after + 2: cols.current_heading,
        }
        tall = {col: "\n".join(common.heading_lines(t)) for col, t in tall.items()}
        for col, text in tall.items():
            self.put(top, col, text, "sk_header", last_row=sub)
        self.put(top, 4, cols.schedule_heading, "sk_header", last_col=after - 1)
        self.put(sub, 4, cols.action_items_heading, "sk_header")
        for i, label in enumerate(cols.schedule_fy_labels):
            self.put(sub, fy0 + i, label, "sk_header")
        top_lines = max(
            line_count(text, self.widths[col - 1], HEADING_SIZE)
            for col, text in tall.items()
        )
        # The two header rows share the height of the tall (merged) headings.
        self.ws.row_dimensions[top].height = row_height(
            max(1, top_lines - 1), HEADING_SIZE
        )
        self.ws.row_dimensions[sub].height = row_height(1, HEADING_SIZE)

    def program(self, row: int, program: ReportRow) -> None:
        cells: list[tuple[int, int, str, str]] = [  # (first col, span, text, style)
            (1, 1, program.number_label, "sk_number"),
            (2, 1, "\n".join(common.name_lines(program)), "sk_text"),
            (3, 1, join_bullets(program.policy_points), "sk_text"),
            (4, 1, join_bullets(program.action_items), "sk_text"),
        ]
        for placed in common.schedule_grid(program.schedule, self.n_fys):
            if placed is not None:
                col = self.first_fy_col + placed.start
                cells.append((col, placed.span, placed.text, "sk_schedule"))
        after = self.first_fy_col + self.n_fys
        for offset, items in enumerate(
            (program.achievements, program.previous_plan, program.current_plan)
        ):
            cells.append((after + offset, 1, join_bullets(items), "sk_text"))

        lines = 1
        for col, span, text, style in cells:
            self.put(row, col, text, style, last_col=col + span - 1)
            if text:
                width = sum(self.widths[col - 1 : col - 1 + span])
                lines = max(lines, line_count(text, width, BODY_SIZE))
        self.ws.row_dimensions[row].height = row_height(lines, BODY_SIZE)

    def page_setup(self) -> None:
        ws = self.ws
        ws.page_setup.paperSize = ws.PAPERSIZE_A3
        ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages tall as the rows need
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins = PageMargins(
            left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.2, footer=0.25
        )
        ws.print_options.horizontalCentered = True
        last_header = HEADER_FIRST_ROW + 1
        ws.print_title_rows = f"{HEADER_FIRST_ROW}:{last_header}"
        ws.oddFooter.center.text = "&P / &N"
        # No. and the program name stay in view while scrolling through the
        # wide prose columns.
        ws.freeze_panes = f"C{BODY_FIRST_ROW}"


class _FixedTimeZip(zipfile.ZipFile):
    """A ZIP writer stamping every entry with one date, so that saving the same
    workbook twice gives the same bytes (zipfile stamps the current time)."""

    def __init__(self, file: io.BytesIO, date_time: tuple[int, ...]) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._date_time = date_time

    def _entry(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self._date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        return info

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs):  # type: ignore[override]
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._entry(zinfo_or_arcname)
        return super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs):  # type: ignore[override]
        # openpyxl streams each sheet through a temporary file; its mtime would
        # leak into the archive.
        with open(filename, "rb") as fh:
            data = fh.read()
        return self.writestr(arcname or str(filename), data)


def build_workbook(report: Report) -> Workbook:
    wb = Workbook()
    for style in _styles():
        wb.add_named_style(style)
    ws = wb.active
    ws.title = SHEET_TITLE
    _SheetWriter(ws, report).layout()
    set_properties(wb, report)
    return text_only(wb)


def set_properties(wb: Workbook, report: Report | ResultsReport) -> None:
    """Title, subject, author and the report's date as the document's dates."""
    stamp = common.document_timestamp(report)  # type: ignore[arg-type]
    props = wb.properties
    props.title = cell_value(report.title)
    props.subject = cell_value(
        " ".join(p for p in (report.meeting, report.material) if p)
    )
    props.creator = cell_value(report.municipality)
    props.lastModifiedBy = props.creator
    props.language = "ja-JP"
    props.created = stamp
    props.modified = stamp


def workbook_bytes(wb: Workbook, date_time: tuple[int, ...]) -> bytes:
    """Save without openpyxl's save_workbook, which stamps the current time."""
    buffer = io.BytesIO()
    archive = _FixedTimeZip(buffer, date_time)
    ExcelWriter(wb, archive).save()
    return buffer.getvalue()


def render(report: Report | ResultsReport) -> bytes:
    if isinstance(report, ResultsReport):
        from shinchoku.reports.renderers import results_xlsx

        return results_xlsx.render(report)
    wb = build_workbook(report)
    stamp = common.document_timestamp(report)
    return workbook_bytes(wb, stamp.timetuple()[:6])
