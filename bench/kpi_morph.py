"""Hand rules against a morphological analyser (SudachiPy + sudachidict-core, or
fugashi + unidic-lite) for KPI indicator names and units, on the DEV corpus only
(issue #15: "measure, then choose"; docs/kpi_extraction.md has the decision).

    python bench/kpi_morph.py [--analyser sudachi|fugashi|both] [--misses N]

The analysers are not dependencies of the project: install them in a throwaway
venv (the commands are in docs/kpi_extraction.md) and run this script with that
venv's python and PYTHONPATH=src. Without them only the rules are scored and the
script says which analyser is missing.

Variants, each scored with tests/plans/kpi_corpus.py (`score`: names matched by
`same_name`, fields scored on the matched pairs):

* rules: `extract_statement` as it is;
* morph@value: the rules find the statements' values; the analyser re-derives
  every indicator's name as the longest run of nouns, prefixes and suffixes
  ending before its target (its baseline when it has none), skipping back over
  particles, symbols, the colon, label words such as 目標値/現状値, quantities
  and time phrases such as 令和7年度まで; and its unit as the counter or noun
  right after the target number;
* morph@name-end: the same noun run, ending where the rules' name phrase ends
  (the rules choose the phrase, the analyser its boundary); the rules' unit;
* morph-in-rules: every `clean_name` call of the extractor answered by the
  analyser instead (the rules choose phrases and reject names as before);
* fallback (names): the rules' `clean_name` first, the analyser only when the
  rules' name is empty or rejected by `name_ok`; the unit read by the analyser
  only when the rules found none;
* fallback (indicators): the rules' indicators, plus morph-in-rules' for values
  no rule indicator read, with morph-in-rules' name where the rules' name does
  not end in a noun.

Each is scored on the rounds of dev apart (rounds 1-2 the rules were written
on; rounds 3 and 4 added before any rule was written for them, see
tests/plans/test_kpi_corpus.py) and on all dev. Also printed: names equal to the
label once normalised (not just `same_name`), the units right on the rules'
matched pairs, and the time per statement (best of five passes over dev). The
held-out split is never read here.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.plans.kpi_corpus import (  # noqa: E402
    DEV,
    Score,
    _pair,
    load,
    norm_name,
    score,
)

from shinchoku.plans import kpi_text  # noqa: E402
from shinchoku.plans.kpi_statements import Found, extract_statement  # noqa: E402
from shinchoku.plans.kpi_statements import names as rule_names  # noqa: E402

FIELDS = ("indicator", "target", "baseline", "unit")


@dataclass(frozen=True)
class Tok:
    surface: str
    pos: str  # 名詞, 接尾辞, 助詞…
    sub: str  # the subcategories joined: '普通名詞.助数詞可能'


Tokenize = Callable[[str], list[Tok]]


def sudachi() -> Tokenize:
    sp = importlib.import_module("sudachipy")
    tok = sp.Dictionary(dict="core").tokenizer(mode=sp.SplitMode.C)

    def tokens(text: str) -> list[Tok]:
        out = []
        for m in tok.tokenize(text):
            pos = m.part_of_speech()
            out.append(Tok(m.surface(), pos[0], f"{pos[1]}.{pos[2]}"))
        return out

    return tokens


def fugashi() -> Tokenize:
    tagger = importlib.import_module("fugashi").Tagger()  # unidic-lite

    def tokens(text: str) -> list[Tok]:
        out = []
        for w in tagger(text):
            f = w.feature
            if w.white_space:
                out.append(Tok(w.white_space, "空白", ""))
            out.append(Tok(w.surface, f.pos1, f"{f.pos2}.{f.pos3}"))
        return out

    return tokens


ANALYSERS = {
    "sudachi": ("SudachiPy 0.7.0 + sudachidict-core (mode C)", sudachi),
    "fugashi": ("fugashi 1.5.2 + unidic-lite 1.0.8", fugashi),
}

# ------------------------------------------------------------------- names

_DIGITS = re.compile(
    r"(?:[\d,.]+[兆億万千百]*)+|[兆億万千百]|[\u2460-\u2473\u2474-\u2487]"
)
_TIME = re.compile(
    r"(?:令和|平成|昭和|[RHS]|年|年度|年度末|末|時点|現在|月|日|か年|カ年|ヵ年|年間|頃|以降)"
)
_YEAR = re.compile(r"年|年度|年度末|か年|カ年|ヵ年|月")
# label words and the like, dropped at the end of the phrase (before the value)
_LABELS = frozenset(
    "目標 目標値 目標額 数値目標 最終目標 中間目標 現状 現状値 基準 基準値 実績 実績値 "
    "策定時 計画値 見込み 指標 KPI 累計 延べ 合計 約 概ね おおむね 毎年 毎年度 それぞれ "
    "最終 中間 値".split()
)
_LEAD = frozenset(
    "目標 目標値 現状値 基準値 実績値 数値目標 指標 KPI 成果指標 重要業績評価指標".split()
)
_DIRECTION = frozenset("上昇 向上 増加 減少 低下 抑制 削減 改善".split())
_NOUNISH = ("名詞", "接頭辞", "接尾辞")


def _is_number(t: Tok) -> bool:
    """A number, or a token the analyser made of a number and its counter
    ('2人' of '97.2人')."""
    return bool(_DIGITS.fullmatch(t.surface) or t.surface[:1].isdigit())


def _before(toks: list[Tok], i: int) -> int:
    """The index of the last token before index i that is not a space, or -1."""
    i -= 1
    while i >= 0 and toks[i].pos == "空白":
        i -= 1
    return i


def _counter(t: Tok) -> bool:
    return t.pos == "接尾辞" or "助数詞" in t.sub or t.surface in ("%", "‰")


def _droppable(toks: list[Tok], i: int) -> int:
    """How many tokens ending at index i-1 are not the name: a particle, a
    symbol, a space, a label word, a number with its counter, a time word, a
    parenthesised group, a direction word after 'の'. 0 when toks[i-1] may end
    a name."""
    t = toks[i - 1]
    if t.surface == ")":  # '(累計)', '(令和4年度)'
        for j in range(i - 2, -1, -1):
            if toks[j].surface == "(":
                return i - j
        return 1
    for k in (3, 2):
        if i >= k and "".join(x.surface for x in toks[i - k : i]) in _LABELS:
            return k
    b = _before(toks, i - 1)
    if t.pos in _NOUNISH and not _is_number(t) and b >= 0 and _is_number(toks[b]):
        return i - b  # a quantity: '36校', '1,500 人', '93団体'
    if i >= 2 and t.surface in _DIRECTION and toks[i - 2].surface == "の":
        return 2  # '…終了率の上昇'
    if t.pos in ("助詞", "補助記号", "記号", "空白", "助動詞", "接頭辞"):
        return 1
    if t.surface in _LABELS or _is_number(t) or _TIME.fullmatch(t.surface):
        return 1
    return 0


def _in_run(toks: list[Tok], j: int, end: int) -> int:
    """How many tokens ending at index j-1 belong to the noun run that goes on
    to `end`: a noun, prefix or suffix; an adjectival noun before a noun
    ('特殊', '新規'); '・' between nouns; a number with its counter inside the
    name ('30人学級', '1人1日当たり'), not a year ('2025年度転入者数')."""
    t = toks[j - 1]
    if _is_number(t):
        return 1 if j < end and t.surface[-1:].isalpha() else 0  # '1日当たり'
    if _YEAR.fullmatch(t.surface) and j > 1 and _is_number(toks[j - 2]):
        return 0
    if t.pos in _NOUNISH:
        if j > 1 and _counter(t) and _is_number(toks[j - 2]):
            return 2
        return 1
    if t.pos == "形状詞" and j < end:
        return 1
    if t.surface == "・" and j < end and j > 1 and toks[j - 2].pos in _NOUNISH:
        return 1
    return 0


def _quoted(toks: list[Tok], i: int) -> str | None:
    """The words between 「 and 」 when the phrase ends with a quotation."""
    if not i or toks[i - 1].surface != "」":
        return None
    for j in range(i - 2, max(-1, i - 30), -1):
        if toks[j].surface == "「":
            return "".join(t.surface for t in toks[j + 1 : i - 1])
    return None


def noun_run(toks: list[Tok]) -> str:
    """The longest run of nouns, prefixes and suffixes ending the phrase, once
    particles, symbols, labels and time phrases at its end are dropped."""
    i = len(toks)
    while i and toks[i - 1].surface != "」" and (k := _droppable(toks, i)):
        i -= k
    quoted = _quoted(toks, i)
    if quoted:
        return quoted
    while i and (k := _droppable(toks, i)):
        i -= k
    j = i
    while j and (k := _in_run(toks, j, i)):
        j -= k
    run = toks[j:i]
    while len(run) > 1:
        lead = next(
            (k for k in (3, 2, 1) if "".join(t.surface for t in run[:k]) in _LEAD),
            0,
        )
        if not lead or lead >= len(run):
            break
        run = run[lead:]
    return "".join(t.surface for t in run).strip("・")


def morph_name(tokens: Tokenize, phrase: str) -> str:
    phrase = phrase.strip()
    return noun_run(tokens(phrase)) if phrase else ""


# ------------------------------------------------------------------- units


def morph_unit(tokens: Tokenize, after: str) -> str:
    """The counter or noun right after the number that starts `after`, in the
    corpus's canonical units (円 → 千円, 割 → %, パーセント → %, 箇所 → か所)."""
    toks = [t for t in tokens(after[:24]) if t.pos != "空白"]
    i = 0
    while i < len(toks) and (
        _is_number(toks[i]) or toks[i].surface in ("▲", "△", "+", "-", "−", ".")
    ):
        i += 1
    if i == 0 or i >= len(toks):
        return ""
    t = toks[i]
    if t.surface in ("%", "‰"):
        return t.surface
    if not (_counter(t) or t.sub.startswith("普通名詞.一般")):
        return ""
    unit = t.surface
    for nxt in toks[i + 1 : i + 3]:
        if nxt.pos == "接尾辞" or (
            nxt.sub == "普通名詞.助数詞可能" and not _TIME.fullmatch(nxt.surface)
        ):
            unit += nxt.surface
        else:
            break
    unit = kpi_text._FORM_TO_UNIT.get(unit, unit)  # noqa: SLF001
    return {"割": "%"}.get(unit, unit)


