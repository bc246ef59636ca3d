"""Time the KPI extractors: the seed report's (next to merely reading and
splitting it) and the statement extractor on the corpus of other municipalities'
statements (next to reading the corpus and NFKC-normalising every statement, a
pass over the same characters that any reader of the text makes).

    .venv/bin/python bench/kpi_extract.py [-n RUNS] [SEED]

No Django needed. The seed is read by the importer's parser (through
tests/plans/kpi_seed.py, as the extractor's tests do), so the two agree.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.plans.kpi_corpus import DEV, HELDOUT  # noqa: E402
from tests.plans.kpi_seed import SEED, parse_seed  # noqa: E402

from shinchoku.plans.kpi_extract import clear_caches, extract_indicators  # noqa: E402
from shinchoku.plans.kpi_statements import extract_statement  # noqa: E402


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
    _corpus(max(5, args.runs // 10))
    return 0


def _corpus(runs: int) -> None:
    def read() -> list[str]:
        lines = []
        for path in (DEV, HELDOUT):
            for line in path.read_text(encoding="utf-8").splitlines():
                lines.append(json.loads(line)["text"])
        return lines

    statements = read()

    def read_and_normalize() -> object:
        return [unicodedata.normalize("NFKC", t) for t in read()]

    def extract() -> object:
        return [extract_statement(t) for t in read()]

    found = sum(len(x) for x in extract())  # type: ignore[arg-type]
    anchor = timings(read_and_normalize, runs)
    run = timings(extract, runs)
    chars = sum(len(t) for t in statements)
    print(
        f"corpus: {len(statements)} statements, {chars:,} characters, {found} indicators; {runs} runs each"
    )
    for label, values in (("read + NFKC", anchor), ("extract", run)):
        best, median = min(values), statistics.median(values)
        print(f"{label:>13}: best {best * 1e3:7.3f} ms, median {median * 1e3:7.3f} ms")
    per = min(run) / len(statements) * 1e6
    print(f"{'per statement':>13}: best {per:7.1f} µs")
    ratio_best = min(run) / min(anchor)
    ratio_median = statistics.median(run) / statistics.median(anchor)
    print(f"{'ratio':>13}: best {ratio_best:7.2f} x,  median {ratio_median:7.2f} x")


if __name__ == "__main__":
    raise SystemExit(main())
