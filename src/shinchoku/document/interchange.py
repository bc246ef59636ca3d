"""Shinchoku's interchange JSON ("format": "shinchoku/1") as a document: the
checked reading of a decoded JSON value into the plan document, and its writing.

The format is documented in docs/interchange-format.md. Reading validates every
field and names the one that is wrong ("programs[3].years.2022.plan[1]: …").
Writing is the single exporter: the database is first turned into a ParsedPlan
by plans.selectors, so import → export → import is lossless by construction.
The outline (the document without the programs' content) is derived here too.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from shinchoku.common.text import (
    ControlCharacterError,
    HtmlTooComplex,
    clean_input,
    has_markup,
    html_to_text,
)
from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import (
    EDITION_KINDS,
    ParsedActionItem,
    ParsedEdition,
    ParsedPlan,
    ParsedProgram,
    ParsedSection,
    ParsedYear,
)

FORMAT_ID = "shinchoku/1"
KINDS = {"implementation", "former_study"}
# Japanese labels are accepted too, as a clerk may type them.
KIND_ALIASES = {"実施プログラム": "implementation", "旧検討プログラム": "former_study"}


class _Reader:
    def __init__(self, source: str, *, clean: bool = False):
        self.source = source
        self.clean = clean

    def fail(self, path: str, message: str) -> ImportFormatError:
        return ImportFormatError(f"{path}: {message}", source=self.source)

    def obj(self, value: Any, path: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected an object, got {_type(value)}")
        return value

    def lst(self, value: Any, path: str) -> list:
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list, got {_type(value)}")
        return value

    def text(self, value: Any, path: str, *, required: bool = True) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise self.fail(path, f"expected a string, got {_type(value)}")
        if self.clean:
            # An input (a file imported): valid JSON may hold any character
            # (\u0000 too, which no database text column can store), so the one
            # cleaner of every input refuses controls; and text is plain
            # (docs/interchange-format.md): text holding HTML is reduced to its
            # text, as the committee table's cells are. Plain text is kept as
            # it is (a KPI's source text keeps its lines: export → import is
            # lossless).
            try:
                value = clean_input(value)
                if has_markup(value):
                    value = html_to_text(value)
            except (ControlCharacterError, HtmlTooComplex) as exc:
                raise self.fail(path, str(exc)) from None
        elif "\x00" in value:
            raise self.fail(path, "contains a NUL character (\\u0000)")
        if required and not value.strip():
            raise self.fail(path, "must not be empty")
        return value

    def texts(self, value: Any, path: str) -> list[str]:
        return [
            self.text(v, f"{path}[{i}]") for i, v in enumerate(self.lst(value, path))
        ]

    def integer(self, value: Any, path: str, *, required: bool = True) -> int | None:
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, f"expected a whole number, got {_type(value)}")
        return value

    def fy(self, value: Any, path: str, *, required: bool = True) -> int | None:
        if isinstance(value, str) and value.isdecimal() and len(value) <= 4:
            value = int(value)
        year = self.integer(value, path, required=required)
        if year is not None and not 1900 <= year <= 2200:
            raise self.fail(path, f"{year} is not a fiscal year")
        return year

    def date(self, value: Any, path: str) -> dt.date | None:
        if value in (None, ""):
            return None
        try:
            return dt.date.fromisoformat(self.text(value, path))
        except ValueError:
            raise self.fail(
                path, f"expected a date as YYYY-MM-DD, got {value!r}"
            ) from None


def load(doc: Any, *, source: str = "", clean: bool = False) -> ParsedPlan:
    """The plan document of an interchange document, every field checked.
    clean: the document is an input (an imported file), its text cleaned as
    every input's is; stored documents (edition snapshots) are read as
    stored."""
    r = _Reader(source, clean=clean)
    doc = r.obj(doc, "$")
    if doc.get("format") != FORMAT_ID:
        raise r.fail("format", f"expected {FORMAT_ID!r}, got {doc.get('format')!r}")
    muni = r.obj(doc.get("municipality"), "municipality")
    plan = r.obj(doc.get("plan"), "plan")
    first_fy = r.fy(plan.get("first_fy"), "plan.first_fy")
    last_fy = r.fy(plan.get("last_fy"), "plan.last_fy")
    if last_fy < first_fy:
        raise r.fail("plan.last_fy", "comes before plan.first_fy")
    directions: dict[int, str] = {}
    for i, d in enumerate(r.lst(doc.get("directions", []), "directions")):
        path = f"directions[{i}]"
        d = r.obj(d, path)
        number = r.integer(d.get("number"), f"{path}.number")
        if number in directions:
            raise r.fail(f"{path}.number", f"方向性{number} appears twice")
        directions[number] = r.text(d.get("name"), f"{path}.name")
    sections = []
    for i, s in enumerate(r.lst(doc.get("sections", []), "sections")):
        path = f"sections[{i}]"
        s = r.obj(s, path)
        sections.append(
            ParsedSection(
                kind=_kind(r, s.get("kind"), f"{path}.kind"),
                heading=r.text(s.get("heading"), f"{path}.heading"),
                lead=r.text(s.get("lead"), f"{path}.lead", required=False),
            )
        )
    editions: list[ParsedEdition] = []
    for i, e in enumerate(r.lst(doc.get("editions", []), "editions")):
        path = f"editions[{i}]"
        e = r.obj(e, path)
        title = r.text(e.get("title"), f"{path}.title")
        if any(known.title == title for known in editions):
            raise r.fail(f"{path}.title", f"the edition {title!r} appears twice")
        editions.append(
            ParsedEdition(
                title=title,
                meeting=r.text(e.get("meeting"), f"{path}.meeting", required=False),
                material=r.text(e.get("material"), f"{path}.material", required=False),
                date=r.date(e.get("date"), f"{path}.date"),
                fiscal_year=r.fy(
                    e.get("fiscal_year"), f"{path}.fiscal_year", required=False
                ),
                schedule_as_of=r.text(
                    e.get("schedule_as_of"), f"{path}.schedule_as_of", required=False
                ),
                snapshot=_snapshot(r, e.get("snapshot"), f"{path}.snapshot"),
                kind=_edition_kind(r, e.get("kind"), f"{path}.kind"),
                results=_results(r, e.get("results"), f"{path}.results"),
            )
        )
    programs: list[ParsedProgram] = []
    seen: set[int] = set()
    for i, p in enumerate(r.lst(doc.get("programs", []), "programs")):
        program = _program(r, r.obj(p, f"programs[{i}]"), f"programs[{i}]", directions)
        if program.number in seen:
            raise r.fail(
                f"programs[{i}].number", f"program {program.number} appears twice"
            )
        seen.add(program.number)
        programs.append(program)
    return ParsedPlan(
        municipality_name=r.text(muni.get("name"), "municipality.name"),
        municipality_code=r.text(muni.get("code"), "municipality.code"),
        title=r.text(plan.get("title"), "plan.title"),
        first_fy=first_fy,
        last_fy=last_fy,
        sections=sections,
        directions=directions,
        editions=editions,
        programs=programs,
    )


def _snapshot(r: _Reader, value: Any, path: str) -> dict | None:
    """A frozen edition is a whole interchange document: check it as one."""
    if value is None:
        return None
    try:
        plan = load(value, source=r.source, clean=r.clean)
    except ImportFormatError as exc:
        raise r.fail(path, exc.detail) from None
    # An input is stored cleaned: the document it makes, written again.
    return dump(plan) if r.clean else value


def _edition_kind(r: _Reader, value: Any, path: str) -> str:
    if value is None:
        return ""
    if value not in EDITION_KINDS:
        raise r.fail(path, f"expected one of {list(EDITION_KINDS)}, got {value!r}")
    return value


def _results(r: _Reader, value: Any, path: str) -> dict | None:
    """A 実績 edition's results block, checked as far as the report reads it."""
    if value is None:
        return None
    doc = r.obj(value, path)
    r.fy(doc.get("fiscal_year"), f"{path}.fiscal_year")
    for i, g in enumerate(r.lst(doc.get("grade_scale", []), f"{path}.grade_scale")):
        g = r.obj(g, f"{path}.grade_scale[{i}]")
        r.text(g.get("code"), f"{path}.grade_scale[{i}].code")
        r.text(g.get("label"), f"{path}.grade_scale[{i}].label", required=False)
    for i, p in enumerate(r.lst(doc.get("programs", []), f"{path}.programs")):
        ppath = f"{path}.programs[{i}]"
        p = r.obj(p, ppath)
        r.integer(p.get("number"), f"{ppath}.number")
        r.text(p.get("grade", ""), f"{ppath}.grade", required=False)
        r.text(p.get("grade_comment", ""), f"{ppath}.grade_comment", required=False)
        for j, k in enumerate(r.lst(p.get("kpis", []), f"{ppath}.kpis")):
            k = r.obj(k, f"{ppath}.kpis[{j}]")
            for key in ("name", "unit", "target", "actual", "status", "status_label"):
                r.text(k.get(key, ""), f"{ppath}.kpis[{j}].{key}", required=False)
        for j, o in enumerate(r.lst(p.get("opinions", []), f"{ppath}.opinions")):
            o = r.obj(o, f"{ppath}.opinions[{j}]")
            r.text(o.get("text"), f"{ppath}.opinions[{j}].text")
            r.text(
                o.get("response", ""), f"{ppath}.opinions[{j}].response", required=False
            )
    return doc


