"""Parse time of the table formats (issue #14), in process, in one run.

The anchor is the seed's tab-separated text parsed by its own parser; every
other figure is the same plan (or one of tests/data/tables' layouts) read from
a table and turned into the plan document, printed as a ratio to the anchor:
the report XLSX (openpyxl), the report PDF and LibreOffice's PDF of the XLSX
(pdfplumber: every character placed, each cell's lines rebuilt), records.csv,
and the five layouts with their mappings. Parsing only: the database writes
are those of bench/import_seed.py for every format alike. Measured here: a
PDF costs about 1.2 s an A3 page, nine tenths of it pdfminer interpreting the
page's content stream (cProfile), not the cell rebuilding.

    .venv/bin/python bench/import_tables.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
LAYOUTS = ROOT / "tests" / "data" / "tables"


def best(fn, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return min(runs), statistics.median(runs)


def outputs(tmp: Path) -> dict[str, bytes]:
    """The seed's report (XLSX, PDF), LibreOffice's PDF and records.csv."""
    from django.core.management import call_command

    from shinchoku.imports.services import import_file
    from shinchoku.portal import opendata
    from shinchoku.portal import selectors as portal_selectors
    from shinchoku.reports import selectors
    from shinchoku.reports.renderers import render

    call_command("migrate", verbosity=0)
    plan = import_file(os.environ["SEED"]).plan
    report = selectors.edition_report(selectors.edition_resolve(plan, None))
    files = {"report.xlsx": render(report, "xlsx"), "report.pdf": render(report, "pdf")}
    public = portal_selectors.edition_get(code="132110", slug=plan.slug, number=1)
    files["records.csv"] = opendata.render(public, "records.csv", licence="CC BY 4.0")
    office = shutil.which("soffice")
    if office:
        (tmp / "report.xlsx").write_bytes(files["report.xlsx"])
        subprocess.run(
            [office, f"-env:UserInstallation={(tmp / 'p').as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(tmp), str(tmp / "report.xlsx")],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        files["libreoffice.pdf"] = (tmp / "report.pdf").read_bytes()
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="Runs per figure.")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="shinchoku-bench-tables-"))
    os.environ["SHINCHOKU_DATA_DIR"] = str(tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shinchoku.config.settings.base")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.conf import settings

    from shinchoku.imports import formats
    from shinchoku.imports.formats import ParseOptions, seed_table
    from shinchoku.imports.tabular import Mapping

    os.environ["SEED"] = str(settings.SHINCHOKU_SEED_FILE)
    seed = Path(settings.SHINCHOKU_SEED_FILE).read_bytes()
    files = outputs(tmp)
    words = ["導入・維持管理", "調査・検討", "実施・検証"]
    cases = {
        "report.xlsx": (files["report.xlsx"], ParseOptions()),
        "report.pdf": (files["report.pdf"], ParseOptions()),
        "records.csv": (
            files["records.csv"],
            ParseOptions(first_fy=2021, last_fy=2024),
        ),
    }
    if "libreoffice.pdf" in files:
        cases["libreoffice.pdf"] = (
            files["libreoffice.pdf"],
            ParseOptions(mapping=Mapping(joined_words=words)),
        )
    for mapping in sorted(LAYOUTS.glob("*.mapping.json")):
        data_file = next(
            p for p in LAYOUTS.glob(mapping.name.replace(".mapping.json", ".*"))
            if not p.name.endswith(".json")
        )  # fmt: skip
        cases[data_file.name] = (
            data_file.read_bytes(),
            ParseOptions(
                mapping=Mapping.from_json(mapping.read_text(encoding="utf-8"))
            ),
        )
    anchor, anchor_median = best(
        lambda: seed_table.parse(seed, source="seed.txt"), args.repeat
    )
    print(
        f"{'seed text (anchor)':32} {anchor * 1000:8.1f} ms  (median {anchor_median * 1000:.1f})"
    )
    for name, (data, options) in cases.items():
        low, median = best(
            lambda data=data, name=name, options=options: formats.parse(
                data, source=name, options=options
            ),
            args.repeat,
        )
        print(
            f"{name:32} {low * 1000:8.1f} ms  {low / anchor:6.1f}× the anchor"
            f"  (median {median * 1000:.1f})"
        )
    if "libreoffice.pdf" not in files:
        print("LibreOffice not installed: its PDF not measured")


if __name__ == "__main__":
    main()
