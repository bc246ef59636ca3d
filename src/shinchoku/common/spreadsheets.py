"""What every workbook Shinchoku writes has in common."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # openpyxl is imported by the writers that use it
    from openpyxl import Workbook


def text_only(wb: Workbook) -> Workbook:
    """Keep every cell's text as text. openpyxl stores a string that starts
    with "=" as a formula, so a program named '=HYPERLINK("https://…")' would
    become a live link (or worse) in the spreadsheet of whoever opens the
    file: formula injection. Shinchoku writes no formula of its own."""
    for ws in wb.worksheets:
        # The cells that exist, not iter_rows(), which would create (and the
        # writer then write) every empty cell of the sheet's rectangle.
        for cell in ws._cells.values():
            if cell.data_type == "f":
                cell.data_type = "s"
    return wb