def _kind(r: _Reader, value: Any, path: str) -> str:
    if not isinstance(value, str):  # a list or object cannot even be looked up
        raise r.fail(path, f"expected one of {sorted(KINDS)}, got {_type(value)}")
    kind = KIND_ALIASES.get(value, value)
    if kind not in KINDS:
        raise r.fail(path, f"expected one of {sorted(KINDS)}, got {value!r}")
    return kind


def _program(
    r: _Reader, p: dict, path: str, directions: dict[int, str]
) -> ParsedProgram:
    number = r.integer(p.get("number"), f"{path}.number")
    if number < 1:
        raise r.fail(f"{path}.number", "must be 1 or more")
    direction = r.integer(p.get("direction"), f"{path}.direction")
    if direction not in directions:
        raise r.fail(f"{path}.direction", f"方向性{direction} is not in 'directions'")
    items = []
    for j, item in enumerate(r.lst(p.get("action_items", []), f"{path}.action_items")):
        ipath = f"{path}.action_items[{j}]"
        item = r.obj(item, ipath)
        schedule = {
            r.fy(fy, f"{ipath}.schedule.{fy}"): r.text(cell, f"{ipath}.schedule.{fy}")
            for fy, cell in r.obj(item.get("schedule", {}), f"{ipath}.schedule").items()
        }
        items.append(
            ParsedActionItem(
                text=r.text(item.get("text"), f"{ipath}.text"), schedule=schedule
            )
        )
    years = {}
    for fy, year in r.obj(p.get("years", {}), f"{path}.years").items():
        ypath = f"{path}.years.{fy}"
        year = r.obj(year, ypath)
        unknown = set(year) - {"achievements", "plan"}
        if unknown:
            raise r.fail(ypath, f"unknown field(s) {sorted(unknown)}")
        years[r.fy(fy, ypath)] = ParsedYear(
            achievements=r.texts(year["achievements"], f"{ypath}.achievements")
            if "achievements" in year
            else None,
            plan=r.texts(year["plan"], f"{ypath}.plan") if "plan" in year else None,
        )
    kpis = None
    if "kpis" in p:
        kpis = [
            _kpi(r, r.obj(k, f"{path}.kpis[{j}]"), f"{path}.kpis[{j}]")
            for j, k in enumerate(r.lst(p["kpis"], f"{path}.kpis"))
        ]
        seen_kpis: set[tuple[str, str]] = set()
        for j, kpi in enumerate(kpis):
            key = (kpi["name"], kpi["unit"])
            if key in seen_kpis:
                # A program holds one indicator of a name and unit.
                raise r.fail(
                    f"{path}.kpis[{j}].name",
                    f"the indicator {kpi['name']!r} ({kpi['unit']}) appears twice",
                )
            seen_kpis.add(key)
    return ParsedProgram(
        kpis=kpis,
        number=number,
        name=r.text(p.get("name"), f"{path}.name"),
        direction=direction,
        kind=_kind(r, p.get("kind", "implementation"), f"{path}.kind"),
        ended_after_fy=r.fy(
            p.get("ended_after_fy"), f"{path}.ended_after_fy", required=False
        ),
        policy_points=r.texts(p.get("policy_points", []), f"{path}.policy_points"),
        action_items=items,
        schedule_raw=r.texts(p.get("schedule_raw", []), f"{path}.schedule_raw"),
        years=dict(sorted(years.items())),
    )