# ---------------------------------------------------------------- variants

Extract = Callable[[str], list[dict[str, Any]]]


def rules(text: str) -> list[dict[str, Any]]:
    return [f.to_dict() for f in extract_statement(text)]


def _norm(text: str) -> str:
    return kpi_text.normalize(text).text


def at_value(tokens: Tokenize) -> Extract:
    def extract(text: str) -> list[dict[str, Any]]:
        out = []
        for f in extract_statement(text):
            value = f.spans.get("target") or f.spans.get("baseline")
            anchor = value[0] if value else f.spans.get("name", (0, 0))[1]
            name = morph_name(tokens, _norm(text[:anchor]))
            if not rule_names.name_ok(name):
                continue  # the rules' policy: no name, no indicator
            d = f.to_dict()
            d["name"] = name
            if "target" in f.spans:
                d["unit"] = morph_unit(tokens, _norm(text[f.spans["target"][0] :]))
            out.append(d)
        return out

    return extract


def at_name_end(tokens: Tokenize) -> Extract:
    def extract(text: str) -> list[dict[str, Any]]:
        out = []
        for f in extract_statement(text):
            d = f.to_dict()
            if "name" in f.spans:
                name = morph_name(tokens, _norm(text[: f.spans["name"][1]]))
                if not rule_names.name_ok(name):
                    continue
                d["name"] = name
            out.append(d)
        return out

    return extract


