"""The round's Excel workbook: one per department, filled in offline.

The admin office (or the department) downloads the workbook of a department's
share of an open round; only the cells the department may write are unlocked,
everything else is locked, shaded and under sheet protection. A hidden, signed
metadata sheet says which round, department, entries and versions the workbook
was exported at, and fingerprints every locked cell, so an upload can be
checked cell by cell: a wrong or missing sheet, an edited locked cell, a row
for an unknown program, text in a numeric KPI cell, or an entry changed by
someone else after the export. Reading is separate from applying: the service
applies a workbook only when it has no problem at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
from dataclasses import dataclass, field

from django.core import signing
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

from shinchoku.common import wareki
from shinchoku.common.spreadsheets import (
    LIMITS,
    SpreadsheetRefused,
    cell_value,
    cells_beyond,
    open_xlsx,
    read_block,
    text_only,
)
from shinchoku.common.text import ControlCharacterError, clean_input, join_bullets
from shinchoku.common.values import bullets_from_text, parse_number
from shinchoku.plans.models import Indicator
from shinchoku.plans.presenters import target_text
from shinchoku.plans.selectors import indicator_to_dict
from shinchoku.workflow.models import Department, Round, RoundEntry
from shinchoku.workflow.workbook.layout import (
    COLUMNS,
    EDIT_COLUMN,
    FIRST_ROW,
    FORMAT_ID,
    HEADER_ROW,
    INSTRUCTIONS_SHEET,
    META_SHEET,
    SIGNER_SALT,
    EntryEdit,
    Problem,
    ReadResult,
    sheet_name,
)

LOCKED_FILL = PatternFill("solid", fgColor="D9D9D9")
HEADER_FILL = PatternFill("solid", fgColor="BDD7EE")
EDIT_FILL = PatternFill("solid", fgColor="FFFFFF")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
# The metadata sheet's widest row: ("entry", pk, program, number, version,
# sheet, row).
META_WIDTH = 7
# Cells outside a sheet's table named one by one; the rest are counted.
MAX_OUTSIDE = 20


def _digest(value) -> str:
    text = "" if value is None else str(value)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _headers(round_: Round) -> tuple[str, str]:
    fy = round_.fiscal_year
    if round_.text_field == "plan":
        prev = wareki.fiscal_year_label(fy - 1)
        this = wareki.fiscal_year_label(fy)
        return (
            f"{prev}当初予定 {prev}設定目標(前年度末の状況)",
            f"{this}当初予定 {this}設定目標(前年度末の状況)",
        )
    this = wareki.fiscal_year_label(fy)
    return (f"{this}当初予定 {this}設定目標", f"{this}までの取組実績")


def _height(texts: list[str]) -> float:
    """Row height for wrapped text (Excel and LibreOffice do not size rows with
    wrapped text themselves): lines × 15 points."""
    lines = 1
    for text, width in texts:
        per_line = max(int(width / 2.1), 1)  # a Japanese character is ~2 units
        n = sum(max(math.ceil(len(part) / per_line), 1) for part in text.split("\n"))
        lines = max(lines, n)
    return min(15 * lines + 4, 409)


@dataclass
class _Meta:
    rows: list[list] = field(default_factory=list)

    def add(self, *values) -> None:
        self.rows.append(list(values))

    def payload(self) -> str:
        return json.dumps(self.rows, ensure_ascii=False, sort_keys=True)


def export_workbook(
    round_: Round,
    department: Department,
    entries: list[RoundEntry],
    indicators: dict[int, list[Indicator]],
    references: dict[int, list[str]],
    *,
    now: dt.datetime,
) -> bytes:
    """The workbook of one department's entries in a round."""
    wb = Workbook()
    intro = wb.active
    intro.title = INSTRUCTIONS_SHEET
    meta = _Meta()
    meta.add("format", FORMAT_ID)
    meta.add("round", round_.pk)
    meta.add("department", department.pk)
    meta.add("exported_at", now.isoformat())
    reference_header, edit_header = _headers(round_)
    by_direction: dict[int, list[RoundEntry]] = {}
    for entry in entries:
        by_direction.setdefault(entry.program.direction.number, []).append(entry)
    _instructions(intro, round_, department, edit_header, round_.asks_kpi_actuals)
    locked_cells: list[tuple[str, str, object]] = []
    for number, group in sorted(by_direction.items()):
        ws = wb.create_sheet(sheet_name(number))
        meta.add("sheet", ws.title)
        _sheet_header(
            ws,
            group[0].program.direction,
            round_,
            department,
            edit_header,
            reference_header,
        )
        row = FIRST_ROW
        for entry in group:
            row = _entry_rows(ws, row, entry, round_, indicators, references, meta)
        for r in range(1, row):
            for letter in COLUMNS:
                if r >= FIRST_ROW and letter == EDIT_COLUMN:
                    continue
                locked_cells.append(
                    (ws.title, f"{letter}{r}", ws[f"{letter}{r}"].value)
                )
        meta.add("last_row", ws.title, row - 1)
        _protect(ws)
    for sheet, coord, value in locked_cells:
        meta.add("locked", sheet, coord, _digest(value))
    _protect(intro)
    meta.add(
        "signature",
        signing.Signer(salt=SIGNER_SALT).signature(meta.payload()),
    )
    ms = wb.create_sheet(META_SHEET)
    for values in meta.rows:
        ms.append(values)
    ms.sheet_state = "hidden"
    _protect(ms)
    out = io.BytesIO()
    text_only(wb).save(out)
    return out.getvalue()