KPI_STATUSES = {"extracted", "confirmed", "rejected"}


def normalize_kpi(kpi: dict, *, source: str = "", path: str = "kpi") -> dict:
    """An indicator dict checked and put in the full interchange shape."""
    return _kpi(_Reader(source), kpi, path)


def _kpi(r: _Reader, k: dict, path: str) -> dict:
    """One indicator, normalised to the full interchange shape."""

    def number(key: str) -> int | float | None:
        value = k.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise r.fail(f"{path}.{key}", f"expected a number, got {_type(value)}")
        return value

    def by_year(key: str) -> dict[str, int | float]:
        out = {}
        for fy, value in r.obj(k.get(key) or {}, f"{path}.{key}").items():
            year = r.fy(fy, f"{path}.{key}.{fy}")
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise r.fail(
                    f"{path}.{key}.{fy}", f"expected a number, got {_type(value)}"
                )
            out[str(year)] = value
        return dict(sorted(out.items()))

    direction = k.get("direction")
    if direction not in (None, "", "higher", "lower"):
        raise r.fail(
            f"{path}.direction", f"expected 'higher' or 'lower', got {direction!r}"
        )
    reviewed = k.get("reviewed", False)
    if not isinstance(reviewed, bool):
        raise r.fail(f"{path}.reviewed", f"expected true/false, got {_type(reviewed)}")
    status = k.get("status") or ("confirmed" if reviewed else "extracted")
    if not isinstance(status, str) or status not in KPI_STATUSES:
        raise r.fail(
            f"{path}.status", f"expected one of {sorted(KPI_STATUSES)}, got {status!r}"
        )
    baseline_date = r.date(k.get("baseline_date"), f"{path}.baseline_date")
    return {
        "name": r.text(k.get("name"), f"{path}.name"),
        "unit": r.text(k.get("unit"), f"{path}.unit", required=False),
        "comparator": r.text(k.get("comparator"), f"{path}.comparator", required=False)
        or None,
        "direction": direction or None,
        "target": number("target"),
        "deadline_fy": r.fy(
            k.get("deadline_fy"), f"{path}.deadline_fy", required=False
        ),
        "baseline": number("baseline"),
        "baseline_date": baseline_date.isoformat() if baseline_date else None,
        "targets": by_year("targets"),
        "actuals": by_year("actuals"),
        "relative": r.text(k.get("relative"), f"{path}.relative", required=False)
        or None,
        "source_text": r.text(
            k.get("source_text"), f"{path}.source_text", required=False
        ),
        "reviewed": status != "extracted",
        "status": status,
        "actual_sources": {
            str(r.fy(fy, f"{path}.actual_sources.{fy}")): r.text(
                how, f"{path}.actual_sources.{fy}"
            )
            for fy, how in r.obj(
                k.get("actual_sources") or {}, f"{path}.actual_sources"
            ).items()
        },
    }


