"""Who may do what to which object: the one permission check of Shinchoku.

Views, the Excel upload, the admin site, management commands and the API all
ask ``can(user, action, obj)`` (or ``require``, which raises PermissionDenied),
so no entry point can drift from the others. Roles:

* system administrator (superuser, or a membership with that role): everything;
* admin-office editor (行政経営課): every program of their municipality;
* department editor (所管課): the round's FY fields and KPI actuals of the
  programs their department leads, only while the round is open;
* committee member: reads everything of their municipality, including submitted
  drafts, and leaves opinions;
* public (anyone else): published editions only.

Object state that belongs to the state machine (an entry that is already
submitted, …) is checked by the services, which say why; a closed round is
frozen for everyone, so it is a permission matter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied

from shinchoku.plans.models import Edition, Municipality, Plan, Program, ProgramYear
from shinchoku.workflow.models import (
    Department,
    Membership,
    Opinion,
    Role,
    Round,
    RoundEntry,
)


class Action(StrEnum):
    VIEW_EDITION = "view_edition"
    VIEW_LIVE_PLAN = "view_live_plan"  # staff pages: live data, drafts included
    REVIEW_INDICATOR = "review_indicator"
    PUBLISH_EDITION = "publish_edition"
    VIEW_HISTORY = "view_history"
    EDIT_PLAN = "edit_plan"  # plans, 方向性, programs, indicators, next period
    EDIT_PROGRAM_YEAR = "edit_program_year"
    MANAGE_ASSIGNMENTS = "manage_assignments"
    MANAGE_PEOPLE = "manage_people"  # departments and memberships
    OPEN_ROUND = "open_round"
    VIEW_ROUND = "view_round"
    REMIND = "remind"
    CLOSE_ROUND = "close_round"
    REOPEN_ROUND = "reopen_round"  # a closed round, to correct its edition
    VIEW_ENTRY = "view_entry"
    EDIT_ENTRY = "edit_entry"
    SUBMIT_ENTRY = "submit_entry"
    RETURN_ENTRY = "return_entry"
    APPROVE_ENTRY = "approve_entry"
    ADD_OPINION = "add_opinion"
    VIEW_OPINION = "view_opinion"
    RESPOND_OPINION = "respond_opinion"
    EXPORT_WORKBOOK = "export_workbook"
    IMPORT_WORKBOOK = "import_workbook"
    VIEW_TASKS = "view_tasks"
    ADMINISTER = "administer"


@dataclass(frozen=True)
class RoundDepartment:
    """The object of the Excel actions: one department's share of a round."""

    round: Round
    department: Department


@dataclass(frozen=True)
class Actor:
    """A user as the rules see them (computed once per request and user)."""

    role: str | None  # a Role value, None for the public
    municipality_id: int | None = None
    department_id: int | None = None

    @property
    def is_system_admin(self) -> bool:
        return self.role == Role.SYSTEM_ADMIN

    def is_office_of(self, municipality_id: int | None) -> bool:
        return self.is_system_admin or (
            self.role == Role.ADMIN_OFFICE and self.municipality_id == municipality_id
        )

    def is_member_of(self, municipality_id: int | None) -> bool:
        return self.is_system_admin or (
            self.role is not None and self.municipality_id == municipality_id
        )

    def is_committee_of(self, municipality_id: int | None) -> bool:
        return self.role == Role.COMMITTEE and self.municipality_id == municipality_id


PUBLIC = Actor(role=None)


