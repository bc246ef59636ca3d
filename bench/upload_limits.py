"""The guarded XLSX opener against three hostile uploads, measured in one run.

For each file — a workbook with one value at XFD1048576, a zip whose shared
strings unpack to 1 GiB, a 20 MB upload — prints whether it was refused, the
time to refuse it and the growth of this process's resident memory meanwhile
(goal: refused with a message in under a second each, memory within 50 MB).
The anchor is openpyxl opening an ordinary department-sized workbook in the
same run. The files are made here (tests/common/hostile_xlsx.py), not stored.

    .venv/bin/python bench/upload_limits.py

This measures common.spreadsheets.open_xlsx alone; the workbook upload of the
update round is wired to it in phase 2 of issue #16.
"""

from __future__ import annotations

import gc
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    """Resident memory of this process now (not the peak), in MB."""
    with open(f"/proc/{os.getpid()}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure(fn) -> tuple[str, float, float]:
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    try:
        fn()
        outcome = "OPENED"
    except Exception as exc:  # noqa: BLE001 — the refusal is the result
        outcome = f"refused: {exc}"
    seconds = time.perf_counter() - start
    return outcome, seconds, rss_mb() - before


def main() -> None:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shinchoku.config.settings.base")
    import django

    django.setup()
    from django.utils import translation
    from openpyxl import Workbook
    from tests.common import hostile_xlsx

    from shinchoku.common.spreadsheets import open_xlsx

    translation.activate("en")
    ordinary = Workbook()
    for row in range(200):
        ordinary.active.append([row, "プログラム名", "・実績の一行目\n・二行目" * 5])
    buffer = io.BytesIO()
    ordinary.save(buffer)
    print("making the hostile files …", flush=True)
    files = {
        "ordinary workbook, 200 rows (anchor)": buffer.getvalue(),
        "value at XFD1048576": hostile_xlsx.far_cell("XFD1048576"),
        "1 GiB shared string": hostile_xlsx.shared_string_bomb(2**30),
        "20 MB upload": hostile_xlsx.oversized(20 * 2**20),
    }
    print(f"{'file':40} {'size':>9} {'time':>9} {'RSS +':>8}  outcome")
    worst_time, worst_rss = 0.0, 0.0
    for name, data in files.items():
        outcome, seconds, grown = measure(
            lambda data=data, name=name: open_xlsx(data, filename=name)
        )
        print(
            f"{name:40} {len(data) / 2**20:7.2f}MB {seconds * 1000:7.1f}ms "
            f"{grown:6.1f}MB  {outcome[:110]}"
        )
        if "anchor" not in name:
            worst_time = max(worst_time, seconds)
            worst_rss = max(worst_rss, grown)
            assert outcome.startswith("refused"), name
    print(
        f"slowest refusal {worst_time * 1000:.1f} ms (goal < 1000 ms); "
        f"largest memory growth {worst_rss:.1f} MB (goal < 50 MB)"
    )


if __name__ == "__main__":
    main()
