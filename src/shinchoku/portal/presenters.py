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


@dataclass(frozen=True)
class ProgramResult:
    """A program's grade in a 実績 edition, as frozen when it was closed."""

    fiscal_year: int | None
    grade: str
    label: str  # the plan's scale: 予定以上に進捗…
    comment: str


def program_result(pe: PublicEdition, number: int) -> ProgramResult | None:
    """The grade of program ``number`` in a 実績 edition, else None."""
    meta = pe.parsed_edition()
    block = (meta.results if meta else None) or {}
    result = next(
        (r for r in block.get("programs", []) if r.get("number") == number), None
    )
    if meta is None or not result or not result.get("grade"):
        return None
    labels = {s.get("code"): s.get("label", "") for s in block.get("grade_scale", [])}
    return ProgramResult(
        fiscal_year=block.get("fiscal_year") or meta.fiscal_year,
        grade=result["grade"],
        label=labels.get(result["grade"], ""),
        comment=result.get("grade_comment", ""),
    )
