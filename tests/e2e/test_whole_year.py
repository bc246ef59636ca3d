"""A whole year in a real Chromium, on the demo people (issue #12's Done when):
the admin office closes a 当初計画 round into an edition; a 実績 round follows,
where two departments write their results (⑫ with its KPI actual), the office
approves and grades them, the committee writes an opinion; the round closes
into the 令和5年度実績 edition; a mistake is corrected by reopening the round,
which closes into a 修正版. The 修正版's report, read back from the PDF
(pdftotext), the XLSX (openpyxl) and the HTML, holds the approved results, the
grades, the actual and the opinion, in program order; the superseded edition's
report still holds what it said. The seed's 当初計画 report is pinned byte for
byte by tests/reports/test_seed_report_pin.py."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from shinchoku.common.text import html_to_text
from shinchoku.plans.models import Edition, EditionKind, Indicator
from shinchoku.workflow.demo import ensure_demo_people
from shinchoku.workflow.models import Round, RoundEntry
from tests.e2e.test_workflow_round import new_page, sign_in
from tests.reports.test_pdf import assert_in_order, squash

RESULT_3 = "協働事業提案制度で9団体の応募を受けた。"
RESULT_12 = "電子決裁の対象を全庁の文書に広げた(決裁の80.1%)。"
WRONG_12 = "文書管理システムを令和6年度に更新した。"  # the mistake
FIXED_12 = "文書管理システムの更新に向けて仕様を定めた。"
OPINION = "電子決裁の対象外となる文書の扱いを明確にされたい。"
REASON = "⑫の実績に事実と異なる記載があったため"


def play_entry(page, base: str, entry: RoundEntry, text: str, kpi: str = "") -> None:
    """A department writes an entry's text (and KPI actual) and submits it."""
    page.goto(f"{base}/workflow/entries/{entry.pk}/")
    page.fill("#id_text", text)
    if kpi:
        indicator = Indicator.objects.get(program=entry.program, name="電子決裁率")
        page.fill(f"#id_kpi_{indicator.pk}", kpi)
    page.click("#edit-form button[type=submit]")
    page.click("form[action$='/submit/'] button")
    expect(page.locator("#entry-state")).to_have_attribute(
        "class", re.compile("state-submitted")
    )


def approve(page, base: str, entry: RoundEntry) -> None:
    page.goto(f"{base}/workflow/entries/{entry.pk}/")
    page.click("form[action$='/approve/'] button")
    page.click("form.confirm-form button[type=submit]")  # the page that asks first
    expect(page.locator("#entry-state")).to_have_attribute(
        "class", re.compile("state-approved")
    )


def grade(page, base: str, slug: str, number: int, code: str, reason: str) -> None:
    page.goto(f"{base}/staff/132110/plans/{slug}/programs/{number}/")
    page.fill("#grade-fy", "令和5年度")
    page.select_option("#grade-code", code)
    page.fill("#grade-comment", reason)
    page.click("form.grade-form button[type=submit]")
    expect(page.locator("table.grades")).to_contain_text(reason)


def close_and_publish(
    page, base: str, round_: Round, title: str, *, publish: bool = True
) -> Edition:
    if not page.url.endswith(f"/workflow/rounds/{round_.pk}/close/"):
        page.goto(f"{base}/workflow/rounds/{round_.pk}/close/")
    page.fill("#id_title", title)
    page.fill("#id_meeting", "第1回 経営方針推進委員会")
    page.fill("#id_date", "2024-07-10")
    page.click("form.stacked button[type=submit]")
    page.click("form.confirm-form button[type=submit]")  # the page that asks first
    expect(page.locator("table")).to_contain_text(title)
    edition = Edition.objects.get(title=title)
    if not publish:
        return edition
    page.click(f"form[action$='/editions/{edition.pk}/publish/'] button")
    page.click("form.confirm-form button[type=submit]")
    expect(page.locator(f"#edition-{edition.pk}")).to_contain_text("公開済")
    return edition


def open_round(page, base: str, slug: str, kind: str) -> Round:
    page.goto(f"{base}/staff/132110/plans/{slug}/rounds/")
    page.select_option("#id_kind", kind)
    page.fill("#id_fiscal_year", "令和5年度")
    page.fill("#id_deadline", "2030-01-31")
    page.click("form.stacked button[type=submit]")
    expect(page.locator("h1")).to_contain_text("令和5年度")
    return Round.objects.get(kind=kind, fiscal_year=2023)


