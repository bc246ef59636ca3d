"""A learned labeller against the hand rules on statements they were not written
for (issue #15: "a learned sequence labeller on this corpus … measured the same
way"; docs/kpi_extraction.md has the decision).

    python bench/kpi_learned.py [--threshold 0.5 …]

The labeller is a linear-chain CRF (python-crfsuite) over the values of a
statement — the numbers the rules' own reader (`kpi_text.quantities`, `is_value`)
takes for values — labelling each one T (the target), B (the baseline), S (a
staged target) or O, from the characters and words around it, its unit and
magnitude, the years next to it, its place among the statement's values and
words of the whole statement (目標, 実績, 推計, →, |…). Its training labels come
from the corpus: a value equal to a labelled target is T, and so on.

python-crfsuite is not a dependency of the project: install it to run this
script (`pip install python-crfsuite==0.9.12`, into the project's venv or a
throwaway one, with PYTHONPATH=src).

Two measures, on the DEV split only (the held-out split is never read here):

* values, 5-fold cross-validation by government (a government's statements are
  all in one fold): precision and recall of T and B per value;
* statements, the honest one: rounds 6-9 of the corpus were each scored before
  any rule was written for them, at a commit this script extracts again
  (`git archive`). For each of those rounds, the CRF is trained on the rounds
  before it only and the hybrid "the rules of that commit, and where they read
  nothing, the CRF's targets with a marginal probability ≥ threshold (named by
  the rules' `name_before`)" is scored with tests/plans/kpi_corpus.py against
  the rules alone. `--values` also counts, per threshold, the CRF's targets on
  values those rules did not read, and how many of them are right.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.plans.kpi_corpus import DEV, load, score  # noqa: E402

from shinchoku.plans import kpi_text  # noqa: E402
from shinchoku.plans.kpi_statements.context import Ctx, name_before  # noqa: E402
from shinchoku.plans.kpi_statements.extract import statement_values  # noqa: E402
from shinchoku.plans.kpi_statements.found import Found  # noqa: E402

# Each fresh round: its first id, the next round's, the commit it was first
# scored on, before any rule was written for it (tests/data/README.md).
ROUNDS = {
    6: (900, 1000, "0cdb1c4"),
    7: (1000, 1100, "6ecc4cc"),
    8: (1100, 1200, "7b0ce2f"),
    9: (1200, 1300, "ad3701f"),
}

LEFT_WORDS = (
    "目標 現状 基準 実績 策定時 現在 → ⇒ ~ | 年度 年 まで を は が : ( 時点 末 比 "
    "うち 計画 見込 推計 平均 最新 前 当初 累計 毎年 までに"
).split()
RIGHT_WORDS = (
    "以上 以下 未満 超 維持 目指 とする とします 削減 増加 減少 増 減 ( 年 達成 見込 "
    "推計 となっ であ にする に を → ⇒ | 程度 まで へ から の 抑制 向上 確保 目標 した "
    "しました と 、 。"
).split()
LINE_WORDS = (
    "目標 実績 推計 見込 → | 現状 基準 目指 とする 達成 KPI 指標 となっ でした ました "
    "予定 計画"
).split()


def values_of(text: str) -> tuple[kpi_text.Mapped, list[kpi_text.Quantity], list]:
    """The statement's values, as `extract_statement` reads them."""
    mapped = kpi_text.normalize(text[:2000])
    values, years = statement_values(mapped.text)
    return mapped, values, years


def _magnitude(v: float) -> str:
    a = abs(v)
    for bound, name in ((0, "0"), (1, "<1"), (10, "<10"), (100, "<100"), (1e3, "<1k")):
        if a <= bound if bound == 0 else a < bound:
            return name
    return "<100k" if a < 1e5 else "big"


