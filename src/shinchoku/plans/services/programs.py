"""Writes of a program's yearly records and grades: the admin office's direct
edit, a round's approval (workflow.entries), and the grade staff give."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from shinchoku.common.services import (
    StaleVersion,
    User,
    model_delete,
    model_save,
    model_update,
)
from shinchoku.common.values import clean_bullets
from shinchoku.plans.models import Plan, Program, ProgramGrade, ProgramYear
from shinchoku.workflow.permissions import Action, require


def program_year_locked(program: Program, fiscal_year: int) -> ProgramYear | None:
    """The program's record of the FY (None: there is none), locked for the
    caller's transaction."""
    return (
        ProgramYear.objects.select_for_update()
        .filter(program=program, fiscal_year=fiscal_year)
        .first()
    )


@transaction.atomic
def program_year_update(
    *,
    actor: User | None,
    program: Program,
    fiscal_year: int,
    achievements: list[str] | None = None,
    plan: list[str] | None = None,
    based_on_version: int | None,
    reason: str,
    check_permission: bool = True,
) -> tuple[ProgramYear | None, bool]:
    """Write a program's FY record (None leaves a field alone). based_on_version
    is the version the form was built from (0: there was no record); a newer
    record refuses the write. Returns the record and whether it changed.
    ``check_permission`` False: the caller checked its own (a round's
    approval)."""
    if check_permission:
        require(actor, Action.EDIT_PROGRAM_YEAR, program)
    record = program_year_locked(program, fiscal_year)
    current_version = record.version if record else 0
    if based_on_version is not None and based_on_version != current_version:
        raise StaleVersion(
            _(
                "%(program)s %(fy)s was changed by someone else after you opened "
                "it: compare both texts and save again."
            )
            % {"program": program.number_label, "fy": fiscal_year},
            current=record,
        )
    values = {
        k: clean_bullets(v)
        for k, v in (("achievements", achievements), ("plan", plan))
        if v is not None
    }
    if record is not None:
        changed = model_update(
            record, data=values, actor=actor, reason=reason, exclude=["program"]
        )
        return record, changed
    if not any(values.values()):
        return None, False
    record = ProgramYear(program=program, fiscal_year=fiscal_year, **values)
    model_save(record, actor=actor, reason=reason, exclude=["program"])
    return record, True


@transaction.atomic
def program_grade_set(
    *,
    program: Program,
    actor: User | None,
    fiscal_year: int,
    grade: str,
    comment: str = "",
    via: str = "screen",
) -> ProgramGrade | None:
    """Set (or with an empty grade, remove) a program's grade for a FY."""
    if actor is not None:
        require(actor, Action.REVIEW_INDICATOR, program.plan)
    existing = (
        ProgramGrade.objects.select_for_update()
        .filter(program=program, fiscal_year=fiscal_year)
        .first()
    )
    if not grade:
        if existing:
            model_delete(existing, actor=actor, reason=f"{via}: grade removed")
        return None
    reason = f"{via}: grade {fiscal_year}"
    if existing:
        model_update(
            existing,
            data={"grade": grade, "comment": comment},
            actor=actor,
            reason=reason,
        )
        return existing
    record = ProgramGrade(
        program=program, fiscal_year=fiscal_year, grade=grade, comment=comment
    )
    model_save(record, actor=actor, reason=reason)
    return record


@transaction.atomic
def plan_head_approval_set(
    *, actor: User | None, plan: Plan, enabled: bool, via: str = "screen"
) -> bool:
    """Turn the department head's step (課長承認) of the plan's update rounds
    on or off; returns whether it changed. Entries already waiting for their
    head keep waiting: the head still returns them or passes them on."""
    if actor is not None:
        require(actor, Action.OPEN_ROUND, plan)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    return model_update(
        plan,
        data={"department_head_approval": enabled},
        actor=actor,
        reason=f"{via}: department head approval {'on' if enabled else 'off'}",
        exclude=["municipality"],
    )
