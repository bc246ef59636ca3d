"""Reads of the plan domain. Anything spanning relations lives here, with the
joins and prefetches that keep a page at a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Prefetch, QuerySet

from shinchoku.common import wareki
from shinchoku.document import interchange
from shinchoku.document.kpi import plain_number
from shinchoku.document.model import (
    ParsedActionItem,
    ParsedEdition,
    ParsedPlan,
    ParsedProgram,
    ParsedSection,
    ParsedYear,
)
from shinchoku.plans.models import (
    Direction,
    Edition,
    Indicator,
    IndicatorStatus,
    Municipality,
    Plan,
    Program,
    ProgramGrade,
    ProgramKind,
    ProgramYear,
)


class PlanNotFound(LookupError):
    pass


def municipality_list() -> QuerySet[Municipality]:
    return Municipality.objects.prefetch_related(
        Prefetch(
            "plans", queryset=Plan.objects.annotate(program_count=Count("programs"))
        )
    )


def municipality_get(code: str) -> Municipality:
    """The municipality of a code (Municipality.DoesNotExist when none)."""
    return Municipality.objects.get(code=code)


def plan_get(*, code: str, slug: str) -> Plan:
    try:
        return Plan.objects.select_related("municipality").get(
            municipality__code=code, slug=slug
        )
    except Plan.DoesNotExist:
        raise PlanNotFound(f"no plan {code}/{slug}") from None


def plan_resolve(identifier: str | None = None) -> Plan:
    """The plan a command means: 'CODE/SLUG', a plan title, or — when the database
    holds a single plan — nothing at all."""
    plans = Plan.objects.select_related("municipality")
    if not identifier:
        found = list(plans[:2])
        if len(found) == 1:
            return found[0]
        if not found:
            raise PlanNotFound("the database holds no plan yet: import one first")
        raise PlanNotFound(
            f"several plans exist, choose one with --plan: {plan_choices()}"
        )
    if "/" in identifier:
        code, _, slug = identifier.partition("/")
        return plan_get(code=code, slug=slug)
    match = list(plans.filter(title=identifier)[:2])
    if len(match) == 1:
        return match[0]
    raise PlanNotFound(f"no single plan {identifier!r}; known plans: {plan_choices()}")


def plan_period(municipality_code: str, title: str) -> tuple[int, int] | None:
    """(first FY, last FY) of a municipality's plan of that title, or None."""
    found = (
        Plan.objects.filter(municipality__code=municipality_code, title=title)
        .values_list("first_fy", "last_fy")
        .first()
    )
    return (found[0], found[1]) if found else None


def plan_choices() -> str:
    return ", ".join(
        f"{p.municipality.code}/{p.slug} ({p.title})"
        for p in Plan.objects.select_related("municipality")
    )


@dataclass
class DirectionGroup:
    direction: Direction
    programs: list[Program]


@dataclass
class SectionGroup:
    kind: str
    label: str
    heading: str
    lead: str
    groups: list[DirectionGroup]

    @property
    def program_count(self) -> int:
        return sum(len(g.programs) for g in self.groups)


def plan_programs(plan: Plan) -> list[Program]:
    """All programs of a plan in printed order, with their direction (1 query)."""
    programs = list(
        Program.objects.filter(plan=plan)
        .select_related("direction")
        .order_by("ordering", "number")
    )
    for program in programs:
        program.plan = plan  # already loaded with its municipality: no query per URL
    return programs


