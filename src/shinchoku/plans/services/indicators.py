"""Writes of indicators: staff review of what the extractor proposed, actuals
typed in (on the program page, through the API, or by approving a round's
entry), and indicators set up by the admin office."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from shinchoku.common.services import (
    ServiceError,
    StaleVersion,
    User,
    model_save,
    model_update,
)
from shinchoku.common.values import parse_number
from shinchoku.plans.models import Indicator, IndicatorStatus, Plan, Program
from shinchoku.workflow.permissions import Action, require

# Fields staff may correct when reviewing an extracted indicator.
INDICATOR_EDITABLE = (
    "name",
    "unit",
    "direction",
    "comparator",
    "target",
    "deadline_fy",
    "baseline",
    "baseline_date",
    "relative",
)
DECISIONS = {
    "confirm": IndicatorStatus.CONFIRMED,
    "reject": IndicatorStatus.REJECTED,
    "reopen": IndicatorStatus.EXTRACTED,
}


def _check(actor: User | None, plan: Plan) -> None:
    if actor is not None:
        require(actor, Action.REVIEW_INDICATOR, plan)


def _locked(indicator: Indicator, based_on_version: int | None) -> Indicator:
    current = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if based_on_version is not None and current.version != based_on_version:
        raise StaleVersion(
            _("This record was changed by someone else in the meantime."),
            current=current,
        )
    return current


@transaction.atomic
def indicator_review(
    *,
    indicator: Indicator,
    actor: User | None,
    decision: str,
    based_on_version: int,
    values: dict | None = None,
    via: str = "screen",
) -> Indicator:
    """Confirm (optionally correcting fields), reject, or reopen an indicator.
    A confirmed or rejected indicator is never overwritten by a re-import."""
    _check(actor, indicator.program.plan)
    if decision not in DECISIONS:
        raise ServiceError(_("Unknown decision: %(d)s") % {"d": decision})
    current = _locked(indicator, based_on_version)
    for field in values or {}:
        if field not in INDICATOR_EDITABLE:
            raise ServiceError(_("%(f)s cannot be edited here.") % {"f": field})
    model_update(
        current,
        data={"status": DECISIONS[decision], **(values or {})},
        actor=actor,
        reason=f"{via}: indicator {decision}",
    )
    return current


@transaction.atomic
def indicator_actual_set(
    *,
    indicator: Indicator,
    actor: User | None,
    fiscal_year: int,
    value: float | None,
    based_on_version: int | None,
    via: str = "screen",
    reason: str = "",
) -> Indicator:
    """Type in (or clear, with None) an indicator's actual for a fiscal year.
    ``based_on_version`` None skips the lost-update check, for callers that did
    their own (approving a round entry checks the entry's version)."""
    _check(actor, indicator.program.plan)
    current = _locked(indicator, based_on_version)
    key = str(fiscal_year)
    if value is None and key not in current.actuals:
        return current
    actuals, sources = dict(current.actuals), dict(current.actual_sources)
    if value is None:
        actuals.pop(key, None)
        sources.pop(key, None)
    else:
        actuals[key], sources[key] = value, "typed"
    model_update(
        current,
        data={
            "actuals": dict(sorted(actuals.items())),
            "actual_sources": dict(sorted(sources.items())),
        },
        actor=actor,
        reason=reason or f"{via}: actual {fiscal_year}",
    )
    return current


@transaction.atomic
def indicator_upsert(
    *,
    actor: User | None,
    program: Program,
    name: str,
    unit: str = "",
    targets: dict[str, object] | None = None,
    actuals: dict[str, object] | None = None,
    via: str = "screen",
) -> Indicator:
    """Create or update a program's indicator (set-up by the admin office)."""
    if actor is not None:
        require(actor, Action.EDIT_PROGRAM_YEAR, program)
    values = {
        "unit": unit,
        "targets": {str(k): parse_number(v) for k, v in (targets or {}).items()},
        "actuals": {str(k): parse_number(v) for k, v in (actuals or {}).items()},
    }
    reason = f"{via}: indicator {name} of {program.number_label}"
    indicator = Indicator.objects.filter(program=program, name=name).first()
    if indicator is not None:
        model_update(
            indicator, data=values, actor=actor, reason=reason, exclude=["program"]
        )
        return indicator
    indicator = Indicator(
        program=program,
        name=name,
        ordering=program.indicators.count(),
        # set up by the admin office itself: nothing left to review
        status=IndicatorStatus.CONFIRMED,
        **values,
    )
    model_save(indicator, actor=actor, reason=reason, exclude=["program"])
    return indicator


@transaction.atomic
def indicators_accept(
    *,
    actor: User | None,
    program: Program,
    kpis: list[dict],
    via: str = "screen",
) -> list[Indicator]:
    """Add indicators proposed from a plan's text (the interchange `kpis` shape,
    as kpi_statements.extract_lines gives them) to `program`. The admin office
    saw them and chose them, so they are confirmed, with the line they came from
    as their source. All or nothing: a name and unit the program already has,
    or one given twice, refuses the whole batch."""
    _check(actor, program.plan)
    existing = set(program.indicators.values_list("name", "unit"))
    seen: set[tuple[str, str]] = set()
    for kpi in kpis:
        key = (kpi["name"], kpi.get("unit") or "")
        if key in existing or key in seen:
            raise ServiceError(
                _("%(program)s already has the indicator “%(name)s”.")
                % {"program": program.number_label, "name": kpi["name"]}
            )
        seen.add(key)
    ordering = program.indicators.count()
    created = []
    for offset, kpi in enumerate(kpis):
        indicator = Indicator(
            program=program,
            ordering=ordering + offset,
            status=IndicatorStatus.CONFIRMED,
            **_indicator_fields(kpi),
        )
        model_save(
            indicator,
            actor=actor,
            reason=f"{via}: indicator {kpi['name']} of {program.number_label} "
            "accepted from pasted text",
            exclude=["program"],
        )
        created.append(indicator)
    return created


def _indicator_fields(kpi: dict) -> dict:
    as_of = kpi.get("baseline_date")
    return {
        "name": kpi["name"],
        "unit": kpi.get("unit") or "",
        "direction": kpi.get("direction") or "",
        "comparator": kpi.get("comparator") or "",
        "target": kpi.get("target"),
        "deadline_fy": kpi.get("deadline_fy"),
        "baseline": kpi.get("baseline"),
        "baseline_date": dt.date.fromisoformat(as_of) if as_of else None,
        "targets": {str(k): v for k, v in (kpi.get("targets") or {}).items()},
        "relative": kpi.get("relative") or "",
        "source_text": kpi.get("source_text") or "",
    }
