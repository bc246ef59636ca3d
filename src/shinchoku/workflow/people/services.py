"""Writes of who works on the plan: departments (所管課), people's memberships
(their department and role) and which department leads each program."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from shinchoku.common.services import ServiceError, User, model_save
from shinchoku.plans.models import Municipality, Plan, Program
from shinchoku.workflow.models import Department, Membership, ProgramAssignment
from shinchoku.workflow.permissions import Action, require


@transaction.atomic
def department_create(
    *,
    municipality: Municipality,
    name: str,
    is_admin_office: bool = False,
    email: str = "",
    ordering: int = 0,
) -> Department:
    """A department (set-up, by a system administrator or the demo)."""
    department, _created = Department.objects.get_or_create(
        municipality=municipality,
        name=name,
        defaults={
            "is_admin_office": is_admin_office,
            "email": email,
            "ordering": ordering,
        },
    )
    return department


@transaction.atomic
def membership_set(
    *,
    user: User,
    role: str,
    municipality: Municipality | None = None,
    department: Department | None = None,
) -> Membership:
    membership = Membership.objects.filter(user=user).first() or Membership(user=user)
    membership.role = role
    membership.municipality = municipality
    membership.department = department
    model_save(membership, actor=None, reason="membership", exclude=["user"])
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
        default_user=actor if actor and actor.is_authenticated else None,
        default_change_reason=f"{via}: assign lead departments",
    )
    return changed + len(new)
