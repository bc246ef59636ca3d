"""An edition's indicators ready for the public pages: evaluated and drawn as
the staff pages draw live ones (plans.presenters.kpi_view), from what
portal.selectors loaded. No query here."""

from __future__ import annotations

from dataclasses import dataclass

from shinchoku.plans.presenters import IndicatorView, kpi_view, status_counts
from shinchoku.portal.content import is_published_kpi
from shinchoku.portal.selectors import ProgramView, PublicEdition


@dataclass
class IndicatorProgram:
    program: ProgramView
    indicators: list[IndicatorView]


@dataclass
class IndicatorGroup:
    """A 方向性 on the public indicators page."""

    number: int
    name: str
    programs: list[IndicatorProgram]  # those with indicators
    status_counts: dict[str, int]


@dataclass
class IndicatorDashboard:
    groups: list[IndicatorGroup]
    status_counts: dict[str, int]

    @property
    def count(self) -> int:
        return sum(self.status_counts.values())


def indicator_views(pe: PublicEdition, program: ProgramView) -> list[IndicatorView]:
    """The program's indicators as published; element ids carry the program
    number, so that a page may show every program's."""
    return [
        kpi_view(
            kpi,
            first_fy=pe.head.first_fy,
            last_fy=pe.head.last_fy,
            thresholds=pe.plan.plan.progress_thresholds,
            method=pe.plan.plan.evaluation_method,
            chart_id=f"kpi-{program.number}-{i}",
            dom_id=f"indicator-{program.number}-{i}",
        )
        for i, kpi in enumerate(program.kpis, start=1)
        if is_published_kpi(kpi)
    ]


def indicator_dashboard(
    pe: PublicEdition, programs: list[ProgramView]
) -> IndicatorDashboard:
    """Every indicator of the edition's programs (PublicEdition.programs) by
    方向性 with counts per status, as the staff dashboard shows live ones."""
    groups: dict[int, IndicatorGroup] = {}
    every: list[IndicatorView] = []
    for program in programs:
        group = groups.get(program.program.direction)
        if group is None:
            group = groups[program.program.direction] = IndicatorGroup(
                number=program.program.direction,
                name=program.direction_name,
                programs=[],
                status_counts={},
            )
        views = indicator_views(pe, program)
        if views:
            group.programs.append(IndicatorProgram(program, views))
            every.extend(views)
    for group in groups.values():
        group.status_counts = status_counts(
            [v for p in group.programs for v in p.indicators]
        )
    return IndicatorDashboard(
        groups=[groups[n] for n in sorted(groups)],
        status_counts=status_counts(every),
    )
