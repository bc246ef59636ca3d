"""The 実績 report of an edition closed from a 実績 round: read back from the
PDF (text), the XLSX (cells) and the HTML, it holds the year's approved results,
the KPI actuals with their status, the grades with the legend and the counts,
next year's plan and the committee's opinion with the city's response, in
program order, under headings derived from the edition's FY (issue #12)."""

import io

import pytest
from openpyxl import load_workbook

from shinchoku.common.text import html_to_text
from shinchoku.reports.model import ResultsReport
from shinchoku.reports.renderers import render
from shinchoku.reports.selectors import edition_report
from tests.reports.results_world import (
    GRADES,
    OPINION,
    RESPONSE,
    RESULTS,
    play_results_round,
)
from tests.reports.test_pdf import assert_in_order, page_texts, squash
from tests.workflow.conftest import build_people

# What must be read, in this order: ③ then ⑫ (program order), each with its
# results, KPI actual and grade; the appendix's opinion after the table.
EXPECTED = [
    "③",
    *RESULTS[3],
    "S",
    "予定以上に進捗",
    GRADES[3][1],
    "⑫",
    *RESULTS[12],
    "電子決裁率 80.1%(目標 85%) やや遅れ",
    "A",
    "予定どおりに進捗",
    GRADES[12][1],
    "電子決裁率90%以上を目指す。",  # 令和6年度当初予定 of ⑫
    "委員会意見と市の対応",
    "⑫",
    OPINION,
    RESPONSE,
]
HEADINGS = [
    "令和5年度当初予定",
    "令和5年度設定目標",
    "令和5年度の取組実績",
    "成果指標",
    "令和5年度実績",
    "評価",
    "令和6年度当初予定",
]


@pytest.fixture
def people(seed_plan):
    return build_people(seed_plan)


@pytest.fixture
def results_edition(people, seed_plan):
    return play_results_round(people, seed_plan)


@pytest.fixture
def report(results_edition) -> ResultsReport:
    report = edition_report(results_edition)
    assert isinstance(report, ResultsReport)
    return report


def test_the_report_holds_the_frozen_results(report, results_edition):
    assert report.title.endswith("【令和5年度実績】")
    assert report.legend == (
        "評価 S: 予定以上に進捗 / A: 予定どおりに進捗 / B: 予定よりも遅れている"
    )
    rows = {r.number: r for r in report.rows()}
    assert rows[12].achievements == tuple(RESULTS[12])
    assert (rows[12].grade, rows[12].grade_label) == ("A", "予定どおりに進捗")
    assert [k.text for k in rows[12].kpis] == ["電子決裁率 80.1%(目標 85%) やや遅れ"]
    assert [(o.text, o.response) for o in rows[12].opinions] == [(OPINION, RESPONSE)]
    assert rows[1].grade_label == "未評価" and not rows[1].opinions
    total = report.grade_counts[-1]
    assert total.label == "計"
    assert dict(zip(report.count_headings, total.counts, strict=True)) == {
        "S": 1,
        "A": 1,
        "B": 0,
        "未評価": total.total - 2,
    }
    # Frozen: a grade changed after closing does not change the edition.
    from shinchoku.plans.models import ProgramGrade

    ProgramGrade.objects.filter(program__number=12).update(grade="B")
    results_edition.refresh_from_db()
    again = {r.number: r for r in edition_report(results_edition).rows()}
    assert again[12].grade == "A"


def test_pdf_text(report):
    data = render(report, "pdf")
    assert data == render(report, "pdf")  # deterministic
    pages = page_texts(data)
    first = pages[0]
    assert squash("【令和5年度実績】") in first
    assert squash("方向性別・評価別のプログラム数") in first
    assert_in_order(first, HEADINGS)
    assert_in_order("".join(pages), EXPECTED)


