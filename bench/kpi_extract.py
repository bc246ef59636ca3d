"""Time the KPI extractor on the seed report, next to merely reading and
splitting it.

    .venv/bin/python bench/kpi_extract.py [-n RUNS] [SEED]

No Django needed. The seed is read by the importer's parser (through
tests/plans/kpi_seed.py, as the extractor's tests do), so the two agree.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.plans.kpi_seed import SEED, parse_seed  # noqa: E402

from shinchoku.plans.kpi_extract import clear_caches, extract_indicators  # noqa: E402


def timings(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", nargs="?", type=Path, default=SEED)
    parser.add_argument("-n", "--runs", type=int, default=200)
    args = parser.parse_args(argv)

    def read_and_split() -> object:
        return parse_seed(args.seed.read_text(encoding="utf-8"))

    seed = parse_seed(args.seed.read_text(encoding="utf-8"))

    def extract() -> list[list[object]]:
        clear_caches()  # cold: a real import sees every bullet once
        return [
            extract_indicators(p, seed.plan_first_fy, seed.plan_last_fy)
            for p in seed.programs
        ]

    found = sum(len(x) for x in extract())  # first run, outside the timings
    split = timings(read_and_split, args.runs)
    run = timings(extract, args.runs)
    size = args.seed.stat().st_size
    print(f"seed: {args.seed.name}, {size:,} bytes, {len(seed.programs)} programs,")
    print(f"      {found} candidate indicators; {args.runs} runs each")
    for label, values in (("read + split", split), ("extract KPIs", run)):
        best, median = min(values), statistics.median(values)
        print(f"{label:>13}: best {best * 1e3:7.3f} ms, median {median * 1e3:7.3f} ms")
    ratio_best = min(run) / min(split)
    ratio_median = statistics.median(run) / statistics.median(split)
    print(f"{'ratio':>13}: best {ratio_best:7.2f} x,  median {ratio_median:7.2f} x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
