"""Committee report generation for the seed, measured in one run.

Prints: our PDF render time, our XLSX render time and the time openpyxl needs to
write the same cells unstyled (goal: XLSX ≤ 2× that), and LibreOffice's time to
convert our XLSX to PDF, which is what a city does today (goal: our PDF ≥ 10×
faster). LibreOffice (Debian libreoffice-calc) is optional: without it that line
says so. The LibreOffice run also checks every seed text is in its PDF.

    .venv/bin/python bench/report.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def interleaved(fns: dict, repeat: int) -> dict[str, list[float]]:
    """Run each function once in turn, `repeat` times: a slower or faster spell
    of the machine falls on all of them alike. Milliseconds per run."""
    runs: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            runs[name].append((time.perf_counter() - start) * 1000)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="Runs per figure.")
    args = parser.parse_args()
    os.environ["SHINCHOKU_DATA_DIR"] = tempfile.mkdtemp(prefix="shinchoku-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shinchoku.config.settings.base")
    os.environ.pop("DATABASE_URL", None)
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from openpyxl import Workbook, load_workbook

    from shinchoku.imports.services import import_file
    from shinchoku.reports import selectors
    from shinchoku.reports.renderers import pdf, xlsx

    call_command("migrate", verbosity=0)
    plan = import_file(settings.SHINCHOKU_SEED_FILE).plan
    report = selectors.edition_report(plan.editions.get())
    pdf.render(report)  # font registration happens once per process
    xlsx_bytes = xlsx.render(report)
    cells = [
        (c.row, c.column, c.value)
        for row in load_workbook(io.BytesIO(xlsx_bytes)).active.iter_rows()
        for c in row
        if c.value is not None
    ]

    def plain() -> None:
        wb = Workbook()
        ws = wb.active
        for r, c, v in cells:
            ws.cell(row=r, column=c, value=v)
        wb.save(io.BytesIO())

    runs = interleaved(
        {
            "pdf": lambda: pdf.render(report),
            "xlsx": lambda: xlsx.render(report),
            "plain": plain,
        },
        args.repeat,
    )
    best = {name: min(r) for name, r in runs.items()}
    med = {name: statistics.median(r) for name, r in runs.items()}
    t_pdf = med["pdf"]
    print(
        f"seed report: {len(report.rows())} programs, {len(cells)} cells; "
        f"{args.repeat} runs each, interleaved (best / median)"
    )
    print(
        f"  our PDF (ReportLab)               {best['pdf']:7.1f} / {med['pdf']:7.1f} ms"
    )
    print(
        f"  our XLSX (openpyxl, styled)       {best['xlsx']:7.1f} / {med['xlsx']:7.1f} ms"
    )
    print(
        f"  same cells unstyled (openpyxl)    {best['plain']:7.1f} / {med['plain']:7.1f} ms"
        f"   XLSX ratio ×{best['xlsx'] / best['plain']:.2f} best, "
        f"×{med['xlsx'] / med['plain']:.2f} median (goal ≤ 2)"
    )

    sys.path.insert(0, str(ROOT / "scripts"))
    from check_xlsx_libreoffice import CheckError, check
    from tests.reports.test_seed_report import expected_sequence

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.xlsx"
        path.write_bytes(xlsx_bytes)
        expected = expected_sequence(
            Path(settings.SHINCHOKU_SEED_FILE).read_text("utf-8")
        )
        try:
            seconds = check(path, expected)
        except CheckError as exc:
            print(f"  LibreOffice XLSX → PDF            not measured: {exc}")
            return
    t_lo = seconds * 1000
    print(
        f"  LibreOffice XLSX → PDF            {t_lo:9.1f} ms   our PDF (median) is "
        f"×{t_lo / t_pdf:.1f} faster (goal ≥ 10)"
    )
    print(f"  LibreOffice's PDF holds all {len(expected)} seed texts: yes")


if __name__ == "__main__":
    main()
