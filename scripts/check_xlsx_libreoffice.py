#!/usr/bin/env python3
"""Check that LibreOffice prints an XLSX report completely, and time it.

LibreOffice converts the workbook to PDF (headless, with a throwaway user
profile so that no desktop profile is touched or locked), pdftotext extracts
the text, and every expected string must be found in it (white space ignored:
wrapping breaks lines anywhere in Japanese). Text clipped by a row too short
for it, or lost in a merge, is then reported as missing.

    python scripts/check_xlsx_libreoffice.py report.xlsx            # every cell line
    python scripts/check_xlsx_libreoffice.py report.xlsx 文書の電子化 ・電子決裁率85%を目指す。
    python scripts/check_xlsx_libreoffice.py --expected-file texts.txt report.xlsx
    python scripts/check_xlsx_libreoffice.py --sample               # the test report

As functions: ``check(xlsx_path, expected) -> seconds`` and
``check_report(report) -> seconds`` raise CheckError on failure.

Exit status: 0 all found, 1 text missing, 2 LibreOffice or poppler missing or
the conversion failed. Needs the Debian packages libreoffice-calc and
poppler-utils.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shinchoku.reports.model import Report

ROOT = Path(__file__).resolve().parent.parent
CONVERT_TIMEOUT = 180  # seconds; a first start with a fresh profile is slow
_WS = re.compile(r"\s+")


class CheckError(Exception):
    """The check failed; ``status`` is the exit status for the command line."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def squash(text: str) -> str:
    return _WS.sub("", text)


def _tool(*names: str, package: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise CheckError(
        f"{names[0]} not found; install the Debian package {package}", status=2
    )


def convert(xlsx_path: Path, outdir: Path) -> tuple[Path, float]:
    """Convert with LibreOffice; return the PDF path and the seconds it took."""
    office = _tool("libreoffice", "soffice", package="libreoffice-calc")
    with tempfile.TemporaryDirectory(prefix="shinchoku-lo-profile-") as profile:
        command = [
            office,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(xlsx_path),
        ]
        start = time.perf_counter()
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=CONVERT_TIMEOUT
            )
        except subprocess.TimeoutExpired:
            raise CheckError(
                f"LibreOffice did not convert {xlsx_path} within {CONVERT_TIMEOUT} s",
                status=2,
            ) from None
        seconds = time.perf_counter() - start
    pdf_path = outdir / f"{xlsx_path.stem}.pdf"
    # LibreOffice exits 0 even when it could not load the file: look for it.
    if done.returncode != 0 or not pdf_path.exists():
        raise CheckError(
            f"LibreOffice failed to convert {xlsx_path} (exit {done.returncode}):\n"
            f"{done.stdout}{done.stderr}",
            status=2,
        )
    return pdf_path, seconds


def pdf_text(pdf_path: Path) -> str:
    """The text in content-stream order (-raw): LibreOffice draws a table cell
    by cell, while the layout modes interleave lines of adjacent cells."""
    pdftotext = _tool("pdftotext", package="poppler-utils")
    done = subprocess.run(
        [pdftotext, "-raw", "-enc", "UTF-8", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if done.returncode != 0:
        raise CheckError(f"pdftotext failed on {pdf_path}: {done.stderr}", status=2)
    return done.stdout


def check(xlsx_path: str | os.PathLike[str], expected: list[str]) -> float:
    """Convert ``xlsx_path`` and check every expected string is printed.

    Returns the conversion time in seconds; raises CheckError listing what is
    missing.
    """
    xlsx_path = Path(xlsx_path)
    if not xlsx_path.is_file():
        raise CheckError(f"no such file: {xlsx_path}", status=2)
    with tempfile.TemporaryDirectory(prefix="shinchoku-lo-out-") as outdir:
        pdf_path, seconds = convert(xlsx_path, Path(outdir))
        text = squash(pdf_text(pdf_path))
    missing = [item for item in expected if squash(item) and squash(item) not in text]
    if missing:
        shown = "\n".join(f"  {item}" for item in missing[:20])
        more = f"\n  … and {len(missing) - 20} more" if len(missing) > 20 else ""
        raise CheckError(
            f"{len(missing)} of {len(expected)} expected strings are missing from "
            f"LibreOffice's PDF of {xlsx_path}:\n{shown}{more}"
        )
    return seconds


def expected_from_workbook(xlsx_path: str | os.PathLike[str]) -> list[str]:
    """Every line of every non-empty cell, in sheet order."""
    from openpyxl import load_workbook

    lines: list[str] = []
    workbook = load_workbook(xlsx_path, read_only=True)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if value is not None:
                    lines += [line for line in str(value).split("\n") if line.strip()]
    workbook.close()
    return lines


def expected_from_report(report: Report) -> list[str]:
    """Each program's number, name, note, schedule text and "・" bullet."""
    from shinchoku.common.text import BULLET

    texts: list[str] = [report.title]
    for row in report.rows():
        texts += [row.number_label, row.name, row.ended_note]
        texts += [cell.text for cell in row.schedule]
        for items in (
            row.policy_points,
            row.action_items,
            row.achievements,
            row.previous_plan,
            row.current_plan,
        ):
            texts += [BULLET + item for item in items]
    return [text for text in texts if text]


def check_report(report: Report) -> float:
    """Render ``report`` as XLSX and check LibreOffice prints all of it."""
    from shinchoku.reports.renderers import xlsx

    with tempfile.TemporaryDirectory(prefix="shinchoku-xlsx-") as tmp:
        path = Path(tmp) / "report.xlsx"
        path.write_bytes(xlsx.render(report))
        return check(path, expected_from_report(report))


def _sample_report() -> Report:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests" / "reports")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shinchoku.config.settings.test")
    import django

    django.setup()
    from report_samples import build_sample_report

    return build_sample_report()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("xlsx", nargs="?", help="the workbook to check")
    parser.add_argument("expected", nargs="*", help="strings that must be printed")
    parser.add_argument(
        "--expected-file", type=Path, help="a file of expected strings, one a line"
    )
    parser.add_argument(
        "--sample",
        action="store_true",
        help="render and check the hand-built report of tests/reports",
    )
    args = parser.parse_args(argv)
    try:
        if args.sample:
            report = _sample_report()
            seconds = check_report(report)
            count = len(expected_from_report(report))
            target = "the sample report"
        else:
            if not args.xlsx:
                parser.error("give an XLSX file, or --sample")
            if not Path(args.xlsx).is_file():
                raise CheckError(f"no such file: {args.xlsx}", status=2)
            expected = list(args.expected)
            if args.expected_file:
                text = args.expected_file.read_text(encoding="utf-8")
                expected += [line for line in text.splitlines() if line.strip()]
            if not expected:
                expected = expected_from_workbook(args.xlsx)
            seconds = check(args.xlsx, expected)
            count = len(expected)
            target = args.xlsx
    except CheckError as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return exc.status
    print(f"OK: {count} strings found in LibreOffice's PDF of {target}")
    print(f"LibreOffice conversion: {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