def plan_overview(plan: Plan) -> list[SectionGroup]:
    """Programs grouped by section (kind), then 方向性, in the order the city prints
    them; a section without programs is left out."""
    by_kind: dict[str, dict[int, DirectionGroup]] = defaultdict(dict)
    for program in plan_programs(plan):
        groups = by_kind[program.kind]
        group = groups.get(program.direction.number)
        if group is None:
            group = groups[program.direction.number] = DirectionGroup(
                program.direction, []
            )
        group.programs.append(program)
    sections = []
    kinds = [s.get("kind") for s in plan.sections] + [
        k for k in by_kind if k not in {s.get("kind") for s in plan.sections}
    ]
    labels = dict(ProgramKind.choices)
    for kind in kinds:
        if kind not in by_kind:
            continue
        meta = plan.section_for(kind)
        sections.append(
            SectionGroup(
                kind=kind,
                label=str(labels.get(kind, kind)),
                heading=meta.get("heading", ""),
                lead=meta.get("lead", ""),
                groups=sorted(by_kind[kind].values(), key=lambda g: g.direction.number),
            )
        )
    return sections


def program_get(*, plan: Plan, number: int) -> Program:
    return (
        Program.objects.select_related("direction", "plan__municipality")
        # whether a later plan period continues it (program_lineage)
        .annotate(
            has_successors=models.Exists(
                Program.objects.filter(predecessor=models.OuterRef("pk"))
            )
        )
        .prefetch_related(
            Prefetch("years", queryset=ProgramYear.objects.order_by("fiscal_year"))
        )
        .get(plan=plan, number=number)
    )


def program_neighbours(program: Program) -> tuple[Program | None, Program | None]:
    siblings = list(
        Program.objects.filter(plan_id=program.plan_id)
        .order_by("ordering", "number")
        .only("number", "name", "ordering", "plan_id")
    )
    for sibling in siblings:
        sibling.plan = program.plan
    i = next(i for i, p in enumerate(siblings) if p.pk == program.pk)
    return (
        siblings[i - 1] if i else None,
        siblings[i + 1] if i + 1 < len(siblings) else None,
    )


def plan_neighbour_periods(plan: Plan) -> list[Plan]:
    """The plans whose programs continue this plan's or are continued by it
    (the previous and the next period), by first fiscal year."""
    return list(
        Plan.objects.select_related("municipality")
        .filter(
            models.Q(programs__successors__plan=plan)
            | models.Q(programs__predecessor__plan=plan)
        )
        .distinct()
        .order_by("first_fy")
    )


def program_lineage(program: Program) -> list[Program]:
    """The program in every plan period, oldest first, itself included: its
    predecessors (第1期's ⑫ for 第2期's ⑫) and the programs continuing it.
    A query per period, with each program's plan and municipality."""

    def load(**filters: object) -> list[Program]:
        return list(
            Program.objects.select_related("plan__municipality").filter(**filters)
        )

    if program.predecessor_id is None and not getattr(program, "has_successors", True):
        return [program]  # one period only (known from program_get: no query)
    earlier: list[Program] = []
    seen = {program.pk}
    current = program
    while current.predecessor_id is not None and current.predecessor_id not in seen:
        found = load(pk=current.predecessor_id)
        if not found:
            break
        current = found[0]
        seen.add(current.pk)
        earlier.insert(0, current)
    later: list[Program] = []
    frontier = [program.pk]
    while frontier:
        found = [p for p in load(predecessor_id__in=frontier) if p.pk not in seen]
        seen.update(p.pk for p in found)
        later.extend(sorted(found, key=lambda p: (p.plan.first_fy, p.pk)))
        frontier = [p.pk for p in found]
    return [*earlier, program, *later]


def indicator_get(pk: int) -> Indicator:
    """A live indicator with its program, plan and municipality (1 query)."""
    return Indicator.objects.select_related("program__plan__municipality").get(pk=pk)


def editions_latest_first(
    editions: QuerySet[Edition], *, corrections: models.Q | None = None
) -> QuerySet[Edition]:
    """Editions, the current one first: an edition a correction (修正版)
    supersedes after all the others; then the latest report FY, the latest
    date (undated after dated, on every database), the last made.
    ``corrections``: which correcting editions count (the public ones for the
    portal; by default all)."""
    correcting = Edition.objects.filter(supersedes=models.OuterRef("pk"))
    if corrections is not None:
        correcting = correcting.filter(corrections)
    return editions.annotate(corrected=models.Exists(correcting)).order_by(
        "corrected",
        "-fiscal_year",
        models.F("date").desc(nulls_last=True),
        "-pk",
    )


