"""The web import: upload → the column step (suggested, corrected, saved per
plan and reused next year) → the preview of what would change → confirm, in
one transaction whose history rows name the file and its SHA-256; refusals
name the sheet, row and cell, and write nothing."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from shinchoku.imports.models import TableMapping, Upload
from shinchoku.plans.models import Program
from shinchoku.workflow.models import Department, ProgramAssignment
from tests.office.layouts import progress_xlsx

pytestmark = pytest.mark.django_db


def _url(name, plan, **kwargs):
    return reverse(
        f"office:{name}",
        kwargs={"code": plan.municipality.code, "plan": plan.slug, **kwargs},
    )


def _upload(client, plan, data, name="進捗管理表.xlsx"):
    return client.post(_url("import", plan), {"file": SimpleUploadedFile(name, data)})


def _mapping_post(page_form: dict, **changes) -> dict:
    return {**page_form, **changes}


MAPPING = {
    "sheet": "",
    "header_row": "4",
    "header_rows": "1",
    "col_A": "role:number",
    "col_B": "role:direction",
    "col_C": "role:name",
    "col_D": "",
    "col_E": "role:policy",
    "col_F": "role:department",
    "col_G": "year:achievements",
    "col_H": "year:plan",
}


def _through_mapping(client, plan, data, **changes):
    response = _upload(client, plan, data)
    assert response.status_code == 302, response.content.decode()
    upload = Upload.objects.latest("pk")
    assert response["Location"] == _url("import-mapping", plan, pk=upload.pk)
    mapped = client.post(response["Location"], {**MAPPING, **changes})
    assert mapped.status_code == 302, mapped.content.decode()
    return upload


def test_a_foreign_table_is_mapped_previewed_and_imported(office_client, plan, town):
    data = progress_xlsx(2025)
    response = _upload(office_client, plan, data)
    mapping_page = office_client.get(response["Location"]).content.decode()
    assert "Suggested from the header" in mapping_page
    # the suggestion missed 実施項目 (D): the office says it holds action items
    assert 'name="col_D"' in mapping_page
    upload = Upload.objects.get()
    office_client.post(response["Location"], {**MAPPING, "col_D": "role:actions"})
    preview = office_client.get(_url("import-preview", plan, pk=upload.pk))
    text = preview.content.decode()
    assert "Programs: 3 added, 0 changed, 0 unchanged." in text
    assert hashlib.sha256(data).hexdigest() in text
    assert "電子申請の拡大: 電子申請件数" in text  # the indicator it proposes
    assert "個別施設計画の策定" in text  # the text diff of a new program
    assert not Program.objects.filter(plan=plan).exists()  # rolled back

    done = office_client.post(
        _url("import-confirm", plan, pk=upload.pk),
        {
            "sha256": upload.sha256,
            "edition_title": "令和7年度実績",
            "fiscal_year": "2025",
        },
    )
    assert done.status_code == 302
    programs = {p.number: p for p in Program.objects.filter(plan=plan)}
    assert programs[1].name == "公共施設の再編"
    assert programs[1].action_items == [{"text": "個別施設計画の策定", "schedule": {}}]
    assert programs[3].direction.name == "効率的な行政運営"
    assert programs[1].years.get(fiscal_year=2025).achievements == [
        "個別施設計画を策定した"
    ]
    row = programs[1].history.get()
    assert row.history_user == town["users"]["kikaku"]
    assert row.history_change_reason == (
        f"import: 進捗管理表.xlsx (SHA-256 {upload.sha256})"
    )
    assert ProgramAssignment.objects.get(program=programs[1]).lead == town["works"]
    assert Department.objects.filter(name="財政課").exists()  # made for ②
    saved = TableMapping.objects.get(plan=plan)
    assert saved.mapping["columns"]["actions"] == "D"
    assert saved.history.get().history_user == town["users"]["kikaku"]
    edition = plan.editions.get()
    assert (edition.title, edition.fiscal_year) == ("令和7年度実績", 2025)
    assert len(edition.snapshot["programs"]) == 3


def test_next_years_table_reuses_the_saved_mapping(office_client, plan):
    upload = _through_mapping(
        office_client, plan, progress_xlsx(2025), col_D="role:actions"
    )
    office_client.post(
        _url("import-confirm", plan, pk=upload.pk), {"sha256": upload.sha256}
    )
    response = _upload(office_client, plan, progress_xlsx(2026, extra=True))
    page = office_client.get(response["Location"]).content.decode()
    assert "The mapping saved for this plan reads this table" in page
    assert 'value="role:actions" selected' in page
    nxt = Upload.objects.latest("pk")
    office_client.post(response["Location"], {**MAPPING, "col_D": "role:actions"})
    preview = office_client.get(_url("import-preview", plan, pk=nxt.pk))
    text = preview.content.decode()
    assert "Programs: 1 added, 0 changed, 3 unchanged." in text
    assert "Yearly records: 5 added, 3 changed." in text  # 令和8年度実績, 令和9年度予定


def test_a_bad_cell_is_refused_with_its_sheet_row_and_cell(office_client, plan):
    book = load_workbook(io.BytesIO(progress_xlsx()))
    book.active["A6"] = "abc"
    out = io.BytesIO()
    book.save(out)
    response = _upload(office_client, plan, out.getvalue())
    page = office_client.post(response["Location"], MAPPING)
    assert page.status_code == 400
    text = page.content.decode()
    assert "sheet 進捗管理表, row 6, cell A6" in text
    assert not Program.objects.filter(plan=plan).exists()


def test_a_missing_name_column_is_refused(office_client, plan):
    response = _upload(office_client, plan, progress_xlsx())
    page = office_client.post(response["Location"], {**MAPPING, "col_C": ""})
    assert "Choose the column of the program names." in page.content.decode()


def test_a_damaged_file_is_refused_at_upload(office_client, plan):
    response = _upload(office_client, plan, progress_xlsx()[:2000])
    assert response.status_code == 400
    assert "進捗管理表.xlsx" in response.content.decode()
    assert not Upload.objects.exists()


def test_confirming_another_file_than_the_preview_is_refused(office_client, plan):
    upload = _through_mapping(office_client, plan, progress_xlsx())
    office_client.post(_url("import-confirm", plan, pk=upload.pk), {"sha256": "0" * 64})
    assert not Program.objects.filter(plan=plan).exists()


def test_other_roles_are_refused(client, plan, town):
    client.force_login(town["users"]["kensetsu"])
    assert client.get(_url("import", plan)).status_code == 403
    assert _upload(client, plan, progress_xlsx()).status_code == 403
    assert not Upload.objects.exists()


def test_shinchokus_own_file_needs_no_mapping(client, seed_plan, seed_bytes):
    from tests.workflow.conftest import build_people

    people = build_people(seed_plan)
    client.force_login(people["gyosei"])
    response = _upload(client, seed_plan, seed_bytes, name="seed.txt")
    upload = Upload.objects.get()
    assert response["Location"] == _url("import-preview", seed_plan, pk=upload.pk)
    page = client.get(response["Location"]).content.decode()
    assert "0 added, 0 changed" in page
    assert "The file is the edition" in page