def test_xlsx_cells(report):
    data = render(report, "xlsx")
    assert data == render(report, "xlsx")
    wb = load_workbook(io.BytesIO(data))
    main, appendix = wb["進捗状況"], wb["委員会意見"]
    text = "\n".join(
        str(v) for row in main.iter_rows(values_only=True) for v in row if v
    )
    text += "\n" + "\n".join(
        str(v) for row in appendix.iter_rows(values_only=True) for v in row if v
    )
    assert_in_order(squash(text), HEADINGS[:1] + EXPECTED)
    header = main.print_title_rows
    assert header and main.page_setup.orientation == "landscape"


def test_html_is_accessible_and_complete(report):
    page = render(report, "html").decode()
    assert_in_order(squash(html_to_text(page)), HEADINGS + EXPECTED)
    assert page.count("<caption>") == 3  # counts, programs, opinions
    # The program's name heads its row, linked to its page; the appendix's
    # rows are headed by the name too.
    assert 'programs/12/">文書の電子化・ペーパーレス化</a>' in page
    assert '<th scope="row">文書の電子化・ペーパーレス化</th>' in page
    assert 'scope="col">評価</th>' in page
    assert "<script" not in page


def test_served_page_links_both_stylesheets(client, people, results_edition):
    from django.contrib.staticfiles import finders
    from django.urls import reverse

    from shinchoku.plans import services as plan_services
    from shinchoku.reports.renderers.results_html import RESULTS_STYLESHEET

    plan_services.edition_publish(
        actor=people["gyosei"],
        edition=results_edition,
        published=True,
    )
    url = reverse(
        "portal:report",
        kwargs={
            "code": "132110",
            "plan": results_edition.plan.slug,
            "edition": results_edition.pk,
            "fmt": "html",
        },
    )
    page = client.get(url).content.decode()
    assert "report.css" in page and "results-report.css" in page
    assert "<style>" not in page  # served under a policy without inline styles
    assert finders.find(RESULTS_STYLESHEET)


@pytest.fixture
def last_year_report(people, seed_plan) -> ResultsReport:
    """The 実績 of the plan's last FY (令和6年度 of 令和3–6年度): no next year."""
    assert seed_plan.last_fy == 2024
    report = edition_report(play_results_round(people, seed_plan, fiscal_year=2024))
    assert isinstance(report, ResultsReport)
    return report


def test_last_year_report_has_no_next_year_column(last_year_report):
    """In the plan's last FY there is no 令和7年度当初予定 to print: the column
    and its heading are left out of the PDF, the XLSX and the HTML rather than
    printed empty for every program."""
    report = last_year_report
    assert report.columns.next_fiscal_year is None
    assert report.columns.next_heading == ""
    assert all(row.next_plan == () for row in report.rows())
    first = page_texts(render(report, "pdf"))[0]
    assert_in_order(first, [h.replace("令和5", "令和6") for h in HEADINGS[:-1]])
    assert squash("令和7年度当初予定") not in first
    wb = load_workbook(io.BytesIO(render(report, "xlsx")))
    main = wb["進捗状況"]
    header = next(
        row
        for row in main.iter_rows(values_only=True)
        if row[0] == "No." and row[2] == "主な取組の方向性"
    )
    assert [v for v in header if v][-1] == "評価"
    assert not any("令和7年度" in str(v) for v in header)
    page = render(report, "html").decode()
    assert "令和7年度当初予定" not in page
    assert '<col class="col-next">' not in page
    assert '<table class="report results without-next">' in page
    headings = page.split("<thead>")[2].split("</thead>")[0]
    assert headings.count('<th scope="col">') == 7


def test_the_stylesheet_keeps_the_results_column_weights():
    """results-report.css scales each column by the weights of the PDF and the
    XLSX, over the total with and without the next year's column."""
    import re

    from shinchoku.reports.renderers import _results as layout
    from shinchoku.reports.renderers.results_html import stylesheet

    css = stylesheet()
    found = re.findall(
        r"table\.results col\.col-(\w+) \{ width: calc\(100% \* ([\d.]+) / var", css
    )
    weights = {c.key: c.weight for c in layout.COLUMNS}
    assert {k: float(v) for k, v in found} == weights
    total = sum(weights.values())
    assert f"table.results {{ --total: {total}; }}" in css
    without = total - weights["next"]
    assert f"table.results.without-next {{ --total: {without}; }}" in css
