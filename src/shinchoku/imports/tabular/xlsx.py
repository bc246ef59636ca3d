"""An Excel workbook (.xlsx) as a Table: every visible sheet, merged cells
spread over what they cover, hidden rows and columns left out.

The workbook is opened through common.spreadsheets.open_xlsx (size, parts,
used range and XML declarations checked first), not read-only: merged ranges
and hidden rows exist only in a normally opened sheet. Values are the cached
results of formulas (what Excel last showed), dates as 和暦-free ISO text.
"""

from __future__ import annotations

import datetime as dt

from shinchoku.common.spreadsheets import SpreadsheetRefused, open_xlsx
from shinchoku.common.text import ControlCharacterError, clean_input
from shinchoku.imports.tabular.model import Cell, Sheet, Table, TableError


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if not value.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _hidden_columns(ws) -> set[int]:
    hidden: set[int] = set()
    for dim in ws.column_dimensions.values():
        if dim.hidden and dim.min and dim.max:
            hidden.update(range(dim.min, dim.max + 1))
    return hidden


def read_sheet(ws, *, source: str) -> Sheet:
    from openpyxl.cell.cell import MergedCell  # openpyxl: imported when used

    anchors: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in ws.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                anchors[(row, col)] = (merged.min_row, merged.min_col)
    hidden_cols = _hidden_columns(ws)
    hidden_rows = {r for r, dim in ws.row_dimensions.items() if dim.hidden}
    max_row, max_col = ws.max_row, ws.max_column
    sheet = Sheet(name=ws.title)
    values: dict[tuple[int, int], str] = {}
    for (row, col), cell in ws._cells.items():
        if isinstance(cell, MergedCell):
            continue
        try:
            values[(row, col)] = clean_input(_text(cell.value))
        except ControlCharacterError as exc:
            raise TableError(
                str(exc), source=source, sheet=ws.title, row=row, col=col
            ) from None
    visible_cols = [c for c in range(1, max_col + 1) if c not in hidden_cols]
    for row in range(1, max_row + 1):
        if row in hidden_rows:
            continue
        cells = []
        for col in visible_cols:
            anchor = anchors.get((row, col))
            text = values.get(anchor or (row, col), "")
            cells.append(Cell(text=text, row=row, col=col, anchor=anchor))
        sheet.rows.append(cells)
    while sheet.rows and not any(c.text for c in sheet.rows[-1]):
        sheet.rows.pop()
    sheet.hidden_rows = sorted(r for r in hidden_rows if r <= max_row)
    sheet.hidden_cols = sorted(c for c in hidden_cols if c <= max_col)
    if sheet.hidden_rows or sheet.hidden_cols:
        sheet.notes.append(
            f"sheet {ws.title}: {len(sheet.hidden_rows)} hidden row(s) and "
            f"{len(sheet.hidden_cols)} hidden column(s) not read"
        )
    return sheet


def read(data: bytes, *, source: str) -> Table:
    try:
        wb = open_xlsx(data, filename=source, data_only=True)
    except SpreadsheetRefused as exc:
        raise TableError(str(exc), source=source) from None
    table = Table(source=source, kind="xlsx")
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            table.notes.append(f"hidden sheet {ws.title} not read")
            continue
        sheet = read_sheet(ws, source=source)
        if sheet.rows:
            table.sheets.append(sheet)
            table.notes.extend(sheet.notes)
    if not table.sheets:
        raise TableError(
            "the workbook has no visible sheet with any value", source=source
        )
    return table
