"""Check that the open-data CSV files open with the right characters in a real
spreadsheet: each is converted by `libreoffice --headless --convert-to xlsx` and
the result is read back. Not a test (LibreOffice is ~300 MB: Debian
`libreoffice-calc`); run by hand:

    .venv/bin/python bench/check_csv_libreoffice.py            # from the seed
    .venv/bin/python bench/check_csv_libreoffice.py --url http://127.0.0.1:8000/132110/plans/2021-2024/editions/1/download/

Prints one line per file and exits non-zero when a character is lost.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# (file, LibreOffice CSV import options or None to let it detect, rows of labels)
FILES = [
    # Excel opens a BOM file as UTF-8 by itself; LibreOffice is told the same.
    ("records.csv", "44,34,76,1", 2),
    ("records-utf8.csv", "44,34,76,1", 1),
    ("records-sjis.csv", "44,34,64,1", 2),  # 64 = Shift_JIS
]
EXPECTED = [
    "全国地方公共団体コード",
    "小平市",
    "文書の電子化・ペーパーレス化",
    "令和4年度末での電子決裁率73.7%。",
    "働き方改革の推進・DXの推進(テレワーク体制の整備)",
    "令和4年度",
]


def files_from_seed(dest: Path) -> None:
    """Import the seed into a throw-away SQLite database and write the files."""
    data_dir = Path(tempfile.mkdtemp(prefix="shinchoku-csv-"))
    os.environ.update(
        SHINCHOKU_DATA_DIR=str(data_dir),
        DATABASE_URL=f"sqlite:///{data_dir / 'db.sqlite3'}",
        DJANGO_SETTINGS_MODULE="shinchoku.config.settings.base",
    )
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from shinchoku.imports.services import import_file
    from shinchoku.portal import opendata, selectors

    call_command("migrate", verbosity=0)
    plan = import_file(settings.SHINCHOKU_SEED_FILE).plan
    pe = selectors.edition_get(code=plan.municipality.code, slug=plan.slug)
    for name, _, _ in FILES:
        (dest / name).write_bytes(opendata.render(pe, name, licence=""))


def files_from_url(base: str, dest: Path) -> None:
    for name, _, _ in FILES:
        with urllib.request.urlopen(base.rstrip("/") + "/" + name) as response:
            (dest / name).write_bytes(response.read())


def convert(path: Path, options: str, outdir: Path) -> Path:
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            shutil.which("libreoffice") or "libreoffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            f"--infilter=CSV:{options}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(outdir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return outdir / (path.stem + ".xlsx")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="download base URL of an edition")
    args = parser.parse_args()
    if not shutil.which("libreoffice"):
        print("libreoffice is missing: apt-get install libreoffice-calc")
        return 2
    from openpyxl import load_workbook

    work = Path(tempfile.mkdtemp(prefix="shinchoku-lo-"))
    if args.url:
        files_from_url(args.url, work)
    else:
        files_from_seed(work)
    failures = 0
    for name, options, label_rows in FILES:
        started = time.perf_counter()
        xlsx = convert(work / name, options, work)
        ws = load_workbook(xlsx).active
        cells = {str(c) for row in ws.iter_rows(values_only=True) for c in row if c}
        header = [c.value for c in ws[1]]
        missing = [text for text in EXPECTED if text not in cells]
        if label_rows == 1:  # no Japanese label row in the machine file
            missing = [m for m in missing if m != "全国地方公共団体コード"]
        ok = not missing and header[0] == "municipality_code"
        failures += not ok
        print(
            f"{name:18} {'ok' if ok else 'FAILED'}: {ws.max_row} rows, "
            f"{ws.max_column} columns, {time.perf_counter() - started:.1f} s"
            + (f"; missing {missing}" if missing else "")
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
