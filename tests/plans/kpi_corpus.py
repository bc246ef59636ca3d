"""Scoring the statement extractor against the hand-labelled corpus of other
municipalities' KPI statements (tests/data/kpi_corpus_*.jsonl, see the README
there for the labelling policy).

An extracted indicator matches a labelled one of the same statement when their
names are the same once normalised (NFKC, no spaces, no list markers, no
trailing parenthesis), or when one ends the other at a word boundary
('圏域全体での転入超過数' / '転入超過数') or begins it before 'の'. Each field is
then scored on the matched pairs: precision = right / extracted (non-empty),
recall = right / labelled (non-empty). The `indicator` row counts the matches
themselves; `target` and `baseline` are the goals of issue #15.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"
DEV = DATA / "kpi_corpus_dev.jsonl"
HELDOUT = DATA / "kpi_corpus_heldout.jsonl"

FIELDS = (
    "indicator",
    "target",
    "baseline",
    "unit",
    "comparator",
    "direction",
    "deadline_fy",
    "baseline_date",
    "targets",
    "per",
    "change",
)
_NOUN = re.compile(r"[\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9]")


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def norm_name(name: str) -> str:
    s = unicodedata.normalize("NFKC", name)
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"^(?:[■●○◆◇・]|\(\d+\)|\d+[.)]|目標\d*_)+", "", s)
    previous = None
    while previous != s:
        previous = s
        s = re.sub(r"\([^()]*\)$", "", s)
    return s


def same_name(a: str, b: str) -> bool:
    x, y = norm_name(a), norm_name(b)
    if not x or not y:
        return False
    if x == y:
        return True
    long, short = (x, y) if len(x) > len(y) else (y, x)
    if long.endswith(short) and not _NOUN.match(long[-len(short) - 1]):
        return True
    return long.startswith(short) and long[len(short) :].startswith("の")


def _num_equal(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def _field_equal(name: str, got: Any, want: Any) -> bool:
    if name in ("target", "baseline"):
        return _num_equal(got, want)
    if name == "targets":
        return (
            bool(got)
            and set(got) == set(want)
            and all(_num_equal(got[k], want[k]) for k in want)
        )
    if name == "unit":
        return got == want
    return got is not None and got == want


def _present(name: str, value: Any) -> bool:
    if name == "targets":
        return bool(value)
    if name == "change":
        return bool(value)
    if name == "unit":
        return value is not None
    return value is not None


@dataclass
class Tally:
    right: int = 0
    extracted: int = 0
    labelled: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0


@dataclass
class Score:
    tallies: dict[str, Tally] = field(
        default_factory=lambda: {f: Tally() for f in FIELDS}, repr=False
    )
    misses: list[str] = field(default_factory=list, repr=False)

    def table(self, title: str) -> str:
        lines = [
            f"{title}",
            f"  {'field':<14}{'precision':>10}{'recall':>10}   right/extracted/labelled",
        ]
        for name, t in self.tallies.items():
            lines.append(
                f"  {name:<14}{t.precision:>10.3f}{t.recall:>10.3f}   "
                f"{t.right}/{t.extracted}/{t.labelled}"
            )
        return "\n".join(lines)


def _pair(
    got: list[dict[str, Any]], want: list[dict[str, Any]]
) -> tuple[
    list[tuple[dict[str, Any], dict[str, Any]]],
    list[dict[str, Any]],
    list[dict[str, Any]],
]:
    """Match labelled to extracted indicators by name, preferring one whose target
    is the same when several share a name."""
    pairs = []
    left = list(got)
    unmatched_want = []
    for w in want:
        candidates = [g for g in left if same_name(g["name"], w["name"])]
        if not candidates:
            unmatched_want.append(w)
            continue
        best = next(
            (g for g in candidates if _num_equal(g.get("target"), w.get("target"))),
            candidates[0],
        )
        left.remove(best)
        pairs.append((best, w))
    return pairs, left, unmatched_want


def score(
    rows: Iterable[dict[str, Any]], extract: Callable[[str], list[dict[str, Any]]]
) -> Score:
    """`extract(text)` returns indicators as dicts with the label keys."""
    result = Score()
    t = result.tallies
    for row in rows:
        got = extract(row["text"])
        want = row["indicators"]
        pairs, extra, missed = _pair(got, want)
        t["indicator"].right += len(pairs)
        t["indicator"].extracted += len(got)
        t["indicator"].labelled += len(want)
        for name in FIELDS[1:]:
            t[name].extracted += sum(_present(name, g.get(name)) for g in got)
            t[name].labelled += sum(_present(name, w.get(name)) for w in want)
            t[name].right += sum(
                _present(name, w.get(name))
                and _field_equal(name, g.get(name), w.get(name))
                for g, w in pairs
            )
        for g in extra:
            result.misses.append(
                f"extra   {row['id']}: {g['name']} {g.get('target')}  | {row['text'][:70]}"
            )
        for w in missed:
            result.misses.append(
                f"missed  {row['id']}: {w['name']} {w.get('target')}  | {row['text'][:70]}"
            )
        for g, w in pairs:
            for name in ("target", "baseline"):
                if _present(name, w.get(name)) or _present(name, g.get(name)):
                    if not _field_equal(name, g.get(name), w.get(name)):
                        result.misses.append(
                            f"{name:<8}{row['id']}: {w['name']} got {g.get(name)} want {w.get(name)}"
                        )
    return result


def readings(text: str) -> list[tuple[Any, ...]]:
    """What the statement extractor reads from `text`, as (name, unit, target,
    baseline, deadline FY) per indicator: the fields the forms' tests compare."""
    from shinchoku.plans.kpi_statements import extract_statement

    return [
        (f.name, f.unit, f.target, f.baseline, f.deadline_fy)
        for f in extract_statement(text)
    ]
