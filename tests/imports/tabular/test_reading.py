"""Reading tables: encodings, merged and hidden cells, items in a cell, the
header's words and years, the mapping's JSON, and the template."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from openpyxl import Workbook, load_workbook

from shinchoku.imports.tabular import (
    Mapping,
    TableError,
    cell_items,
    read_table,
    suggest_mapping,
    to_document,
)
from shinchoku.imports.tabular.mapping import header_fy, role_of, year_field_of

TABLE = [
    ["No.", "取組名", "取組内容", "所管課", "令和5年度実績", "令和6年度予定"],
    [
        "1",
        "窓口改革",
        "・書かない窓口\n・待ち時間の短縮",
        "市民課",
        "試行した。",
        "本格実施する。",
    ],
]


def csv_bytes(rows, encoding: str) -> bytes:
    text = "\r\n".join(",".join(f'"{c}"' for c in row) for row in rows) + "\r\n"
    return text.encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_in_every_encoding_a_city_pc_writes(encoding):
    table = read_table(csv_bytes(TABLE, encoding), "t.csv")
    assert table.sheets[0].texts(1)[2] == "・書かない窓口\n・待ち時間の短縮"
    assert table.sheets[0].rows[1][2].ref == "C2"


def test_a_file_neither_utf8_nor_shift_jis_names_its_line():
    data = "No.,取組名\r\n1,窓口\r\n".encode() + b"2,\xff\xfe\r\n"
    with pytest.raises(
        TableError, match=r"t\.csv, row 3: .*neither UTF-8 nor Shift_JIS"
    ):
        read_table(data, "t.csv")


def workbook(rows, *, merges=(), hidden_rows=(), hidden_cols=()) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "表"
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    for r in hidden_rows:
        ws.row_dimensions[r].hidden = True
    for letter in hidden_cols:
        ws.column_dimensions[letter].hidden = True
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_merged_cells_are_spread_and_hidden_ones_left_out():
    rows = [
        ["No.", "方向性", "取組名", "メモ", "令和5年度実績"],
        ["1", "1 効率化", "会議改革", "x", "済"],
        ["2", None, "文書改革", "x", "済"],
        ["3", "2 財政", "削除した取組", "x", "-"],
    ]
    data = workbook(rows, merges=["B2:B3"], hidden_rows=[4], hidden_cols=["D"])
    sheet = read_table(data, "t.xlsx").sheets[0]
    assert [c.text for c in sheet.rows[2]] == ["2", "1 効率化", "文書改革", "済"]
    assert sheet.rows[2][1].covered and sheet.rows[2][1].anchor == (2, 2)
    assert (sheet.hidden_rows, sheet.hidden_cols) == ([4], [4])
    mapping = suggest_mapping(read_table(data, "t.xlsx"))
    assert mapping.columns == {"number": "A", "direction": "B", "name": "C"}
    assert mapping.years[0].column == "E"  # D is hidden, E keeps its letter
    mapping.plan = {
        "municipality_code": "991015",
        "municipality_name": "架空市",
        "title": "計画",
    }
    doc = to_document(read_table(data, "t.xlsx"), mapping)
    assert [(p.number, p.direction) for p in doc.programs] == [(1, 1), (2, 1)]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("・a\n・b", ["a", "b"]),
        ("・長い文が\n　折り返された\n・次", ["長い文が折り返された", "次"]),
        ("・Web\nsite", ["Web site"]),
        ("一行目\n二行目", ["一行目", "二行目"]),
        ("① 調査\n② 実施", ["① 調査", "② 実施"]),
        ("・a ・b", ["a", "b"]),
        ("実施・検証", ["実施・検証"]),
        ("", []),
    ],
)
def test_items_of_a_cell(text, items):
    assert cell_items(text) == items


@pytest.mark.parametrize(
    ("header", "fy", "field"),
    [
        ("令和５年度実績", 2023, "achievements"),
        ("R6予定", 2024, "plan"),
        ("2024年度計画", 2024, "plan"),
        ("目標(R7)", 2025, "target"),
        ("平成３１年度取組状況", 2019, "achievements"),
        ("令和元年度末", 2019, "schedule"),
        ("取組名", None, None),
    ],
)
def test_years_in_headers(header, fy, field):
    assert header_fy(header) == fy
    assert year_field_of(header) == field


def test_header_words():
    assert role_of("Ｎｏ．") == "number"
    assert role_of("主な取組の方向性") == "policy"
    assert role_of("基本方針") == "direction"
    assert role_of("担当課") == "department"
    assert role_of("項目名") == "name"


def test_a_mapping_survives_its_json_and_refuses_nonsense():
    mapping = suggest_mapping(read_table(csv_bytes(TABLE, "utf-8"), "t.csv"))
    assert Mapping.from_json(mapping.to_json()) == mapping
    with pytest.raises(TableError, match="unknown role 'colour'"):
        Mapping.from_dict({"columns": {"colour": "A"}})
    with pytest.raises(TableError, match="not a column letter"):
        Mapping.from_dict({"columns": {"name": "1"}})
    with pytest.raises(TableError, match=r"m\.json: not valid JSON"):
        Mapping.from_json("{", source="m.json")


def test_a_header_without_a_year_needs_one_in_the_mapping():
    rows = [["No.", "取組名", "取組内容", "実績"], ["1", "窓口", "・a", "済"]]
    table = read_table(csv_bytes(rows, "utf-8"), "t.csv")
    mapping = Mapping(columns={"number": "A", "name": "B"}, years=[])
    mapping.years = Mapping.from_dict(
        {"years": [{"column": "D", "field": "achievements"}]}
    ).years
    mapping.plan = {
        "municipality_code": "991015",
        "municipality_name": "架空市",
        "title": "t",
        "first_fy": 2023,
        "last_fy": 2026,
    }
    with pytest.raises(
        TableError, match=r"row 1, cell D1: the column D .* names no fiscal year"
    ):
        to_document(table, mapping)
    mapping.years[0].fy = 2024
    assert to_document(table, mapping).programs[0].years[2024].achievements == ["済"]


@pytest.mark.django_db
def test_the_blank_template_imports_with_no_mapping(tmp_path):
    path = tmp_path / "template.xlsx"
    call_command(
        "exportplan",
        "--format",
        "template",
        "--first-fy",
        "2025",
        "--last-fy",
        "2028",
        "-o",
        str(path),
    )
    wb = load_workbook(path)
    facts = wb["計画"]
    assert [c.value for c in wb["取組"][1]][:7] == [
        "No.",
        "方向性",
        "区分",
        "プログラム名",
        "主な取組の方向性",
        "取組項目",
        "所管課",
    ]
    assert wb["取組"]["H1"].value == "令和7年度実績"
    facts["B3"], facts["B4"], facts["B5"] = "991015", "架空市", "行政改革実施計画"
    wb["取組"].append(
        [
            "1",
            "方向性1 効率化",
            "実施",
            "会議の見直し",
            "・ペーパーレス化",
            "・タブレット導入",
            "総務課",
            "・庁議で試行した。",
            "・全会議に広げる。",
        ]
    )
    wb.save(path)
    call_command("importplan", str(path))
    from shinchoku.plans.models import Plan, ProgramYear

    plan = Plan.objects.get()
    assert (plan.title, plan.first_fy, plan.last_fy) == ("行政改革実施計画", 2025, 2028)
    year = ProgramYear.objects.get(fiscal_year=2025)
    assert (year.achievements, year.plan) == (
        ["庁議で試行した。"],
        ["全会議に広げる。"],
    )


def test_records_csv_with_a_bad_row_names_its_line():
    from shinchoku.document.errors import ImportFormatError
    from shinchoku.imports.formats import records_csv
    from shinchoku.portal.opendata import COLUMN_IDS

    assert set(records_csv.REQUIRED) <= set(COLUMN_IDS)  # the writer's ids
    row = dict.fromkeys(COLUMN_IDS, "")
    row.update(
        municipality_code="991015",
        municipality_name="架空市",
        plan_title="計画",
        edition_title="令和6年度当初計画",
        direction_number="1",
        direction_name="効率化",
        program_number="1",
        program_name="会議改革",
        program_kind="implementation",
        field="policy_point",
        position="1",
        text="ペーパーレス化",
    )
    good = ",".join(row[c] for c in COLUMN_IDS)
    bad = good.replace(",policy_point,", ",achievement,")  # without its FY
    data = ("\r\n".join([",".join(COLUMN_IDS), good, bad]) + "\r\n").encode()
    with pytest.raises(
        ImportFormatError, match=r"r\.csv, line 3: a row of field achievement needs"
    ):
        records_csv.parse(data, source="r.csv")
    missing = data.replace(b"program_name,", b"")
    with pytest.raises(ImportFormatError, match="line 1: missing column.*program_name"):
        records_csv.parse(missing, source="r.csv")


def test_a_pdf_without_ruled_tables_or_text_says_what_it_needs():
    from pathlib import Path

    from reportlab.pdfgen.canvas import Canvas

    unruled = Path(__file__).resolve().parents[2] / "data" / "tables"
    unruled /= "midori_kurayoshi_style_unruled.pdf"  # LibreOffice's print of the XLSX
    with pytest.raises(TableError, match="no ruled table on any page"):
        read_table(unruled.read_bytes(), unruled.name)
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.rect(50, 50, 400, 600, fill=1)  # a page that is only a picture
    canvas.save()
    with pytest.raises(TableError, match="scanned.*without OCR"):
        read_table(buffer.getvalue(), "scan.pdf")


def test_a_formula_reads_as_its_value_not_its_text():
    """The name in B2 is ="会議"&"改革", saved by LibreOffice with its value."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "data" / "tables"
    path /= "formula_saved_by_libreoffice.xlsx"
    assert read_table(path.read_bytes(), path.name).sheets[0].texts(1)[1] == "会議改革"
