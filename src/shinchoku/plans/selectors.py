"""Reads of the plan domain. Anything spanning relations lives here, with the
joins and prefetches that keep a page at a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from shinchoku.common import wareki
from shinchoku.document import interchange
from shinchoku.document import kpi as document_kpi
from shinchoku.document.model import (
    ParsedActionItem,
    ParsedEdition,
    ParsedPlan,
    ParsedProgram,
    ParsedSection,
    ParsedYear,
)
from shinchoku.plans import charts, evaluation, evaluation_methods
from shinchoku.plans.models import (
    Direction,
    Edition,
    Indicator,
    IndicatorStatus,
    Municipality,
    Plan,
    Program,
    ProgramGrade,
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
    labels = dict(Program._meta.get_field("kind").choices)
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


def indicator_get(pk: int) -> Indicator:
    """A live indicator with its program, plan and municipality (1 query)."""
    return Indicator.objects.select_related("program__plan__municipality").get(pk=pk)


def edition_latest(plan: Plan) -> Edition | None:
    return plan.editions.order_by("-fiscal_year", "-date", "-pk").first()


def indicator_to_dict(indicator: Indicator) -> dict:
    """An indicator in the interchange shape ("kpis" in the interchange JSON)."""
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "comparator": indicator.comparator or None,
        "direction": indicator.direction or None,
        "target": _num(indicator.target),
        "deadline_fy": indicator.deadline_fy,
        "baseline": _num(indicator.baseline),
        "baseline_date": indicator.baseline_date.isoformat()
        if indicator.baseline_date
        else None,
        "targets": {fy: _num(v) for fy, v in sorted(indicator.targets.items())},
        "actuals": {fy: _num(v) for fy, v in sorted(indicator.actuals.items())},
        "relative": indicator.relative or None,
        "source_text": indicator.source_text,
        "reviewed": indicator.reviewed,
        "status": indicator.status,
        "actual_sources": dict(sorted(indicator.actual_sources.items())),
    }


def _num(value: float | None) -> int | float | None:
    """62.0 → 62, so numbers read back as the city wrote them."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


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

STATUS_LABELS = {
    "achieved": _("Achieved"),
    "on_track": _("On track"),
    "slightly_behind": _("Slightly behind"),
    "behind": _("Behind"),
    "not_measured": _("Not measured"),
}
# A symbol as well as a colour, so status survives grey-scale printing.
STATUS_SYMBOLS = {
    "achieved": "◎",
    "on_track": "○",
    "slightly_behind": "△",
    "behind": "×",
    "not_measured": "－",
}


@dataclass
class YearFigures:
    fiscal_year: int
    target: float | None
    actual: float | None
    actual_source: str
    required: float | None
    status: str

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def status_symbol(self) -> str:
        return STATUS_SYMBOLS[self.status]


@dataclass
class IndicatorView:
    """An indicator ready for a page: its stated figures, its evaluation per FY
    and its chart. Built from the interchange dict (kpi_view), so that the staff
    pages (a live Indicator) and the public pages (an edition's frozen
    snapshot) draw it with the same code and the same template
    (plans/_indicator.html)."""

    kpi: dict  # the interchange dict in its full shape (normalize_kpi)
    dom_id: str  # unique on the page: the block's id, its heading's, its chart's
    status: str  # at the latest measured FY
    status_fy: int | None
    rate: float | None  # achievement rate against the final target
    notes: tuple[str, ...]
    years: list[YearFigures]
    svg: str
    indicator: Indicator | None = None  # the live model, on staff pages only
    # The band of the plan's own scale when it is not the default linear one.
    mark: evaluation_methods.Assessment | None = None

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def status_symbol(self) -> str:
        return STATUS_SYMBOLS[self.status]

    @property
    def name(self) -> str:
        return self.kpi["name"]

    @property
    def unit(self) -> str:
        return self.kpi["unit"]

    @property
    def comparator(self) -> str:
        return self.kpi["comparator"] or ""

    @property
    def target(self) -> int | float | None:
        return self.kpi["target"]

    @property
    def deadline_fy(self) -> int | None:
        return self.kpi["deadline_fy"]

    @property
    def baseline(self) -> int | float | None:
        return self.kpi["baseline"]

    @property
    def baseline_date(self) -> dt.date | None:
        value = self.kpi["baseline_date"]
        return dt.date.fromisoformat(value) if value else None

    @property
    def relative(self) -> str:
        return self.kpi["relative"] or ""

    @property
    def source_text(self) -> str:
        return self.kpi["source_text"]

    @property
    def pending(self) -> bool:
        """Proposed by the extractor and not reviewed by staff yet."""
        return self.kpi["status"] == IndicatorStatus.EXTRACTED


def plan_thresholds(thresholds: dict | None):
    """A plan's progress_thresholds as evaluation.Thresholds (the defaults when
    they are missing or malformed)."""
    try:
        return evaluation.Thresholds(**(thresholds or {}))
    except (TypeError, ValueError):
        return evaluation.DEFAULT_THRESHOLDS


