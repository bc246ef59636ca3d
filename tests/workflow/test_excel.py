"""The Excel round trip: export a department's workbook, fill it in, upload it;
every broken workbook is refused by sheet and cell, and applies nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from shinchoku.plans.models import ProgramYear
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Department, EntryState, RoundEntry
from shinchoku.workflow.people import services as people_services
from shinchoku.workflow.workbook import services as workbook_services
from tests.workflow import workbooks as wbk
from tests.workflow.conftest import entry_of


@pytest.fixture
def joho_dept(people):
    return Department.objects.get(name="情報政策課")


def export(user, round_, department) -> bytes:
    return workbook_services.workbook_export(
        actor=user, round_=round_, department=department
    )


def upload(user, round_, department, data, filename="filled.xlsx") -> int:
    return workbook_services.workbook_import(
        actor=user, round_=round_, department=department, data=data, filename=filename
    )


def snapshot_entries(round_):
    return list(
        RoundEntry.objects.filter(round=round_)
        .order_by("pk")
        .values_list("pk", "state", "version", "plan", "achievements", "kpi_actuals")
    )


def test_the_exported_workbook_is_locked_except_the_department_s_cells(
    people, plan_round, joho_dept
):
    data = export(people["gyosei"], plan_round, joho_dept)
    wbk.save("good-exported.xlsx", data)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["記入要領", "方向性3", "方向性4", "_meta"]
    assert wb["_meta"].sheet_state == "hidden"
    assert "令和6年度当初計画" in wb["記入要領"]["A1"].value
    ws = wb["方向性3"]
    assert ws.protection.sheet
    assert ws["E4"].value.startswith("令和5年度当初予定")
    assert ws["F4"].value.startswith("令和6年度当初予定")
    row = wbk.row_of(ws, "⑫")
    assert ws[f"B{row}"].value == "文書の電子化・ペーパーレス化"
    assert ws[f"F{row}"].value.endswith("・電子決裁率90%以上を目指す。")
    assert not ws[f"F{row}"].protection.locked
    assert all(ws[f"{c}{row}"].protection.locked for c in "ABCDE")
    assert ws[f"C{row}"].fill.fgColor.rgb.endswith("D9D9D9")  # shaded
    # Only the department's programs: ⑫ is there, ① (市民協働) is not.
    with pytest.raises(LookupError):
        wbk.row_of(ws, "①")


def test_a_filled_in_workbook_is_applied_as_drafts_through_the_form_service(
    people, plan_round, joho_dept
):
    joho = people["joho"]
    data = export(joho, plan_round, joho_dept)
    good = wbk.transform(
        data,
        wbk.chain(
            wbk.fill(
                "方向性3", "⑫", "・電子決裁率95%以上を目指す。\n・会議のペーパーレス化"
            ),
            wbk.fill("方向性4", "⑳", "テレワークを全庁で実施する。"),
        ),
    )
    wbk.save("good-filled.xlsx", good)
    assert upload(joho, plan_round, joho_dept, good) == 2
    entry = entry_of(plan_round, 12)
    assert entry.plan == ["電子決裁率95%以上を目指す。", "会議のペーパーレス化"]
    assert entry.state == EntryState.DRAFTING and entry.updated_by == joho
    assert entry.history.first().history_change_reason.startswith("excel: draft")
    assert entry_of(plan_round, 20).plan == ["テレワークを全庁で実施する。"]
    # The live plan is untouched until approval.
    assert ProgramYear.objects.get(program=entry.program, fiscal_year=2024).version == 1
    # The same workbook again changes nothing: its cells say what the drafts
    # say now (issue #12: cells equal to the live text are not edits).
    assert upload(joho, plan_round, joho_dept, good) == 0


def test_kpi_actuals_round_trip_in_an_achievements_round(
    people, achievements_round, joho_dept
):
    joho = people["joho"]
    data = export(joho, achievements_round, joho_dept)
    ws = load_workbook(io.BytesIO(data))["方向性3"]
    assert ws["F4"].value == "令和5年度までの取組実績"
    assert ws[f"C{wbk.kpi_row(ws, '⑫')}"].value == "電子決裁率 (%)"

    def fill_kpi(wb):
        ws = wb["方向性3"]
        ws[f"F{wbk.kpi_row(ws, '⑫')}"] = 86.1

    good = wbk.transform(
        data, wbk.chain(wbk.fill("方向性3", "⑫", "・電子決裁率86.1%。"), fill_kpi)
    )
    wbk.save("good-kpi.xlsx", good)
    assert upload(joho, achievements_round, joho_dept, good) == 1
    entry = entry_of(achievements_round, 12)
    indicator = entry.program.indicators.get()
    assert entry.kpi_actuals == {str(indicator.pk): 86.1}
    assert entry.achievements == ["電子決裁率86.1%。"]


BROKEN = {
    "wrong-sheet-added": (
        wbk.add_sheet,
        ["Sheet Sheet1: this sheet is not part of the workbook"],
    ),
    "wrong-sheet-renamed": (
        wbk.rename_sheet,
        [
            "Sheet 方向性４: this sheet is not part of the workbook",
            "Sheet 方向性4: this sheet is missing",
        ],
    ),
    "sheet-removed": (wbk.remove_sheet, ["Sheet 方向性4: this sheet is missing"]),
    "locked-cell-edited": (
        wbk.edit_locked_cell,
        ["Sheet 方向性3, cell C{row12}: this cell is locked and was changed"],
    ),
    "unknown-program": (
        wbk.add_unknown_program,
        [
            "Sheet 方向性3, cell A{last}: 「99」 is not a program of this workbook",
            "Sheet 方向性3, cell F{last}: text below the table is not read",
        ],
    ),
    "text-beside-the-table": (
        wbk.text_beside_table,
        ["Sheet 方向性3, cell G{row12}: text beside the table is not read"],
    ),
    "metadata-tampered": (
        wbk.tamper_metadata,
        ["Sheet _meta: the hidden metadata sheet was altered"],
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_workbook_is_refused_by_sheet_and_cell_and_applies_nothing(
    case, people, plan_round, joho_dept
):
    joho = people["joho"]
    data = export(joho, plan_round, joho_dept)
    filled = wbk.transform(data, wbk.fill("方向性3", "⑫", "・この文は保存されない"))
    ws = load_workbook(io.BytesIO(filled))["方向性3"]
    where = {"row12": wbk.row_of(ws, "⑫"), "last": ws.max_row + 1}
    change, expected = BROKEN[case]
    broken = wbk.transform(filled, change)
    wbk.save(f"broken-{case}.xlsx", broken)
    before = snapshot_entries(plan_round)
    with pytest.raises(workbook_services.WorkbookRejected) as exc:
        upload(joho, plan_round, joho_dept, broken)
    messages = [str(p) for p in exc.value.problems]
    for text in expected:
        text = text.format(**where)
        assert any(m.startswith(text) for m in messages), (text, messages)
    assert snapshot_entries(plan_round) == before


def test_text_in_a_numeric_kpi_cell_is_refused(people, achievements_round, joho_dept):
    joho = people["joho"]
    data = export(joho, achievements_round, joho_dept)
    broken = wbk.transform(
        data, wbk.chain(wbk.fill("方向性3", "⑫", "・実績"), wbk.text_in_kpi_cell)
    )
    wbk.save("broken-text-in-kpi-cell.xlsx", broken)
    row = wbk.kpi_row(load_workbook(io.BytesIO(broken))["方向性3"], "⑫")
    before = snapshot_entries(achievements_round)
    with pytest.raises(workbook_services.WorkbookRejected) as exc:
        upload(joho, achievements_round, joho_dept, broken)
    assert [str(p) for p in exc.value.problems] == [
        f"Sheet 方向性3, cell F{row}: 「約86%」 is not a number; an indicator's "
        "actual is a number without units (電子決裁率 (%))."
    ]
    assert snapshot_entries(achievements_round) == before


def test_a_workbook_exported_before_someone_else_s_change_is_refused_whole(
    people, plan_round, joho_dept
):
    joho, joho2 = people["joho"], people["joho2"]
    data = export(joho, plan_round, joho_dept)
    # After the export, a colleague edits ⑬ on the web form.
    entry13 = entry_of(plan_round, 13)
    entry_services.entry_save_draft(
        actor=joho2, entry=entry13, based_on_version=entry13.version, plan=["同僚の文"]
    )
    filled = wbk.transform(
        data,
        wbk.chain(
            wbk.fill("方向性3", "⑫", "・⑫は問題なし"),
            wbk.fill("方向性3", "⑬", "・⑬を上書き"),
        ),
    )
    wbk.save("broken-stale.xlsx", filled)
    row13 = wbk.row_of(load_workbook(io.BytesIO(filled))["方向性3"], "⑬")
    before = snapshot_entries(plan_round)
    with pytest.raises(workbook_services.WorkbookRejected) as exc:
        upload(joho, plan_round, joho_dept, filled)
    (problem,) = exc.value.problems
    assert str(problem).startswith(
        f"Sheet 方向性3, cell F{row13}: program ⑬ was changed by 情報 三郎 on "
    )
    assert "after this workbook was downloaded (令和" in str(problem)
    assert snapshot_entries(plan_round) == before  # ⑫ was not applied either


def test_a_program_reassigned_after_the_export_is_unknown_to_the_upload(
    people, plan_round, joho_dept, seed_plan
):
    joho = people["joho"]
    data = export(joho, plan_round, joho_dept)
    people_services.program_assign(
        actor=people["gyosei"],
        program=seed_plan.programs.get(number=12),
        lead=Department.objects.get(name="市民協働・男女参画推進課"),
    )
    filled = wbk.transform(data, wbk.fill("方向性3", "⑫", "・もう担当ではない"))
    row = wbk.row_of(load_workbook(io.BytesIO(filled))["方向性3"], "⑫")
    with pytest.raises(workbook_services.WorkbookRejected) as exc:
        upload(joho, plan_round, joho_dept, filled)
    assert [str(p) for p in exc.value.problems] == [
        f"Sheet 方向性3, cell F{row}: program ⑫ is no longer in this round or no "
        "longer led by 情報政策課."
    ]


def test_another_department_s_workbook_and_non_workbooks_are_refused(
    people, plan_round, joho_dept
):
    gyosei = people["gyosei"]
    kyodo_dept = Department.objects.get(name="市民協働・男女参画推進課")
    theirs = export(gyosei, plan_round, kyodo_dept)
    with pytest.raises(workbook_services.WorkbookRejected, match="belongs to 市民協働"):
        upload(gyosei, plan_round, joho_dept, theirs)
    with pytest.raises(
        workbook_services.WorkbookRejected, match="is not an Excel workbook"
    ):
        upload(gyosei, plan_round, joho_dept, b"PK\x03\x04 not really", "memo.xlsx")


def test_the_upload_page_lists_the_problems_and_saves_nothing(
    people, plan_round, joho_dept, client
):
    joho = people["joho"]
    data = export(joho, plan_round, joho_dept)
    broken = wbk.transform(data, wbk.edit_locked_cell)
    client.force_login(joho)
    url = f"/workflow/rounds/{plan_round.pk}/departments/{joho_dept.pk}/upload/"
    before = snapshot_entries(plan_round)
    response = client.post(
        url, {"workbook": io.BytesIO(broken)}, headers={"accept-language": "en"}
    )
    assert response.status_code == 400
    assert "Sheet 方向性3, cell C" in response.content.decode()
    assert snapshot_entries(plan_round) == before
    download = client.get(
        f"/workflow/rounds/{plan_round.pk}/departments/{joho_dept.pk}/workbook.xlsx"
    )
    assert download.status_code == 200
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_damaged_file_is_refused_as_such(people, plan_round, joho_dept):
    data = export(people["joho"], plan_round, joho_dept)
    damaged = wbk.damage(data)
    wbk.save("broken-damaged.xlsx", damaged)
    before = snapshot_entries(plan_round)
    with pytest.raises(workbook_services.WorkbookRejected) as exc:
        upload(people["joho"], plan_round, joho_dept, damaged, "記入済み.xlsx")
    assert [str(p) for p in exc.value.problems] == [
        "記入済み.xlsx is not an Excel workbook (.xlsx), or it is damaged."
    ]
    assert snapshot_entries(plan_round) == before
