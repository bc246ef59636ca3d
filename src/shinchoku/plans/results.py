"""What a 実績 edition freezes beyond the plan's text: the results block.

A results edition (令和5年度実績) reports, per program, the grade of FY N on
the plan's scale and the FY's indicator actuals with their status, and the
committee's opinions with the city's responses (which the update round owns and
passes in). They are evaluated once, when the edition is frozen, and kept in
its snapshot (docs/interchange-format.md, "results"): the report of the edition
prints what was true then, whatever the evaluation bands or grades become.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.utils import translation

from shinchoku.document.kpi import Indicator as KpiIndicator
from shinchoku.plans import evaluation, evaluation_methods
from shinchoku.plans.charts import format_value
from shinchoku.plans.models import (
    Indicator,
    IndicatorStatus,
    Plan,
    ProgramGrade,
)
from shinchoku.plans.presenters import plan_thresholds
from shinchoku.plans.selectors import indicator_to_dict

# (委員会意見, 市の対応) pairs by program number, in the order they were written.
Opinions = Mapping[int, Sequence[tuple[str, str]]]
# The status of an actual that the plan gives nothing to be judged against.
NOT_JUDGED = "判定不可"


def kpi_result(indicator: Indicator, plan: Plan, fiscal_year: int) -> dict:
    """An indicator's FY target, actual and status as the report prints them:
    the status of the linear evaluation (順調, 遅れ…), or the band of the plan's
    own method when it has one (S 目標達成…)."""
    ind = KpiIndicator.from_dict(indicator_to_dict(indicator))
    ev = evaluation.evaluate(
        ind, fiscal_year, plan_thresholds(plan.progress_thresholds)
    )
    status, label = str(ev.status), ev.label
    method = plan.evaluation_method
    if method != "linear" and method in evaluation_methods.METHODS:
        mark = evaluation_methods.assess(ind, fiscal_year, method)
        # The report is in Japanese whatever the language of who closes.
        with translation.override("ja"):
            status, label = mark.code, f"{mark.code} {mark.label}".strip()
    if status == evaluation.Status.NOT_MEASURED and ev.actual is not None:
        # Measured, but nothing to judge it by (no target, no previous year):
        # 未測定 beside a value reads as a contradiction.
        label = NOT_JUDGED
    target = ind.targets.get(fiscal_year, ind.target)
    target_text = ind.relative or ""  # 前年度実績以上: a target all the same
    if target is not None:
        target_text = format_value(target, indicator.unit)
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "target": target_text,
        "actual": "" if ev.actual is None else format_value(ev.actual, indicator.unit),
        "status": status,
        "status_label": label,
    }


def edition_results(plan: Plan, fiscal_year: int, opinions: Opinions) -> dict:
    """The results block of a 実績 edition of FY ``fiscal_year`` (3 queries)."""
    grades = {
        g.program_id: g
        for g in ProgramGrade.objects.filter(
            program__plan=plan, fiscal_year=fiscal_year
        )
    }
    kpis: dict[int, list[dict]] = {}
    for indicator in (
        Indicator.objects.filter(program__plan=plan)
        .exclude(status=IndicatorStatus.REJECTED)
        .order_by("program_id", "ordering", "pk")
    ):
        kpis.setdefault(indicator.program_id, []).append(
            kpi_result(indicator, plan, fiscal_year)
        )
    programs = []
    for program in plan.programs.order_by("ordering", "number"):
        grade = grades.get(program.pk)
        programs.append(
            {
                "number": program.number,
                "grade": grade.grade if grade else "",
                "grade_comment": grade.comment if grade else "",
                "kpis": kpis.get(program.pk, []),
                "opinions": [
                    {"text": text, "response": response}
                    for text, response in opinions.get(program.number, ())
                ],
            }
        )
    return {
        "fiscal_year": fiscal_year,
        "grade_scale": [
            {"code": g["code"], "label": g.get("label", "")} for g in plan.grade_scale
        ],
        "programs": programs,
    }
