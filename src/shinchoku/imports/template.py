"""The blank template (``shinchoku export --format template``): an XLSX that
imports with no mapping. Sheet 計画 holds the plan's facts, one per row;
sheet 取組 one program per row under a header whose words the mapping's
suggestion reads exactly (No., 方向性, 区分, プログラム名, 主な取組の方向性,
取組項目, 所管課, then 令和N年度実績 and 令和N年度予定・目標 for each FY)."""

from __future__ import annotations

import io

from shinchoku.common import wareki
from shinchoku.imports.tabular.mapping import Mapping, suggest_mapping
from shinchoku.imports.tabular.model import Table, TableError

MARKER = "Shinchoku 取組表テンプレート (shinchoku-template/1)"
PLAN_SHEET = "計画"
PROGRAM_SHEET = "取組"
PLAN_ROWS = (
    ("municipality_code", "全国地方公共団体コード", "132110"),
    ("municipality_name", "地方公共団体名", "小平市"),
    ("title", "計画名", "第1期経営方針推進プログラム"),
    ("first_fy", "計画期間の初年度", "令和3年度"),
    ("last_fy", "計画期間の最終年度", "令和6年度"),
    ("edition_title", "版(任意)", "令和6年度当初計画"),
)
PROGRAM_HEADERS = (
    "No.",
    "方向性",
    "区分",
    "プログラム名",
    "主な取組の方向性",
    "取組項目",
    "所管課",
)


def year_headers(fy: int) -> tuple[str, str]:
    label = wareki.fiscal_year_label(fy)
    return f"{label}実績", f"{label}予定・目標"


def build(*, first_fy: int, last_fy: int, facts: dict[str, str] | None = None) -> bytes:
    """The template's bytes, for the plan period first_fy–last_fy; ``facts``
    fills the 計画 sheet (else it shows examples in grey)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    plan = wb.active
    plan.title = PLAN_SHEET
    plan.append([MARKER])
    plan.append(["項目", "値", "記入例"])
    for key, label, example in PLAN_ROWS:
        value = (facts or {}).get(key, "")
        if key in ("first_fy", "last_fy") and not value:
            value = wareki.fiscal_year_label(first_fy if key == "first_fy" else last_fy)
        plan.append([label, value, example])
    plan.column_dimensions["A"].width = 26
    plan.column_dimensions["B"].width = 40
    plan.column_dimensions["C"].width = 34
    for cell in plan["C"]:
        cell.font = Font(color="808080")
    sheet = wb.create_sheet(PROGRAM_SHEET)
    headers = list(PROGRAM_HEADERS)
    for fy in range(first_fy, last_fy + 1):
        headers += year_headers(fy)
    sheet.append(headers)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="D9E1F2")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(
            wrap_text=True, vertical="center", horizontal="center"
        )
    widths = {"A": 6, "B": 24, "C": 10, "D": 30, "E": 44, "F": 36, "G": 16}
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    for col in range(len(PROGRAM_HEADERS) + 1, len(headers) + 1):
        sheet.column_dimensions[sheet.cell(row=1, column=col).column_letter].width = 40
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _facts(table: Table) -> dict[str, object] | None:
    sheet = next((s for s in table.sheets if s.name == PLAN_SHEET), None)
    if sheet is None or not sheet.rows or sheet.rows[0][0].text != MARKER:
        return None
    labels = {label: key for key, label, _ in PLAN_ROWS}
    facts: dict[str, object] = {}
    for cells in sheet.rows[2:]:
        if len(cells) < 2 or cells[0].text not in labels:
            continue
        key, value = labels[cells[0].text], cells[1].text.strip()
        if key in ("first_fy", "last_fy") and value:
            try:
                facts[key] = (
                    int(value) if value.isdigit() else wareki.parse_fiscal_year(value)
                )
            except wareki.WarekiError:
                raise TableError(
                    f"{cells[0].text}: {value!r} is not a fiscal year (令和3年度 or 2021)",
                    source=table.source,
                    sheet=sheet.name,
                    row=cells[1].row,
                    col=cells[1].col,
                ) from None
        elif value:
            facts[key] = value
    return facts


def mapping_for(table: Table) -> Mapping | None:
    """The template's mapping when the table is the template, else None."""
    facts = _facts(table)
    if facts is None or not any(s.name == PROGRAM_SHEET for s in table.sheets):
        return None
    mapping = suggest_mapping(table, PROGRAM_SHEET)
    mapping.sheet = PROGRAM_SHEET
    mapping.plan = facts
    return mapping
