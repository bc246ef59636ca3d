"""The five layouts of tests/data/tables/ import the way the office imports
them (the suggested mapping, corrected with the code, through `shinchoku
import --mapping`), and each broken twin is refused with its sheet, row and
cell, and nothing written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from shinchoku.imports.tabular import Mapping, read_table, suggest_mapping
from shinchoku.plans.models import Plan, Program, ProgramYear

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "data" / "tables"

LAYOUTS = {
    "midori_kurayoshi_style.xlsx": {
        "plan": ("みどり市", "第4次行財政改革計画", 2023, 2027),
        "directions": {1: "持続可能な財政運営", 2: "行政サービスの向上"},
        "programs": 4,
        "program": (3, "窓口のワンストップ化", 2),
        "achievements": (
            3,
            2023,
            [
                "窓口の動線を見直し、案内表示を改善した。",
                "書かない窓口の試行に向けて業者と協議した。",
            ],
        ),
    },
    "umibe_miyakojima_style.csv": {
        "plan": ("うみべ町", "集中改革プラン", 2018, 2020),
        "directions": {1: "方向性の記載なし"},
        "programs": 4,
        "program": (2, "補助金の整理合理化", 1),
        "achievements": (2, 2019, ["交付基準を策定した。"]),
    },
    "yamanami_taiko_progress.pdf": {
        "plan": ("やまなみ市", "行政改革大綱実施計画", 2022, 2025),
        "directions": {1: "効率的で効果的な行政運営", 2: "持続可能な財政基盤の確立"},
        "programs": 4,
        "program": (4, "市税等の収納率向上", 2),
        "achievements": (
            1,
            2023,
            [
                "窓口業務の手順書を12業務で作成した。",
                "RPAを6業務に導入し、年間1,400時間を削減した。",
            ],
        ),
    },
    "kawase_chuo_style.xlsx": {
        "plan": ("かわせ市", "第3次行財政改革実施計画", 2023, 2026),
        "directions": {1: "効率的な行政運営", 2: "健全な財政運営"},
        "programs": 3,
        "program": (3, "公共施設の使用料見直し", 2),
        "achievements": (1, 2023, ["5業務に導入した。"]),
    },
    "hanazono_kaikaku_plan.csv": {
        "plan": ("はなぞの市", "第5次行財政改革プラン", 2021, 2025),
        "directions": {
            1: "自律による行政サービスの質的向上",
            2: "市民とのパートナーシップの推進",
        },
        "programs": 3,
        "program": (3, "協働事業提案制度", 2),
        "achievements": (
            3,
            2023,
            ["3件", "提案事業3件を採択した。うち1件は継続事業。"],
        ),
    },
}

BROKEN = {
    "midori_kurayoshi_style_bad_cell.xlsx": (
        "midori_kurayoshi_style",
        "sheet 取組状況, row 7, cell A7: the program number '3a' is not a number",
    ),
    "umibe_miyakojima_style_missing_column.csv": (
        "umibe_miyakojima_style",
        "row 3: the column '担当課' (department, column D in the mapping) is missing",
    ),
    "yamanami_taiko_progress_damaged.pdf": (
        "yamanami_taiko_progress",
        "yamanami_taiko_progress_damaged.pdf: the PDF is damaged",
    ),
    "kawase_chuo_style_damaged.xlsx": (
        "kawase_chuo_style",
        "kawase_chuo_style_damaged.xlsx",
    ),
    "hanazono_kaikaku_plan_bad_cell.csv": (
        "hanazono_kaikaku_plan",
        "row 5, cell E5: ",
    ),
}


def mapping_path(stem: str) -> Path:
    return DATA / f"{stem}.mapping.json"


def import_table(path: Path, mapping: Path, *extra: str) -> None:
    call_command("importplan", str(path), "--mapping", str(mapping), *extra)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_the_suggested_mapping_is_the_one_saved(name):
    """The office only adds what the table does not say (the code)."""
    table = read_table((DATA / name).read_bytes(), name)
    saved = json.loads(mapping_path(Path(name).stem).read_text(encoding="utf-8"))
    suggested = suggest_mapping(table).to_dict()
    assert {k: v for k, v in suggested.items() if k != "plan"} == {
        k: v for k, v in saved.items() if k != "plan"
    }
    assert set(saved["plan"]) == {"municipality_code"}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_each_layout_imports(name):
    expect = LAYOUTS[name]
    import_table(DATA / name, mapping_path(Path(name).stem))
    plan = Plan.objects.select_related("municipality").get()
    muni, title, first, last = expect["plan"]
    assert (plan.municipality.name, plan.title, plan.first_fy, plan.last_fy) == (
        muni,
        title,
        first,
        last,
    )
    assert {d.number: d.name for d in plan.directions.all()} == expect["directions"]
    assert plan.programs.count() == expect["programs"]
    number, program_name, direction = expect["program"]
    program = plan.programs.select_related("direction").get(number=number)
    assert (program.name, program.direction.number) == (program_name, direction)
    number, fy, achievements = expect["achievements"]
    year = ProgramYear.objects.get(program__number=number, fiscal_year=fy)
    assert year.achievements == achievements
    versions = list(Program.objects.values_list("number", "version"))
    import_table(DATA / name, mapping_path(Path(name).stem))  # again: no change
    assert list(Program.objects.values_list("number", "version")) == versions


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_twin_is_refused_and_nothing_is_written(name):
    stem, message = BROKEN[name]
    with pytest.raises(CommandError) as raised:
        import_table(DATA / name, mapping_path(stem))
    assert message in str(raised.value)
    assert not Plan.objects.exists()
    assert not Program.objects.exists()


def test_next_years_sheet_reuses_the_mapping(tmp_path):
    """A year later the headers say 令和６/７年度: the saved mapping reads the
    years from them, and the programs get next year's records."""
    from openpyxl import load_workbook

    source = DATA / "midori_kurayoshi_style.xlsx"
    import_table(source, mapping_path("midori_kurayoshi_style"))
    wb = load_workbook(source)
    ws = wb.active
    ws["F4"], ws["H4"] = "令和６年度実績", "令和７年度の取組予定"
    ws["F5"] = "・使用料の改定案を作成した。"
    ws["A1"] = ws["A1"].value.replace(
        "【令和5年度実績・評価】", "【令和6年度実績・評価】"
    )
    later = tmp_path / "midori_next_year.xlsx"
    wb.save(later)
    import_table(later, mapping_path("midori_kurayoshi_style"))
    years = dict(
        ProgramYear.objects.filter(program__number=1).values_list(
            "fiscal_year", "achievements"
        )
    )
    assert years[2023] == [
        "公共施設使用料の算定基準を策定した。",
        "減免基準の統一案を作成した。",
    ]
    assert years[2024] == ["使用料の改定案を作成した。"]
    assert ProgramYear.objects.get(program__number=1, fiscal_year=2025).plan == [
        "算定基準に基づく改定案を作成する。"
    ]


