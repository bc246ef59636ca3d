"""The round workbook's layout and what reading one yields: the names, rows and
columns that the writer (excel.py, with openpyxl) and the service share, and
the problems an upload can have. No openpyxl here: the service and the pages
import this module without paying for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

FORMAT_ID = "shinchoku-round-workbook/1"
INSTRUCTIONS_SHEET = "記入要領"
META_SHEET = "_meta"
HEADER_ROW = 4
FIRST_ROW = 5
COLUMNS = {"A": 6, "B": 22, "C": 40, "D": 30, "E": 46, "F": 46}
EDIT_COLUMN = "F"
SIGNER_SALT = "shinchoku.workflow.workbook"


def sheet_name(direction_number: int) -> str:
    return f"方向性{direction_number}"


@dataclass
class Problem:
    sheet: str | None
    cell: str | None
    message: str

    def __str__(self) -> str:
        if self.sheet and self.cell:
            return _("Sheet %(sheet)s, cell %(cell)s: %(message)s") % {
                "sheet": self.sheet,
                "cell": self.cell,
                "message": self.message,
            }
        if self.sheet:
            return _("Sheet %(sheet)s: %(message)s") % {
                "sheet": self.sheet,
                "message": self.message,
            }
        return self.message


@dataclass
class EntryEdit:
    """What the workbook says for one entry, and where."""

    entry_id: int
    program_number: int
    version: int
    sheet: str
    row: int
    text: list[str] | None = None
    kpi_actuals: dict[str, object] = field(default_factory=dict)
    # The live actual each was written against (the one at export).
    kpi_seen: dict[str, object] = field(default_factory=dict)


@dataclass
class ReadResult:
    round_id: int | None = None
    department_id: int | None = None
    exported_at: str = ""
    edits: list[EntryEdit] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
