"""The report model built from the seed reproduces the seed's table structure."""

import pytest

from shinchoku.document.model import ParsedActionItem, ParsedProgram
from shinchoku.imports.formats import seed_table
from shinchoku.reports.builder import build_report, schedule_cells
from tests.imports.helpers import SEED_NAMES, shift_years


@pytest.fixture(scope="module")
def parsed(seed_bytes):
    return seed_table.parse(seed_bytes, source="seed")


@pytest.fixture(scope="module")
def report(parsed):
    return build_report(parsed, parsed.editions[0], program_url=lambda n: f"/p/{n}/")


def seed_rows(seed_text):
    return [line.split("\t") for line in seed_text.split("\n")]


def test_title_block_is_the_seeds(report, seed_text):
    rows = seed_rows(seed_text)
    assert report.title == rows[2][0]
    assert report.meeting == rows[4][0]
    assert f"{report.material} {report.date_label}" == rows[5][0]
    assert report.municipality == "小平市"


def test_column_headings_are_the_seeds(report, seed_text):
    header, sub = seed_rows(seed_text)[9], seed_rows(seed_text)[10]
    c = report.columns
    assert c.schedule_heading == header[3]
    assert [c.achievements_heading, c.previous_heading, c.current_heading] == header[
        -3:
    ]
    assert c.action_items_heading == sub[3]
    assert list(c.schedule_fy_labels) == [x for x in sub[4:] if x]


def test_columns_move_with_the_edition_year(seed_text):
    later = seed_table.parse(shift_years(seed_text).encode(), source="later")
    c = build_report(later, later.editions[0]).columns
    assert c.achievements_heading == "令和5年度までの取組実績"
    assert c.current_heading == "令和7年度当初予定 令和7年度設定目標(前年度末の状況)"
    assert c.schedule_heading == "年度スケジュール(R6.3時点想定)"
    assert c.schedule_fy_labels == ("R4", "R5", "R6")


def test_rows_in_the_seeds_order_with_sections_and_directions(report):
    assert [r.number for r in report.rows()] == list(SEED_NAMES)
    assert [s.heading for s in report.sections] == [
        "◆◇実施プログラム◇◆",
        "◆◆2年間の検討を経た実施プログラム(旧検討プログラム)◆◆",
    ]
    assert [g.label for g in report.sections[1].groups] == [
        "方向性1 地域資源によるサービスの実現",
        "方向性3 運営・業務執行体制の効率化",
        "方向性4 職員と職場の活性化",
    ]
    labels = {r.number: r.number_label for r in report.rows()}
    assert labels[12] == "⑫" and labels[20] == "⑳" and labels[21] == "21"


def test_row_cells(report):
    rows = {r.number: r for r in report.rows()}
    r12 = rows[12]
    assert r12.achievements[-1] == "令和4年度末での電子決裁率73.7%。"
    assert r12.previous_plan[-1] == "電子決裁率85%を目指す。"
    assert r12.current_plan[-1] == "電子決裁率90%以上を目指す。"
    assert r12.url == "/p/12/"
    r21 = rows[21]
    assert r21.ended_note == "※令和4年度までをもって終了"
    assert r21.previous_plan == () and r21.current_plan == ()


def test_schedule_cells_fill_the_fy_columns(report):
    rows = {r.number: r for r in report.rows()}
    assert [(c.text, c.span) for c in rows[1].schedule] == [
        ("実施 試行的実施・実施", 3)
    ]
    assert [(c.text, c.span) for c in rows[23].schedule] == [
        ("実施", 1),
        ("検討・実施", 1),
        ("検討・実施", 1),
    ]
    assert [(c.text, c.span) for c in rows[24].schedule] == [
        ("実施", 1),
        ("検討・実施・見直し", 2),
    ]
    assert [(c.text, c.span) for c in rows[12].schedule] == [("", 3)]
    for row in report.rows():
        assert sum(c.span for c in row.schedule) == 3


def test_item_schedules_give_one_cell_per_year(parsed):
    program = ParsedProgram(
        number=1,
        name="x",
        direction=1,
        kind="implementation",
        action_items=[
            ParsedActionItem("a", {2021: "検討", 2022: "実施"}),
            ParsedActionItem("b", {2022: "試行"}),
        ],
    )
    cells = schedule_cells(program, (2021, 2022, 2023))
    assert [c.text for c in cells] == ["検討", "実施\n試行", ""]
