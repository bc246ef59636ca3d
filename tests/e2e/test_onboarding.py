"""Done when (issue #14): a new municipality's admin office, in a real
Chromium and in Japanese, creates its plan, imports an XLSX of its own layout
through the column step (correcting the one column the suggestion missed),
previews and confirms it; the staff pages show it, the public ones do not
until the office, having checked it, publishes the edition (the publish step
and its confirmation page); then the public pages, the committee report and
the open data show it; next year's sheet opens the column step with the saved
mapping. Screenshots in test-artifacts/onboarding-*.png."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from shinchoku.plans.models import Municipality
from shinchoku.workflow.models import Role
from shinchoku.workflow.people import services as people_services
from tests.office.layouts import progress_xlsx

PASSWORD = "correct horse battery staple"


@pytest.fixture
def office_user(db):
    """長与町 on board: its admin office and one office user, nothing else."""
    municipality = Municipality.objects.create(code="423076", name="長与町")
    office = people_services.department_create(
        actor=None, municipality=municipality, name="企画財政課", is_admin_office=True
    )
    user = get_user_model().objects.create_user("kikaku", password=PASSWORD)
    people_services.membership_set(
        actor=None,
        user=user,
        role=Role.ADMIN_OFFICE,
        municipality=municipality,
        department=office,
    )
    return user


def _upload(page, data: bytes, name: str) -> None:
    page.set_input_files(
        "input[type=file]",
        files=[
            {
                "name": name,
                "mimeType": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
                "buffer": data,
            }
        ],
    )
    page.click("main form button[type=submit]")


@pytest.mark.django_db(transaction=True)
def test_a_new_municipality_on_board(page, live_server, office_user, artifact_path):
    base = live_server.url
    page.goto(base + "/staff/")
    page.fill("#id_username", "kikaku")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/")

    # 1. the plan
    page.click("text=行政経営担当：計画・所管課・利用者")
    page.click("text=計画の作成")
    page.fill("#id_title", "行政改革推進プラン")
    page.fill("#id_slug", "2025-2028")
    page.select_option("#id_first_fy", "2025")
    page.select_option("#id_last_fy", "2028")
    page.fill("#id_directions", "持続可能な財政運営\n効率的な行政運営")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/423076/plans/2025-2028/")
    assert "令和7年度～令和10年度" in page.inner_text("h1")

    # 2. the table, through the column step
    page.click("text=表の取込")
    _upload(page, progress_xlsx(2025), "進捗管理表R7.xlsx")
    page.wait_for_url("**/mapping/")
    assert "見出しの語句から推定しました" in page.inner_text("#mapping-origin")
    assert page.input_value("#id_col_C") == "role:name"
    assert page.input_value("#id_col_D") == ""  # 実施項目: missed
    page.select_option("#id_col_D", "role:actions")
    page.screenshot(path=artifact_path("onboarding-mapping.png"), full_page=True)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/preview/")
    summary = page.inner_text("#preview-summary")
    assert "追加 3 件" in summary
    assert "電子申請件数" in page.inner_text("ul.proposed")
    page.fill("#id_edition_title", "令和7年度実績")
    assert page.input_value("#id_fiscal_year") == "2025"  # the year it reports
    page.screenshot(path=artifact_path("onboarding-preview.png"), full_page=True)
    page.click("text=取込を確定する")
    page.wait_for_url("**/staff/423076/plans/2025-2028/")
    staff_plan = page.inner_text("main")
    assert "進捗管理表R7.xlsx を取り込みました" in staff_plan
    assert "版「令和7年度実績」はまだ公開していません" in staff_plan
    assert "公共施設の再編" in staff_plan and "電子申請の拡大" in staff_plan
    page.screenshot(path=artifact_path("onboarding-plan.png"), full_page=True)
    report_url = page.get_attribute("a.button[href$='.html']", "href")
    report = page.request.get(base + report_url)  # the office checks the report
    assert report.ok and "個別施設計画を策定した" in report.text()

    # 3. not public until the office publishes it
    public_program = base + "/423076/plans/2025-2028/programs/1/"
    assert page.request.get(public_program).status == 404
    page.click("#unpublished button[type=submit]")
    assert "令和7年度実績 を公開" in page.inner_text("h1")
    page.screenshot(path=artifact_path("onboarding-publish.png"), full_page=True)
    page.click("form.confirm-form button[type=submit]")
    page.wait_for_url("**/2025-2028/editions/")
    assert "令和7年度実績を公開しました" in page.inner_text("main")

    # 4. what the public sees: the plan, the report, the open data
    page.goto(public_program)
    program = page.inner_text("main")
    assert "個別施設計画の策定" in program and "個別施設計画を策定した" in program
    report = page.request.get(base + report_url)
    assert report.ok and "個別施設計画を策定した" in report.text()
    assert "令和7年度の取組実績" in report.text()
    records = page.request.get(
        base + "/423076/plans/2025-2028/editions/1/download/records-utf8.csv"
    )
    assert records.ok and "使用料・手数料の見直し" in records.text()

    # 5. next year's sheet: the saved mapping
    page.goto(base + "/staff/423076/plans/2025-2028/import/")
    _upload(page, progress_xlsx(2026, extra=True), "進捗管理表R8.xlsx")
    page.wait_for_url("**/mapping/")
    assert "この計画に保存した列の対応" in page.inner_text("#mapping-origin")
    assert page.input_value("#id_col_D") == "role:actions"
    page.screenshot(path=artifact_path("onboarding-next-year.png"), full_page=True)
