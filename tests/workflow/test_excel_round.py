"""The Excel round trip through a whole round: two departments, two editors of
one department, approvals and a colleague's edits between download and upload.
Only cells edited since the download count; an untouched workbook is a no-op;
an edit of a program approved or changed by someone else since is refused by
sheet and cell, with who and when in JST, and nothing else of that workbook is
applied (all or nothing)."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from shinchoku.common import wareki
from shinchoku.plans.models import Indicator, ProgramYear
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Department, EntryAction, EntryEvent, RoundEntry
from shinchoku.workflow.workbook import services as workbook_services
from tests.workflow import workbooks as wbk
from tests.workflow.conftest import entry_of
from tests.workflow.test_excel import export, snapshot_entries, upload


def _web(user, round_, number, text):
    entry = entry_of(round_, number)
    entry_services.entry_save_draft(
        actor=user, entry=entry, based_on_version=entry.version, achievements=text
    )


def _submit_and_approve(people, author, round_, number, text):
    _web(author, round_, number, text)
    entry = entry_of(round_, number)
    entry_services.entry_submit(
        actor=author, entry=entry, based_on_version=entry.version
    )
    entry = entry_of(round_, number)
    entry_services.entry_approve(
        actor=people["gyosei"], entry=entry, based_on_version=entry.version
    )


def _where(data: bytes, label: str) -> tuple[str, int]:
    """(sheet, row) of a program's row in a workbook."""
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets[1:-1]:
        try:
            return ws.title, wbk.row_of(ws, label)
        except LookupError:
            continue
    raise LookupError(label)


def _fill(data: bytes, *cells: tuple[str, str | float, str]) -> bytes:
    """(program label, value, "text" or "kpi") written into its edit cell."""

    def change(wb):
        for label, value, what in cells:
            sheet, row = _where(data, label)
            if what == "kpi":
                row = wbk.kpi_row(wb[sheet], label)
            wb[sheet][f"F{row}"] = value

    return wbk.transform(data, change)


def _history_rows() -> int:
    return sum(m.history.count() for m in (ProgramYear, Indicator, RoundEntry))


def _approval(round_, number) -> EntryEvent:
    return EntryEvent.objects.get(
        entry=entry_of(round_, number), action=EntryAction.APPROVE
    )


@pytest.fixture
def departments(people):
    return (
        Department.objects.get(name="情報政策課"),
        Department.objects.get(name="市民協働・男女参画推進課"),
    )


