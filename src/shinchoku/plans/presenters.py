"""Indicators ready for a page: evaluated per fiscal year (plans.evaluation) and
drawn (plans.charts) from what the selectors loaded. No query here. The staff
pages (a live Indicator) and the public pages (an edition's frozen snapshot)
draw an indicator with the same code and the same template
(plans/_indicator.html)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from shinchoku.common import wareki
from shinchoku.document import interchange
from shinchoku.document.kpi import Indicator as KpiIndicator
from shinchoku.document.kpi import plain_number
from shinchoku.plans import charts, evaluation, evaluation_methods
from shinchoku.plans.models import (
    Direction,
    Indicator,
    IndicatorStatus,
    Plan,
    Program,
)
from shinchoku.plans.selectors import DashboardData, indicator_to_dict

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
    ind = KpiIndicator.from_dict(data)
    bands = plan_thresholds(thresholds)
    measured = [int(fy) for fy in data["actuals"]]
    last = max([last_fy, data["deadline_fy"] or 0, *measured])
    years = []
    for fy in range(first_fy, last + 1):
        ev = evaluation.evaluate(ind, fy, bands)
        years.append(
            YearFigures(
                fiscal_year=fy,
                target=plain_number(ind.targets.get(fy)),
                actual=plain_number(ind.actuals.get(fy)),
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
        method=plan.evaluation_method,
        chart_id=chart_id,
        dom_id=f"indicator-{indicator.pk}",
        indicator=indicator,
    )


def status_counts(views: list[IndicatorView]) -> dict[str, int]:
    """{status: number of indicators}, every status present (zeros included)."""
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for view in views:
        counts[view.status] += 1
    return counts


def program_indicator_views(
    program: Program, indicators: list[Indicator]
) -> list[IndicatorView]:
    """A program's indicators (plans.selectors.program_indicators) for its page."""
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


def plan_dashboard(data: DashboardData) -> Dashboard:
    """Every indicator of a plan by 方向性, evaluated and charted, with status
    counts, and the programs' grades with counts per grade and per 方向性 (no
    query: plans.selectors.plan_dashboard_data loads it)."""
    plan = data.plan
    codes = [g["code"] for g in plan.grade_scale] + ["-"]
    empty_status = dict.fromkeys(STATUS_LABELS, 0)
    total_status, total_grades = dict(empty_status), dict.fromkeys(codes, 0)
    groups: dict[int, DashboardGroup] = {}
    for program in data.programs:
        group = groups.get(program.direction.number)
        if group is None:
            group = groups[program.direction.number] = DashboardGroup(
                program.direction, [], dict(empty_status), dict.fromkeys(codes, 0)
            )
        views = [
            indicator_view(i, plan, chart_id=f"kpi-{i.pk}")
            for i in data.indicators.get(program.pk, [])
        ]
        grade = data.grades.get(program.pk, "-")
        group.programs.append(DashboardProgram(program, views, grade))
        for counts in (group.grade_counts, total_grades):
            counts[grade if grade in counts else "-"] += 1
        for view in views:
            group.status_counts[view.status] += 1
            total_status[view.status] += 1
    return Dashboard(
        fiscal_year=data.fiscal_year,
        groups=[groups[n] for n in sorted(groups)],
        status_counts=total_status,
        grade_counts=total_grades,
        grade_scale=plan.grade_scale,
    )


def target_text(kpi: dict, fiscal_year: int) -> str:
    """The target that applies to a fiscal year, as a person reads it, from an
    indicator's interchange dict (indicator_to_dict, a snapshot's kpi): the
    year's own target (85%); else the final target with its deadline, which
    many plans state alone (経常経費の削減率 20%以上(令和6年度まで)); else a
    relative one (前年度実績以上); else why there is none."""
    unit = kpi.get("unit") or ""
    year = (kpi.get("targets") or {}).get(str(fiscal_year))
    if year is not None:
        return f"{charts.format_value(year)}{unit}"
    if kpi.get("target") is not None:
        value = charts.format_value(kpi["target"])
        text = f"{value}{unit}{kpi.get('comparator') or ''}"
        if kpi.get("deadline_fy"):
            text += str(
                _("(final target, by %(fy)s)")
                % {"fy": wareki.fiscal_year_label(kpi["deadline_fy"])}
            )
        return text
    if kpi.get("relative"):
        return str(kpi["relative"])
    return str(_("none stated in the plan"))