def _sheet_header(
    ws,
    direction,
    round_: Round,
    department: Department,
    edit_header: str,
    reference_header: str,
) -> None:
    """A 方向性's sheet: its title rows and the table's header row."""
    plan = round_.plan
    ws["A1"] = cell_value(f"方向性{direction.number} {direction.name}")
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = cell_value(
        f"{plan.municipality.name}{plan.title} {round_.title} {department}"
    )
    headers = ["No.", "実施プログラム", "主な取組の方向性", "取組項目"]
    headers += [reference_header, edit_header]
    for col, (letter, width) in enumerate(COLUMNS.items(), start=1):
        ws.column_dimensions[letter].width = width
        cell = ws.cell(row=HEADER_ROW, column=col, value=headers[col - 1])
        cell.fill = HEADER_FILL
        cell.font = Font(bold=True)
        cell.alignment = WRAP
        cell.border = BORDER
    ws.row_dimensions[HEADER_ROW].height = 45
    ws.freeze_panes = f"C{FIRST_ROW}"


def _entry_rows(
    ws,
    row: int,
    entry: RoundEntry,
    round_: Round,
    indicators: dict[int, list[Indicator]],
    references: dict[int, list[str]],
    meta: _Meta,
) -> int:
    """The entry's row, then a row per indicator whose actual the round asks
    for; returns the row after them."""
    program = entry.program
    edit_value = join_bullets(entry.text)
    values = [
        program.number_label,
        program.name,
        join_bullets(program.policy_points),
        join_bullets([a["text"] for a in program.action_items]),
        join_bullets(references.get(entry.pk, [])),
    ]
    _write_row(ws, row, values, edit_value, number_format=None)
    ws.row_dimensions[row].height = _height(
        list(zip([*values, edit_value], COLUMNS.values(), strict=True))
    )
    meta.add(
        "entry", entry.pk, program.pk, program.number, entry.version, ws.title, row
    )
    row += 1
    if not round_.asks_kpi_actuals:
        return row
    fy = round_.fiscal_year
    for indicator in indicators.get(program.pk, []):
        target = target_text(indicator_to_dict(indicator), fy)
        previous = indicator.actuals.get(str(fy - 1))
        values = [
            "",
            "指標",
            f"{indicator.name} ({indicator.unit})"
            if indicator.unit
            else indicator.name,
            f"{wareki.fiscal_year_label(fy)}目標: {target}",
            f"{wareki.fiscal_year_label(fy - 1)}実績: {_fmt(previous)}",
        ]
        _write_row(
            ws,
            row,
            values,
            entry.kpi_actuals.get(str(indicator.pk)),
            number_format="General",
        )
        # The live actual at export: what a value typed in the cell is written
        # against (as JSON text: the reader drops empty cells).
        live = indicator.actuals.get(str(fy))
        meta.add("kpi", entry.pk, indicator.pk, ws.title, row, json.dumps(live))
        row += 1
    return row


