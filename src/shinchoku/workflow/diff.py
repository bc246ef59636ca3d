"""What changed between two versions of a plan: bullets and indicator values.

Pure Python (no database): it compares interchange documents (edition
snapshots) or two bullet lists (history rows). Japanese has no spaces between
words, so changed bullets are compared character by character; the bullets of
a changed block are first paired by similarity, so that an edited bullet shows
as one change rather than as a removal and an addition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

from django.utils.translation import gettext as _

from shinchoku.common import wareki
from shinchoku.common.text import program_number_label

# Two bullets at least this similar (SequenceMatcher ratio) are one bullet edited.
PAIR_THRESHOLD = 0.5

Op = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str


@dataclass(frozen=True)
class BulletChange:
    kind: Literal["added", "removed", "changed"]
    old: str = ""
    new: str = ""
    segments: tuple[Segment, ...] = ()


@dataclass
class FieldDiff:
    label: str  # e.g. "令和6年度 当初予定・設定目標"
    changes: list[BulletChange]


@dataclass
class ValueChange:
    indicator: str
    what: str  # translated: "令和5年度 実績値", "令和6年度 目標値", "目標値", "基準値"
    old: Any
    new: Any


@dataclass
class ProgramDiff:
    number: int
    name: str
    status: Literal["added", "removed", "changed"] = "changed"
    fields: list[FieldDiff] = field(default_factory=list)
    values: list[ValueChange] = field(default_factory=list)

    @property
    def number_label(self) -> str:
        return program_number_label(self.number)

    @property
    def counts(self) -> dict[str, int]:
        out = {"added": 0, "removed": 0, "changed": 0}
        for f in self.fields:
            for c in f.changes:
                out[c.kind] += 1
        out["changed"] += len(self.values)
        return out


def char_segments(old: str, new: str) -> tuple[Segment, ...]:
    """old → new as equal / deleted / inserted runs of characters."""
    out: list[Segment] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(Segment("equal", old[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            out.append(Segment("delete", old[i1:i2]))
        if tag in ("insert", "replace"):
            out.append(Segment("insert", new[j1:j2]))
    return tuple(out)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _pair(old: list[str], new: list[str]) -> list[BulletChange]:
    """Pair the bullets of a replaced block by similarity, best pairs first;
    the rest are removals and additions. Keeps the new order."""
    scores = sorted(
        (
            (similarity(o, n), i, j)
            for i, o in enumerate(old)
            for j, n in enumerate(new)
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    old_to_new: dict[int, int] = {}
    taken_new: set[int] = set()
    for score, i, j in scores:
        if score < PAIR_THRESHOLD:
            break
        if i in old_to_new or j in taken_new:
            continue
        old_to_new[i] = j
        taken_new.add(j)
    new_to_old = {j: i for i, j in old_to_new.items()}
    out = [
        BulletChange("removed", old=o) for i, o in enumerate(old) if i not in old_to_new
    ]
    for j, n in enumerate(new):
        if j in new_to_old:
            o = old[new_to_old[j]]
            out.append(BulletChange("changed", o, n, char_segments(o, n)))
        else:
            out.append(BulletChange("added", new=n))
    return out


def diff_bullets(old: list[str] | None, new: list[str] | None) -> list[BulletChange]:
    """The bullets added, removed and changed from old to new (unchanged ones
    are left out)."""
    old, new = list(old or []), list(new or [])
    out: list[BulletChange] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "delete":
            out.extend(BulletChange("removed", old=o) for o in old[i1:i2])
        elif tag == "insert":
            out.extend(BulletChange("added", new=n) for n in new[j1:j2])
        else:
            out.extend(_pair(old[i1:i2], new[j1:j2]))
    return out


def _field_labels(kind: str, fy: int | None = None) -> str:
    if fy is None:
        return {
            "name": "実施プログラム",
            "policy_points": "主な取組の方向性",
            "action_items": "取組項目",
            "schedule_raw": "年度スケジュール",
        }[kind]
    label = wareki.fiscal_year_label(fy)
    if kind == "achievements":
        return f"{label}までの取組実績"
    return f"{label}当初予定・設定目標"


def _program_lists(p: dict) -> list[tuple[str, list[str]]]:
    return [
        (_field_labels("name"), [p.get("name", "")]),
        (_field_labels("policy_points"), list(p.get("policy_points", []))),
        (
            _field_labels("action_items"),
            [a.get("text", "") for a in p.get("action_items", [])],
        ),
        (_field_labels("schedule_raw"), list(p.get("schedule_raw", []))),
    ]


def _year_lists(p: dict) -> dict[tuple[int, str], list[str]]:
    out: dict[tuple[int, str], list[str]] = {}
    for fy, year in (p.get("years") or {}).items():
        for kind in ("achievements", "plan"):
            if year.get(kind):
                out[(int(fy), kind)] = list(year[kind])
    return out


def _kpi_values(p: dict) -> dict[tuple[str, str], Any]:
    """(indicator name, what) → value for every number an indicator carries."""
    out: dict[tuple[str, str], Any] = {}
    for kpi in p.get("kpis") or []:
        name = kpi.get("name", "")
        if kpi.get("unit"):
            name = f"{name} ({kpi['unit']})"
        for what, label in (("target", _("Target")), ("baseline", _("Baseline"))):
            if kpi.get(what) is not None:
                out[(name, label)] = kpi[what]
        for what, template in (
            ("targets", _("Target, %(fy)s")),
            ("actuals", _("Actual, %(fy)s")),
        ):
            for fy, value in (kpi.get(what) or {}).items():
                if value is not None:
                    fy_label = wareki.fiscal_year_label(int(fy))
                    out[(name, template % {"fy": fy_label})] = value
    return out


def diff_program(old: dict | None, new: dict | None) -> ProgramDiff | None:
    """The changes of one program between two interchange program objects, or
    None when nothing changed."""
    ref = new or old
    diff = ProgramDiff(number=ref["number"], name=ref.get("name", ""))
    if old is None:
        diff.status = "added"
    elif new is None:
        diff.status = "removed"
    old, new = old or {}, new or {}
    for (label, a), (_new_label, b) in zip(
        _program_lists(old), _program_lists(new), strict=True
    ):
        changes = diff_bullets([x for x in a if x], [x for x in b if x])
        if changes:
            diff.fields.append(FieldDiff(label, changes))
    old_years, new_years = _year_lists(old), _year_lists(new)
    for fy, kind in sorted(
        set(old_years) | set(new_years), key=lambda k: (k[0], k[1] != "achievements")
    ):
        changes = diff_bullets(old_years.get((fy, kind)), new_years.get((fy, kind)))
        if changes:
            diff.fields.append(FieldDiff(_field_labels(kind, fy), changes))
    # Indicators are compared only where both documents state them: an edition
    # frozen before indicators were kept has no "kpis" at all.
    if "kpis" in old and "kpis" in new:
        old_values, new_values = _kpi_values(old), _kpi_values(new)
    else:
        old_values = new_values = {}
    for key in sorted(set(old_values) | set(new_values)):
        a, b = old_values.get(key), new_values.get(key)
        if a != b:
            diff.values.append(ValueChange(key[0], key[1], a, b))
    if not diff.fields and not diff.values and diff.status == "changed":
        return None
    return diff


def diff_documents(old: dict, new: dict) -> list[ProgramDiff]:
    """Per program (in the new document's order, removed ones last), what changed
    between two interchange documents."""
    old_programs = {p["number"]: p for p in old.get("programs", [])}
    new_programs = {p["number"]: p for p in new.get("programs", [])}
    order = [p["number"] for p in new.get("programs", [])] + [
        n for n in old_programs if n not in new_programs
    ]
    # A 実績 edition's grades and opinions, compared where both documents
    # have them (docs/interchange-format.md, "results").
    old_results, new_results = _results_lists(old), _results_lists(new)
    if old_results is None or new_results is None:
        old_results = new_results = {}
    out = []
    for number in order:
        diff = diff_program(old_programs.get(number), new_programs.get(number))
        fields = [
            FieldDiff(label, changes)
            for (label, a), (_label, b) in zip(
                old_results.get(number, _EMPTY_RESULTS),
                new_results.get(number, _EMPTY_RESULTS),
                strict=True,
            )
            if (changes := diff_bullets(a, b))
        ]
        if fields and diff is None:
            ref = new_programs.get(number) or old_programs[number]
            diff = ProgramDiff(number=number, name=ref.get("name", ""))
        if diff is not None:
            diff.fields += fields
            out.append(diff)
    return out


_EMPTY_RESULTS: list[tuple[str, list[str]]] = [
    ("評価", []),
    ("委員会意見・市の対応", []),
]


def _results_lists(doc: dict) -> dict[int, list[tuple[str, list[str]]]] | None:
    """Program number → its grade and its opinions as bullets, from the
    document's results block (None without one)."""
    editions = doc.get("editions") or []
    results = editions[0].get("results") if len(editions) == 1 else None
    if not isinstance(results, dict):
        return None
    labels = {g.get("code"): g.get("label", "") for g in results.get("grade_scale", [])}
    out = {}
    for p in results.get("programs", []):
        grade = p.get("grade", "")
        grade_line = " ".join(x for x in (grade, labels.get(grade, "")) if x)
        opinions = []
        for o in p.get("opinions", []):
            opinions.append(f"意見: {o.get('text', '')}")
            if o.get("response"):
                opinions.append(f"対応: {o['response']}")
        out[p["number"]] = [
            ("評価", [x for x in (grade_line, p.get("grade_comment", "")) if x]),
            ("委員会意見・市の対応", opinions),
        ]
    return out