def features(norm: str, values: list[kpi_text.Quantity], years: list) -> list[dict]:
    line = {f"line:{w}": 1.0 for w in LINE_WORDS if w in norm}
    out = []
    n = len(values)
    for i, q in enumerate(values):
        left, right = norm[max(0, q.start - 14) : q.start], norm[q.end : q.end + 12]
        ls, rs = left.replace(" ", ""), right.replace(" ", "")
        f = dict(line)
        f.update(
            {
                "bias": 1.0,
                f"unit={q.unit or '-'}": 1.0,
                f"mag={_magnitude(q.value)}": 1.0,
                "negative": float(q.negative),
                "per_year": float(q.per_year),
                f"n={min(n, 5)}": 1.0,
                f"pos={min(i, 4)}": 1.0,
                f"rpos={min(n - 1 - i, 4)}": 1.0,
            }
        )
        for k in (1, 2, 3):
            f[f"L{k}={ls[-k:]}"] = 1.0
            f[f"R{k}={rs[:k]}"] = 1.0
        for j in range(max(0, len(ls) - 8), len(ls) - 1):
            f[f"lb:{ls[j : j + 2]}"] = 1.0
        for j in range(0, min(len(rs), 8) - 1):
            f[f"rb:{rs[j : j + 2]}"] = 1.0
        f.update({f"l:{w}": 1.0 for w in LEFT_WORDS if w in left})
        f.update({f"ll:{w}": 1.0 for w in LEFT_WORDS if w in ls[-5:]})
        f.update({f"r:{w}": 1.0 for w in RIGHT_WORDS if w in right})
        f.update({f"rr:{w}": 1.0 for w in RIGHT_WORDS if rs.startswith(w)})
        f["year_before"] = float(any(0 <= q.start - e <= 3 for _s, e, _y in years))
        f["year_after"] = float(any(0 <= s - q.end <= 3 for s, _e, _y in years))
        between = norm[values[i - 1].end if i else 0 : q.start]
        f[f"gap={min(len(between) // 4, 5)}"] = 1.0
        f["gap_words"] = float(bool(re.search(r"[\u4e00-\u9fff]{2}", between)))
        if i:
            f["unit_as_previous"] = float(values[i - 1].unit == q.unit)
        out.append(f)
    return out


def _equal(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def labels_of(values: list[kpi_text.Quantity], indicators: list[dict]) -> list[str]:
    tags = ["O"] * len(values)

    def mark(want: float | None, tag: str) -> None:
        for i, q in enumerate(values):
            if tags[i] == "O" and _equal(q.value, want):
                tags[i] = tag
                return

    for ind in indicators:
        mark(ind.get("target"), "T")
        mark(ind.get("baseline"), "B")
        for v in (ind.get("targets") or {}).values():
            mark(v, "S")
    return tags


def train(rows: list[dict[str, Any]], path: str) -> Any:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for r in rows:
        mapped, values, years = values_of(r["text"])
        if values:
            trainer.append(
                features(mapped.text, values, years),
                labels_of(values, r["indicators"]),
            )
    trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 200})
    trainer.train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def crf_indicators(tagger: Any, text: str, threshold: float) -> list[dict]:
    """The CRF's targets (marginal ≥ threshold), each with the baseline tagged
    before it, named by the rules' `name_before`."""
    mapped, values, years = values_of(text)
    if not values:
        return []
    tagger.set(features(mapped.text, values, years))
    tags = tagger.tag()
    ctx = Ctx(mapped, mapped.text, values, years, None, None)
    out = []
    for i, q in enumerate(values):
        if tags[i] != "T" or tagger.marginal("T", i) < threshold:
            continue
        base = next(
            (
                values[j]
                for j in range(i - 1, -1, -1)
                if tags[j] == "B" and tagger.marginal("B", j) >= threshold
            ),
            None,
        )
        first = base or q
        floor = max(
            (
                v.end
                for j, v in enumerate(values)
                if v.start < first.start and tags[j] != "O"
            ),
            default=0,
        )
        named = name_before(ctx, first.start, floor)
        if named is None:
            continue
        f = Found(name=named[0], unit=q.unit, target=q.value)
        f.baseline = base.value if base else None
        out.append(f.to_dict())
    return out


