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
    must_change_password: bool | None = None,
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
    data: dict[str, object] = {
        "role": role,
        "municipality": municipality,
        "department": department,
    }
    if must_change_password is not None:
        data["must_change_password"] = must_change_password
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


# Letters and digits nobody misreads on a screen or a note (no 0/O, 1/l/I).
ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@transaction.atomic
def person_create(
    *,
    actor: User | None,
    municipality: Municipality,
    username: str,
    email: str = "",
    last_name: str = "",
    first_name: str = "",
    role: str,
    department: Department | None = None,
    invite: bool,
    site_url: str = "",
    via: str = "screen",
) -> tuple[AuthUser, str | None]:
    """A new person of the municipality with their role. ``invite``: mailed a
    link to choose their password (``site_url`` is the site's address), else
    given a one-time password — returned, to be shown once — that they must
    change at their first sign-in."""
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError
    from django.utils.crypto import get_random_string

    _check(actor, Action.MANAGE_PEOPLE, municipality)
    if role == Role.SYSTEM_ADMIN:
        _check(actor, Action.ADMINISTER, None)
    model = get_user_model()
    if model.objects.filter(username__iexact=username).exists():
        raise ServiceError(_("The user name %(name)s is taken.") % {"name": username})
    if invite and not email:
        raise ServiceError(_("An invitation is sent by e-mail: give the address."))
    user = model(
        username=username, email=email, last_name=last_name, first_name=first_name
    )
    password = None
    if invite:
        user.set_unusable_password()
    else:
        password = get_random_string(12, ONE_TIME_ALPHABET)
        user.set_password(password)
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages)) from None
    user.save()
    membership_set(
        actor=actor,
        user=user,
        role=role,
        municipality=municipality,
        department=department,
        must_change_password=not invite,
        via=f"{via}: {'invited' if invite else 'one-time password'}",
    )
    if invite:
        _send_invitation(user, municipality, site_url)
    return user, password


def _send_invitation(user: AuthUser, municipality: Municipality, site_url: str) -> None:
    from django.contrib.auth.tokens import default_token_generator
    from django.core.mail import send_mail
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    path = reverse(
        "accounts:set-password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    subject = _("Shinchoku: your account at %(municipality)s") % {
        "municipality": municipality.name
    }
    values = {
        "municipality": municipality.name,
        "username": user.get_username(),
        "link": site_url.rstrip("/") + path,
    }
    body = "\n\n".join(
        [
            _(
                "An account was made for you in Shinchoku, the plan progress "
                "system of %(municipality)s. Your user name: %(username)s"
            )
            % values,
            _("Choose your password here (the link works once, for a few days):")
            + "\n"
            + values["link"],
        ]
    )
    send_mail(subject, body, None, [user.email])


@transaction.atomic
def password_chosen(*, user: AuthUser, via: str = "screen") -> bool:
    """The person chose their own password: no more one-time password."""
    membership = Membership.objects.select_for_update().filter(user=user).first()
    if membership is None:
        return False
    return model_update(
        membership,
        data={"must_change_password": False},
        actor=user,
        reason=f"{via}: password chosen",
        exclude=["user"],
    )


@transaction.atomic
def assignments_copy(
    *,
    actor: User | None,
    pairs: list[tuple[Program, Program]],
    via: str = "screen",
) -> int:
    """Each successor program led (and supported) by the departments of its
    predecessor: the next plan period. Returns how many were copied."""
    old = {
        a.program_id: a
        for a in ProgramAssignment.objects.filter(
            program_id__in=[p.pk for p, _new in pairs]
        ).prefetch_related("supporting")
    }
    copied = 0
    for previous, program in pairs:
        assignment = old.get(previous.pk)
        if assignment is None:
            continue
        program_assign(
            actor=actor,
            program=program,
            lead=assignment.lead,
            supporting=list(assignment.supporting.all()),
            via=via,
        )
        copied += 1
    return copied


@transaction.atomic
def programs_lead_by_name(
    *,
    actor: User | None,
    plan: Plan,
    departments: dict[int, str],
    via: str = "screen",
) -> list[str]:
    """Lead departments named in an imported table ({program number: 所管課}):
    the departments not known yet are created; a program whose lead differs
    is assigned to the named one. Returns the names of the new departments."""
    from shinchoku.common.text import collapse_ws

    known = {
        d.name: d for d in Department.objects.filter(municipality=plan.municipality)
    }
    created: list[str] = []
    leads: dict[int, Department] = {}
    programs = set(plan.programs.values_list("number", flat=True))
    for number, raw in departments.items():
        name = collapse_ws(raw.splitlines()[0] if raw else "")[:100]
        if not name or number not in programs:
            continue
        if name not in known:
            known[name] = department_create(
                actor=actor, municipality=plan.municipality, name=name, via=via
            )
            created.append(name)
        leads[number] = known[name]
    programs_assign_leads(actor=actor, plan=plan, leads=leads, via=via)
    return created
