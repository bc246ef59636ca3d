"""Writes of the yearly update round. Every function checks permission with
workflow.permissions, runs in one transaction, validates with full_clean() and
leaves history rows (who, when, and through which channel in the change reason)
— and writes nothing when nothing changed.

``via`` names the channel of a change: "screen" (a web form, with the screen's
name), "excel", "api" or "cli". It opens the change reason of every history row,
like "import: <file>" does for the importer.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from shinchoku.common.services import (
    InvalidState,
    ServiceError,
    StaleVersion,
    model_save,
)
from shinchoku.common.text import program_number_label
from shinchoku.common.values import clean_bullets, parse_number
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import (
    Edition,
    Indicator,
    Municipality,
    Plan,
    Program,
    ProgramYear,
)
from shinchoku.workflow import excel, selectors
from shinchoku.workflow.models import (
    Department,
    EntryState,
    Membership,
    Opinion,
    ProgramAssignment,
    Round,
    RoundEntry,
    RoundStatus,
    person_name,
)
from shinchoku.workflow.permissions import Action, RoundDepartment, require


def _reason(via: str, text: str) -> str:
    return f"{via}: {text}"


# ------------------------------------------------------------ departments


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
    user,
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
    actor,
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
    reason = _reason(via, f"assign {program.number_label} to {lead}")
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
    *, actor, plan: Plan, leads: dict[int, Department], via: str = "screen"
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
        default_change_reason=_reason(via, "assign lead departments"),
    )
    return changed + len(new)


# ------------------------------------------------------------ rounds


def _live_draft(round_: Round, program: Program, years: dict, indicators: dict):
    record = years.get((program.pk, round_.fiscal_year))
    actuals = {
        str(i.pk): i.actuals.get(str(round_.fiscal_year))
        for i in indicators.get(program.pk, [])
    }
    return {
        "achievements": list(record.achievements) if record else [],
        "plan": list(record.plan) if record else [],
        "kpi_actuals": actuals,
        "year_version": record.version if record else 0,
    }


@transaction.atomic
def round_open(
    *,
    actor,
    plan: Plan,
    kind: str,
    fiscal_year: int,
    deadline: dt.date,
    via: str = "screen",
) -> Round:
    """Open a round: one entry per program active in the FY, its draft a copy of
    the live record."""
    require(actor, Action.OPEN_ROUND, plan)
    if not plan.first_fy <= fiscal_year <= plan.last_fy:
        raise ServiceError(
            _("%(fy)s is outside the plan's period (%(first)s–%(last)s).")
            % {"fy": fiscal_year, "first": plan.first_fy, "last": plan.last_fy}
        )
    if Round.objects.filter(plan=plan, kind=kind, fiscal_year=fiscal_year).exists():
        raise ServiceError(_("This plan already has a round of that kind and year."))
    round_ = Round(
        plan=plan,
        kind=kind,
        fiscal_year=fiscal_year,
        deadline=deadline,
        opened_by=actor if actor and actor.is_authenticated else None,
    )
    reason = _reason(via, f"open round {round_.title}")
    model_save(round_, actor=actor, reason=reason)
    programs = [p for p in plan.programs.all() if p.is_active_in(fiscal_year)]
    years = {
        (y.program_id, y.fiscal_year): y
        for y in ProgramYear.objects.filter(program__plan=plan, fiscal_year=fiscal_year)
    }
    indicators = defaultdict(list)
    for indicator in Indicator.objects.filter(program__plan=plan):
        indicators[indicator.program_id].append(indicator)
    entries = []
    for program in programs:
        draft = _live_draft(round_, program, years, indicators)
        entries.append(RoundEntry(round=round_, program=program, **draft))
    bulk_create_with_history(
        entries,
        RoundEntry,
        default_user=actor if actor and actor.is_authenticated else None,
        default_change_reason=reason,
    )
    return round_


def _entry_label(entry: RoundEntry) -> str:
    return f"{entry.program.number_label} {entry.program.name}"


def _locked_entry(entry: RoundEntry, *, actor, action: Action) -> RoundEntry:
    """The entry as saved, locked for this transaction, and the permission
    checked on that (a round may have closed since the form was shown)."""
    fresh = (
        RoundEntry.objects.select_for_update(of=("self",))
        .select_related("round__plan__municipality", "program__plan__municipality")
        .get(pk=entry.pk)
    )
    require(actor, action, fresh)
    return fresh


EDITABLE_STATES = {EntryState.NOT_STARTED, EntryState.DRAFTING, EntryState.RETURNED}


def _check_version(entry: RoundEntry, based_on_version: int | None) -> None:
    if based_on_version is not None and based_on_version != entry.version:
        who = person_name(entry.updated_by) if entry.updated_by else _("someone else")
        raise StaleVersion(
            _(
                "%(program)s was saved by %(user)s after you opened it: compare "
                "both texts and save again."
            )
            % {"program": _entry_label(entry), "user": who},
            current=entry,
        )


@transaction.atomic
def entry_save_draft(
    *,
    actor,
    entry: RoundEntry,
    based_on_version: int | None,
    achievements: list[str] | None = None,
    plan: list[str] | None = None,
    kpi_actuals: dict[str, object] | None = None,
    via: str = "screen",
) -> bool:
    """Save a department's draft of the round's fields (others are ignored).
    Returns whether anything changed."""
    entry = _locked_entry(entry, actor=actor, action=Action.EDIT_ENTRY)
    _check_version(entry, based_on_version)
    if entry.state not in EDITABLE_STATES:
        raise InvalidState(
            _(
                "%(program)s is %(state)s: only an entry that is not started, "
                "drafting or returned can be edited."
            )
            % {"program": _entry_label(entry), "state": entry.get_state_display()},
            current=entry,
        )
    editable = entry.round.editable_fields
    values: dict[str, object] = {}
    if achievements is not None and "achievements" in editable:
        values["achievements"] = clean_bullets(achievements)
    if plan is not None and "plan" in editable:
        values["plan"] = clean_bullets(plan)
    if kpi_actuals is not None and "kpi_actuals" in editable:
        known = {
            str(pk) for pk in entry.program.indicators.values_list("pk", flat=True)
        }
        actuals = dict(entry.kpi_actuals)
        for key, raw in kpi_actuals.items():
            if str(key) not in known:
                raise ServiceError(
                    _("Indicator %(id)s does not belong to %(program)s.")
                    % {"id": key, "program": _entry_label(entry)}
                )
            try:
                actuals[str(key)] = parse_number(raw)
            except ValueError:
                raise ServiceError(
                    _("%(value)s is not a number.") % {"value": raw}
                ) from None
        values["kpi_actuals"] = actuals
    changed = {k: v for k, v in values.items() if getattr(entry, k) != v}
    # Whoever saves has seen the live record in the form: the draft is now based
    # on it, which approval checks.
    live = ProgramYear.objects.filter(
        program=entry.program, fiscal_year=entry.round.fiscal_year
    ).first()
    live_version = live.version if live else 0
    if not changed:
        return False
    for k, v in changed.items():
        setattr(entry, k, v)
    entry.year_version = live_version
    entry.state = EntryState.DRAFTING
    entry.version += 1
    entry.updated_by = actor if actor.is_authenticated else None
    model_save(
        entry,
        actor=actor,
        reason=_reason(via, f"draft {entry.round.title} {entry.program.number_label}"),
        exclude=["round", "program"],
    )
    return True


TRANSITIONS: dict[str, tuple[set[str], str]] = {
    "submit": ({EntryState.DRAFTING, EntryState.RETURNED}, EntryState.SUBMITTED),
    "return": ({EntryState.SUBMITTED}, EntryState.RETURNED),
    "approve": ({EntryState.SUBMITTED}, EntryState.APPROVED),
}


def _transition(entry: RoundEntry, action: str) -> str:
    sources, target = TRANSITIONS[action]
    if entry.state not in sources:
        allowed = ", ".join(
            str(EntryState(s).label) for s in EntryState.values if s in sources
        )
        raise InvalidState(
            _(
                "%(program)s is %(state)s: only an entry that is %(allowed)s can "
                "be %(action)s."
            )
            % {
                "program": _entry_label(entry),
                "state": entry.get_state_display(),
                "allowed": allowed,
                "action": {
                    "submit": _("submitted"),
                    "return": _("returned"),
                    "approve": _("approved"),
                }[action],
            },
            current=entry,
        )
    return target


@transaction.atomic
def entry_submit(
    *, actor, entry: RoundEntry, based_on_version: int | None, via: str = "screen"
) -> RoundEntry:
    entry = _locked_entry(entry, actor=actor, action=Action.SUBMIT_ENTRY)
    _check_version(entry, based_on_version)
    entry.state = _transition(entry, "submit")
    entry.submitted_at = timezone.now()
    entry.version += 1
    model_save(
        entry,
        actor=actor,
        reason=_reason(via, f"submit {entry.round.title} {entry.program.number_label}"),
        exclude=["round", "program"],
    )
    return entry


@transaction.atomic
def entry_return(
    *,
    actor,
    entry: RoundEntry,
    comment: str,
    based_on_version: int | None,
    via: str = "screen",
) -> RoundEntry:
    entry = _locked_entry(entry, actor=actor, action=Action.RETURN_ENTRY)
    _check_version(entry, based_on_version)
    if not comment.strip():
        raise ServiceError(_("Say why the entry is returned."))
    entry.state = _transition(entry, "return")
    entry.return_comment = comment.strip()
    entry.version += 1
    model_save(
        entry,
        actor=actor,
        reason=_reason(via, f"return {entry.round.title} {entry.program.number_label}"),
        exclude=["round", "program"],
    )
    return entry


@transaction.atomic
def entry_approve(
    *, actor, entry: RoundEntry, based_on_version: int | None, via: str = "screen"
) -> RoundEntry:
    """Approve a submitted entry: its draft becomes the live FY record (and KPI
    actuals), with history rows naming the round, in the same transaction."""
    entry = _locked_entry(entry, actor=actor, action=Action.APPROVE_ENTRY)
    _check_version(entry, based_on_version)
    approved = _transition(entry, "approve")
    round_ = entry.round
    reason = _reason(
        via, f"approve round {round_.title} (#{round_.pk}) {entry.program.number_label}"
    )
    editable = round_.editable_fields
    live = plan_services.program_year_locked(entry.program, round_.fiscal_year)
    if (live.version if live else 0) != entry.year_version:
        raise InvalidState(
            _(
                "The live record of %(program)s changed after this draft was "
                "written: return the entry so that the department can check it "
                "against the current text."
            )
            % {"program": _entry_label(entry)},
            current=entry,
        )
    entry.state = approved
    plan_services.program_year_update(
        actor=actor,
        program=entry.program,
        fiscal_year=round_.fiscal_year,
        achievements=entry.achievements if "achievements" in editable else None,
        plan=entry.plan if "plan" in editable else None,
        based_on_version=entry.year_version,
        reason=reason,
        check_permission=False,
    )
    if "kpi_actuals" in editable:
        for indicator in entry.program.indicators.all():
            key = str(indicator.pk)
            if key in entry.kpi_actuals:
                plan_services.indicator_actual_set(
                    actor=actor,
                    indicator=indicator,
                    fiscal_year=round_.fiscal_year,
                    value=entry.kpi_actuals[key],
                    based_on_version=None,  # the entry's version was checked
                    reason=reason,
                )
    entry.approved_at = timezone.now()
    entry.version += 1
    model_save(entry, actor=actor, reason=reason, exclude=["round", "program"])
    return entry


@dataclass
class ReminderResult:
    departments: list[Department] = field(default_factory=list)
    messages: int = 0
    without_address: list[Department] = field(default_factory=list)


def round_remind(*, actor, round_: Round, via: str = "screen") -> ReminderResult:
    """E-mail every department that still owes entries the list of them."""
    require(actor, Action.REMIND, round_)
    result = ReminderResult()
    User = get_user_model()
    for row in selectors.round_dashboard(round_):
        if row.department is None or not row.missing:
            continue
        recipients = sorted(
            {
                *User.objects.filter(
                    shinchoku_membership__department=row.department, is_active=True
                )
                .exclude(email="")
                .values_list("email", flat=True),
                *([row.department.email] if row.department.email else []),
            }
        )
        result.departments.append(row.department)
        if not recipients:
            result.without_address.append(row.department)
            continue
        lines = "\n".join(f"・{_entry_label(e)}" for e in row.missing)
        body = _(
            "%(department)s:\n\nThe round %(round)s is due on %(deadline)s. "
            "These programs are not submitted yet:\n\n%(programs)s\n"
        ) % {
            "department": row.department.name,
            "round": round_.title,
            "deadline": round_.deadline.isoformat(),
            "programs": lines,
        }
        subject = _("Reminder: %(round)s, due %(deadline)s") % {
            "round": round_.title,
            "deadline": round_.deadline.isoformat(),
        }
        result.messages += send_mail(subject, body, None, recipients)
    return result


@transaction.atomic
def round_close(
    *,
    actor,
    round_: Round,
    title: str,
    meeting: str = "",
    material: str = "",
    date: dt.date | None = None,
    fiscal_year: int | None = None,
    schedule_as_of: str = "",
    via: str = "screen",
) -> Edition:
    """Close a round into an edition: the plan as approved, frozen (unpublished
    until the admin office publishes it)."""
    require(actor, Action.CLOSE_ROUND, round_)
    round_ = Round.objects.select_for_update().select_related("plan").get(pk=round_.pk)
    if not round_.is_open:
        raise ServiceError(_("This round is closed already."))
    pending = [
        e
        for e in round_.entries.select_related("program")
        if e.state in {EntryState.DRAFTING, EntryState.SUBMITTED, EntryState.RETURNED}
    ]
    if pending:
        raise ServiceError(
            _(
                "These entries are neither approved nor untouched: %(programs)s. "
                "Approve them (or return and settle them) before closing."
            )
            % {"programs": ", ".join(_entry_label(e) for e in pending)}
        )
    reason = _reason(via, f"close round {round_.title} (#{round_.pk})")
    edition = plan_services.edition_freeze(
        actor=actor,
        plan=round_.plan,
        title=title,
        meeting=meeting,
        material=material,
        date=date,
        fiscal_year=fiscal_year or round_.fiscal_year,
        schedule_as_of=schedule_as_of,
        reason=reason,
    )
    round_.status = RoundStatus.CLOSED
    round_.closed_at = timezone.now()
    round_.edition = edition
    model_save(round_, actor=actor, reason=reason, exclude=["plan"])
    return edition


# ------------------------------------------------------------ opinions


@transaction.atomic
def opinion_add(*, actor, entry: RoundEntry, text: str, via: str = "screen") -> Opinion:
    require(actor, Action.ADD_OPINION, entry)
    if not text.strip():
        raise ServiceError(_("Write the opinion first."))
    opinion = Opinion(entry=entry, text=text.strip(), author=actor)
    model_save(
        opinion,
        actor=actor,
        reason=_reason(via, f"opinion on {entry.program.number_label}"),
        exclude=["entry", "author"],
    )
    return opinion


@transaction.atomic
def opinion_respond(
    *, actor, opinion: Opinion, response: str, via: str = "screen"
) -> bool:
    require(actor, Action.RESPOND_OPINION, opinion)
    response = response.strip()
    if opinion.response == response:
        return False
    opinion.response = response
    opinion.responded_by = actor
    opinion.responded_at = timezone.now()
    model_save(
        opinion,
        actor=actor,
        reason=_reason(via, f"response to opinion #{opinion.pk}"),
        exclude=["entry", "author", "responded_by"],
    )
    return True


# ------------------------------------------------------------ Excel round trip


class WorkbookRejected(ServiceError):
    """A workbook with problems: nothing of it was applied."""

    def __init__(self, problems: list):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def workbook_export(
    *, actor, round_: Round, department: Department, now: dt.datetime | None = None
) -> bytes:
    """The Excel workbook of a department's share of an open round."""
    require(actor, Action.EXPORT_WORKBOOK, RoundDepartment(round_, department))
    entries = selectors.department_entries(round_, department)
    programs = [e.program for e in entries]
    return excel.export_workbook(
        round_,
        department,
        entries,
        selectors.indicators_by_program(programs),
        selectors.entry_references(round_, entries),
        now=now or timezone.now(),
    )