def old_rules(commit: str, rows: list[dict[str, Any]]) -> dict[str, list[dict]]:
    """The statements' indicators as the rules at `commit` read them."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "src"],
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        code = (
            "import json,sys\n"
            "from shinchoku.plans.kpi_statements import extract_statement\n"
            "rows=json.load(sys.stdin)\n"
            "print(json.dumps({r['id']:[f.to_dict() for f in extract_statement(r['text'])]"
            " for r in rows}))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code],
            input=json.dumps(rows),
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": f"{tmp}/src", "PATH": "/usr/bin:/bin"},
        )
    return json.loads(done.stdout)


def cross_validate(rows: list[dict[str, Any]], folds: int = 5) -> None:
    governments = sorted({r["municipality"] for r in rows})
    random.Random(1).shuffle(governments)
    counts: Counter[tuple[str, str]] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            held = set(governments[k::folds])
            tagger = train(
                [r for r in rows if r["municipality"] not in held], f"{tmp}/m"
            )
            for r in rows:
                if r["municipality"] not in held:
                    continue
                mapped, values, years = values_of(r["text"])
                if values:
                    gold = labels_of(values, r["indicators"])
                    tagger.set(features(mapped.text, values, years))
                    counts.update(zip(gold, tagger.tag(), strict=True))
    print("values, 5-fold cross-validation by government (dev):")
    for tag in "TB":
        right = counts[(tag, tag)]
        got = sum(v for (_g, p), v in counts.items() if p == tag)
        want = sum(v for (g, _p), v in counts.items() if g == tag)
        print(
            f"  {tag}  precision {right / got:.3f}  recall {right / want:.3f}  {right}/{got}/{want}"
        )


def _line(label: str, s: Any) -> str:
    t, b = s.tallies["target"], s.tallies["baseline"]
    return (
        f"  {label:<22} target {t.precision:.3f} / {t.recall:.3f} ({t.right}/{t.extracted}/{t.labelled})"
        f"   baseline {b.precision:.3f} / {b.recall:.3f} ({b.right}/{b.extracted}/{b.labelled})"
    )


def _variants(
    commit: str,
    rules: dict[str, list[dict]],
    test: list[dict[str, Any]],
    tagger: Any,
    thresholds: list[float],
) -> dict[str, Callable[[str], list[dict]]]:
    by_text = {r["text"]: r["id"] for r in test}

    def ruled(text: str) -> list[dict]:
        return rules[by_text[text]]

    out: dict[str, Callable[[str], list[dict]]] = {f"rules at {commit}": ruled}
    for th in thresholds:
        out[f"CRF ≥{th}"] = lambda t, th=th: crf_indicators(tagger, t, th)
        out[f"rules, else CRF ≥{th}"] = lambda t, th=th: (
            ruled(t) or crf_indicators(tagger, t, th)
        )
    return out


def fresh_rounds(
    rows: list[dict[str, Any]], thresholds: list[float], per_value: bool
) -> None:
    print(
        "fresh rounds, scored as first measured (rules of that commit) and with the CRF:"
    )
    totals: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for number, (low, high, commit) in ROUNDS.items():
            test = [r for r in rows if low <= int(r["id"][1:]) < high]
            rules = old_rules(commit, test)
            tagger = train([r for r in rows if int(r["id"][1:]) < low], f"{tmp}/m")
            variants = _variants(commit, rules, test, tagger, thresholds)
            print(f" round {number} ({len(test)} statements)")
            for label, fn in variants.items():
                s = score(test, fn)
                print(_line(label, s))
                total = totals.setdefault(
                    label.replace(commit, "each round's commit"), Counter()
                )
                for field in ("target", "baseline"):
                    x = s.tallies[field]
                    total.update(
                        {
                            f"{field}.right": x.right,
                            f"{field}.extracted": x.extracted,
                            f"{field}.labelled": x.labelled,
                        }
                    )
            if per_value:
                _new_values(tagger, test, rules, thresholds)
    print(" rounds 6-9 together")
    for label, c in totals.items():
        t = (c["target.right"], c["target.extracted"], c["target.labelled"])
        b = (c["baseline.right"], c["baseline.extracted"], c["baseline.labelled"])
        print(
            f"  {label:<30} target {t[0] / max(t[1], 1):.3f} / {t[0] / t[2]:.3f} ({t[0]}/{t[1]}/{t[2]})"
            f"   baseline {b[0] / max(b[1], 1):.3f} / {b[0] / b[2]:.3f} ({b[0]}/{b[1]}/{b[2]})"
        )


def _new_values(
    tagger: Any, test: list[dict], rules: dict, thresholds: list[float]
) -> None:
    """The CRF's targets on values the rules did not read: how many are right."""
    seen: list[tuple[float, bool]] = []
    for r in test:
        mapped, values, years = values_of(r["text"])
        if not values:
            continue
        tagger.set(features(mapped.text, values, years))
        gold = labels_of(values, r["indicators"])
        read = [g["target"] for g in rules[r["id"]]]
        for i, q in enumerate(values):
            if not any(_equal(q.value, v) for v in read):
                seen.append((tagger.marginal("T", i), gold[i] == "T"))
    for th in thresholds:
        chosen = [right for m, right in seen if m >= th]
        print(
            f"    values the rules did not read, CRF T ≥{th}: {sum(chosen)} right of {len(chosen)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, nargs="*", default=[0.5, 0.8, 0.95])
    parser.add_argument("--values", action="store_true", help="count per value too")
    args = parser.parse_args()
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        sys.exit(
            "python-crfsuite is not installed: pip install python-crfsuite==0.9.12"
        )
    rows = load(DEV)
    cross_validate(rows)
    fresh_rounds(rows, args.threshold, args.values)


if __name__ == "__main__":
    main()
