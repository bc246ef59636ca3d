"""Build the committee report (reports.model.Report) from a plan as presented.

A pure function of a ParsedPlan and one of its editions: the caller gets both
from ``plans.selectors.edition_parsed`` (a published edition's frozen snapshot)
or ``plan_to_parsed`` (live data). No database access here, so an edition's
report is the same today and in ten years.

Column headings derive from the edition's fiscal year N, as in the city's table:
the schedule shows the plan's FYs up to N-1 (R3 R4 R5 for N = 2024), then the
achievements through N-2, the plan and targets for N-1 and for N.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from shinchoku.common import wareki
from shinchoku.common.text import program_number_label
from shinchoku.document.model import (
    ParsedEdition,
    ParsedPlan,
    ParsedProgram,
    ParsedYear,
)
from shinchoku.reports.model import (
    Report,
    ReportColumns,
    ReportGroup,
    ReportRow,
    ReportSection,
    ScheduleCell,
)

# Section rows as the city prints them, for plans imported without them.
DEFAULT_SECTIONS = {
    "implementation": "◆◇実施プログラム◇◆",
    "former_study": "◆◆2年間の検討を経た実施プログラム(旧検討プログラム)◆◆",
}


class ReportError(ValueError):
    pass


def report_title(plan: ParsedPlan, edition: ParsedEdition) -> str:
    """小平市第1期経営方針推進プログラム(令和3年度～令和6年度)進捗状況【令和6年度当初計画】"""
    period = f"{wareki.fiscal_year_label(plan.first_fy)}～{wareki.fiscal_year_label(plan.last_fy)}"
    return f"{plan.municipality_name}{plan.title}({period})進捗状況【{edition.title}】"


def build_columns(plan: ParsedPlan, edition: ParsedEdition) -> ReportColumns:
    fy = edition.fiscal_year
    if fy is None:
        raise ReportError(f"the edition {edition.title} has no fiscal year")
    schedule_fys = tuple(range(plan.first_fy, fy))
    if edition.schedule_as_of:
        year, month = (int(part) for part in edition.schedule_as_of.split("-"))
    else:  # the city's habit: the schedule as assumed at the end of FY N-2
        year, month = fy - 1, 3
    label = wareki.fiscal_year_label
    return ReportColumns(
        schedule_heading=f"年度スケジュール({wareki.short_month(year, month)}時点想定)",
        action_items_heading="取組項目",
        schedule_fys=schedule_fys,
        schedule_fy_labels=tuple(wareki.fiscal_year_short(y) for y in schedule_fys),
        achievements_fy=fy - 2,
        achievements_heading=f"{label(fy - 2)}までの取組実績",
        previous_fy=fy - 1,
        previous_heading=f"{label(fy - 1)}当初予定 {label(fy - 1)}設定目標(前年度末の状況)",
        current_fy=fy,
        current_heading=f"{label(fy)}当初予定 {label(fy)}設定目標(前年度末の状況)",
    )


def build_report(
    plan: ParsedPlan,
    edition: ParsedEdition,
    *,
    program_url: Callable[[int], str] | None = None,
) -> Report:
    columns = build_columns(plan, edition)
    sections = [
        ReportSection(
            kind=section.kind,
            heading=section.heading,
            lead=section.lead,
            groups=tuple(
                ReportGroup(
                    number=group.number,
                    name=group.name,
                    label=group.label,
                    rows=tuple(_row(p, columns, program_url) for p in group.programs),
                )
                for group in section.groups
            ),
        )
        for section in arrange(plan)
    ]
    return Report(
        title=report_title(plan, edition),
        municipality=plan.municipality_name,
        meeting=edition.meeting,
        material=edition.material,
        date=edition.date,
        date_label=wareki.date_label(edition.date) if edition.date else "",
        columns=columns,
        sections=tuple(sections),
    )


@dataclass(frozen=True)
class ArrangedGroup:
    number: int
    name: str
    label: str  # 方向性1 地域資源によるサービスの実現
    programs: tuple[ParsedProgram, ...]


@dataclass(frozen=True)
class ArrangedSection:
    kind: str
    heading: str
    lead: str
    groups: tuple[ArrangedGroup, ...]


def arrange(plan: ParsedPlan) -> list[ArrangedSection]:
    """The plan's programs as every report prints them: by section (the plan's
    order, then kinds it does not list), then by 方向性, in the plan's order
    inside each."""
    by_kind: dict[str, list[ParsedProgram]] = {}
    for program in plan.programs:
        by_kind.setdefault(program.kind, []).append(program)
    section_meta = {s.kind: s for s in plan.sections}
    kinds = [s.kind for s in plan.sections] + [
        k for k in by_kind if k not in section_meta
    ]
    sections = []
    for kind in kinds:
        programs = by_kind.get(kind)
        if not programs:
            continue
        meta = section_meta.get(kind)
        grouped: dict[int, list[ParsedProgram]] = {}
        for program in programs:
            grouped.setdefault(program.direction, []).append(program)
        sections.append(
            ArrangedSection(
                kind=kind,
                heading=meta.heading if meta else DEFAULT_SECTIONS.get(kind, kind),
                lead=meta.lead if meta else "",
                groups=tuple(
                    ArrangedGroup(
                        number=number,
                        name=plan.directions.get(number, ""),
                        label=f"方向性{number} {plan.directions.get(number, '')}".rstrip(),
                        programs=tuple(group),
                    )
                    for number, group in sorted(grouped.items())
                ),
            )
        )
    return sections


def _row(program: ParsedProgram, columns: ReportColumns, program_url) -> ReportRow:
    def year(fy: int) -> ParsedYear:
        return program.years.get(fy) or ParsedYear()

    return ReportRow(
        number=program.number,
        number_label=program_number_label(program.number),
        name=program.name,
        ended_note=program.ended_note,
        policy_points=tuple(program.policy_points),
        action_items=tuple(item.text for item in program.action_items),
        schedule=schedule_cells(program, columns.schedule_fys),
        achievements=tuple(year(columns.achievements_fy).achievements or ()),
        previous_plan=tuple(year(columns.previous_fy).plan or ()),
        current_plan=tuple(year(columns.current_fy).plan or ()),
        url=program_url(program.number) if program_url else "",
    )


def schedule_cells(
    program: ParsedProgram, fys: tuple[int, ...]
) -> tuple[ScheduleCell, ...]:
    """One cell per FY column when the items say which FY a cell is for;
    otherwise the published cells left to right, the last one spanning what is
    left (a single cell spans the whole schedule, as in the city's PDF)."""
    if not fys:
        return ()
    if any(item.schedule for item in program.action_items):
        return tuple(
            ScheduleCell(
                "\n".join(
                    item.schedule.get(fy, "") for item in program.action_items
                ).strip("\n")
            )
            for fy in fys
        )
    raw = program.schedule_raw[: len(fys)]
    if len(program.schedule_raw) > len(fys):  # more cells than columns: keep them all
        raw = [
            *program.schedule_raw[: len(fys) - 1],
            " ".join(program.schedule_raw[len(fys) - 1 :]),
        ]
    if not raw:
        return (ScheduleCell("", span=len(fys)),)
    cells = [ScheduleCell(text) for text in raw[:-1]]
    cells.append(ScheduleCell(raw[-1], span=len(fys) - len(cells)))
    return tuple(cells)
