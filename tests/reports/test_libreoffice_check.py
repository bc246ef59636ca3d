"""scripts/check_xlsx_libreoffice.py: the XLSX printed by LibreOffice."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from shinchoku.reports.model import Report
from shinchoku.reports.renderers import xlsx

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_xlsx_libreoffice.py"
needs_libreoffice = pytest.mark.skipif(
    not (shutil.which("libreoffice") and shutil.which("pdftotext")),
    reason="needs libreoffice-calc and poppler-utils",
)


@pytest.fixture(scope="module")
def checker():
    spec = importlib.util.spec_from_file_location("check_xlsx_libreoffice", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_expected_strings_from_report(checker, sample_report: Report) -> None:
    expected = checker.expected_from_report(sample_report)
    assert expected[0] == sample_report.title
    assert "文書の電子化・ペーパーレス化" in expected
    assert "・電子決裁率85%を目指す。" in expected
    assert "※令和4年度までをもって終了" in expected
    assert "" not in expected


def test_missing_file_is_an_environment_error(checker, tmp_path: Path) -> None:
    assert checker.main([str(tmp_path / "none.xlsx")]) == 2


@needs_libreoffice
def test_libreoffice_prints_every_text(checker, sample_report: Report, tmp_path):
    path = tmp_path / "report.xlsx"
    path.write_bytes(xlsx.render(sample_report))
    expected = checker.expected_from_report(sample_report)
    bogus = "この文字列は表にない"
    # One conversion for both sides: everything expected is found, and the
    # one string that is not in the table is reported.
    with pytest.raises(checker.CheckError) as raised:
        checker.check(path, [*expected, bogus])
    message = str(raised.value)
    assert f"1 of {len(expected) + 1} expected strings are missing" in message
    assert message.rstrip().endswith(bogus)
