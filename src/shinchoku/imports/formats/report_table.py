"""Shinchoku's own committee report, read back from its XLSX or PDF (ours or
LibreOffice's print of our XLSX): the table's rows become the rows of the
tab-separated committee table (seed_table), which reads the title block,
sections, 方向性, the two header rows and the programs exactly as it reads
the city's own extraction. One table row is one line, so a message about a
line names the sheet (or page) and row it came from."""

from __future__ import annotations

from shinchoku.common.text import collapse_ws, parse_program_number
from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import ParsedPlan
from shinchoku.imports.formats import seed_table
from shinchoku.imports.formats.base import ParseOptions

CONTINUED = "（続き）"


def _is_report_sheet(rows) -> bool:
    has_title = has_header = False
    for cells in rows[:12]:
        texts = [c.text for c in cells]
        if texts and "進捗状況【" in texts[0]:
            has_title = True
        if texts[:1] == ["No."] and len(texts) >= 8:
            has_header = True
    return has_title and has_header


def matches(table) -> bool:
    """Whether a Table is a committee report as Shinchoku draws it."""
    return bool(table.sheets) and _is_report_sheet(table.sheets[0].rows)


def _cell_text(cell) -> str:
    if cell.covered:
        return ""
    # hard line breaks inside a cell separate bullets (・a\n・b) or the name
    # from its 終了 note: the tab-separated table has them on one line.
    return collapse_ws(cell.text.replace("\t", " "))


def _continue(first: str, rest: str) -> str:
    """A cell's text continued on the next page: a new bullet after a space;
    the rest of a bullet cut between its lines joined as a wrapped line."""
    if not first or not rest:
        return first or rest
    if rest.startswith("・"):
        return f"{first} {rest}"
    if (
        first[-1].isascii()
        and first[-1].isalnum()
        and rest[0].isascii()
        and rest[0].isalnum()
    ):
        return f"{first} {rest}"
    return first + rest


def to_lines(table) -> tuple[list[str], list[tuple[str, int]]]:
    """The table as the tab-separated committee table's lines, and for each
    line the (sheet, row) it came from. A program continued on the next page
    (…（続き）) is joined to its first part."""
    lines: list[str] = []
    origin: list[tuple[str, int]] = []
    last_program: int | None = None  # index in lines of the last program row
    for sheet in table.sheets:
        for cells in sheet.rows:
            texts = [_cell_text(c) for c in cells]
            if not any(texts):
                continue
            if (
                last_program is not None
                and len(texts) > 1
                and texts[1].endswith(CONTINUED)
                and lines[last_program].split("\t")[0] == texts[0]
            ):
                # the repeated header rows between the parts are skipped
                # by the committee table's parser as on any page
                previous = lines[last_program].split("\t")
                merged = [
                    _continue(a, b)
                    for a, b in zip(previous, ["", "", *texts[2:]], strict=False)
                ]
                lines[last_program] = "\t".join(merged)
                continue
            if parse_program_number(texts[0]) is not None:
                last_program = len(lines)
            lines.append("\t".join(texts))
            origin.append((sheet.name, cells[0].row))
    # ReportLab's title block puts the meeting (top right) above the title's
    # baseline: the title comes first, as the committee table has it.
    title = next((i for i, line in enumerate(lines[:4]) if "進捗状況【" in line), 0)
    if title:
        lines.insert(0, lines.pop(title))
        origin.insert(0, origin.pop(title))
    return lines, origin


def parse(table, *, source: str, options: ParseOptions | None = None) -> ParsedPlan:
    from shinchoku.imports.tabular import TableError

    lines, origin = to_lines(table)
    text = "\n".join(lines)
    try:
        plan = seed_table.parse(text.encode("utf-8"), source=source, options=options)
    except ImportFormatError as exc:
        if exc.line is None or not 0 < exc.line <= len(origin):
            raise TableError(exc.detail, source=source) from None
        sheet, row = origin[exc.line - 1]
        raise TableError(exc.detail, source=source, sheet=sheet, row=row) from None
    # seed_table's notes count lines of the text made here; say rows instead
    plan.notes = (
        [n for n in plan.notes if "line" not in n] + table.notes + table.ambiguities
    )
    return plan
