"""Write a plan document (shinchoku.document) into the plan models: what an
import applies. Idempotent: programs are keyed on municipality + plan + program
number; the same document again changes nothing (no write, no history row); a
changed one updates only what changed. Programs the document does not mention
are left as they are.

The rows are written in bulk with their history rows copied by the database
(common.history): an import writes hundreds of rows at once.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Model

from shinchoku.common.history import (
    bulk_create_with_history,
    bulk_update_with_history,
    save_with_history,
)
from shinchoku.common.services import User, model_assign, model_delete
from shinchoku.document import interchange
from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import ParsedPlan, ParsedProgram
from shinchoku.plans.models import (
    Direction,
    Edition,
    Indicator,
    Municipality,
    Plan,
    Program,
    ProgramYear,
)

PROGRAM_FIELDS = (
    "name",
    "direction_id",
    "kind",
    "ended_after_fy",
    "ordering",
    "policy_points",
    "action_items",
    "schedule_raw",
)


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


@dataclass
class PlanApplied:
    """What writing a plan document did, for the person who asked."""

    plan: Plan
    programs: Counts = field(default_factory=Counts)
    years: Counts = field(default_factory=Counts)
    indicators: Counts = field(default_factory=Counts)
    notes: list[str] = field(default_factory=list)
    # The editions the document states, made or updated (published or not)
    editions: list[Edition] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.programs.created
            + self.programs.updated
            + self.years.created
            + self.years.updated
        )


@transaction.atomic
def plan_apply(
    *, document: ParsedPlan, actor: User | None, reason: str, publish: bool = True
) -> PlanApplied:
    """Write a plan document in one transaction, every history row naming the
    actor (None: a system write) and the reason ("import: <file>"). A document
    the models refuse raises ImportFormatError naming the record and field.
    The editions it makes are published, or with ``publish=False`` left for
    the publish step (plans.services.edition_publish); those it updates keep
    their state. No permission check: importing is a command-line and set-up
    matter."""
    return _Apply(document, reason=reason, user=actor, publish=publish).run()


class _Apply:
    def __init__(
        self, parsed: ParsedPlan, *, reason: str, user: User | None, publish: bool
    ):
        self.parsed = parsed
        self.reason = reason
        self.user = user
        self.publish = publish

    def _save(self, obj: Model) -> None:
        _clean(obj)
        save_with_history(obj, user=self.user, reason=self.reason)

    def run(self) -> PlanApplied:
        p = self.parsed
        municipality = self._municipality()
        plan = Plan.objects.filter(municipality=municipality, title=p.title).first()
        sections = [
            {"kind": s.kind, "heading": s.heading, "lead": s.lead} for s in p.sections
        ]
        if plan is None:
            plan = Plan(
                municipality=municipality,
                title=p.title,
                slug=_free_slug(municipality, f"{p.first_fy}-{p.last_fy}"),
                first_fy=p.first_fy,
                last_fy=p.last_fy,
                sections=sections,
            )
            self._save(plan)
        elif model_assign(
            plan,
            {
                "first_fy": p.first_fy,
                "last_fy": p.last_fy,
                "sections": sections or plan.sections,
            },
        ):
            self._save(plan)
        result = PlanApplied(plan=plan, notes=list(p.notes))
        directions = self._directions(plan)
        result.editions = self._editions(plan)
        self._programs(plan, directions, result)
        return result

    def _municipality(self) -> Municipality:
        p = self.parsed
        municipality = Municipality.objects.filter(code=p.municipality_code).first()
        if municipality is None:
            municipality = Municipality(
                code=p.municipality_code, name=p.municipality_name
            )
            _clean(municipality)
            municipality.save()
        elif municipality.name != p.municipality_name:
            raise ImportFormatError(
                f"municipality code {p.municipality_code} belongs to {municipality.name} "
                f"in this database, but the file says {p.municipality_name}"
            )
        return municipality

    def _directions(self, plan: Plan) -> dict[int, Direction]:
        existing = {d.number: d for d in plan.directions.all()}
        new = []
        for number, name in self.parsed.directions.items():
            direction = existing.get(number)
            if direction is None:
                direction = Direction(plan=plan, number=number, name=name)
                _clean(direction)
                new.append(direction)
                existing[number] = direction
            elif model_assign(direction, {"name": name}):
                self._save(direction)
        bulk_create_with_history(new, Direction, user=self.user, reason=self.reason)
        return existing

    def _editions(self, plan: Plan) -> list[Edition]:
        existing = {e.title: e for e in plan.editions.all()}
        stated = []
        for e in self.parsed.editions:
            snapshot = e.snapshot
            if snapshot is None and self.parsed.is_edition:
                snapshot = interchange.edition_snapshot(self.parsed, e)
            values: dict[str, object] = dict(
                meeting=e.meeting,
                material=e.material,
                date=e.date,
                fiscal_year=e.fiscal_year or plan.last_fy,
                schedule_as_of=e.schedule_as_of,
                kind=e.resolved_kind,
            )
            if snapshot is not None:
                values["snapshot"] = snapshot
            edition = existing.get(e.title)
            if edition is None:
                edition = Edition(
                    plan=plan, title=e.title, published=self.publish, **values
                )
                self._save(edition)
            elif edition.published and any(
                getattr(edition, name) != value for name, value in values.items()
            ):
                # A published edition is the report as presented: frozen.
                raise ImportFormatError(
                    f"edition {e.title!r} is published, and the file states it "
                    "with other content: import it under another title (a "
                    "corrected edition), or withdraw the published one first"
                )
            elif model_assign(edition, values):
                self._save(edition)
            stated.append(edition)
        return stated

    def _programs(
        self, plan: Plan, directions: dict[int, Direction], result: PlanApplied
    ) -> None:
        existing = {p.number: p for p in plan.programs.all()}
        new, changed = [], []
        for order, parsed in enumerate(self.parsed.programs, start=1):
            values = _program_values(parsed, directions, order)
            program = existing.get(parsed.number)
            if program is None:
                program = Program(plan=plan, number=parsed.number, **values)
                _clean(program, line=parsed.line)
                new.append(program)
            elif model_assign(program, values):
                program.version += 1
                _clean(program, line=parsed.line)
                changed.append(program)
            else:
                result.programs.unchanged += 1
        if new:
            bulk_create_with_history(new, Program, user=self.user, reason=self.reason)
        if changed:
            bulk_update_with_history(
                changed,
                Program,
                [*PROGRAM_FIELDS, "version"],
                user=self.user,
                reason=self.reason,
            )
        result.programs.created, result.programs.updated = len(new), len(changed)
        by_number = {p.number: p for p in (*existing.values(), *new)}
        missing = sorted(set(existing) - {p.number for p in self.parsed.programs})
        if missing:
            result.notes.append(
                f"programs {', '.join(map(str, missing))} are in the database but not in "
                "this file: left as they are"
            )
        self._years(by_number, result)
        self._indicators(by_number, result)

    def _years(self, programs: dict[int, Program], result: PlanApplied) -> None:
        program_ids = [programs[p.number].pk for p in self.parsed.programs]
        existing = {
            (y.program_id, y.fiscal_year): y
            for y in ProgramYear.objects.filter(program_id__in=program_ids)
        }
        new, changed = [], []
        for parsed in self.parsed.programs:
            program = programs[parsed.number]
            for fy, year in parsed.years.items():
                given = {
                    k: v
                    for k, v in (
                        ("achievements", year.achievements),
                        ("plan", year.plan),
                    )
                    if v is not None
                }
                record = existing.get((program.pk, fy))
                if record is None:
                    if any(given.values()):
                        record = ProgramYear(program=program, fiscal_year=fy, **given)
                        _clean(record)
                        new.append(record)
                elif model_assign(record, given):
                    record.version += 1
                    _clean(record)
                    changed.append(record)
                else:
                    result.years.unchanged += 1
        if new:
            bulk_create_with_history(
                new,
                ProgramYear,
                user=self.user,
                reason=self.reason,
            )
        if changed:
            bulk_update_with_history(
                changed,
                ProgramYear,
                ["achievements", "plan", "version"],
                user=self.user,
                reason=self.reason,
            )
        result.years.created, result.years.updated = len(new), len(changed)

    def _indicators(self, programs: dict[int, Program], result: PlanApplied) -> None:
        """Indicators proposed by the file. A reviewed one (confirmed or rejected)
        is never overwritten; proposals no longer in the file are withdrawn."""
        stated = [p for p in self.parsed.programs if p.kpis is not None]
        if not stated:
            return
        ids = [programs[p.number].pk for p in stated]
        existing = {
            (i.program_id, i.name, i.unit): i
            for i in Indicator.objects.filter(program_id__in=ids)
        }
        new, changed, seen = [], [], set()
        for parsed in stated:
            program = programs[parsed.number]
            for order, kpi in enumerate(parsed.kpis or [], start=1):
                key = (program.pk, kpi["name"], kpi.get("unit") or "")
                seen.add(key)
                values = _indicator_values(kpi, order)
                indicator = existing.get(key)
                if indicator is None:
                    indicator = Indicator(
                        program=program, name=key[1], unit=key[2], **values
                    )
                    _clean(indicator, line=parsed.line)
                    new.append(indicator)
                elif indicator.reviewed:
                    result.indicators.unchanged += 1  # staff decided: keep it
                elif model_assign(indicator, values):
                    indicator.version += 1
                    _clean(indicator, line=parsed.line)
                    changed.append(indicator)
                else:
                    result.indicators.unchanged += 1
        stale = [i for key, i in existing.items() if key not in seen and not i.reviewed]
        for indicator in stale:
            model_delete(indicator, actor=self.user, reason=self.reason)
        if new:
            bulk_create_with_history(
                new,
                Indicator,
                user=self.user,
                reason=self.reason,
            )
        if changed:
            bulk_update_with_history(
                changed,
                Indicator,
                [*INDICATOR_FIELDS, "version"],
                user=self.user,
                reason=self.reason,
            )
        result.indicators.created, result.indicators.updated = len(new), len(changed)
        if stale:
            result.notes.append(f"{len(stale)} unreviewed indicator(s) withdrawn")


INDICATOR_FIELDS = (
    "ordering",
    "direction",
    "comparator",
    "target",
    "deadline_fy",
    "baseline",
    "baseline_date",
    "targets",
    "actuals",
    "actual_sources",
    "relative",
    "source_text",
    "status",
)


def _indicator_values(kpi: dict, order: int) -> dict:
    baseline_date = kpi.get("baseline_date")
    actuals = dict(kpi.get("actuals") or {})
    return {
        "ordering": order,
        "direction": kpi.get("direction") or "",
        "comparator": kpi.get("comparator") or "",
        "target": kpi.get("target"),
        "deadline_fy": kpi.get("deadline_fy"),
        "baseline": kpi.get("baseline"),
        "baseline_date": dt.date.fromisoformat(baseline_date)
        if baseline_date
        else None,
        "targets": dict(kpi.get("targets") or {}),
        "actuals": actuals,
        "actual_sources": dict(
            kpi.get("actual_sources") or {fy: "extracted" for fy in actuals}
        ),
        "relative": kpi.get("relative") or "",
        "source_text": kpi.get("source_text") or "",
        "status": kpi.get("status")
        or ("confirmed" if kpi.get("reviewed") else "extracted"),
    }


def _program_values(
    parsed: ParsedProgram, directions: dict[int, Direction], order: int
) -> dict:
    return {
        "name": parsed.name,
        "direction_id": directions[parsed.direction].pk,
        "kind": parsed.kind,
        "ended_after_fy": parsed.ended_after_fy,
        "ordering": order,
        "policy_points": list(parsed.policy_points),
        "action_items": [a.to_dict() for a in parsed.action_items],
        "schedule_raw": list(parsed.schedule_raw),
    }


@functools.cache
def _unchecked(model: type[Model]) -> list[str]:
    """Fields full_clean() need not check on import: foreign keys (just
    fetched) and JSON documents (lists and dicts of text the parser built,
    which full_clean would serialise once more only to see that they can be)."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation or isinstance(f, models.JSONField)
    ]


def _clean(obj: Model, *, line: int | None = None) -> None:
    """full_clean() without the per-object queries (uniqueness is checked by the
    parser and the database constraints; foreign keys were just fetched), its
    errors turned into a message that names the record and the field."""
    try:
        obj.full_clean(
            exclude=_unchecked(type(obj)),
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as exc:
        fields = "; ".join(
            f"{name}: {' '.join(messages)}"
            for name, messages in exc.message_dict.items()
        )
        raise ImportFormatError(f"{_describe(obj)}: {fields}", line=line) from None


def _describe(obj: Model) -> str:
    if isinstance(obj, Program):
        return f"program {obj.number}"
    if isinstance(obj, ProgramYear):
        return f"program {obj.program.number}, fiscal year {obj.fiscal_year}"
    return f"{obj._meta.verbose_name} {obj}"


def _free_slug(municipality: Municipality, base: str) -> str:
    taken = set(municipality.plans.values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