def _modules_with_clean_name() -> list[Any]:
    package = "shinchoku.plans.kpi_statements"
    mods = [importlib.import_module(package)]
    for path in sorted((ROOT / "src" / package.replace(".", "/")).glob("*.py")):
        mods.append(importlib.import_module(f"{package}.{path.stem}"))
    return [m for m in mods if hasattr(m, "clean_name")]


@contextmanager
def clean_name_as(fn: Callable[[str], str]) -> Iterator[None]:
    """Every module of the extractor calls `fn` for `clean_name` (bench only:
    the extractor's modules are not edited)."""
    mods = _modules_with_clean_name()
    saved = [m.clean_name for m in mods]
    for m in mods:
        m.clean_name = fn
    try:
        yield
    finally:
        for m, original in zip(mods, saved, strict=True):
            m.clean_name = original


def in_rules(tokens: Tokenize) -> Extract:
    def extract(text: str) -> list[dict[str, Any]]:
        with clean_name_as(lambda raw: morph_name(tokens, raw)):
            return rules(text)

    return extract


def fallback(tokens: Tokenize) -> Extract:
    original = rule_names.clean_name

    def clean(raw: str) -> str:
        name = original(raw)
        return name if rule_names.name_ok(name) else morph_name(tokens, raw)

    def extract(text: str) -> list[dict[str, Any]]:
        with clean_name_as(clean):
            found = extract_statement(text)
        out = []
        for f in found:
            d = f.to_dict()
            if not d["unit"] and "target" in f.spans:
                d["unit"] = morph_unit(tokens, _norm(text[f.spans["target"][0] :]))
            out.append(d)
        return out

    return extract