def _fmt(value) -> str:
    return "—" if value is None else str(value)


def _write_row(ws, row: int, values: list, edit_value, *, number_format) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=cell_value(value))
        cell.fill = LOCKED_FILL
        cell.alignment = WRAP
        cell.border = BORDER
        cell.protection = Protection(locked=True)
    cell = ws[f"{EDIT_COLUMN}{row}"]
    cell.value = cell_value(edit_value)
    cell.fill = EDIT_FILL
    cell.alignment = WRAP
    cell.border = BORDER
    cell.protection = Protection(locked=False)
    if number_format:
        cell.number_format = number_format


def _protect(ws) -> None:
    ws.protection.sheet = True
    # People may still resize rows and columns to read long text.
    ws.protection.formatRows = False
    ws.protection.formatColumns = False


def _instructions(ws, round_, department, edit_header, with_kpis) -> None:
    plan = round_.plan
    ws.column_dimensions["A"].width = 110
    lines = [
        f"{plan.municipality.name}{plan.title} {round_.title} — {department}",
        _("Deadline: %(date)s")
        % {
            "date": f"{wareki.date_label(round_.deadline)} "
            f"({round_.deadline.isoformat()})"
        },
        "",
        _("How to fill in this workbook"),
        _("1. Each sheet lists your department's programs of one direction (方向性)."),
        _("2. Write only in the white column F (%(column)s); grey cells are locked.")
        % {"column": edit_header},
        _("3. One bullet per line; a leading ・ is optional."),
    ]
    if with_kpis:
        lines.append(
            _(
                "4. Rows marked 指標 take the indicator's actual value of the year "
                "as a number (no units, no text)."
            )
        )
    lines += [
        _(
            "Do not add, remove or rename sheets, rows or columns, and do not "
            "unprotect the sheets: the upload checks every cell."
        ),
        _(
            "Upload the workbook on the round's page in Shinchoku. If someone "
            "changed one of your programs after this workbook was made, the "
            "upload says so: download a new workbook then."
        ),
    ]
    for i, text in enumerate(lines, start=1):
        cell = ws.cell(row=i, column=1, value=cell_value(text))
        cell.alignment = Alignment(wrap_text=True)
    ws["A1"].font = Font(bold=True, size=13)
    ws["A4"].font = Font(bold=True)


# ------------------------------------------------------------ reading


def _cell_text(value) -> str:
    return "" if value is None else str(value)


def read_workbook(data: bytes, *, filename: str = "") -> ReadResult:
    """Everything the workbook says, and every problem with it that the workbook
    alone shows (the service adds those that need the database)."""
    result = ReadResult()
    wb = _open(data, filename, result)
    body = _signed_meta(wb, result) if wb is not None else None
    if wb is None or body is None:
        return result
    sheets, last_rows, locked, kpis = _read_meta(body, result)
    _check_sheets(wb, sheets, result)
    _check_locked(wb, locked, result)
    for sheet in sheets:
        if sheet in wb.sheetnames:
            _check_outside(wb[sheet], last_rows.get(sheet, 0), result)
    _read_edits(wb, kpis, result)
    return result


