"""The 実績 report as the committee reads it, found wrong when a whole 令和6年度
round was played in the browser (NOTES-qa): an actual with nothing to judge it
by said 未測定 beside its value and hid its 前年度実績以上 target; the counts
of the first page were text in the XLSX, not numbers."""

import io

import pytest
from openpyxl import load_workbook

from shinchoku.reports.renderers import render
from shinchoku.reports.selectors import edition_report
from shinchoku.workflow.entries import services as entry_services
from tests.reports.results_world import entry, play_results_round
from tests.workflow.conftest import build_people


@pytest.fixture
def report(seed_plan):
    people = build_people(seed_plan)
    # ⑭'s indicators say 前年度実績以上 and have no 令和4年度 actual to compare
    # with: a 令和5年度 actual can be reported but not judged.
    edition = play_results_round(people, seed_plan, before_close=_report_14)
    return edition_report(edition)


def _report_14(people, round_) -> None:
    e = entry(round_, 14)
    indicator = e.program.indicators.get(name="電子申請サービス手続数")
    entry_services.entry_save_draft(
        actor=people["joho"],
        entry=e,
        based_on_version=e.version,
        achievements=["オンライン申請の対象手続を45手続に拡充した。"],
        kpi_actuals={str(indicator.pk): "45"},
    )
    e = entry(round_, 14)
    entry_services.entry_submit(
        actor=people["joho"], entry=e, based_on_version=e.version
    )
    e = entry(round_, 14)
    entry_services.entry_approve(
        actor=people["gyosei"], entry=e, based_on_version=e.version
    )


def test_an_actual_without_a_yardstick_is_not_called_unmeasured(report):
    rows = {r.number: r for r in report.rows()}
    texts = [k.text for k in rows[14].kpis]
    assert texts[0] == "電子申請サービス手続数 45手続(目標 前年度実績以上) 判定不可"
    # No actual: 実績なし says it once.
    assert texts[1] == "マイナポータル手続数 実績なし(目標 前年度実績以上)"
    assert all("未測定" not in t for t in texts)


def test_xlsx_counts_are_numbers(report):
    wb = load_workbook(io.BytesIO(render(report, "xlsx")))
    sheet = wb["進捗状況"]
    total = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "計")
    counts = [v for v in total[3:] if v is not None]
    assert counts and all(isinstance(v, int) for v in counts)
    assert sum(counts[:-1]) == counts[-1]
