"""Reads of the update round: to-do lists, the round dashboard, opinions, the
audit trail of a program and the diff of two editions."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from shinchoku.common import wareki
from shinchoku.document import interchange
from shinchoku.plans.models import Edition, Indicator, Plan, Program, ProgramYear
from shinchoku.plans.selectors import plan_to_parsed
from shinchoku.workflow import diff as plan_diff
from shinchoku.workflow.models import (
    Department,
    EntryState,
    Membership,
    Opinion,
    ProgramAssignment,
    Role,
    Round,
    RoundEntry,
    RoundStatus,
)
from shinchoku.workflow.models import person_name as models_person_name
from shinchoku.workflow.permissions import Action, actor_for, can

ENTRY_RELATED = (
    "round__plan__municipality",
    "round__edition",
    "program__plan__municipality",
    "program__direction",
    "program__assignment__lead",
    "updated_by",
)


def entries_qs() -> QuerySet[RoundEntry]:
    return RoundEntry.objects.select_related(*ENTRY_RELATED).prefetch_related(
        "program__assignment__supporting"
    )


def entry_get(pk: int) -> RoundEntry:
    return entries_qs().get(pk=pk)


def round_get(pk: int) -> Round:
    return Round.objects.select_related("plan__municipality", "edition").get(pk=pk)


def rounds_for_plan(plan: Plan) -> list[Round]:
    rounds = list(
        Round.objects.filter(plan=plan).select_related("edition").order_by("-opened_at")
    )
    for r in rounds:
        r.plan = plan
    return rounds


def membership_of(user) -> Membership | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.select_related("municipality", "department")
        .filter(user=user)
        .first()
    )


def tasks_for(user) -> list[RoundEntry]:
    """A department editor's to-do list: the entries of open rounds for the
    programs their department leads."""
    actor = actor_for(user)
    if actor.role != Role.DEPARTMENT_EDITOR:
        return []
    return list(
        entries_qs()
        .filter(
            round__status=RoundStatus.OPEN,
            round__plan__municipality_id=actor.municipality_id,
            program__assignment__lead_id=actor.department_id,
        )
        .order_by("round__deadline", "round_id", "program__ordering", "program__number")
    )


def open_rounds_for(user) -> list[Round]:
    """Rounds the user oversees (admin office, committee, system admin)."""
    actor = actor_for(user)
    rounds = Round.objects.select_related("plan__municipality", "edition")
    if not actor.is_system_admin:
        rounds = rounds.filter(plan__municipality_id=actor.municipality_id)
    return [r for r in rounds.order_by("-opened_at") if can(user, Action.VIEW_ROUND, r)]


@dataclass
class DepartmentRow:
    department: Department | None
    entries: list[RoundEntry] = field(default_factory=list)

    @property
    def missing(self) -> list[RoundEntry]:
        return [e for e in self.entries if e.is_missing]

    @property
    def counts(self) -> dict[str, int]:
        out = {state: 0 for state in EntryState.values}
        for e in self.entries:
            out[e.state] += 1
        return out

    @property
    def done(self) -> bool:
        return all(e.is_done for e in self.entries)


def round_entries(round_: Round) -> list[RoundEntry]:
    entries = list(
        entries_qs()
        .filter(round=round_)
        .order_by("program__ordering", "program__number")
    )
    for e in entries:
        e.round = round_
    return entries


def round_dashboard(round_: Round) -> list[DepartmentRow]:
    """Per lead department (programs without one last), its entries."""
    rows: dict[int | None, DepartmentRow] = {}
    for entry in round_entries(round_):
        try:
            lead = entry.program.assignment.lead
        except Program.assignment.RelatedObjectDoesNotExist:
            lead = None
        key = lead.pk if lead else None
        rows.setdefault(key, DepartmentRow(lead)).entries.append(entry)
    return sorted(
        rows.values(),
        key=lambda r: (
            r.department is None,
            r.department.ordering if r.department else 0,
            r.department.name if r.department else "",
        ),
    )


def department_entries(round_: Round, department: Department) -> list[RoundEntry]:
    return [
        e
        for e in round_entries(round_)
        if getattr(getattr(e.program, "assignment", None), "lead_id", None)
        == department.pk
    ]


def departments_of(plan: Plan) -> list[Department]:
    return list(Department.objects.filter(municipality_id=plan.municipality_id))


def indicators_by_program(programs: list[Program]) -> dict[int, list[Indicator]]:
    out: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in Indicator.objects.filter(program__in=programs):
        out[indicator.program_id].append(indicator)
    return out


@dataclass
class EntryReference:
    """What a department sees beside its draft: the live record it replaces
    and the text it follows from."""

    live_achievements: list[str]
    live_plan: list[str]
    live_version: int
    reference_label: str
    reference: list[str]
    indicators: list[Indicator]


def _reference_year(round_: Round) -> tuple[int, str]:
    """The FY record a department writes from: last year's plan when writing
    this year's, this year's plan when reporting what was achieved."""
    fy = round_.fiscal_year
    return (fy - 1, "plan") if "plan" in round_.editable_fields else (fy, "plan")


def reference_label(round_: Round) -> str:
    fy, _kind = _reference_year(round_)
    return _("%(fy)s initial plan and targets") % {"fy": wareki.fiscal_year_label(fy)}


def entry_references(round_: Round, entries: list[RoundEntry]) -> dict[int, list[str]]:
    """{entry id: reference bullets} in one query."""
    fy, kind = _reference_year(round_)
    records = {
        y.program_id: getattr(y, kind)
        for y in ProgramYear.objects.filter(
            program__in=[e.program_id for e in entries], fiscal_year=fy
        )
    }
    return {e.pk: list(records.get(e.program_id, [])) for e in entries}


def entry_reference(entry: RoundEntry) -> EntryReference:
    live = ProgramYear.objects.filter(
        program=entry.program, fiscal_year=entry.round.fiscal_year
    ).first()
    return EntryReference(
        live_achievements=list(live.achievements) if live else [],
        live_plan=list(live.plan) if live else [],
        live_version=live.version if live else 0,
        reference_label=reference_label(entry.round),
        reference=entry_references(entry.round, [entry])[entry.pk],
        indicators=list(entry.program.indicators.all()),
    )


# ------------------------------------------------------------ opinions


def opinions_for_edition(edition: Edition) -> dict[int, list[tuple[str, str]]]:
    """{program number: [(委員会意見, 市の対応)]} for the rounds closed into an
    edition, for the report builders."""
    out: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for opinion in (
        Opinion.objects.filter(entry__round__edition=edition)
        .select_related("entry__program")
        .order_by("entry__program__ordering", "entry__program__number", "created_at")
    ):
        out[opinion.entry.program.number].append((opinion.text, opinion.response))
    return dict(out)


def program_opinions(program: Program, user) -> list[Opinion]:
    """The opinions on a program the user may read (1 query): members of the
    municipality read all, the public those of published editions."""
    opinions = Opinion.objects.filter(entry__program=program).select_related(
        "entry__round__edition", "entry__round__plan__municipality"
    )
    actor = actor_for(user)
    if not actor.is_member_of(program.plan.municipality_id):
        opinions = opinions.filter(entry__round__edition__published=True)
    return list(opinions.order_by("-entry__round__fiscal_year", "created_at"))


def entry_opinions(entry: RoundEntry) -> list[Opinion]:
    return list(
        entry.opinions.select_related("author", "responded_by").order_by("created_at")
    )


# ------------------------------------------------------------ editions


def editions_for(plan: Plan, user) -> list[Edition]:
    editions = list(plan.editions.order_by("date", "fiscal_year", "pk"))
    for e in editions:
        e.plan = plan
    return [e for e in editions if can(user, Action.VIEW_EDITION, e)]


def edition_document(edition: Edition) -> dict:
    """The interchange document an edition presents: its snapshot, or the live
    plan for an edition frozen before snapshots existed."""
    if edition.snapshot is not None:
        return edition.snapshot
    return interchange.dump(plan_to_parsed(edition.plan))


def edition_diff(old: Edition, new: Edition) -> list[plan_diff.ProgramDiff]:
    return plan_diff.diff_documents(edition_document(old), edition_document(new))


# ------------------------------------------------------------ audit trail


@dataclass
class FieldChange:
    label: str
    changes: list[plan_diff.BulletChange] = field(default_factory=list)
    old: Any = None
    new: Any = None

    @property
    def is_list(self) -> bool:
        return bool(self.changes)


@dataclass
class AuditRow:
    when: dt.datetime
    who: str
    via: str
    reason: str
    record: str
    kind: str  # "created", "changed", "deleted"
    fields: list[FieldChange]


LIST_FIELDS = {"policy_points", "achievements", "plan", "schedule_raw"}


def _as_list(name: str, value) -> list[str]:
    if name == "action_items":
        return [a.get("text", "") for a in value or []]
    return list(value or [])


def _display(value):
    """Per-FY values as a person reads them: {"2023": 85} → "2023: 85"."""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items()) or "—"
    return value


def _field_changes(model, old, new, fields: list[str]) -> list[FieldChange]:
    out = []
    for name in fields:
        a = getattr(old, name) if old is not None else None
        b = getattr(new, name)
        if old is not None and a == b:
            continue
        label = str(model._meta.get_field(name).verbose_name)
        if name in LIST_FIELDS or name == "action_items":
            changes = plan_diff.diff_bullets(_as_list(name, a), _as_list(name, b))
            if changes:
                out.append(FieldChange(label, changes=changes))
            elif old is not None:
                # Same texts, other schedule cells or order: show the values.
                out.append(FieldChange(label, old=a, new=b))
        elif old is not None or b not in (None, "", [], {}):
            out.append(FieldChange(label, old=_display(a), new=_display(b)))
    return out


def person_name(user) -> str:
    if user is None:
        return _("system")
    return models_person_name(user)


def _who(record) -> str:
    return person_name(record.history_user)


def _rows(model, records, label_of, fields) -> list[AuditRow]:
    by_object = defaultdict(list)
    for record in records:
        by_object[record.id].append(record)
    kinds = {"+": "created", "~": "changed", "-": "deleted"}
    out = []
    for history in by_object.values():
        history.sort(key=lambda r: (r.history_date, r.history_id))
        previous = None
        for record in history:
            reason = record.history_change_reason or ""
            via, sep, _rest = reason.partition(": ")
            changes = _field_changes(model, previous, record, fields)
            previous = record
            if record.history_type == "~" and not changes:
                continue
            out.append(
                AuditRow(
                    when=record.history_date,
                    who=_who(record),
                    via=via if sep else (_("admin site") if not reason else reason),
                    reason=reason,
                    record=label_of(record),
                    kind=kinds[record.history_type],
                    fields=changes,
                )
            )
    return out


def program_history(program: Program) -> list[AuditRow]:
    """Every recorded change of a program's plan data (the program, its FY
    records, indicators and department), newest first, lists diffed by bullet."""
    rows = _rows(
        Program,
        Program.history.filter(id=program.pk).select_related("history_user"),
        lambda r: _("Program"),
        ["name", "policy_points", "action_items", "schedule_raw", "ended_after_fy"],
    )
    rows += _rows(
        ProgramYear,
        ProgramYear.history.filter(program_id=program.pk).select_related(
            "history_user"
        ),
        lambda r: wareki.fiscal_year_label(r.fiscal_year),
        ["achievements", "plan"],
    )
    rows += _rows(
        Indicator,
        Indicator.history.filter(program_id=program.pk).select_related("history_user"),
        lambda r: _("Indicator %(name)s") % {"name": r.name},
        ["name", "unit", "targets", "actuals"],
    )
    rows += _rows(
        ProgramAssignment,
        ProgramAssignment.history.filter(program_id=program.pk).select_related(
            "history_user", "lead"
        ),
        lambda r: _("Lead department"),
        ["lead"],
    )
    rows.sort(key=lambda r: r.when, reverse=True)
    return rows
