"""Build the 実績 report (reports.model.ResultsReport) of an edition.

Like reports.builder, a pure function of the plan document and one of its
editions, here a 実績 edition of FY N: the texts come from the programs' year
records (N's 当初予定 and 取組実績, N+1's 当初予定), the grades, KPI actuals and
opinions from the edition's frozen results block (plans.results). An edition
frozen without one (imported, or made before results were frozen) prints its
texts with every program 未評価 and no indicators or opinions.
"""

from __future__ import annotations

from collections.abc import Callable

from shinchoku.common import wareki
from shinchoku.common.text import program_number_label
from shinchoku.document.model import ParsedEdition, ParsedPlan, ParsedProgram
from shinchoku.plans.evaluation import UNRATED
from shinchoku.reports.builder import ReportError, arrange, report_title
from shinchoku.reports.model import (
    GradeCountRow,
    KpiResultLine,
    OpinionLine,
    ResultsColumns,
    ResultsGroup,
    ResultsReport,
    ResultsRow,
    ResultsSection,
)

CORRECTION_NOTE = "※本資料は{title}の修正版です。"


def results_columns(fy: int, *, has_next: bool = True) -> ResultsColumns:
    """The headings of FY fy's report; without has_next (the plan's last FY)
    no 当初予定 of the next year."""
    label = wareki.fiscal_year_label
    return ResultsColumns(
        fiscal_year=fy,
        plan_heading=f"{label(fy)}当初予定 {label(fy)}設定目標",
        achievements_heading=f"{label(fy)}の取組実績",
        kpi_heading=f"成果指標 {label(fy)}実績",
        grade_heading="評価",
        next_fiscal_year=fy + 1 if has_next else None,
        next_heading=f"{label(fy + 1)}当初予定" if has_next else "",
    )


def has_next_year(plan: ParsedPlan, fy: int) -> bool:
    """Whether FY fy+1 is in the plan (or a program has a 当初予定 for it)."""
    return fy < plan.last_fy or any(
        (record := p.years.get(fy + 1)) is not None and record.plan
        for p in plan.programs
    )


def build_results_report(
    plan: ParsedPlan,
    edition: ParsedEdition,
    *,
    program_url: Callable[[int], str] | None = None,
    supersedes_title: str = "",
) -> ResultsReport:
    fy = edition.fiscal_year
    if fy is None:
        raise ReportError(f"the edition {edition.title} has no fiscal year")
    results = edition.results or {}
    scale = tuple(
        (g["code"], g.get("label", "")) for g in results.get("grade_scale", [])
    )
    by_number = {p["number"]: p for p in results.get("programs", [])}
    columns = results_columns(fy, has_next=has_next_year(plan, fy))

    def row(program: ParsedProgram) -> ResultsRow:
        return _row(
            program, columns, scale, by_number.get(program.number, {}), program_url
        )

    sections = [
        ResultsSection(
            kind=section.kind,
            heading=section.heading,
            lead=section.lead,
            groups=tuple(
                ResultsGroup(
                    number=group.number,
                    name=group.name,
                    label=group.label,
                    rows=tuple(row(p) for p in group.programs),
                )
                for group in section.groups
            ),
        )
        for section in arrange(plan)
    ]
    codes = tuple(code for code, _label in scale) + (UNRATED,)
    return ResultsReport(
        title=report_title(plan, edition),
        municipality=plan.municipality_name,
        meeting=edition.meeting,
        material=edition.material,
        date=edition.date,
        date_label=wareki.date_label(edition.date) if edition.date else "",
        columns=columns,
        grade_scale=scale,
        count_headings=codes,
        grade_counts=grade_counts(sections, codes),
        sections=tuple(sections),
        note=CORRECTION_NOTE.format(title=supersedes_title) if supersedes_title else "",
    )


def _row(program, columns, scale, result: dict, program_url) -> ResultsRow:
    def year(fy: int | None, field: str) -> tuple[str, ...]:
        record = program.years.get(fy) if fy is not None else None
        return tuple(getattr(record, field) or ()) if record else ()

    grade = result.get("grade", "")
    labels = dict(scale)
    ended = program.ended_after_fy
    active = ended is None or ended >= columns.fiscal_year
    return ResultsRow(
        number=program.number,
        number_label=program_number_label(program.number),
        name=program.name,
        ended_note=program.ended_note,
        policy_points=tuple(program.policy_points),
        plan=year(columns.fiscal_year, "plan"),
        achievements=year(columns.fiscal_year, "achievements"),
        kpis=tuple(
            KpiResultLine(
                name=k.get("name", ""),
                unit=k.get("unit", ""),
                target=k.get("target", ""),
                actual=k.get("actual", ""),
                status=k.get("status", ""),
                status_label=k.get("status_label", ""),
            )
            for k in result.get("kpis", [])
        ),
        grade=grade,
        grade_label=labels.get(grade, "") if grade else UNRATED if active else "－",
        grade_comment=result.get("grade_comment", ""),
        next_plan=year(columns.next_fiscal_year, "plan"),
        opinions=tuple(
            OpinionLine(o.get("text", ""), o.get("response", ""))
            for o in result.get("opinions", [])
        ),
        url=program_url(program.number) if program_url else "",
        active=active,
    )


def grade_counts(
    sections: list[ResultsSection], codes: tuple[str, ...]
) -> tuple[GradeCountRow, ...]:
    """How many programs of each 方向性 have each grade, then the total
    (programs ended before the year are not counted)."""
    per_direction: dict[int, tuple[str, list[int]]] = {}
    for section in sections:
        for group in section.groups:
            _label, counts = per_direction.setdefault(
                group.number, (group.label, [0] * len(codes))
            )
            for row in group.rows:
                if not row.active:
                    continue
                code = row.grade if row.grade in codes else UNRATED
                counts[codes.index(code)] += 1
    rows = [
        GradeCountRow(label, tuple(counts), sum(counts))
        for _number, (label, counts) in sorted(per_direction.items())
    ]
    total = [sum(r.counts[i] for r in rows) for i in range(len(codes))]
    rows.append(GradeCountRow("計", tuple(total), sum(total)))
    return tuple(rows)
