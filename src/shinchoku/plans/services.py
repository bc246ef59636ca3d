"""Writes of the plan domain. Each is one transaction, checks permission with
workflow.permissions (the staff forms and the API call these same functions),
validated with full_clean(), leaves a history row naming the user and the
channel ("screen: …", "api: …"), and does nothing when nothing changes.

``user=None`` is a system write (import, backup tests, set-up scripts): no
permission check, no history user."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from shinchoku.plans.models import Indicator, IndicatorStatus, Program, ProgramGrade
from shinchoku.workflow.permissions import Action, require


class StaleVersion(Exception):
    """The record changed since the form was opened (someone else saved)."""

    def __init__(self, current):
        self.current = current
        super().__init__(_("This record was changed by someone else in the meantime."))


def _check(user, plan) -> None:
    if user is not None:
        require(user, Action.REVIEW_INDICATOR, plan)


def _save(obj, *, user, reason: str) -> None:
    obj.full_clean()
    obj._change_reason = reason
    if user is not None and getattr(user, "is_authenticated", False):
        obj._history_user = user
    obj.save()


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


@transaction.atomic
def indicator_review(
    *,
    indicator: Indicator,
    user,
    decision: str,
    based_on_version: int,
    values: dict | None = None,
    via: str = "screen",
) -> Indicator:
    """Confirm (optionally correcting fields), reject, or reopen an indicator.
    A confirmed or rejected indicator is never overwritten by a re-import."""
    statuses = {
        "confirm": IndicatorStatus.CONFIRMED,
        "reject": IndicatorStatus.REJECTED,
        "reopen": IndicatorStatus.EXTRACTED,
    }
    _check(user, indicator.program.plan)
    if decision not in statuses:
        raise ValidationError(_("Unknown decision: %(d)s") % {"d": decision})
    current = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if current.version != based_on_version:
        raise StaleVersion(current)
    changed = current.status != statuses[decision]
    current.status = statuses[decision]
    for field, value in (values or {}).items():
        if field not in INDICATOR_EDITABLE:
            raise ValidationError(_("%(f)s cannot be edited here.") % {"f": field})
        if getattr(current, field) != value:
            setattr(current, field, value)
            changed = True
    if changed:
        current.version += 1
        _save(current, user=user, reason=f"{via}: indicator {decision}")
    return current


@transaction.atomic
def indicator_actual_set(
    *,
    indicator: Indicator,
    user,
    fiscal_year: int,
    value: float | None,
    based_on_version: int | None,
    via: str = "screen",
    reason: str = "",
) -> Indicator:
    """Type in (or clear, with None) an indicator's actual for a fiscal year.
    ``based_on_version`` None skips the lost-update check, for callers that did
    their own (approving a round entry checks the entry's version)."""
    _check(user, indicator.program.plan)
    current = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if based_on_version is not None and current.version != based_on_version:
        raise StaleVersion(current)
    key = str(fiscal_year)
    if value is None:
        if key not in current.actuals:
            return current
        current.actuals.pop(key)
        current.actual_sources.pop(key, None)
    else:
        if (
            current.actuals.get(key) == value
            and current.actual_sources.get(key) == "typed"
        ):
            return current
        current.actuals = dict(sorted({**current.actuals, key: value}.items()))
        current.actual_sources = dict(
            sorted({**current.actual_sources, key: "typed"}.items())
        )
    current.version += 1
    _save(current, user=user, reason=reason or f"{via}: actual {fiscal_year}")
    return current


@transaction.atomic
def program_grade_set(
    *,
    program: Program,
    user,
    fiscal_year: int,
    grade: str,
    comment: str = "",
    via: str = "screen",
) -> ProgramGrade | None:
    """Set (or with an empty grade, remove) a program's grade for a FY."""
    _check(user, program.plan)
    existing = (
        ProgramGrade.objects.select_for_update()
        .filter(program=program, fiscal_year=fiscal_year)
        .first()
    )
    if not grade:
        if existing:
            existing._change_reason = f"{via}: grade removed"
            if user is not None and getattr(user, "is_authenticated", False):
                existing._history_user = user
            existing.delete()
        return None
    if existing and (existing.grade, existing.comment) == (grade, comment):
        return existing
    record = existing or ProgramGrade(program=program, fiscal_year=fiscal_year)
    record.grade, record.comment = grade, comment
    _save(record, user=user, reason=f"{via}: grade {fiscal_year}")
    return record


def parse_date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