def workbook_import(
    *,
    actor,
    round_: Round,
    department: Department,
    data: bytes,
    filename: str = "",
) -> int:
    """Apply a filled-in workbook, all or nothing, through entry_save_draft (the
    web form's service). Raises WorkbookRejected with every problem found, by
    sheet and cell; returns how many entries changed."""
    require(actor, Action.IMPORT_WORKBOOK, RoundDepartment(round_, department))
    read = excel.read_workbook(data, filename=filename)
    problems = list(read.problems)
    if not problems and read.round_id != round_.pk:
        other = Round.objects.filter(pk=read.round_id).first()
        problems.append(
            excel.Problem(
                None,
                None,
                _("This workbook belongs to another round (%(round)s), not %(this)s.")
                % {"round": other or read.round_id, "this": round_.title},
            )
        )
    if not problems and read.department_id != department.pk:
        other = Department.objects.filter(pk=read.department_id).first()
        problems.append(
            excel.Problem(
                None,
                None,
                _("This workbook belongs to %(other)s, not %(department)s.")
                % {"other": other or read.department_id, "department": department},
            )
        )
    if problems:
        raise WorkbookRejected(problems)
    entries = {e.pk: e for e in selectors.department_entries(round_, department)}
    for edit in read.edits:
        entry = entries.get(edit.entry_id)
        label = program_number_label(edit.program_number)
        if entry is None:
            problems.append(
                excel.Problem(
                    edit.sheet,
                    f"A{edit.row}",
                    _(
                        "program %(program)s is no longer in this round or no "
                        "longer led by %(department)s."
                    )
                    % {"program": label, "department": department},
                )
            )
        elif entry.version != edit.version:
            problems.append(
                excel.Problem(
                    edit.sheet,
                    f"{excel.EDIT_COLUMN}{edit.row}",
                    _(
                        "program %(program)s was changed by %(user)s on %(when)s, "
                        "after this workbook was exported (%(exported)s): download "
                        "a new workbook and copy your text into it."
                    )
                    % {
                        "program": label,
                        "user": person_name(entry.updated_by)
                        if entry.updated_by
                        else _("someone else"),
                        "when": timezone.localtime(entry.updated_at).strftime(
                            "%Y-%m-%d %H:%M"
                        ),
                        "exported": read.exported_at[:16].replace("T", " "),
                    },
                )
            )
        elif entry.state not in EDITABLE_STATES:
            problems.append(
                excel.Problem(
                    edit.sheet,
                    f"{excel.EDIT_COLUMN}{edit.row}",
                    _("program %(program)s is %(state)s and can no longer be edited.")
                    % {"program": label, "state": entry.get_state_display()},
                )
            )
    if problems:
        raise WorkbookRejected(problems)
    field_name = "plan" if "plan" in round_.editable_fields else "achievements"
    changed = 0
    with transaction.atomic():
        for edit in read.edits:
            try:
                changed += entry_save_draft(
                    actor=actor,
                    entry=entries[edit.entry_id],
                    based_on_version=edit.version,
                    kpi_actuals=edit.kpi_actuals or None,
                    via="excel",
                    **{field_name: edit.text},
                )
            except ServiceError as exc:
                problems.append(
                    excel.Problem(
                        edit.sheet, f"{excel.EDIT_COLUMN}{edit.row}", exc.message
                    )
                )
        if problems:
            raise WorkbookRejected(problems)
    return changed
