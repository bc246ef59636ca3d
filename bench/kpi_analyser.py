"""Hand rules against a morphological analyser for KPI indicator names and units.

    .venv/bin/python bench/kpi_analyser.py [--analyser sudachi|fugashi|both]

For every labelled indicator of the corpus (tests/data/kpi_corpus_*.jsonl) whose
target the extractor finds, the phrase before the target (the same clause the
extractor took its name from) is named twice: by the extractor's hand rules,
and by the analyser's longest noun phrase ending the phrase (nouns, prefixes and suffixes, 'の' and '・' between nouns; leading
time expressions and labels dropped by part of speech). The unit is read twice
too: the hand unit table against the analyser's counter (助数詞/接尾辞) after the
number. Prints the share of names and units equal to the labels and the time.
The analysers are optional: a missing one is reported, not an error.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.plans.kpi_corpus import DEV, HELDOUT, load, same_name  # noqa: E402

from shinchoku.plans import kpi_statements as ks  # noqa: E402
from shinchoku.plans import kpi_text  # noqa: E402

_TIME_NOUNS = re.compile(
    r"^(?:令和|平成|昭和|年|年度|年間|末|月|日|時点|現在|計画|期間|目標|目標値|現状値|基準値)$"
)


def _sudachi():
    from sudachipy import dictionary, tokenizer

    tok = dictionary.Dictionary(dict="core").create()
    mode = tokenizer.Tokenizer.SplitMode.C

    def tokens(text: str) -> list[tuple[str, str, str]]:
        return [
            (m.surface(), m.part_of_speech()[0], m.part_of_speech()[2])
            for m in tok.tokenize(text, mode)
        ]

    return tokens


def _fugashi():
    import fugashi

    tagger = fugashi.Tagger()

    def tokens(text: str) -> list[tuple[str, str, str]]:
        return [(w.surface, w.feature.pos1, w.feature.pos3 or "") for w in tagger(text)]

    return tokens


def analyser_name(tokens: list[tuple[str, str, str]]) -> str:
    """The longest noun phrase ending the phrase, time words and labels dropped."""
    while tokens and tokens[-1][1] in ("助詞", "補助記号", "空白", "助動詞"):
        tokens = tokens[:-1]
    out: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        surface, pos, _ = tokens[i]
        noun = pos in ("名詞", "接尾辞", "接頭辞") and not re.fullmatch(
            r"[\d,.]+", surface
        )
        joiner = (
            surface in ("の", "・")
            and out
            and i > 0
            and tokens[i - 1][1] in ("名詞", "接尾辞")
        )
        if noun and _TIME_NOUNS.match(surface) and out:
            break
        if noun or joiner:
            out.insert(0, surface)
            continue
        break
    while out and out[0] in ("の", "・"):
        out.pop(0)
    return "".join(out)


def analyser_unit(tokens: list[tuple[str, str, str]]) -> str:
    for surface, pos, detail in tokens[:3]:
        if re.fullmatch(r"[\d,.億万千百]+", surface):
            continue
        if pos == "接尾辞" or "助数詞" in detail or surface in ("%", "‰", "パーセント"):
            return surface
        break
    return ""


def _phrase(found: ks.Found, raw: str) -> tuple[str, str]:
    """The words the extractor read the name from (its name span, before the hand
    rules cleaned them), and the text after the target."""
    a, b = found.spans["name"]
    t = found.spans["target"][0] if "target" in found.spans else found.spans["name"][1]
    return kpi_text.normalize(raw[a:b]).text, kpi_text.normalize(raw[t:]).text


def _cases(rows: list[dict]) -> tuple[list[tuple[str, dict, ks.Found]], float]:
    cases = []
    t0 = time.perf_counter()
    for row in rows:
        found = ks.extract_statement(row["text"])
        for want in row["indicators"]:
            got = next(
                (
                    f
                    for f in found
                    if f.target is not None
                    and want["target"] is not None
                    and abs(f.target - want["target"]) < 1e-6
                    and "name" in f.spans
                ),
                None,
            )
            if got is not None:
                cases.append((row["text"], want, got))
    return cases, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--analyser", default="both", choices=["sudachi", "fugashi", "both"]
    )
    args = parser.parse_args(argv)
    makers = {"sudachi": _sudachi, "fugashi": _fugashi}
    analysers = {}
    for key in ["sudachi", "fugashi"] if args.analyser == "both" else [args.analyser]:
        try:
            t0 = time.perf_counter()
            analysers[key] = (makers[key](), time.perf_counter() - t0)
        except ImportError as exc:
            print(f"{key}: not installed ({exc})")
    labels = {"sudachi": "SudachiPy core (C)", "fugashi": "fugashi unidic-lite"}
    for split, path in (("dev", DEV), ("held-out", HELDOUT)):
        rows = load(path)
        cases, hand_time = _cases(rows)
        n = len(cases)
        print(f"\n{split}: {n} indicators whose target the extractor finds")
        print(
            f"  {'method':<22}{'names':>8}{'units':>8}{'load':>9}{'per statement':>16}"
        )
        hand_names = sum(same_name(g.name, w["name"]) for _, w, g in cases)
        hand_units = sum(g.unit == w["unit"] for _, w, g in cases)
        print(
            f"  {'hand rules':<22}{hand_names / n:>8.3f}{hand_units / n:>8.3f}{0:>8.2f}s"
            f"{hand_time / len(rows) * 1e3:>13.3f} ms (whole extraction)"
        )
        for key, (tokens, load_time) in analysers.items():
            t0 = time.perf_counter()
            names = units = 0
            for raw, want, got in cases:
                phrase, after = _phrase(got, raw)
                names += same_name(analyser_name(tokens(phrase)), want["name"])
                unit = analyser_unit(tokens(after[:12]))
                units += kpi_text._FORM_TO_UNIT.get(unit, unit) == want["unit"]  # noqa: SLF001
            spent = time.perf_counter() - t0
            print(
                f"  {labels[key]:<22}{names / n:>8.3f}{units / n:>8.3f}{load_time:>8.2f}s"
                f"{spent / len(rows) * 1e3:>13.3f} ms (tokenizing only)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