def test_a_whole_round_with_approvals_between_download_and_upload(
    people, achievements_round, departments, client
):
    round_ = achievements_round
    joho, joho2, kyodo = people["joho"], people["joho2"], people["kyodo"]
    joho_dept, kyodo_dept = departments
    # Everyone downloads first.
    mine = export(joho, round_, joho_dept)
    colleagues = export(joho2, round_, joho_dept)
    theirs = export(kyodo, round_, kyodo_dept)
    # Then, on the web: ⑬ and ① are written, submitted and approved; a
    # colleague saves ⑭ without submitting it.
    _submit_and_approve(people, joho2, round_, 13, ["⑬は同僚が書いて承認済"])
    _submit_and_approve(people, kyodo, round_, 1, ["①は承認済"])
    _web(joho2, round_, 14, ["⑭は同僚が書いた"])

    # An untouched workbook is a no-op, whatever happened since its download.
    before, history = snapshot_entries(round_), _history_rows()
    assert upload(joho, round_, joho_dept, mine) == 0
    assert upload(kyodo, round_, kyodo_dept, theirs) == 0
    assert (snapshot_entries(round_), _history_rows()) == (before, history)

    # Edits of the approved ⑬ and of ⑭ (changed by the colleague since) are
    # refused by cell with who and when in JST; ⑫'s edits are not applied either.
    edited = _fill(
        mine,
        ("⑫", "・⑫の実績をExcelで書いた", "text"),
        ("⑫", 86, "kpi"),
        ("⑬", "・⑬を上書きしようとした", "text"),
        ("⑭", "・⑭を上書きしようとした", "text"),
    )
    wbk.save("round-refused.xlsx", edited)
    with pytest.raises(workbook_services.WorkbookRejected) as caught:
        upload(joho, round_, joho_dept, edited)
    sheet13, row13 = _where(mine, "⑬")
    sheet14, row14 = _where(mine, "⑭")
    approved = _approval(round_, 13)
    colleague_saved = entry_of(round_, 14).updated_at
    refused_approved, refused_changed = (str(p) for p in caught.value.problems)
    assert refused_approved == (
        f"Sheet {sheet13}, cell F{row13}: program ⑬ is Approved (approved by 行政経営 "
        f"花子, {wareki.moment_label(approved.at)}): this change cannot be applied; "
        "ask the admin office to return it."
    )
    assert re.fullmatch(
        f"Sheet {sheet14}, cell F{row14}: program ⑭ was changed by 情報 三郎 on "
        f"{wareki.moment_label(colleague_saved)}, after this workbook was "
        r"downloaded \(令和\d+年\d+月\d+日 \d\d:\d\d\): download a new workbook "
        "and copy your text into it.",
        refused_changed,
    )
    assert (snapshot_entries(round_), _history_rows()) == (before, history)

    # Without the refused edits the same workbook applies: ⑫ alone changes, ⑬
    # stays approved and ⑭ keeps the colleague's text.
    fixed = _fill(
        mine,
        ("⑫", "・⑫の実績をExcelで書いた", "text"),
        ("⑫", 86, "kpi"),
    )
    assert upload(joho, round_, joho_dept, fixed) == 1
    entry12 = entry_of(round_, 12)
    indicator = entry12.program.indicators.get()
    assert entry12.achievements == ["⑫の実績をExcelで書いた"]
    assert entry12.kpi_actuals == {str(indicator.pk): 86}
    assert entry_of(round_, 13).achievements == ["⑬は同僚が書いて承認済"]
    assert entry_of(round_, 14).achievements == ["⑭は同僚が書いた"]

    # The colleague's old workbook, holding what the live drafts say already
    # (⑫ as joho uploaded it, ⑭ as typed on the web), changes nothing.
    same = _fill(
        colleagues,
        ("⑫", "・⑫の実績をExcelで書いた", "text"),
        ("⑫", 86, "kpi"),
        ("⑭", "・⑭は同僚が書いた", "text"),
    )
    assert upload(joho2, round_, joho_dept, same) == 0

    # The other department: ② applies beside the approved ①; an edit of ①
    # through the real upload page is refused and listed, nothing written.
    assert (
        upload(kyodo, round_, kyodo_dept, _fill(theirs, ("②", "・②を記入", "text")))
        == 1
    )
    assert entry_of(round_, 2).achievements == ["②を記入"]
    client.force_login(kyodo)
    url = f"/workflow/rounds/{round_.pk}/departments/{kyodo_dept.pk}/upload/"
    refused = _fill(theirs, ("①", "・①を直したい", "text"), ("⑤", "・⑤", "text"))
    before = snapshot_entries(round_)
    response = client.post(
        url, {"workbook": io.BytesIO(refused)}, headers={"accept-language": "en"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    sheet1, row1 = _where(theirs, "①")
    assert f"Sheet {sheet1}, cell F{row1}: program ① is Approved" in html
    assert wareki.moment_label(_approval(round_, 1).at) in html
    assert snapshot_entries(round_) == before
    # The untouched workbook through the same page: said so, nothing written.
    response = client.post(
        url,
        {"workbook": io.BytesIO(theirs)},
        headers={"accept-language": "en"},
        follow=True,
    )
    assert "The workbook holds no changes: nothing was written." in (
        response.content.decode()
    )
    assert snapshot_entries(round_) == before
