"""Hostile workbooks at the round's upload (issue #16, weakness 2): a value far
outside the table, a zip bomb, an oversized file, an undeclared used range —
refused with a message naming the file, sheet and cell, before openpyxl reads
more than the table, and nothing written."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from shinchoku.workflow.workbook import services as workbook_services
from tests.common import hostile_xlsx
from tests.workflow import workbooks as wbk
from tests.workflow.test_excel import export, joho_dept, snapshot_entries, upload

__all__ = ["joho_dept"]


def undeclared(data: bytes, part: str) -> bytes:
    """The workbook with `part`'s <dimension> removed: openpyxl then takes the
    used range from the cells themselves, and the size check cannot see it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == part:
                body = re.sub(rb"<dimension [^>]*/>", b"", body)
            dst.writestr(info, body)
    return out.getvalue()


def far_value(sheet: str, coordinate: str = "XFD1048576"):
    def change(wb):
        wb[sheet][coordinate] = "x"

    return change


def refused(user, round_, department, data, filename="filled.xlsx") -> list[str]:
    before = snapshot_entries(round_)
    with pytest.raises(workbook_services.WorkbookRejected) as exc:
        upload(user, round_, department, data, filename)
    assert snapshot_entries(round_) == before
    return [str(p) for p in exc.value.problems]


def test_a_value_at_the_last_cell_is_refused_naming_sheet_and_cell(
    people, plan_round, joho_dept
):
    joho = people["joho"]
    data = wbk.transform(export(joho, plan_round, joho_dept), far_value("方向性3"))
    assert refused(joho, plan_round, joho_dept, data, "far.xlsx") == [
        "far.xlsx: Sheet 方向性3 uses cells up to XFD1048576; a workbook of "
        "Shinchoku has at most 10,000 rows and 64 columns. Delete what is below "
        "or beside the table (or download a new workbook)."
    ]


def test_an_undeclared_far_cell_is_named_without_walking_the_sheet(
    people, plan_round, joho_dept
):
    """Without <dimension>, only the cells that exist are looked at (reading the
    used range walked 17 billion cells: 39 s and 1.4 GB a upload)."""
    joho = people["joho"]
    data = wbk.transform(export(joho, plan_round, joho_dept), far_value("方向性3"))
    data = undeclared(data, "xl/worksheets/sheet2.xml")
    assert refused(joho, plan_round, joho_dept, data) == [
        "Sheet 方向性3, cell XFD1048576: text below the table is not read (now: "
        "「x」); write only in column F of the program rows."
    ]


def test_the_metadata_sheet_is_read_by_its_width_not_its_used_range(
    people, plan_round, joho_dept
):
    joho = people["joho"]
    data = wbk.transform(export(joho, plan_round, joho_dept), far_value("_meta"))
    data = undeclared(data, "xl/worksheets/sheet4.xml")
    assert refused(joho, plan_round, joho_dept, data) == [
        "Sheet _meta: the hidden metadata sheet was altered: download a new "
        "workbook and copy your text into it."
    ]


def test_many_cells_outside_the_table_are_counted_not_each_named(
    people, plan_round, joho_dept
):
    def scatter(wb):
        ws = wb["方向性3"]
        for row in range(100, 400):
            ws[f"C{row}"] = "x"

    joho = people["joho"]
    data = wbk.transform(export(joho, plan_round, joho_dept), scatter)
    problems = refused(joho, plan_round, joho_dept, data)
    assert len(problems) == 21
    assert problems[0].startswith("Sheet 方向性3, cell C100: text below the table")
    assert problems[-1] == (
        "Sheet 方向性3: 280 more cells outside the table hold text; delete "
        "everything below and beside the table."
    )


@pytest.mark.parametrize(
    "data, reason",
    [
        (hostile_xlsx.shared_string_bomb(64 * 2**20), "bomb.xlsx unpacks to 64 MB"),
        (hostile_xlsx.oversized(), "bomb.xlsx is 20 MB; a workbook may be at most"),
        (hostile_xlsx.entity_bomb(), "bomb.xlsx holds XML declarations"),
    ],
    ids=["shared-string-bomb", "20-mb", "entities"],
)
def test_bombs_are_refused_before_they_are_unpacked(
    data, reason, people, plan_round, joho_dept
):
    problems = refused(people["joho"], plan_round, joho_dept, data, "bomb.xlsx")
    assert len(problems) == 1 and problems[0].startswith(reason), problems


def test_the_upload_page_refuses_a_far_cell_in_japanese(
    client, people, plan_round, joho_dept
):
    joho = people["joho"]
    data = wbk.transform(export(joho, plan_round, joho_dept), far_value("方向性3"))
    client.force_login(joho)
    url = reverse(
        "workflow:workbook-upload",
        kwargs={"pk": plan_round.pk, "department": joho_dept.pk},
    )
    before = snapshot_entries(plan_round)
    upload_file = io.BytesIO(data)
    upload_file.name = "記入済み.xlsx"
    with translation.override("ja"):
        response = client.post(
            url, {"workbook": upload_file}, headers={"accept-language": "ja"}
        )
    assert response.status_code == 400
    text = response.content.decode()
    assert "記入済み.xlsx" in text and "方向性3" in text and "XFD1048576" in text
    assert "10,000" in text and "行" in text
    assert snapshot_entries(plan_round) == before


def test_a_control_character_in_an_edit_cell_is_refused_by_sheet_and_cell(
    people, plan_round, joho_dept
):
    """The workbook is an input like the form and the API: its text passes
    common.text.clean_input (openpyxl reads U+007F, and a crafted file more)."""
    joho = people["joho"]
    data = export(joho, plan_round, joho_dept)
    filled = wbk.transform(data, wbk.fill("方向性3", "⑫", "・電子\x7f決裁"))
    row = wbk.row_of(load_workbook(io.BytesIO(filled))["方向性3"], "⑫")
    assert refused(joho, plan_round, joho_dept, filled) == [
        f"Sheet 方向性3, cell F{row}: character 4 is a control character (U+007F), "
        "which text may not contain: remove it (it is often invisible; retype the "
        "text around it)"
    ]
