"""A PDF's ruled tables as a Table, cell by cell (pdfplumber; no OCR: a
scanned page has no text to read and is refused).

Each page is a sheet named ``page N``; its rows are the text lines above its
first table (a title block: one cell each), then the table's rows. Text below
the last table (page numbers) is left out.

A cell's text is rebuilt from its characters' positions, line by line, and
each line is either a new line of the text or the wrap of the one above:

* a hanging indent decides when the table has one (Shinchoku's own PDF hangs
  ・ in the margin, so a wrapped line starts further right than a bullet, and
  a list whose lines all start at the left has no wrapped line);
* otherwise the fill of the line above: a line that stops short of the cell's
  right edge by more than the width of the next line's first character was
  ended on purpose; a full line was wrapped;
* a full line followed by a line starting with a bullet (・) cannot be told
  from a wrap just before a ・ joining two words (導入・維持管理, 調査・検討):
  read as a new item when the full line ends a sentence (。), as the wrap of
  a word otherwise, and said in ``Table.ambiguities`` either way.

Lines of one text are joined without a space between Japanese characters and
with one otherwise; ``\\n`` separates the lines that were ended on purpose.
"""

from __future__ import annotations

import bisect
import io
from dataclasses import dataclass

from shinchoku.common.text import ControlCharacterError, clean_input
from shinchoku.imports.tabular.model import (
    Cell,
    Sheet,
    Table,
    TableError,
    column_letter,
)

BULLETS = "・●○◯■□◆◇•"
# A line is indented (a wrapped line under a hanging bullet) when it starts
# this far right of the cell's leftmost line, in units of the font size.
INDENT_RATIO = 0.6
MAX_PAGES = 200


@dataclass
class _Line:
    top: float
    x0: float
    x1: float
    text: str
    size: float
    first_width: float  # of the first character


def _lines(chars: list[dict]) -> list[_Line]:
    """Characters grouped into visual lines, top to bottom, left to right."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if lines and abs(ch["top"] - lines[-1][0]["top"]) < ch["size"] * 0.5:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    out = []
    for group in lines:
        group.sort(key=lambda c: c["x0"])
        text = ""
        prev = None
        for ch in group:
            if (
                prev is not None
                and ch["x0"] - prev["x1"] > ch["size"] * 0.3
                and not text.endswith(" ")
                and ch["text"] != " "
            ):
                text += " "
            text += ch["text"]
            prev = ch
        visible = [c for c in group if c["text"].strip()]
        if not visible:
            continue
        out.append(
            _Line(
                top=group[0]["top"],
                x0=visible[0]["x0"],
                x1=visible[-1]["x1"],
                text=text.strip(),
                size=max(c["size"] for c in visible),
                first_width=visible[0]["x1"] - visible[0]["x0"],
            )
        )
    return out


def _runs(chars: list[dict]) -> list[_Line]:
    """Lines of free text, a line cut where a gap is wider than two
    characters (a title on the left, the meeting on the right)."""
    runs: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: c["x0"]):
        for run in runs:
            last = run[-1]
            if (
                abs(ch["top"] - last["top"]) < ch["size"] * 0.5
                and ch["x0"] - last["x1"] < ch["size"] * 2
            ):
                run.append(ch)
                break
        else:
            runs.append([ch])
    lines = [ln for run in runs for ln in _lines(run)]
    return sorted(lines, key=lambda ln: (round(ln.top), ln.x0))


def _join(a: str, b: str) -> str:
    if not a:
        return b
    # a line wrapped between two words of Latin script lost a space
    if a[-1].isascii() and a[-1].isalnum() and b[:1].isascii() and b[:1].isalnum():
        return f"{a} {b}"
    return a + b


@dataclass
class _CellLines:
    """The lines of one cell and where its text may end on the right."""

    lines: list[_Line]
    box_left: float
    box_right: float
    pad: float  # between the cell's border and its text, as its column shows

    @property
    def width(self) -> float:
        """The width text may take."""
        return self.box_right - self.box_left - 2 * self.pad

    @property
    def centred(self) -> bool:
        middle = (self.box_left + self.box_right) / 2
        return any(
            ln.x0 - self.box_left > self.pad + ln.size for ln in self.lines
        ) and all(
            abs((ln.x0 + ln.x1) / 2 - middle) < ln.size * 0.4 for ln in self.lines
        )


def _joins(before: str, after: str, joined_words: tuple[str, ...]) -> bool:
    """Whether a ・ at a line's start joins two words the office named."""
    for word in joined_words:
        for cut in range(1, len(word)):
            if (
                word[cut] in BULLETS
                and before.endswith(word[:cut])
                and after.startswith(word[cut:])
            ):
                return True
    return False