def report_texts(page, base: str, slug: str, edition: Edition) -> dict[str, str]:
    """The edition's report in the three formats, as text (white space out)."""
    url = f"{base}/reports/132110/{slug}/{edition.pk}"
    pdf = page.request.get(url + ".pdf").body()
    xlsx = page.request.get(url + ".xlsx").body()
    html = page.request.get(url + ".html").text()
    # -raw: the text in the order it is drawn, cell after cell, row after row
    # (-layout interleaves the lines of cells side by side).
    pdf_text = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    cells = [
        str(value)
        for ws in load_workbook(io.BytesIO(xlsx))
        for row in ws.iter_rows(values_only=True)
        for value in row
        if value
    ]
    return {
        "pdf": squash(pdf_text),
        "xlsx": squash("".join(cells)),
        "html": squash(html_to_text(html)),
        "_pdf_bytes": pdf,  # type: ignore[dict-item]
    }


@pytest.mark.django_db(transaction=True)
def test_a_whole_year_to_a_corrected_results_report(
    browser, page, live_server, seed_plan, artifact_path
):
    ensure_demo_people()
    base, slug = live_server.url, seed_plan.slug
    office = page
    sign_in(office, base, "gyosei")

    # 当初計画 round → edition (nothing to change this time: untouched entries).
    plan_round = open_round(office, base, slug, "initial_plan")
    initial = close_and_publish(
        office, base, plan_round, "令和5年度当初計画", publish=False
    )
    assert initial.kind == EditionKind.INITIAL_PLAN

    # 実績 round: two departments write, the office approves and grades.
    results_round = open_round(office, base, slug, "achievements")
    entries = {
        e.program.number: e
        for e in RoundEntry.objects.filter(round=results_round).select_related(
            "program"
        )
    }
    kyodo_context, kyodo = new_page(browser)
    sign_in(kyodo, base, "kyodo")
    play_entry(kyodo, base, entries[3], "・" + RESULT_3)
    joho_context, joho = new_page(browser)
    sign_in(joho, base, "joho")
    play_entry(joho, base, entries[12], f"・{RESULT_12}\n・{WRONG_12}", kpi="80.1")
    joho.screenshot(path=artifact_path("year-1-entry.png"), full_page=True)
    for number in (3, 12):
        approve(office, base, entries[number])
    grade(office, base, slug, 3, "S", "応募が目標を上回った")
    grade(office, base, slug, 12, "A", "決裁率は目標に近い")

    # The committee writes an opinion on ⑫.
    committee_context, committee = new_page(browser)
    sign_in(committee, base, "iinkai")
    committee.goto(f"{base}/workflow/entries/{entries[12].pk}/")
    committee.fill("#id_text", OPINION)
    committee.click("form[action$='/opinions/'] button")
    expect(committee.locator("dl.opinions")).to_contain_text(OPINION)
    committee_context.close()

    first = close_and_publish(office, base, results_round, "令和5年度実績")
    assert first.kind == EditionKind.ACHIEVEMENTS

    # A mistake in ⑫: reopen with a reason, the department fixes it.
    office.goto(f"{base}/workflow/rounds/{results_round.pk}/")
    office.fill("#id_reason", REASON)
    office.get_by_label("⑫ 文書の電子化・ペーパーレス化").check()
    office.click("form[action$='/reopen/'] button")
    expect(office.locator(".confirm-details")).to_contain_text(REASON)
    office.click("form.confirm-form button[type=submit]")  # the page that asks first
    expect(office.locator("h1")).to_contain_text("受付中")
    joho.goto(f"{base}/workflow/entries/{entries[12].pk}/")
    expect(joho.locator("#return-comment")).to_have_text(REASON)
    play_entry(joho, base, entries[12], f"・{RESULT_12}\n・{FIXED_12}")
    joho_context.close()
    kyodo_context.close()
    approve(office, base, entries[12])
    office.goto(f"{base}/workflow/rounds/{results_round.pk}/close/")
    expect(office.locator("#id_title")).to_have_value("令和5年度実績(修正版)")
    corrected = close_and_publish(office, base, results_round, "令和5年度実績(修正版)")
    assert corrected.supersedes == first
    expect(office.locator(f"#edition-{first.pk}")).to_contain_text("修正済み")
    office.screenshot(path=artifact_path("year-2-editions.png"), full_page=True)

    # The 修正版's report holds the year, in program order, in every format.
    expected = [
        "令和5年度の取組実績",
        "③",
        RESULT_3,
        "S",
        "予定以上に進捗",
        "⑫",
        RESULT_12,
        FIXED_12,
        "電子決裁率80.1%(目標85%)",
        "A",
        "予定どおりに進捗",
        "委員会意見と市の対応",
        OPINION,
    ]
    texts = report_texts(office, base, slug, corrected)
    pdf_bytes = texts.pop("_pdf_bytes")
    artifact_path("year-corrected-report.pdf").write_bytes(pdf_bytes)
    for fmt, text in texts.items():
        assert_in_order(text, expected), fmt
        assert squash(WRONG_12) not in text, fmt
        assert squash("本資料は令和5年度実績の修正版です") in text, fmt
    # The superseded edition is still what it was, and reachable.
    old = report_texts(office, base, slug, first)
    assert squash(WRONG_12) in old["pdf"] and squash(FIXED_12) not in old["pdf"]