@dataclass(frozen=True)
class PlanEditions:
    latest: Edition | None
    # Not shown by the public pages yet, oldest first (undated last): an
    # import's or a round's, waiting for the admin office's publish step.
    unpublished: list[Edition]


def plan_editions(plan: Plan) -> PlanEditions:
    """The plan's current edition and those not published yet, in one query."""
    editions = list(editions_latest_first(plan.editions.all()))
    unpublished = sorted(
        (e for e in editions if not e.published),
        key=lambda e: (e.date is None, e.date or dt.date.min, e.pk),
    )
    return PlanEditions(editions[0] if editions else None, unpublished)


def edition_numbers(plan_id: int) -> dict[int, int]:
    """Edition pk → its number in the plan's URLs."""
    pks = (
        Edition.objects.filter(plan_id=plan_id)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return {pk: n for n, pk in enumerate(pks, start=1)}


def indicator_to_dict(indicator: Indicator) -> dict:
    """An indicator in the interchange shape ("kpis" in the interchange JSON)."""
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "comparator": indicator.comparator or None,
        "direction": indicator.direction or None,
        "target": plain_number(indicator.target),
        "deadline_fy": indicator.deadline_fy,
        "baseline": plain_number(indicator.baseline),
        "baseline_date": indicator.baseline_date.isoformat()
        if indicator.baseline_date
        else None,
        "targets": {fy: plain_number(v) for fy, v in sorted(indicator.targets.items())},
        "actuals": {fy: plain_number(v) for fy, v in sorted(indicator.actuals.items())},
        "relative": indicator.relative or None,
        "source_text": indicator.source_text,
        "reviewed": indicator.reviewed,
        "status": indicator.status,
        "actual_sources": dict(sorted(indicator.actual_sources.items())),
    }


def edition_parsed(edition: Edition) -> ParsedPlan:
    """The plan as presented in an edition: its frozen snapshot when it has one
    (published editions do), else the live data."""
    if edition.snapshot is not None:
        return interchange.load(edition.snapshot, source=f"edition {edition.title}")
    return plan_to_parsed(edition.plan)


def plan_to_parsed(plan: Plan) -> ParsedPlan:
    """The whole plan in the interchange shape (4 queries), for every exporter."""
    programs = plan_programs(plan)
    kpis: dict[int, list[dict]] = defaultdict(list)
    for indicator in Indicator.objects.filter(program__plan=plan).order_by(
        "program_id", "ordering", "pk"
    ):
        kpis[indicator.program_id].append(indicator_to_dict(indicator))
    years: dict[int, dict[int, ParsedYear]] = defaultdict(dict)
    for y in ProgramYear.objects.filter(program__plan=plan).order_by("fiscal_year"):
        years[y.program_id][y.fiscal_year] = ParsedYear(
            achievements=list(y.achievements), plan=list(y.plan)
        )
    return ParsedPlan(
        municipality_name=plan.municipality.name,
        municipality_code=plan.municipality.code,
        title=plan.title,
        first_fy=plan.first_fy,
        last_fy=plan.last_fy,
        sections=[
            ParsedSection(s["kind"], s.get("heading", ""), s.get("lead", ""))
            for s in plan.sections
        ],
        directions={d.number: d.name for d in plan.directions.order_by("number")},
        editions=[
            ParsedEdition(
                title=e.title,
                meeting=e.meeting,
                material=e.material,
                date=e.date,
                fiscal_year=e.fiscal_year,
                schedule_as_of=e.schedule_as_of,
                kind=e.kind,
                snapshot=e.snapshot,
            )
            for e in plan.editions.order_by("date", "fiscal_year", "pk")
        ],
        programs=[
            ParsedProgram(
                number=p.number,
                name=p.name,
                direction=p.direction.number,
                kind=p.kind,
                ended_after_fy=p.ended_after_fy,
                policy_points=list(p.policy_points),
                action_items=[ParsedActionItem.from_dict(a) for a in p.action_items],
                schedule_raw=list(p.schedule_raw),
                years=years.get(p.pk, {}),
                kpis=kpis.get(p.pk, []),
            )
            for p in programs
        ],
    )