def hangs(lines: list[_Line]) -> bool:
    """Whether a cell's bullets hang: a line under a bullet starts right of
    it (a wrapped line of the item)."""
    leftmost = min(ln.x0 for ln in lines)
    return any(ln.x0 - leftmost > ln.size * INDENT_RATIO for ln in lines) and any(
        ln.text[:1] in BULLETS
        for ln in lines
        if ln.x0 - leftmost <= ln.size * INDENT_RATIO
    )


def cell_text(
    cell: _CellLines,
    *,
    where: str,
    ambiguities: list[str],
    joined_words: tuple[str, ...] = (),
    table_hangs: bool = False,
) -> str:
    """The cell's text with ``\\n`` between the lines ended on purpose.
    ``table_hangs``: other cells of the table hang their bullets, so a list
    in this one whose lines all start at the left holds no wrapped line."""
    lines = cell.lines
    if not lines:
        return ""
    leftmost = min(ln.x0 for ln in lines)
    hanging = hangs(lines) or (table_hangs and lines[0].text[:1] in BULLETS)
    centred = not hanging and cell.centred
    # in a list (the first line opens with a bullet) only a bullet opens a line
    bulleted = lines[0].text[:1] in BULLETS
    middle = (cell.box_left + cell.box_right) / 2
    out = [lines[0].text]
    for prev, line in zip(lines, lines[1:], strict=False):
        space = False
        if hanging:
            wrapped = line.x0 - leftmost > line.size * INDENT_RATIO
        else:
            # full: the next line's first character (or a full-width one,
            # for what may not start a line alone) did not fit after it
            room = cell.width - (prev.x1 - prev.x0)
            full = room < max(line.first_width, line.size)
            wrapped = full or (bulleted and line.text[:1] not in BULLETS + "※")
            # a centred line wrapped at a space stands left of the middle by
            # half the dropped space
            space = centred and middle - (prev.x0 + prev.x1) / 2 > prev.size * 0.06
            if full and line.text[:1] in BULLETS and not space:
                wrapped = _joins(out[-1], line.text, joined_words)
                if not prev.text.endswith("。"):
                    reading = (
                        "one text (a word in the mapping's joined_words)"
                        if wrapped
                        else "a new item (if it is one word, add it to the mapping's joined_words)"
                    )
                    ambiguities.append(
                        f"{where}: a full line ending {prev.text[-6:]!r} and the next "
                        f"starting {line.text[:6]!r}: read as {reading}"
                    )
        if wrapped:
            out[-1] = f"{out[-1]} {line.text}" if space else _join(out[-1], line.text)
        else:
            out.append(line.text)
    return "\n".join(out)


def _anchor(rows, r: int, c: int) -> tuple[int, int] | None:
    """The (row, column) of the cell that covers an empty grid position: the
    nearest cell to the left spanning over it, or above."""
    bbox_row = rows[r].cells
    x_mid = None
    for cc in range(c - 1, -1, -1):
        if bbox_row[cc] is not None:
            x_mid = bbox_row[cc]
            col_left = _col_edges(rows, c)
            if col_left is not None and x_mid[2] > col_left + 1:
                return r, cc
            break
    for rr in range(r - 1, -1, -1):
        above = rows[rr].cells[c] if c < len(rows[rr].cells) else None
        if above is not None:
            return rr, c
    return None


def _span(bbox) -> tuple[int, int]:
    return round(bbox[0]), round(bbox[2])


def _col_edges(rows, c: int) -> float | None:
    for row in rows:
        if c < len(row.cells) and row.cells[c] is not None:
            return row.cells[c][0]
    return None


def _assign(chars: list[dict], table) -> dict[tuple[int, int], list[dict]]:
    """The characters of each cell (row, column) of a found table."""
    rows = table.rows
    tops = [r.bbox[1] for r in rows]
    grid: dict[tuple[int, int], list[dict]] = {}
    for ch in chars:
        cy = (ch["top"] + ch["bottom"]) / 2
        # by its left edge: a line may hang a character (ー, 。) over the
        # cell's right border
        cx = ch["x0"] + min(1.0, (ch["x1"] - ch["x0"]) / 4)
        r = bisect.bisect_right(tops, cy) - 1
        if r < 0 or cy > table.bbox[3]:
            continue
        # the cell of this row, or one above spanning down to it
        for rr in range(r, -1, -1):
            hit = next(
                (
                    c
                    for c, bbox in enumerate(rows[rr].cells)
                    if bbox is not None
                    and bbox[0] <= cx <= bbox[2]
                    and bbox[1] <= cy <= bbox[3]
                ),
                None,
            )
            if hit is not None:
                grid.setdefault((rr, hit), []).append(ch)
                break
    return grid


