"""The committee report as a PDF, drawn directly with ReportLab platypus.

Why ReportLab and not HTML-to-PDF or LibreOffice: platypus lays out ~30 wrapped
table rows in about 0.05 s (measured here: 0.04 s for the one-page sample,
0.12 s for 30 programs over four pages, with ReportLab's pure-Python text
measuring), where WeasyPrint needs 0.3–0.5 s and LibreOffice converting the
XLSX 1.5–2 s plus a process per request; the goal is to be at least ten times
faster than the latter. Platypus also gives the controls the printed report
needs: a header repeated on every page (``repeatRows``), rows moved whole to
the next page, CJK line breaking (``wordWrap="CJK"``) and reproducible files
(``invariant=1``).

Japanese text needs a Japanese TrueType font: the first existing file of
``settings.SHINCHOKU_PDF_FONTS`` is registered once per process. Without one
the renderer refuses (ReportFontError) instead of printing empty boxes.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import threading
from xml.sax.saxutils import escape

from django.conf import settings
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A3, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table

from shinchoku.common.text import BULLET
from shinchoku.reports.model import Report, ReportRow, ResultsReport
from shinchoku.reports.renderers import _common as common

PAGE_SIZE = landscape(A3)
MARGIN = 10 * mm
FOOTER_Y = 5 * mm
BODY_SIZE = 8.0
BODY_LEADING = 10.5
HEADER_FILL = colors.HexColor("#D9E1F2")
GROUP_FILL = colors.HexColor("#E7E6E6")
GRID_COLOR = colors.black
CELL_PAD_LEFT = CELL_PAD_RIGHT = 3.0
CELL_PAD_TOP, CELL_PAD_BOTTOM = 2.0, 3.0
CELL_PAD_X = CELL_PAD_LEFT + CELL_PAD_RIGHT
CELL_PAD_Y = CELL_PAD_TOP + CELL_PAD_BOTTOM
# Room on a page for the repeated header and a section and a 方向性 heading
# (kept on the page of the first program under them).
HEADINGS_ALLOWANCE = 110.0


class ReportFontError(RuntimeError):
    """No usable Japanese TrueType font for the PDF report."""


_font_lock = threading.Lock()
_registered_fonts: dict[str, str] = {}  # font file path → ReportLab font name


def _font_candidates() -> list[str]:
    return [str(p) for p in getattr(settings, "SHINCHOKU_PDF_FONTS", []) if p]


def japanese_font() -> str:
    """The ReportLab name of the Japanese font, registering it on first use.

    The settings are read on every call and only the registration is cached,
    so a changed setting (or a font file removed) is noticed at once.
    """
    candidates = _font_candidates()
    path = next((p for p in candidates if os.path.isfile(p)), None)
    if path is None:
        tried = ", ".join(candidates) or "(empty)"
        raise ReportFontError(
            "No Japanese TrueType font for the PDF report: none of the files in "
            f"settings.SHINCHOKU_PDF_FONTS exists ({tried}). Install the Debian "
            "package fonts-ipaexfont-gothic, or set SHINCHOKU_PDF_FONT to the path "
            "of a Japanese .ttf file."
        )
    with _font_lock:
        name = _registered_fonts.get(path)
        if name is None:
            # A name derived from the path: stable across processes, distinct
            # when the setting points at another file.
            digest = hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()
            name = f"ShinchokuJP-{digest[:8]}"
            try:
                pdfmetrics.registerFont(TTFont(name, path))
            except (TTFError, OSError) as exc:
                raise ReportFontError(
                    f"Cannot use {path} (from settings.SHINCHOKU_PDF_FONTS) for the "
                    f"PDF report: {exc}. A TrueType (.ttf) Japanese font is needed, "
                    "e.g. from the Debian package fonts-ipaexfont-gothic."
                ) from exc
            _registered_fonts[path] = name
    return name


class _Styles:
    def __init__(self, font: str) -> None:
        def style(name: str, size: float, leading: float, **kw) -> ParagraphStyle:
            return ParagraphStyle(
                name,
                fontName=font,
                fontSize=size,
                leading=leading,
                wordWrap="CJK",
                **kw,
            )

        self.font = font
        self.title = style("title", 16, 21)
        self.meta = style("meta", 10, 13, alignment=TA_RIGHT)
        self.header = style("header", BODY_SIZE, BODY_LEADING, alignment=TA_CENTER)
        self.section = style("section", BODY_SIZE + 2, BODY_LEADING + 3)
        self.group = style("group", BODY_SIZE + 1, BODY_LEADING + 2)
        self.number = style("number", BODY_SIZE, BODY_LEADING, alignment=TA_CENTER)
        self.text = style("text", BODY_SIZE, BODY_LEADING, alignment=TA_LEFT)
        self.note = style("note", BODY_SIZE - 0.5, BODY_LEADING - 0.5)
        self.schedule = style("schedule", BODY_SIZE, BODY_LEADING, alignment=TA_CENTER)
        # "・" hangs in the margin so wrapped lines align with the text.
        self.bullet = style(
            "bullet",
            BODY_SIZE,
            BODY_LEADING,
            leftIndent=BODY_SIZE,
            firstLineIndent=-BODY_SIZE,
        )


class _Para(Paragraph):
    """A Paragraph that remembers its line breaks per width.

    A table measures every cell again for each page it is split over and once
    more to draw it, and CJK line breaking measures every character in Python:
    without this, wrapping is most of the render time.
    """

    _WRAP_STATE = ("width", "height", "blPara", "_wrapWidths")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        cache = self.__dict__.setdefault("_wrap_cache", {})
        # Measuring and drawing compute a column's width in different ways;
        # the results differ in the last bits.
        key = round(availWidth, 3)
        state = cache.get(key)
        if state is not None:
            self.__dict__.update(state)
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        cache[key] = {k: getattr(self, k) for k in self._WRAP_STATE}
        return size


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return _Para(escape(text).replace("\n", "<br/>"), style)


def _bullets(items: tuple[str, ...], styles: _Styles) -> list[Flowable]:
    # One paragraph per bullet: a row taller than a page is split between them.
    return [_para(BULLET + item, styles.bullet) for item in items]


class _TableBuilder:
    def __init__(
        self, report: Report, styles: _Styles, width: float, height: float
    ) -> None:
        self.report = report
        # A program row taller than this cannot share a page with the header.
        self.max_row_height = height - HEADINGS_ALLOWANCE
        self.styles = styles
        self.columns = common.columns(report)
        total = sum(c.weight for c in self.columns)
        self.col_widths = [width * c.weight / total for c in self.columns]
        self.ncols = len(self.columns)
        self.n_fys = common.fy_count(report)
        self.fy0 = 4  # 0-based index of the first FY column
        self.data: list[list[object]] = []
        self.commands: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), styles.font),
            ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_LEFT),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_RIGHT),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_TOP),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_BOTTOM),
        ]

    def span(self, first: tuple[int, int], last: tuple[int, int]) -> None:
        self.commands.append(("SPAN", first, last))

    def header(self) -> None:
        s = self.styles
        cols = self.report.columns
        after = self.fy0 + self.n_fys

        def head(text: str) -> Paragraph:
            return _para("\n".join(common.heading_lines(text)), s.header)

        top: list[object] = [""] * self.ncols
        sub: list[object] = [""] * self.ncols
        tall = {
            0: common.NUMBER_HEADING,
            1: common.NAME_HEADING,
            2: common.POLICY_HEADING,
            after: cols.achievements_heading,
            after + 1: cols.previous_heading,
            after + 2: cols.current_heading,
        }
        for col, text in tall.items():
            top[col] = head(text)
            self.span((col, 0), (col, 1))
        top[3] = head(cols.schedule_heading)
        self.span((3, 0), (after - 1, 0))
        sub[3] = head(cols.action_items_heading)
        for i, label in enumerate(cols.schedule_fy_labels):
            sub[self.fy0 + i] = head(label)
        self.data += [top, sub]
        self.commands += [
            ("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, 1), "MIDDLE"),
        ]

    def full_row(self, flowable: Paragraph, fill: colors.Color | None) -> int:
        row = len(self.data)
        self.data.append([flowable] + [""] * (self.ncols - 1))
        self.span((0, row), (-1, row))
        if fill is not None:
            self.commands.append(("BACKGROUND", (0, row), (-1, row), fill))
        return row

    def program(self, program: ReportRow) -> int:
        """Append the table row(s) of one program; return the index of the first.

        A program taller than a page is cut into continuation rows between
        paragraphs (a bullet longer than a page between its lines), so that
        platypus, which only splits a table between rows, never meets a row it
        cannot place. ReportLab's own in-row splitting (splitInRow) fails on
        such rows after a few pages.
        """
        s = self.styles
        name: list[Flowable] = [_para(program.name, s.text)]
        if program.ended_note:
            name.append(_para(program.ended_note, s.note))
        cells: list[list[Flowable]] = [
            [_para(program.number_label, s.number)],
            name,
            _bullets(program.policy_points, s),
            _bullets(program.action_items, s),
        ]
        spans: list[tuple[int, int]] = []  # (first column, last column)
        for placed in common.schedule_grid(program.schedule, self.n_fys):
            if placed is None:
                cells.append([])  # covered by the span on its left
                continue
            cells.append([_para(placed.text, s.schedule)] if placed.text else [])
            if placed.span > 1:
                col = self.fy0 + placed.start
                spans.append((col, col + placed.span - 1))
        for items in (
            program.achievements,
            program.previous_plan,
            program.current_plan,
        ):
            cells.append(_bullets(items, s))

        widths = self._cell_widths(spans)
        if self._row_height(cells, widths) > self.max_row_height:
            chunks = self._chunks(cells, widths, program)
        else:
            chunks = [cells]
        row = len(self.data)
        self.data += [[cell or "" for cell in chunk] for chunk in chunks]
        for first, last in spans:
            self.span((first, row), (last, row))
        return row

    def _cell_widths(self, spans: list[tuple[int, int]]) -> list[float]:
        """The text width of each cell of a program row (a span's whole width
        for its first cell)."""
        widths = list(self.col_widths)
        for first, last in spans:
            widths[first] = sum(self.col_widths[first : last + 1])
        return [w - CELL_PAD_X for w in widths]

    @staticmethod
    def _row_height(cells: list[list[Flowable]], widths: list[float]) -> float:
        # The same wraps the table makes later (and _Para caches them).
        return CELL_PAD_Y + max(
            (
                sum(f.wrap(w, PAGE_SIZE[1])[1] for f in cell)
                for cell, w in zip(cells, widths, strict=True)
            ),
            default=0,
        )

    def _chunks(
        self, cells: list[list[Flowable]], widths: list[float], program: ReportRow
    ) -> list[list[list[Flowable]]]:
        limit = self.max_row_height - CELL_PAD_Y
        queues = [list(cell) for cell in cells]
        chunks: list[list[list[Flowable]]] = []
        while any(queues):
            chunk: list[list[Flowable]] = []
            for queue, width in zip(queues, widths, strict=True):
                taken: list[Flowable] = []
                used = 0.0
                while queue:
                    height = queue[0].wrap(width, limit)[1]
                    if used + height <= limit:
                        taken.append(queue.pop(0))
                        used += height
                        continue
                    if not taken:
                        # One paragraph taller than a page: split between lines.
                        parts = queue[0].split(width, limit)
                        if len(parts) == 2:
                            taken.append(parts[0])
                            queue[0] = parts[1]
                        else:
                            taken.append(queue.pop(0))
                    break
                chunk.append(taken)
            if chunks:
                # Say whose text continues: the row starts a new page.
                label = _para(f"{program.name}（続き）", self.styles.note)
                chunk[0] = [_para(program.number_label, self.styles.number), *chunk[0]]
                chunk[1] = [label, *chunk[1]]
            chunks.append(chunk)
        return chunks

    repeat_rows = 2  # the two header rows, repeated on every page

    def build(self) -> Table:
        self.header()
        self.body()
        self.finish()
        return Table(
            self.data,
            colWidths=self.col_widths,
            repeatRows=self.repeat_rows,
            # Between rows only: a row that does not fit moves to the next page.
            splitByRow=1,
            style=self.commands,
            hAlign="CENTER",
        )

    def body(self) -> None:
        """Section rows, 方向性 rows and the programs under them."""
        s = self.styles
        for section in self.report.sections:
            text = (
                f'{escape(section.heading)}<font size="{BODY_SIZE}">　'
                f"{escape(section.lead)}</font>"
            )
            # A heading waiting for its first program: they share a page.
            pending: int | None = self.full_row(_Para(text, s.section), None)
            for group in section.groups:
                label_row = self.full_row(_para(group.label, s.group), GROUP_FILL)
                pending = label_row if pending is None else pending
                for program in group.rows:
                    first_row = self.program(program)
                    if pending is not None:
                        self.commands.append(("NOSPLIT", (0, pending), (-1, first_row)))
                        pending = None

    def finish(self) -> None:
        last_fy = self.fy0 + self.n_fys - 1
        self.commands.append(("VALIGN", (self.fy0, 2), (last_fy, -1), "MIDDLE"))


class _NumberedCanvas(Canvas):
    """Holds pages until the end so that each can say "n / N"."""

    def __init__(self, *args, footer_font: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._footer_font = footer_font
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(self._footer_font, 9)
            self.drawCentredString(PAGE_SIZE[0] / 2, FOOTER_Y, f"{number} / {total}")
            super().showPage()
        super().save()


def _title_block(report: Report, styles: _Styles, width: float) -> list[Flowable]:
    meta = [_para(line, styles.meta) for line in common.title_meta_lines(report)]
    meta_width = 70 * mm
    block = Table(
        [[_para(report.title, styles.title), meta or ""]],
        colWidths=[width - meta_width, meta_width],
        style=[
            ("FONTNAME", (0, 0), (-1, -1), styles.font),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return [block, Spacer(1, 4 * mm)]


def render(report: Report | ResultsReport) -> bytes:
    if isinstance(report, ResultsReport):
        from shinchoku.reports.renderers import results_pdf

        return results_pdf.render(report)
    font = japanese_font()
    styles = _Styles(font)
    buffer = io.BytesIO()
    doc = document(buffer, report, font)
    story = _title_block(report, styles, doc.width)
    story.append(_TableBuilder(report, styles, doc.width, doc.height).build())
    doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, footer_font=font))
    return buffer.getvalue()


def document(
    buffer: io.BytesIO, report: Report | ResultsReport, font: str
) -> SimpleDocTemplate:
    """An A3 landscape document with the report's metadata, reproducible."""
    return SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 3 * mm,  # room for the page number
        title=report.title,
        author=report.municipality,
        subject=" ".join(
            p for p in (report.meeting, report.material, report.date_label) if p
        ),
        creator="Shinchoku",
        lang="ja",
        invariant=1,
        # Otherwise the canvas starts in Helvetica, listed as an unembedded font.
        initialFontName=font,
        initialFontSize=BODY_SIZE,
    )