def _value_span(f: Found) -> tuple[int, int] | None:
    return f.spans.get("target") or f.spans.get("baseline")


def fallback_indicators(tokens: Tokenize) -> Extract:
    """The rules' indicators, plus those only the analyser names (a value the
    rules dropped because they found no acceptable name), plus the analyser's
    name for the same value where the rules' name does not end in a noun
    ('…とする', '経常収支比率※', '…「学校満足度」')."""

    def extract(text: str) -> list[dict[str, Any]]:
        ours = extract_statement(text)
        with clean_name_as(lambda raw: morph_name(tokens, raw)):
            theirs = {_value_span(f): f for f in extract_statement(text)}
        out = []
        for f in ours:
            d = f.to_dict()
            toks = tokens(re.sub(r"\([^()]*\)$", "", f.name))  # '…(累計)'
            other = theirs.get(_value_span(f))
            ends_in_noun = bool(toks) and toks[-1].pos in _NOUNISH
            if other and other.name and not ends_in_noun:
                d["name"] = other.name
            out.append(d)
        seen = {_value_span(f) for f in ours}
        values = {f.target for f in ours} | {f.baseline for f in ours}
        return out + [
            f.to_dict()
            for span, f in theirs.items()
            if span not in seen and f.target not in values  # not read twice
        ]

    return extract


# ----------------------------------------------------------------- scoring


def exact_names(rows: list[dict[str, Any]], extract: Extract) -> tuple[int, int]:
    """Matched pairs whose names are equal once normalised, and all pairs."""
    equal = pairs = 0
    for row in rows:
        matched, _, _ = _pair(extract(row["text"]), row["indicators"])
        pairs += len(matched)
        equal += sum(norm_name(g["name"]) == norm_name(w["name"]) for g, w in matched)
    return equal, pairs