def dump(plan: ParsedPlan) -> dict:
    """The interchange document for a plan (empty year fields are left out)."""
    return {
        "format": FORMAT_ID,
        "municipality": {
            "name": plan.municipality_name,
            "code": plan.municipality_code,
        },
        "plan": {
            "title": plan.title,
            "first_fy": plan.first_fy,
            "last_fy": plan.last_fy,
        },
        "sections": [
            {"kind": s.kind, "heading": s.heading, "lead": s.lead}
            for s in plan.sections
        ],
        "editions": [
            {
                "title": e.title,
                "meeting": e.meeting,
                "material": e.material,
                "date": e.date.isoformat() if e.date else None,
                "fiscal_year": e.fiscal_year,
                "schedule_as_of": e.schedule_as_of,
                "kind": e.resolved_kind,
                **({"results": e.results} if e.results is not None else {}),
                **({"snapshot": e.snapshot} if e.snapshot is not None else {}),
            }
            for e in plan.editions
        ],
        "directions": [
            {"number": n, "name": t} for n, t in sorted(plan.directions.items())
        ],
        "programs": [_dump_program(p) for p in plan.programs],
    }


def _dump_program(p: ParsedProgram) -> dict:
    years: dict[str, dict[str, list[str]]] = {}
    for fy, year in sorted(p.years.items()):
        fields = {
            k: v
            for k, v in (("achievements", year.achievements), ("plan", year.plan))
            if v
        }
        if fields:
            years[str(fy)] = fields
    doc = {
        "number": p.number,
        "name": p.name,
        "direction": p.direction,
        "kind": p.kind,
        "ended_after_fy": p.ended_after_fy,
        "policy_points": list(p.policy_points),
        "action_items": [a.to_dict() for a in p.action_items],
        "schedule_raw": list(p.schedule_raw),
        "years": years,
    }
    if p.kpis is not None:
        doc["kpis"] = [dict(k) for k in p.kpis]
    return doc


