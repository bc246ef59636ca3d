"""`shinchoku extract-kpis FILE`: JSON in the interchange format's kpis shape,
one object per input line, a table for people, and clear errors for input that
is not lines of text."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from shinchoku import cli
from shinchoku.document.interchange import normalize_kpi

STATEMENTS = [
    "転入者数:1,210人(平成27年)→1,480人(令和2年)",
    "",
    "電子決裁率を4年間で90%以上とする(令和3年4月1日現在:62.3%)。",
    "令和5年度は前年度から30人増加し、412人となりました。",
    "令和9年の転出超過数 50人抑制",
]


def run(*args: str) -> str:
    out = StringIO()
    call_command("extract_kpis", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def statements(tmp_path: Path) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(STATEMENTS) + "\n", encoding="utf-8")
    return path


def test_json_has_one_object_per_line_in_the_kpis_shape(statements: Path) -> None:
    results = json.loads(
        run(str(statements), "--first-fy", "2021", "--last-fy", "2024")
    )
    assert [r["line"] for r in results] == [1, 2, 3, 4, 5]
    assert [r["text"] for r in results] == STATEMENTS
    assert [len(r["indicators"]) for r in results] == [1, 0, 1, 0, 1]
    moving, approval, outflow = (r["indicators"][0] for r in results if r["indicators"])
    assert (moving["name"], moving["unit"], moving["baseline"], moving["target"]) == (
        "転入者数",
        "人",
        1210,
        1480,
    )
    assert (moving["baseline_date"], moving["deadline_fy"], moving["direction"]) == (
        "2015-12-31",
        2020,
        "higher",
    )
    assert (approval["target"], approval["comparator"], approval["deadline_fy"]) == (
        90,
        "以上",
        2024,
    )
    assert (approval["baseline"], approval["baseline_date"]) == (62.3, "2021-04-01")
    # A change is a relative rule, not a level.
    assert (outflow["target"], outflow["relative"], outflow["direction"]) == (
        None,
        "50人削減",
        "lower",
    )
    for kpi in (moving, approval, outflow):
        assert set(kpi) >= {
            "name",
            "unit",
            "comparator",
            "direction",
            "target",
            "deadline_fy",
            "baseline",
            "baseline_date",
            "targets",
            "actuals",
        }
        shaped = normalize_kpi({k: v for k, v in kpi.items() if k != "evidence"})
        assert shaped["name"] == kpi["name"]  # the importer accepts it as it is
    # Evidence: the words each part came from, in the line as written.
    line = STATEMENTS[0]
    name, target = moving["evidence"]["name"], moving["evidence"]["target"]
    assert line[slice(*name)] == "転入者数" and line[slice(*target)] == "1,480人"


def test_table_is_for_people(statements: Path) -> None:
    table = run(str(statements), "--format", "table")
    lines = table.splitlines()
    assert lines[0].split() == [
        "line",
        "indicator",
        "unit",
        "baseline",
        "target",
        "deadline",
        "FY",
    ]
    assert any("転入者数" in row and "1,480" in row and "2020" in row for row in lines)
    assert any("電子決裁率" in row and "90 以上" in row for row in lines)


def test_table_says_when_nothing_is_found(tmp_path: Path) -> None:
    path = tmp_path / "none.txt"
    path.write_text("令和5年度は412人となりました。\n", encoding="utf-8")
    assert run(str(path), "--format", "table") == "no indicators found\n"


def test_shift_jis_and_stdin(statements: Path, tmp_path: Path) -> None:
    sjis = tmp_path / "sjis.txt"
    sjis.write_bytes(statements.read_text(encoding="utf-8").encode("cp932"))
    assert json.loads(run(str(sjis)))[0]["indicators"][0]["name"] == "転入者数"
    result = subprocess.run(
        [sys.executable, "-m", "shinchoku.cli", "extract-kpis", "-"],
        input=statements.read_bytes(),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert len(json.loads(result.stdout)) == len(STATEMENTS)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\n \n", "the file is empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary file"),
        (b"\x81\x20\x81\x7f" * 4, "not text in UTF-8 or Shift_JIS"),
    ],
)
def test_input_that_is_not_lines_of_text(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as info:
        run(str(path))
    assert str(path) in str(info.value)


def test_a_ten_megabyte_line_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("目標:" + "1,000人→" * 1_500_000 + "\n", encoding="utf-8")
    assert path.stat().st_size > 10_000_000
    started = time.monotonic()
    with pytest.raises(
        CommandError,
        match=r"huge.txt, line 1: 1[\d,]+ characters; a statement is at most 10,000",
    ):
        run(str(path))
    assert time.monotonic() - started < 30  # a sanity bound, not a benchmark


def test_missing_file_and_bad_years(tmp_path: Path, statements: Path) -> None:
    with pytest.raises(CommandError, match="cannot read it"):
        run(str(tmp_path / "missing.txt"))
    with pytest.raises(CommandError, match="--first-fy 2025 is after --last-fy 2024"):
        run(str(statements), "--first-fy", "2025", "--last-fy", "2024")
    with pytest.raises(CommandError, match="Western fiscal year"):
        run(str(statements), "--last-fy", "6")


def test_cli_lists_the_alias(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main([])
    assert "extract-kpis FILE" in capsys.readouterr().out
    assert cli.ALIASES["extract-kpis"] == "extract_kpis"