def _open(data: bytes, filename: str, result: ReadResult):
    """The workbook, or None and the reason in result: through open_xlsx, which
    refuses a file too large, a zip bomb, a sheet whose used range reaches far
    beyond any table Shinchoku writes, XML entities, or a damaged file, before
    openpyxl unpacks it."""
    try:
        return open_xlsx(data, filename=filename)
    except SpreadsheetRefused as exc:
        result.problems.append(Problem(None, None, str(exc)))
        return None


def _signed_meta(wb, result: ReadResult) -> _Meta | None:
    """The hidden sheet's rows, when Shinchoku made them and nobody altered
    them."""
    if META_SHEET not in wb.sheetnames:
        result.problems.append(
            Problem(
                None,
                None,
                _(
                    "This workbook was not made by Shinchoku for a round (its "
                    "hidden sheet %(sheet)s is missing): download the round's "
                    "workbook."
                )
                % {"sheet": META_SHEET},
            )
        )
        return None
    ms = wb[META_SHEET]
    # Read by the metadata's own width and at most the rows a sheet may have
    # (never the sheet's used range, which an edited file sets at will); a
    # value outside that is an alteration like any other.
    last_row = min(ms.max_row, LIMITS.max_rows)
    rows = [
        [v for v in row if v is not None]
        for row in read_block(ms, max_row=last_row, max_col=META_WIDTH)
    ]
    rows = [r for r in rows if r]
    if next(cells_beyond(ms, max_row=last_row, max_col=META_WIDTH), None):
        rows.append(["beyond"])  # fails the signature below
    signature = next((r[1] for r in rows if r[0] == "signature"), None)
    body = _Meta([r for r in rows if r[0] != "signature"])
    try:
        expected = signing.Signer(salt=SIGNER_SALT).signature(body.payload())
    except Exception:  # noqa: BLE001 - any malformed metadata is the same problem
        expected = None
    if signature is None or expected != signature:
        result.problems.append(
            Problem(
                META_SHEET,
                None,
                _(
                    "the hidden metadata sheet was altered: download a new "
                    "workbook and copy your text into it."
                ),
            )
        )
        return None
    return body


# A workbook exported before the metadata said what each actual was written
# against.
_UNSEEN = object()


def _read_meta(body: _Meta, result: ReadResult):
    """The round, department and entries into result; the sheets, their last
    rows, the locked cells' digests and the indicator rows per entry."""
    sheets, last_rows, locked = [], {}, []
    kpis: dict[int, list[tuple[int, str, int]]] = {}
    for r in body.rows:
        match r[0]:
            case "round":
                result.round_id = int(r[1])
            case "department":
                result.department_id = int(r[1])
            case "exported_at":
                result.exported_at = r[1]
            case "sheet":
                sheets.append(r[1])
            case "last_row":
                last_rows[r[1]] = int(r[2])
            case "locked":
                locked.append((r[1], r[2], r[3]))
            case "entry":
                result.edits.append(
                    EntryEdit(
                        entry_id=int(r[1]),
                        program_number=int(r[3]),
                        version=int(r[4]),
                        sheet=r[5],
                        row=int(r[6]),
                    )
                )
            case "kpi":
                seen = json.loads(r[5]) if len(r) > 5 else _UNSEEN
                kpis.setdefault(int(r[1]), []).append(
                    (int(r[2]), r[3], int(r[4]), seen)
                )
    return sheets, last_rows, locked, kpis


def _check_sheets(wb, sheets: list[str], result: ReadResult) -> None:
    expected_sheets = [INSTRUCTIONS_SHEET, *sheets, META_SHEET]
    for name in wb.sheetnames:
        if name not in expected_sheets:
            result.problems.append(
                Problem(
                    name,
                    None,
                    _(
                        "this sheet is not part of the workbook Shinchoku made "
                        "(sheets may not be added or renamed)."
                    ),
                )
            )
    missing = [s for s in sheets if s not in wb.sheetnames]
    for name in missing:
        result.problems.append(
            Problem(
                name,
                None,
                _("this sheet is missing (sheets may not be removed or renamed)."),
            )
        )