def edition_snapshot(plan: ParsedPlan, edition: ParsedEdition) -> dict:
    """The document frozen for one edition: the plan with only that edition, and
    no nested snapshot."""
    doc = dump(plan)
    doc["editions"] = [
        {k: v for k, v in entry.items() if k != "snapshot"}
        for entry in doc["editions"]
        if entry["title"] == edition.title
    ]
    return doc


# What an outline keeps of each program: enough to list it (and link to it).
OUTLINE_PROGRAM_KEYS = ("number", "name", "direction", "kind", "ended_after_fy")


def outline(doc: dict) -> dict:
    """The document without the programs' content: sections, 方向性, editions
    (without nested snapshots) and each program's number, name, 方向性, kind and
    end. A few KB where a whole plan is a few hundred; load() reads it as a plan
    whose programs have no content. Editions keep one beside their snapshot."""
    out = {k: v for k, v in doc.items() if k != "programs"}
    if isinstance(out.get("editions"), list):
        out["editions"] = [
            {k: v for k, v in e.items() if k != "snapshot"}
            if isinstance(e, dict)
            else e
            for e in out["editions"]
        ]
    programs = doc.get("programs")
    programs = programs if isinstance(programs, list) else []
    out["programs"] = [
        {k: p[k] for k in OUTLINE_PROGRAM_KEYS if k in p} if isinstance(p, dict) else p
        for p in programs
    ]
    # What the edition's pages say of its indicators without loading them all.
    out["indicator_count"] = sum(
        1
        for p in programs
        if isinstance(p, dict) and isinstance(p.get("kpis"), list)
        for k in p["kpis"]
        if isinstance(k, dict) and k.get("status") != "rejected"
    )
    return out


def load_program(
    doc: Any, *, directions: dict[int, str], source: str = ""
) -> ParsedProgram:
    """One program of a document (programs[i]), checked as load() checks it."""
    r = _Reader(source)
    return _program(r, r.obj(doc, "program"), "program", directions)


def dumps(plan: ParsedPlan) -> bytes:
    return (json.dumps(dump(plan), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
