"""The first sheet of the round workbook (記入要領): what the department is
asked for, by when, and how to fill the workbook in."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font

from shinchoku.common import wareki
from shinchoku.common.spreadsheets import cell_value


def write(ws, round_, department, edit_header, with_kpis) -> None:
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