def test_a_table_of_another_layout_without_a_mapping_says_how(tmp_path):
    with pytest.raises(CommandError, match="--suggest-mapping"):
        call_command("importplan", str(DATA / "kawase_chuo_style.xlsx"))
    assert not Plan.objects.exists()


def test_suggest_mapping_prints_json(capsys):
    call_command(
        "importplan", str(DATA / "umibe_miyakojima_style.csv"), "--suggest-mapping"
    )
    mapping = Mapping.from_json(capsys.readouterr().out)
    assert mapping.header_rows == 2
    assert mapping.columns == {
        "number": "A",
        "name": "B",
        "policy": "C",
        "department": "D",
    }
    assert [(y.column, y.field) for y in mapping.years] == [
        ("E", "schedule"),
        ("F", "schedule"),
        ("G", "schedule"),
        ("H", "achievements"),
    ]
    assert not Plan.objects.exists()


def test_the_mapping_may_name_a_moved_column(tmp_path):
    """A column moved since the mapping was saved is found by its header."""
    rows = (
        (DATA / "hanazono_kaikaku_plan.csv")
        .read_bytes()
        .decode("utf-8-sig")
        .split("\r\n")
    )
    moved = []
    for line in rows:
        cells = line.split(",")
        moved.append(
            ",".join([cells[1], cells[0], *cells[2:]]) if len(cells) >= 5 else line
        )
    path = tmp_path / "hanazono_moved.csv"
    path.write_bytes("\r\n".join(moved).encode("utf-8-sig"))
    shutil.copy(mapping_path("hanazono_kaikaku_plan"), tmp_path / "m.json")
    import_table(path, tmp_path / "m.json")
    assert Program.objects.get(number=1).name == "窓口サービスの向上"