def _check_locked(wb, locked: list, result: ReadResult) -> None:
    for sheet, coord, digest in locked:
        if sheet not in wb.sheetnames:
            continue
        value = wb[sheet][coord].value
        if _digest(value) != digest:
            result.problems.append(
                Problem(
                    sheet,
                    coord,
                    _(
                        "this cell is locked and was changed (now: %(value)s); "
                        "write only in column %(column)s."
                    )
                    % {"value": _short(value), "column": EDIT_COLUMN},
                )
            )


def _check_outside(ws, last_row: int, result: ReadResult) -> None:
    """Text beside or below the table, which is not read: the cells that hold
    something, never the sheet's used range (a value at XFD1048576 made reading
    that walk seventeen billion cells). At most MAX_OUTSIDE of them are named
    a sheet."""
    outside = cells_beyond(ws, max_row=last_row, max_col=len(COLUMNS))
    count = 0
    for cell in outside:
        count += 1
        if count <= MAX_OUTSIDE:
            result.problems.append(_outside(ws, cell, last_row))
    if count > MAX_OUTSIDE:
        result.problems.append(
            Problem(
                ws.title,
                None,
                _(
                    "%(count)s more cells outside the table hold text; delete "
                    "everything below and beside the table."
                )
                % {"count": f"{count - MAX_OUTSIDE:,}"},
            )
        )


def _outside(ws, cell, last_row: int) -> Problem:
    if cell.row <= last_row:
        # Beside the table: only a sheet unprotected by hand lets anyone type
        # there, and it would be lost without a word (found by fuzzing).
        message = _(
            "text beside the table is not read (now: %(value)s); write only in "
            "column %(column)s of the program rows."
        ) % {"value": _short(cell.value), "column": EDIT_COLUMN}
    elif cell.column_letter == "A":
        message = _(
            "%(value)s is not a program of this workbook (rows may not "
            "be added; ask the admin office to assign a program to "
            "your department)."
        ) % {"value": _short(cell.value)}
    else:
        message = _(
            "text below the table is not read (now: %(value)s); "
            "write only in column %(column)s of the program rows."
        ) % {"value": _short(cell.value), "column": EDIT_COLUMN}
    return Problem(ws.title, cell.coordinate, message)


def _read_edits(wb, kpis: dict, result: ReadResult) -> None:
    """Each entry's text and indicator actuals, from its column of edits."""
    for edit in result.edits:
        if edit.sheet not in wb.sheetnames:
            continue
        ws = wb[edit.sheet]
        coord = f"{EDIT_COLUMN}{edit.row}"
        value = ws[coord].value
        try:
            # XML keeps out most controls, not DEL or what a crafted file holds.
            text = None if value is None else clean_input(str(value))
        except ControlCharacterError as exc:
            result.problems.append(Problem(edit.sheet, coord, str(exc)))
            continue
        edit.text = bullets_from_text(text)
        for indicator_id, sheet, row, seen in kpis.get(edit.entry_id, []):
            coord = f"{EDIT_COLUMN}{row}"
            value = ws[coord].value
            if seen is not _UNSEEN:
                edit.kpi_seen[str(indicator_id)] = seen
            try:
                edit.kpi_actuals[str(indicator_id)] = parse_number(value)
            except ValueError:
                result.problems.append(
                    Problem(
                        sheet,
                        coord,
                        _(
                            "%(value)s is not a number; an indicator's actual is a "
                            "number without units (%(indicator)s)."
                        )
                        % {
                            "value": _short(value),
                            "indicator": _cell_text(ws[f"C{row}"].value),
                        },
                    )
                )


def _short(value) -> str:
    text = _cell_text(value).replace("\n", " ")
    text = text if len(text) <= 30 else text[:29] + "…"
    return f"「{text}」"
