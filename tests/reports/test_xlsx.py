"""The XLSX report, read back with openpyxl cell by cell."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from shinchoku.common.text import BULLET
from shinchoku.reports.model import Report
from shinchoku.reports.renderers import xlsx
from tests.reports.report_samples import ENDED, expected_texts

HEADER_ROW = 4
BODY_ROW = 6
# Schedule cells as the city prints them: FY column letter → text.
SCHEDULES = {
    1: {"E": "実施\n試行的実施・実施"},
    12: {},
    21: {},
    23: {"E": "実施", "F": "検討・実施", "G": "検討・実施"},
    24: {"E": "実施", "F": "検討・実施・見直し"},
}


def bullets(items: tuple[str, ...]) -> str | None:
    return "\n".join(BULLET + item for item in items) or None


@pytest.fixture
def xlsx_bytes(sample_report: Report) -> bytes:
    return xlsx.render(sample_report)


@pytest.fixture
def sheet(xlsx_bytes: bytes) -> Worksheet:
    return load_workbook(io.BytesIO(xlsx_bytes)).active


def test_title_block(sheet: Worksheet, sample_report: Report) -> None:
    assert sheet["A1"].value == sample_report.title
    assert sheet["A2"].value == "第3回 経営方針推進委員会"
    assert "資料1" in sheet["A3"].value and "令和6年2月2日" in sheet["A3"].value
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:J1", "A2:J2", "A3:J3"} <= merged


def test_header_rows(sheet: Worksheet) -> None:
    top = [sheet.cell(HEADER_ROW, c).value for c in range(1, 11)]
    sub = [sheet.cell(HEADER_ROW + 1, c).value for c in range(1, 11)]
    assert top[:4] == [
        "No.",
        "実施プログラム",
        "主な取組の方向性",
        "年度スケジュール(R5.3時点想定)",
    ]
    assert top[4:7] == [None, None, None]  # covered by the schedule heading
    assert top[7] == "令和4年度までの取組実績"
    assert top[8] == "令和5年度当初予定\n令和5年度設定目標(前年度末の状況)"
    assert top[9] == "令和6年度当初予定\n令和6年度設定目標(前年度末の状況)"
    assert sub[3:7] == ["取組項目", "R3", "R4", "R5"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    # The schedule heading spans 取組項目 and the FY columns; the others span
    # both header rows.
    assert "D4:G4" in merged
    assert {"A4:A5", "B4:B5", "C4:C5", "H4:H5", "I4:I5", "J4:J5"} <= merged


def test_body_cell_by_cell(sheet: Worksheet, sample_report: Report) -> None:
    row = BODY_ROW
    for section in sample_report.sections:
        assert sheet.cell(row, 1).value == f"{section.heading}　{section.lead}"
        row += 1
        for group in section.groups:
            assert sheet.cell(row, 1).value == group.label
            row += 1
            for program in group.rows:
                values = {
                    col: sheet[f"{col}{row}"].value
                    for col in ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J")
                }
                name = program.name + (f"\n{ENDED}" if program.ended_note else "")
                assert values["A"] == program.number_label
                assert values["B"] == name
                assert values["C"] == bullets(program.policy_points)
                assert values["D"] == bullets(program.action_items)
                schedule = SCHEDULES[program.number]
                for col in ("E", "F", "G"):
                    assert values[col] == schedule.get(col), (program.number, col)
                assert values["H"] == bullets(program.achievements)
                assert values["I"] == bullets(program.previous_plan)
                assert values["J"] == bullets(program.current_plan)
                row += 1
    assert sheet.max_row == row - 1


def test_every_text_in_seed_order(sheet: Worksheet, sample_report: Report) -> None:
    """Every number label, name and "・" bullet line, read row by row."""
    lines: list[str] = []
    for row in sheet.iter_rows(min_row=BODY_ROW, values_only=True):
        if row[0] in {r.number_label for r in sample_report.rows()}:
            for value in row:
                lines += str(value).split("\n") if value else []
    expected = [
        line for text in expected_texts(sample_report) for line in text.split("\n")
    ]
    assert lines == expected
    assert sum(line.startswith(BULLET) for line in lines) == 44


def test_ended_program_has_empty_plans(sheet: Worksheet) -> None:
    row = next(
        r for r in range(BODY_ROW, sheet.max_row + 1) if sheet[f"A{r}"].value == "21"
    )
    assert sheet[f"B{row}"].value == f"広報活動ガイドラインの策定\n{ENDED}"
    assert [sheet[f"{c}{row}"].value for c in "CDEFGIJ"] == [None] * 7
    assert sheet[f"H{row}"].value.startswith("・令和5年3月に")


def test_schedule_spans_are_merged(sheet: Worksheet) -> None:
    rows = {sheet[f"A{r}"].value: r for r in range(BODY_ROW, sheet.max_row + 1)}
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert f"E{rows['①']}:G{rows['①']}" in merged
    assert f"F{rows['24']}:G{rows['24']}" in merged
    assert not any(str(rows["23"]) in ref and ref[0] in "EFG" for ref in merged)


def test_page_setup(sheet: Worksheet) -> None:
    setup = sheet.page_setup
    assert int(setup.paperSize) == 8  # A3
    assert setup.orientation == "landscape"
    assert int(setup.fitToWidth) == 1
    assert int(setup.fitToHeight) == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.print_title_rows == "$4:$5"
    assert sheet.oddFooter.center.text == "&P / &N"
    assert sheet.freeze_panes == "C6"


def test_document_properties(xlsx_bytes: bytes, sample_report: Report) -> None:
    props = load_workbook(io.BytesIO(xlsx_bytes)).properties
    assert props.title == sample_report.title
    assert props.creator == "小平市"
    assert props.created == dt.datetime(2024, 2, 2)
    assert props.modified == dt.datetime(2024, 2, 2)


def test_styles(sheet: Worksheet) -> None:
    rows = {sheet[f"A{r}"].value: r for r in range(BODY_ROW, sheet.max_row + 1)}
    first = rows["①"]
    name = sheet[f"B{first}"]
    assert name.font.name == "IPAexGothic"
    assert name.alignment.wrap_text is True
    assert all(
        getattr(name.border, side).style == "thin"
        for side in ("left", "right", "top", "bottom")
    )
    # A cell covered by a merge keeps the grid (Excel draws its borders).
    assert sheet[f"G{first}"].border.right.style == "thin"
    group_fill = sheet[f"A{first - 1}"].fill
    assert group_fill.fill_type == "solid"
    assert group_fill.fgColor.rgb.endswith(xlsx.GROUP_FILL)
    assert sheet[f"B{first}"].fill.fill_type is None
    assert sheet[f"D{HEADER_ROW}"].fill.fgColor.rgb.endswith(xlsx.HEADER_FILL)


def test_column_widths_follow_the_seed(sheet: Worksheet) -> None:
    width = {c: sheet.column_dimensions[c].width for c in "ABCDEFGHIJ"}
    assert width["A"] < width["E"] < width["B"] < width["C"] < width["H"]
    assert width["E"] == width["F"] == width["G"]


def test_explicit_row_heights(sheet: Worksheet) -> None:
    rows = {sheet[f"A{r}"].value: r for r in range(BODY_ROW, sheet.max_row + 1)}
    heights = {label: sheet.row_dimensions[r].height for label, r in rows.items()}
    assert all(h is not None and 12 <= h <= 409 for h in heights.values())
    # ⑫ has four long bullets in a column; 21 has one short one.
    assert heights["⑫"] > heights["21"] * 2
    assert heights["⑫"] >= 9 * 1.3 * 7  # at least seven lines of text


def test_line_count_counts_cjk_as_two_units() -> None:
    assert xlsx.display_width("ab") == 2
    assert xlsx.display_width("実施") == 4
    assert xlsx.display_width("①※・") == 6
    # 20 units wide at 9pt hold about 10 ideographs a line.
    assert xlsx.line_count("市" * 40, 20, 9) == 4
    assert xlsx.line_count("a" * 40, 20, 9) == 2
    assert xlsx.line_count("一\n二\n三", 20, 9) == 3


def test_same_report_gives_same_bytes(sample_report: Report, xlsx_bytes: bytes) -> None:
    assert xlsx.render(sample_report) == xlsx_bytes
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes)) as archive:
        assert {info.date_time for info in archive.infolist()} == {
            (2024, 2, 2, 0, 0, 0)
        }


def test_package_is_well_formed(xlsx_bytes: bytes) -> None:
    """What Excel checks before offering a repair: every part is well-formed
    XML and no merged ranges overlap."""
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(archive.read(name))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sheet = load_workbook(io.BytesIO(xlsx_bytes)).active
    cells: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        covered = set(merged.cells)
        assert not covered & cells, f"overlapping merge {merged}"
        cells |= covered