def actor_for(user) -> Actor:
    if user is None or not user.is_authenticated or not user.is_active:
        return PUBLIC
    cached = getattr(user, "_shinchoku_actor", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        actor = Actor(role=Role.SYSTEM_ADMIN)
    else:
        membership = (
            Membership.objects.filter(user_id=user.pk)
            .values("role", "municipality_id", "department_id")
            .first()
        )
        actor = Actor(**membership) if membership else PUBLIC
    user._shinchoku_actor = actor
    return actor


def municipality_of(obj: Any) -> int | None:
    """The municipality an object belongs to (no query when the chain is loaded:
    selectors fetch it with select_related)."""
    match obj:
        case Municipality():
            return obj.pk
        case Plan() | Department():
            return obj.municipality_id
        case Program() | Edition() | Round():
            return obj.plan.municipality_id
        case ProgramYear():
            return obj.program.plan.municipality_id
        case RoundEntry():
            return obj.round.plan.municipality_id
        case Opinion():
            return obj.entry.round.plan.municipality_id
        case RoundDepartment():
            return obj.round.plan.municipality_id
    raise TypeError(f"no municipality for {type(obj).__name__}")


def _lead_department_id(program: Program) -> int | None:
    try:
        return program.assignment.lead_id
    except Program.assignment.RelatedObjectDoesNotExist:
        return None


def _department_ids(program: Program) -> set[int]:
    try:
        assignment = program.assignment
    except Program.assignment.RelatedObjectDoesNotExist:
        return set()
    return {assignment.lead_id, *(d.pk for d in assignment.supporting.all())}


def _office(actor: Actor, obj) -> bool:
    return actor.is_office_of(municipality_of(obj))


def _member(actor: Actor, obj) -> bool:
    return actor.is_member_of(municipality_of(obj))


def _view_edition(actor: Actor, edition: Edition) -> bool:
    return edition.published or _member(actor, edition)


def _office_open_round(actor: Actor, round_: Round) -> bool:
    return round_.is_open and _office(actor, round_)


def _office_closed_round(actor: Actor, round_: Round) -> bool:
    return not round_.is_open and _office(actor, round_)


def _view_round(actor: Actor, round_: Round) -> bool:
    municipality = municipality_of(round_)
    return actor.is_office_of(municipality) or actor.is_committee_of(municipality)


def _view_entry(actor: Actor, entry: RoundEntry) -> bool:
    municipality = municipality_of(entry)
    if actor.is_office_of(municipality):
        return True
    if actor.is_committee_of(municipality):
        # Committee members read what departments handed in, not work in
        # progress; once the round is closed nothing is in progress (its
        # entries are what the edition says, on which they give opinions).
        return entry.is_handed_in or not entry.round.is_open
    return (
        actor.role == Role.DEPARTMENT_EDITOR
        and actor.municipality_id == municipality
        and actor.department_id in _department_ids(entry.program)
    )


def _edit_entry(actor: Actor, entry: RoundEntry) -> bool:
    if not entry.round.is_open:
        return False
    municipality = municipality_of(entry)
    if actor.is_office_of(municipality):
        return True
    return (
        actor.role == Role.DEPARTMENT_EDITOR
        and actor.municipality_id == municipality
        and actor.department_id == _lead_department_id(entry.program)
    )


def _office_entry(actor: Actor, entry: RoundEntry) -> bool:
    return entry.round.is_open and _office(actor, entry)


def _add_opinion(actor: Actor, entry: RoundEntry) -> bool:
    # Only on an entry the member may read: a draft in progress is not the
    # committee's to comment on (issue #16: the POST was accepted where the
    # GET answered 403).
    municipality = municipality_of(entry)
    return (
        actor.is_system_admin or actor.is_committee_of(municipality)
    ) and _view_entry(actor, entry)


def _view_opinion(actor: Actor, opinion: Opinion) -> bool:
    edition = opinion.entry.round.edition
    return (edition is not None and edition.published) or _member(actor, opinion)


def _workbook(actor: Actor, share: RoundDepartment) -> bool:
    if not share.round.is_open:
        return False
    municipality = municipality_of(share)
    if share.department.municipality_id != municipality:
        return False
    if actor.is_office_of(municipality):
        return True
    return (
        actor.role == Role.DEPARTMENT_EDITOR
        and actor.municipality_id == municipality
        and actor.department_id == share.department.pk
    )


RULES: dict[Action, Callable[[Actor, Any], bool]] = {
    Action.VIEW_EDITION: _view_edition,
    Action.VIEW_LIVE_PLAN: _member,
    Action.REVIEW_INDICATOR: _office,
    Action.PUBLISH_EDITION: _office,
    Action.VIEW_HISTORY: _member,
    Action.EDIT_PLAN: _office,
    Action.EDIT_PROGRAM_YEAR: _office,
    Action.MANAGE_ASSIGNMENTS: _office,
    Action.MANAGE_PEOPLE: _office,
    Action.OPEN_ROUND: _office,
    Action.VIEW_ROUND: _view_round,
    Action.REMIND: _office_open_round,
    Action.CLOSE_ROUND: _office_open_round,
    Action.REOPEN_ROUND: _office_closed_round,
    Action.VIEW_ENTRY: _view_entry,
    Action.EDIT_ENTRY: _edit_entry,
    Action.SUBMIT_ENTRY: _edit_entry,
    Action.RETURN_ENTRY: _office_entry,
    Action.APPROVE_ENTRY: _office_entry,
    Action.ADD_OPINION: _add_opinion,
    Action.VIEW_OPINION: _view_opinion,
    Action.RESPOND_OPINION: _office,
    Action.EXPORT_WORKBOOK: _workbook,
    Action.IMPORT_WORKBOOK: _workbook,
    Action.VIEW_TASKS: lambda actor, obj: actor.role is not None,
    Action.ADMINISTER: lambda actor, obj: actor.is_system_admin,
}


def can(user, action: Action | str, obj: Any = None) -> bool:
    """Whether user may do action to obj (None where the action has no object)."""
    return RULES[Action(action)](actor_for(user), obj)


def require(user, action: Action | str, obj: Any = None) -> None:
    """can(), or PermissionDenied (a 403 in views and the API)."""
    if not can(user, action, obj):
        raise PermissionDenied(f"{action} refused")