@dataclass
class _PageReader:
    page: object
    number: int
    source: str
    ambiguities: list[str]
    joined_words: tuple[str, ...]

    def read(self) -> Sheet:
        page = self.page
        self.sheet = Sheet(name=f"page {self.number}")
        tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])  # type: ignore[attr-defined]
        self.found = len(tables)
        chars = [c for c in page.chars if c["text"].strip() or c["text"] == " "]  # type: ignore[attr-defined]
        first_top = tables[0].bbox[1] if tables else page.height  # type: ignore[attr-defined]
        self.row_no = 0
        for part in _runs([c for c in chars if c["bottom"] <= first_top + 1]):
            # a title block: each run of text apart from the others is a row
            self.row_no += 1
            self.sheet.rows.append([Cell(text=part.text, row=self.row_no, col=1)])
        for table in tables:
            self.table(table, chars)
        width = self.sheet.width
        for cells in self.sheet.rows:
            cells.extend(
                Cell(text="", row=cells[0].row, col=c)
                for c in range(len(cells) + 1, width + 1)
            )
        return self.sheet

    def table(self, table, chars: list[dict]) -> None:
        rows = table.rows
        lines = {key: _lines(chs) for key, chs in _assign(chars, table).items()}
        table_hangs = any(hangs(lns) for lns in lines.values())
        # the padding of a column: the least gap between a border and a line
        pads: dict[tuple[int, int], float] = {}
        for (r, c), lns in lines.items():
            span = _span(rows[r].cells[c])
            gap = min(ln.x0 for ln in lns) - rows[r].cells[c][0]
            pads[span] = min(pads.get(span, gap), gap)
        texts: dict[tuple[int, int], str] = {}
        for (r, c), lns in lines.items():
            bbox = rows[r].cells[c]
            ref = f"{column_letter(c + 1)}{self.row_no + r + 1}"
            texts[(r, c)] = cell_text(
                _CellLines(lns, bbox[0], bbox[2], max(0.0, pads[_span(bbox)])),
                where=f"{self.source}, page {self.number}, row {self.row_no + r + 1}, cell {ref}",
                ambiguities=self.ambiguities,
                joined_words=self.joined_words,
                table_hangs=table_hangs,
            )
        ncols = max(len(r.cells) for r in rows)
        for r, row in enumerate(rows):
            self.sheet.rows.append(
                [self.cell(rows, r, c, row, texts) for c in range(ncols)]
            )
        self.row_no += len(rows)

    def cell(self, rows, r: int, c: int, row, texts) -> Cell:
        bbox = row.cells[c] if c < len(row.cells) else None
        anchor = None if bbox is not None else _anchor(rows, r, c)
        text = texts.get(anchor or (r, c), "")
        number = self.row_no + r + 1
        try:
            clean_input(text)
        except ControlCharacterError as exc:
            raise TableError(
                str(exc),
                source=self.source,
                sheet=self.sheet.name,
                row=number,
                col=c + 1,
            ) from None
        return Cell(
            text=text,
            row=number,
            col=c + 1,
            anchor=(self.row_no + anchor[0] + 1, anchor[1] + 1) if anchor else None,
        )


def read(data: bytes, *, source: str, joined_words: tuple[str, ...] = ()) -> Table:
    import pdfplumber  # imported when a PDF is read
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    table = Table(source=source, kind="pdf")
    found = 0  # ruled tables on all pages
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise TableError(
                    f"the PDF has {len(pdf.pages)} pages; at most {MAX_PAGES} are read",
                    source=source,
                )
            for number, page in enumerate(pdf.pages, start=1):
                reader = _PageReader(
                    page, number, source, table.ambiguities, joined_words
                )
                sheet = reader.read()
                found += reader.found
                if sheet.rows:
                    table.sheets.append(sheet)
    except TableError:
        raise
    except (
        PdfminerException,
        PDFSyntaxError,
        ValueError,
        KeyError,
        TypeError,
        OSError,
    ) as exc:
        raise TableError(
            f"the PDF is damaged or not a PDF ({type(exc).__name__})", source=source
        ) from None
    if not any(len(s.rows) > 1 for s in table.sheets):
        raise TableError(
            "no text or table found: a scanned PDF (an image of a page) cannot be "
            "read without OCR, which Shinchoku does not do",
            source=source,
        )
    if not found:
        raise TableError(
            "no ruled table on any page: Shinchoku reads a PDF table by its cell "
            "borders, as committee tables are printed; for a table drawn without "
            "borders, import the XLSX or CSV it was printed from",
            source=source,
        )
    return table
