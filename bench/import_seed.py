"""Import time of the seed, in process, after Django start-up.

Prints, from one run: the time to merely read and split the file (the floor any
importer pays), the time to parse it into a ParsedPlan, and the time of a full
import into an empty SQLite database (parse + one transaction of writes, with
history rows, the frozen edition and its search rows), plus the time of a
re-import that changes nothing. Goal: full import ≤ 50 ms, judged as timeit
does on the best of the runs; the median is printed beside it, and so is a fixed
pure-Python loop timed in the same run, which shows how much the machine's own
speed moved meanwhile (on the shared development VM, up to 2×).

    .venv/bin/python bench/import_seed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

# This checkout's code, not whichever copy of shinchoku the virtualenv installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def timed(fn, repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="Runs per figure.")
    args = parser.parse_args()

    os.environ["SHINCHOKU_DATA_DIR"] = tempfile.mkdtemp(prefix="shinchoku-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shinchoku.config.settings.base")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from shinchoku.config.startup import settle
    from shinchoku.imports.formats import seed_table
    from shinchoku.imports.services import import_file
    from shinchoku.plans.models import Municipality

    call_command("migrate", verbosity=0)
    settle()  # as the shinchoku command does once Django is set up
    path = settings.SHINCHOKU_SEED_FILE

    def read_split():
        with open(path, "rb") as fh:
            [line.split("\t") for line in fh.read().decode("utf-8").splitlines()]

    def parse():
        with open(path, "rb") as fh:
            seed_table.parse(fh.read(), source="seed")

    def full_import():
        Municipality.objects.all().delete()
        start = time.perf_counter()
        import_file(path)
        return time.perf_counter() - start

    def calibrate():
        sum(range(300_000))  # pure Python, no I/O: the machine's speed right now

    import_file(path)  # warm caches (templates of queries, imports)
    machine = timed(calibrate, args.repeat)
    split = timed(read_split, args.repeat)
    parsed = timed(parse, args.repeat)
    imports = [full_import() for _ in range(args.repeat)]
    reimports = timed(lambda: import_file(path), args.repeat)
    machine += timed(calibrate, args.repeat)

    def row(label: str, runs: list[float]) -> None:
        med = statistics.median(runs)
        ratio = min(runs) / min(split)
        print(
            f"{label:<34} best {min(runs) * 1000:8.2f} ms   median {med * 1000:8.2f} ms"
            f"   best ×{ratio:7.1f}"
        )

    print(
        f"seed: {path.name}, {args.repeat} runs each, SQLite, ratio against read+split"
    )
    row("read and split the file", split)
    row("parse (no database)", parsed)
    row("full import into an empty DB", imports)
    row("re-import (nothing changes)", reimports)
    spread = statistics.median(machine) / min(machine)
    print(
        f"machine: a fixed pure-Python loop took {min(machine) * 1000:.2f} ms at best, "
        f"{statistics.median(machine) * 1000:.2f} ms median (×{spread:.2f}) in this run"
    )
    # timeit's convention: the best of the runs is the code's cost; the others
    # add what the machine was doing meanwhile (on a shared VM, its speed).
    verdict = "meets" if min(imports) <= 0.050 else "MISSES"
    print(
        f"goal: full import ≤ 50 ms (best of {args.repeat}) → {verdict} the goal; "
        f"median {statistics.median(imports) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
