"""The round's status table to take away: one row per entry (program, lead
department, state, when submitted and approved, who saved last, the reason
for return) as CSV or XLSX, and the counts per department in the XLSX.
Written through common.spreadsheets: formula-looking text stays text, and
no cell carries a character XML cannot."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from shinchoku.common import wareki
from shinchoku.common.spreadsheets import cell_value, spreadsheet_csv, text_only
from shinchoku.workflow.models import EntryState, Round, RoundEntry, person_name
from shinchoku.workflow.review.selectors import ReviewQueue

# Japanese Excel (and LibreOffice) show such a date cell in 和暦.
WAREKI_FORMAT = '[$-411]ggge"年"m"月"d"日" hh:mm'
WIDTHS = (6, 40, 24, 10, 24, 24, 16, 24, 40)


def _headers() -> list[str]:
    return [
        _("Program number"),
        _("Program"),
        _("Lead department"),
        _("State"),
        _("Submitted at"),
        _("Approved at"),
        _("Last saved by"),
        _("Last saved at"),
        _("Reason for return"),
    ]


def _row(entry: RoundEntry, department: str, *, as_text: bool) -> list[object]:
    def when(moment):
        if moment is None:
            return ""
        local = timezone.localtime(moment)
        return wareki.datetime_label(local) if as_text else local.replace(tzinfo=None)

    return [
        entry.program.number_label,
        entry.program.name,
        department,
        entry.get_state_display(),
        when(entry.submitted_at),
        when(entry.approved_at),
        person_name(entry.updated_by) if entry.updated_by else "",
        when(entry.saved_at),
        entry.return_comment if entry.is_returned else "",
    ]


def _rows(queue: ReviewQueue, *, as_text: bool) -> list[list[object]]:
    return [
        _row(e, str(row.department or _("No department assigned")), as_text=as_text)
        for row in queue.rows
        for e in row.entries
    ]


def status_csv(queue: ReviewQueue) -> bytes:
    headers = _headers()
    rows = _rows(queue, as_text=True)
    return spreadsheet_csv(headers, (dict(zip(headers, r, strict=True)) for r in rows))


def status_xlsx(queue: ReviewQueue) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = _("Status")
    ws.append([cell_value(queue.round.title)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(_headers())
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for values in _rows(queue, as_text=False):
        ws.append([cell_value(v) for v in values])
    for row in ws.iter_rows(min_row=3, min_col=5, max_col=8):
        for cell in row:
            if cell.value and not isinstance(cell.value, str):
                cell.number_format = WAREKI_FORMAT
    for column, width in zip("ABCDEFGHI", WIDTHS, strict=True):
        ws.column_dimensions[column].width = width
    ws.freeze_panes = "C3"
    _counts_sheet(wb.create_sheet(_("Counts")), queue)
    out = io.BytesIO()
    text_only(wb).save(out)
    return out.getvalue()


def _counts_sheet(ws, queue: ReviewQueue) -> None:
    ws.append(
        [_("Lead department"), *(str(label) for label in EntryState.labels), _("Total")]
    )
    for line in queue.counts:
        if line.is_total:
            name = _("Total")
        else:
            name = str(line.department or _("No department assigned"))
        ws.append([cell_value(name), *line.cells, line.total])
    ws.column_dimensions["A"].width = 28


def status_filename(round_: Round, extension: str) -> str:
    return f"round-{round_.pk}-status.{extension}"