def kpi_view(
    kpi: dict,
    *,
    first_fy: int,
    last_fy: int,
    thresholds: dict | None,
    chart_id: str,
    dom_id: str | None = None,
    indicator: Indicator | None = None,
    method: str = "linear",
) -> IndicatorView:
    """An interchange indicator dict (a live indicator's indicator_to_dict, or
    one of an edition's snapshot) with its evaluation per FY (from the plan's
    first FY to its last, or the deadline or latest actual when later) and its
    chart. No query. `chart_id` and `dom_id` must be unique on the page."""
    # The interchange reader's own check, which fills in what a dict leaves out.
    data = interchange.normalize_kpi(kpi, source=chart_id)
    ind = document_kpi.Indicator.from_dict(data)
    bands = plan_thresholds(thresholds)
    measured = [int(fy) for fy in data["actuals"]]
    last = max([last_fy, data["deadline_fy"] or 0, *measured])
    years = []
    for fy in range(first_fy, last + 1):
        ev = evaluation.evaluate(ind, fy, bands)
        years.append(
            YearFigures(
                fiscal_year=fy,
                target=_num(ind.targets.get(fy)),
                actual=_num(ind.actuals.get(fy)),
                actual_source=data["actual_sources"].get(str(fy), ""),
                required=round(ev.required_value, 2)
                if ev.required_value is not None
                else None,
                status=str(ev.status),
            )
        )
    latest = max(measured) if measured else None
    current = evaluation.evaluate(ind, latest if latest else last_fy, bands)
    mark = None
    if method != "linear" and method in evaluation_methods.METHODS:
        mark = evaluation_methods.assess(ind, latest or last_fy, method)
    return IndicatorView(
        kpi=data,
        dom_id=dom_id or f"indicator-{chart_id}",
        status=str(current.status),
        status_fy=latest,
        rate=current.achievement_rate,
        notes=current.notes,
        years=years,
        svg=charts.indicator_svg(ind, chart_id=chart_id, first_fy=first_fy),
        indicator=indicator,
        mark=mark,
    )


def indicator_view(
    indicator: Indicator, plan: Plan, *, chart_id: str = "kpi"
) -> IndicatorView:
    """A live indicator as kpi_view draws it (no query)."""
    return kpi_view(
        indicator_to_dict(indicator),
        first_fy=plan.first_fy,
        last_fy=plan.last_fy,
        thresholds=plan.progress_thresholds,
        chart_id=chart_id,
        dom_id=f"indicator-{indicator.pk}",
        indicator=indicator,
        method=plan.evaluation_method,
    )


def status_counts(views: list[IndicatorView]) -> dict[str, int]:
    """{status: number of indicators}, every status present (zeros included)."""
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for view in views:
        counts[view.status] += 1
    return counts


def program_indicators(program: Program) -> list[IndicatorView]:
    """The program's indicators except rejected proposals (1 query)."""
    indicators = program.indicators.exclude(status=IndicatorStatus.REJECTED)
    return [indicator_view(i, program.plan, chart_id=f"kpi-{i.pk}") for i in indicators]


@dataclass
class DashboardProgram:
    program: Program
    indicators: list[IndicatorView]
    grade: str


@dataclass
class DashboardGroup:
    direction: Direction
    programs: list[DashboardProgram]
    status_counts: dict[str, int]
    grade_counts: dict[str, int]

    @property
    def number(self) -> int:
        return self.direction.number

    @property
    def name(self) -> str:
        return self.direction.name


@dataclass
class Dashboard:
    fiscal_year: int
    groups: list[DashboardGroup]
    status_counts: dict[str, int]
    grade_counts: dict[str, int]
    grade_scale: list[dict]


def plan_dashboard(plan: Plan, *, fiscal_year: int | None = None) -> Dashboard:
    """Every indicator of a plan by 方向性, with status counts, and the programs'
    grades for a FY with counts per grade and per 方向性 (4 queries)."""
    fiscal_year = fiscal_year or plan.last_fy
    programs = plan_programs(plan)
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
    codes = [g["code"] for g in plan.grade_scale] + ["-"]
    empty_status = dict.fromkeys(STATUS_LABELS, 0)
    total_status, total_grades = dict(empty_status), dict.fromkeys(codes, 0)
    groups: dict[int, DashboardGroup] = {}
    for program in programs:
        group = groups.get(program.direction.number)
        if group is None:
            group = groups[program.direction.number] = DashboardGroup(
                program.direction, [], dict(empty_status), dict.fromkeys(codes, 0)
            )
        views = [
            indicator_view(i, plan, chart_id=f"kpi-{i.pk}")
            for i in indicators[program.pk]
        ]
        grade = grades.get(program.pk, "-")
        group.programs.append(DashboardProgram(program, views, grade))
        for counts in (group.grade_counts, total_grades):
            counts[grade if grade in counts else "-"] += 1
        for view in views:
            group.status_counts[view.status] += 1
            total_status[view.status] += 1
    return Dashboard(
        fiscal_year=fiscal_year,
        groups=[groups[n] for n in sorted(groups)],
        status_counts=total_status,
        grade_counts=total_grades,
        grade_scale=plan.grade_scale,
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
        fys = sorted({int(fy) for fy in (*i.targets, *i.actuals)})
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
                    "final_target": _num(i.target),
                    "deadline_fy": i.deadline_fy or "",
                    "baseline": _num(i.baseline),
                    "baseline_date": i.baseline_date.isoformat()
                    if i.baseline_date
                    else "",
                    "fiscal_year": fy or "",
                    "fiscal_year_wareki": wareki.fiscal_year_label(fy) if fy else "",
                    "target": _num(i.targets.get(str(fy))) if fy else "",
                    "actual": _num(i.actuals.get(str(fy))) if fy else "",
                    "actual_source": i.actual_sources.get(str(fy), "") if fy else "",
                    "relative_target": i.relative,
                    "status": i.status,
                }
            )
    return rows