def units_on_rule_pairs(rows: list[dict[str, Any]], tokens: Tokenize) -> str:
    """The unit read by the rules and by the analyser (after the target number)
    for the indicators the rules match to a label: right / pairs."""
    rule_right = morph_right = pairs = 0
    for row in rows:
        found = extract_statement(row["text"])
        got = [f.to_dict() | {"_found": f} for f in found]
        for g, w in _pair(got, row["indicators"])[0]:
            f = g["_found"]
            if "target" not in f.spans:
                continue
            pairs += 1
            rule_right += f.unit == w["unit"]
            unit = morph_unit(tokens, _norm(row["text"][f.spans["target"][0] :]))
            morph_right += unit == w["unit"]
    return f"rules {rule_right}/{pairs}, analyser {morph_right}/{pairs}"


def per_statement_ms(rows: list[dict[str, Any]], extract: Extract) -> float:
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for row in rows:
            extract(row["text"])
        best = min(best, time.perf_counter() - t0)
    return best / len(rows) * 1e3


# tests/plans/test_kpi_corpus.py: statements k425… (round 3) and k700… (round 4)
# were added to dev before any rule was written for them.
ROUNDS = (("rounds 1-2", 0, 425), ("round 3", 425, 700), ("round 4", 700, 10**6))


def _splits(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    out = [
        (label, [r for r in rows if lo <= int(r["id"][1:]) < hi])
        for label, lo, hi in ROUNDS
    ]
    return [*out, ("all dev", rows)]


def report(
    label: str, rows: list[dict[str, Any]], extract: Extract, rules_ms: float = 0.0
) -> tuple[Score, float]:
    """Print one variant's rows (each round, then all dev); its score on all
    dev and its time per statement."""
    print(f"  {label}")
    for split, part in _splits(rows):
        result = score(part, extract)
        equal, pairs = exact_names(part, extract)
        cells = "".join(
            f"{result.tallies[f].precision:>7.3f}{result.tallies[f].recall:>7.3f}"
            for f in FIELDS
        )
        timing = ""
        if split == "all dev":
            ms = per_statement_ms(rows, extract)
            ratio = ms / rules_ms if rules_ms else 1.0
            timing = f"{ms:>9.2f}{ratio:>7.2f} x"
        print(f"    {split:<12}{cells}{f'{equal}/{pairs}':>9}{timing}")
    return result, ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--analyser", default="both", choices=[*ANALYSERS, "both"])
    parser.add_argument(
        "--misses", type=int, default=0, help="print N misses each variant adds"
    )
    args = parser.parse_args(argv)
    rows = load(DEV)
    keys = list(ANALYSERS) if args.analyser == "both" else [args.analyser]
    head = "".join(f"{f[:7]:>14}" for f in FIELDS)
    print(f"dev: {len(rows)} statements, {sum(len(r['indicators']) for r in rows)}")
    print("labelled indicators; P and R per field (tests/plans/kpi_corpus.py)\n")
    print(f"  {'':<14}{head}{'exact':>9}{'ms/stmt':>9}{'÷ rules':>9}")
    base, rules_ms = report("rules", rows, rules)
    for key in keys:
        label, make = ANALYSERS[key]
        try:
            t0 = time.perf_counter()
            tokens = make()
            tokens("転入者数:1,210人(平成27年)→1,480人(令和2年)")
            start = time.perf_counter() - t0
        except (ImportError, RuntimeError) as exc:
            print(f"\n  {key}: not installed ({exc}); only the rules are scored")
            continue
        print(f"\n  {label}: import, load and first parse {start * 1e3:.0f} ms")
        for name, variant in (
            ("morph@value", at_value),
            ("morph@name-end", at_name_end),
            ("morph-in-rules", in_rules),
            ("fallback (names)", fallback),
            ("fallback (indicators)", fallback_indicators),
        ):
            result, _ = report(f"{key} {name}", rows, variant(tokens), rules_ms)
            added = [m for m in result.misses if m not in base.misses]
            for line in added[: args.misses]:
                print(f"      + {line}")
        print(
            f"  units right on the rules' matched pairs: {units_on_rule_pairs(rows, tokens)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
