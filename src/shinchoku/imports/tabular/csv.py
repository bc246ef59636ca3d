"""A CSV file as a Table of one sheet: UTF-8 with or without BOM, or
Shift_JIS (CP932) as Excel on a city PC saves it; comma, tab or semicolon
separated (sniffed). A row's number is the line its record starts on."""

from __future__ import annotations

import csv
import io

from shinchoku.common.text import ControlCharacterError, clean_input
from shinchoku.document.errors import ImportFormatError
from shinchoku.imports.formats.base import decode_text
from shinchoku.imports.tabular.model import Cell, Sheet, Table, TableError


def _dialect(text: str) -> str:
    head = text[:8192]
    counts = {sep: head.count(sep) for sep in (",", "\t", ";")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","


def read(data: bytes, *, source: str) -> Table:
    try:
        text = decode_text(data, source=source)
    except ImportFormatError as exc:
        raise TableError(exc.detail, source=source, row=exc.line) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_dialect(text))
    sheet = Sheet(name=source)
    line = 1
    try:
        for record in reader:
            cells = [] if record else [Cell(text="", row=line, col=1)]
            for col, value in enumerate(record, start=1):
                value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
                try:
                    clean_input(value)
                except ControlCharacterError as exc:
                    raise TableError(
                        str(exc), source=source, row=line, col=col
                    ) from None
                cells.append(Cell(text=value, row=line, col=col))
            sheet.rows.append(cells)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise TableError(f"unreadable CSV: {exc}", source=source, row=line) from None
    width = sheet.width
    for cells in sheet.rows:  # every row as wide as the widest
        row = cells[0].row
        cells.extend(
            Cell(text="", row=row, col=c) for c in range(len(cells) + 1, width + 1)
        )
    while sheet.rows and not any(c.text for c in sheet.rows[-1]):
        sheet.rows.pop()
    if not sheet.rows:
        raise TableError("the file holds no rows", source=source)
    return Table(source=source, kind="csv", sheets=[sheet])