# --------------------------------------------------------------- indicators


def program_indicators(program: Program) -> list[Indicator]:
    """The program's indicators except rejected proposals (1 query)."""
    return list(program.indicators.exclude(status=IndicatorStatus.REJECTED))


@dataclass
class DashboardData:
    """What the KPI dashboard of a plan shows, as loaded (plans.presenters
    evaluates and draws it)."""

    plan: Plan
    fiscal_year: int
    programs: list[Program]
    indicators: dict[int, list[Indicator]]  # by program id, rejected ones left out
    grades: dict[int, str]  # program id → grade code for the fiscal year


def plan_dashboard_data(plan: Plan, *, fiscal_year: int | None = None) -> DashboardData:
    """Every indicator of a plan and the programs' grades for a FY (default the
    plan's last), by program (3 queries)."""
    fiscal_year = fiscal_year or plan.last_fy
    indicators: dict[int, list[Indicator]] = defaultdict(list)
    for i in Indicator.objects.filter(program__plan=plan).exclude(
        status=IndicatorStatus.REJECTED
    ):
        indicators[i.program_id].append(i)
    grades = dict(
        ProgramGrade.objects.filter(
            program__plan=plan, fiscal_year=fiscal_year
        ).values_list("program_id", "grade")
    )
    return DashboardData(
        plan=plan,
        fiscal_year=fiscal_year,
        programs=plan_programs(plan),
        indicators=indicators,
        grades=grades,
    )


# The columns of plan_indicator_rows, in the KPI CSV's order.
INDICATOR_CSV_FIELDS = (
    "municipality_code",
    "plan",
    "program_number",
    "program_name",
    "indicator",
    "unit",
    "comparator",
    "direction",
    "final_target",
    "deadline_fy",
    "baseline",
    "baseline_date",
    "fiscal_year",
    "fiscal_year_wareki",
    "target",
    "actual",
    "actual_source",
    "relative_target",
    "status",
)


def plan_indicator_rows(plan: Plan) -> list[dict]:
    """One row per indicator × FY, for the KPI CSV (2 queries)."""
    rows = []
    for i in (
        Indicator.objects.filter(program__plan=plan)
        .select_related("program")
        .order_by("program__ordering", "program__number", "ordering", "pk")
    ):
        fys: list[int | None] = [*sorted({int(fy) for fy in (*i.targets, *i.actuals)})]
        for fy in fys or [None]:
            rows.append(
                {
                    "municipality_code": plan.municipality.code,
                    "plan": plan.title,
                    "program_number": i.program.number,
                    "program_name": i.program.name,
                    "indicator": i.name,
                    "unit": i.unit,
                    "comparator": i.comparator,
                    "direction": i.direction,
                    "final_target": plain_number(i.target),
                    "deadline_fy": i.deadline_fy or "",
                    "baseline": plain_number(i.baseline),
                    "baseline_date": i.baseline_date.isoformat()
                    if i.baseline_date
                    else "",
                    "fiscal_year": fy or "",
                    "fiscal_year_wareki": wareki.fiscal_year_label(fy) if fy else "",
                    "target": plain_number(i.targets.get(str(fy))) if fy else "",
                    "actual": plain_number(i.actuals.get(str(fy))) if fy else "",
                    "actual_source": i.actual_sources.get(str(fy), "") if fy else "",
                    "relative_target": i.relative,
                    "status": i.status,
                }
            )
    return rows
