"""Writes of who works on the plan: departments (所管課), people's memberships
(their department and role) and which department leads each program."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from shinchoku.common.services import (
    ServiceError,
    User,
    model_save,
    model_update,
    signed_in,
)
from shinchoku.plans.models import Municipality, Plan, Program
from shinchoku.workflow.models import (
    Department,
    Membership,
    ProgramAssignment,
    Role,
)
from shinchoku.workflow.permissions import Action, require

if TYPE_CHECKING:
    from django.contrib.auth.models import User as AuthUser


def _check(actor: User | None, action: Action, obj: object) -> None:
    if actor is not None:
        require(actor, action, obj)


@transaction.atomic
def department_create(
    *,
    actor: User | None,
    municipality: Municipality,
    name: str,
    is_admin_office: bool = False,
    email: str = "",
    ordering: int = 0,
    via: str = "screen",
) -> Department:
    """A department of the municipality (the one of that name when it exists
    already: set-up scripts run twice)."""
    _check(actor, Action.MANAGE_PEOPLE, municipality)
    department = Department.objects.filter(municipality=municipality, name=name).first()
    if department is not None:
        return department
    department = Department(
        municipality=municipality,
        name=name,
        is_admin_office=is_admin_office,
        email=email,
        ordering=ordering,
    )
    model_save(
        department,
        actor=actor,
        reason=f"{via}: department {name}",
        exclude=["municipality"],
    )
    return department


DEPARTMENT_EDITABLE = ("name", "is_admin_office", "email", "ordering")


@transaction.atomic
def department_update(
    *,
    actor: User | None,
    department: Department,
    data: dict[str, object],
    via: str = "screen",
) -> bool:
    """Change a department's name, e-mail, order or admin-office flag (the
    fields of DEPARTMENT_EDITABLE). Returns whether anything changed."""
    _check(actor, Action.MANAGE_PEOPLE, department)
    unknown = set(data) - set(DEPARTMENT_EDITABLE)
    if unknown:
        raise ServiceError(
            _("%(f)s cannot be edited here.") % {"f": ", ".join(sorted(unknown))}
        )
    department = Department.objects.select_for_update().get(pk=department.pk)
    return model_update(
        department,
        data=data,
        actor=actor,
        reason=f"{via}: department {department.name}",
        exclude=["municipality"],
    )


@transaction.atomic
def membership_set(
    *,
    actor: User | None,
    user: AuthUser,
    role: str,
    municipality: Municipality | None = None,
    department: Department | None = None,
    via: str = "screen",
) -> Membership:
    """Give a person their place: role, municipality and department (one per
    person). The admin office of a municipality places its own people; only
    a system administrator makes system administrators or moves people
    between municipalities."""
    membership = Membership.objects.select_for_update().filter(user=user).first()
    places = {municipality, *([membership.municipality] if membership else [])}
    for place in places:
        if place is None:  # a system administrator's place
            _check(actor, Action.ADMINISTER, None)
        else:
            _check(actor, Action.MANAGE_PEOPLE, place)
    if role == Role.SYSTEM_ADMIN:
        _check(actor, Action.ADMINISTER, None)
    data = {"role": role, "municipality": municipality, "department": department}
    reason = f"{via}: membership of {user.get_username()}"
    if membership is None:
        membership = Membership(user=user, **data)
        model_save(membership, actor=actor, reason=reason, exclude=["user"])
    else:
        model_update(
            membership, data=data, actor=actor, reason=reason, exclude=["user"]
        )
    # The permission check keeps a user's place for the request: not any more.
    user.__dict__.pop("_shinchoku_actor", None)
    return membership


@transaction.atomic
def program_assign(
    *,
    actor: User | None,
    program: Program,
    lead: Department,
    supporting: list[Department] | tuple[Department, ...] = (),
    via: str = "screen",
) -> ProgramAssignment:
    """Set the lead (and supporting) departments of a program."""
    if actor is not None:
        require(actor, Action.MANAGE_ASSIGNMENTS, program.plan)
    municipality_id = program.plan.municipality_id
    for department in (lead, *supporting):
        if department.municipality_id != municipality_id:
            raise ServiceError(
                _("%(department)s belongs to another municipality.")
                % {"department": department}
            )
    assignment = ProgramAssignment.objects.filter(program=program).first()
    reason = f"{via}: assign {program.number_label} to {lead}"
    if assignment is None:
        assignment = ProgramAssignment(program=program, lead=lead)
        model_save(assignment, actor=actor, reason=reason)
    elif assignment.lead_id != lead.pk:
        assignment.lead = lead
        model_save(assignment, actor=actor, reason=reason)
    if {d.pk for d in assignment.supporting.all()} != {d.pk for d in supporting}:
        assignment.supporting.set(supporting)
    return assignment


@transaction.atomic
def programs_assign_leads(
    *, actor: User | None, plan: Plan, leads: dict[int, Department], via: str = "screen"
) -> int:
    """Set the lead department of many programs at once ({program number:
    department}): the set-up of a plan. Returns how many changed."""
    if actor is not None:
        require(actor, Action.MANAGE_ASSIGNMENTS, plan)
    if any(d.municipality_id != plan.municipality_id for d in leads.values()):
        raise ServiceError(_("A department belongs to another municipality."))
    programs = {p.number: p for p in plan.programs.all()}
    existing = {
        a.program_id: a for a in ProgramAssignment.objects.filter(program__plan=plan)
    }
    new, changed = [], 0
    for number, lead in leads.items():
        program = programs[number]
        assignment = existing.get(program.pk)
        if assignment is None:
            new.append(ProgramAssignment(program=program, lead=lead))
        elif assignment.lead_id != lead.pk:
            program_assign(actor=actor, program=program, lead=lead, via=via)
            changed += 1
    bulk_create_with_history(
        new,
        ProgramAssignment,
        default_user=signed_in(actor),
        default_change_reason=f"{via}: assign lead departments",
    )
    return changed + len(new)
