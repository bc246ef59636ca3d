"""The audit trail of a program: every recorded change of its plan data (the
program, its FY records, indicators and lead department) and every step of
its round entries (submit, return, withdraw, approve), newest first, lists
diffed by bullet; an approved change names who wrote it and who approved it."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from shinchoku.common import wareki
from shinchoku.common.services import User
from shinchoku.plans.models import Indicator, Program, ProgramYear
from shinchoku.workflow import diff as plan_diff
from shinchoku.workflow.models import EntryAction, EntryEvent, ProgramAssignment
from shinchoku.workflow.models import person_name as models_person_name
from shinchoku.workflow.programs import reasons


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
    kind: str  # "created", "changed", "deleted", "step" (of a round entry)
    fields: list[FieldChange]
    writer: str = ""  # who wrote an approved draft (who is its approver)
    recorded: str = ""  # the reason as the service recorded it
    step: str = ""  # a round entry's step: submitted, returned, …
    comment: str = ""


LIST_FIELDS = {"policy_points", "achievements", "plan", "schedule_raw"}


def _as_list(name: str, value: Any) -> list[str]:
    if name == "action_items":
        return [a.get("text", "") for a in value or []]
    return list(value or [])


def _display(value: Any) -> Any:
    """Per-FY values as a person reads them: {"2023": 85} → "令和5年度: 85"."""
    if isinstance(value, dict):
        return (
            "、".join(
                f"{wareki.fiscal_year_label(int(k)) if str(k).isdigit() else k}: {v}"
                for k, v in value.items()
            )
            or "—"
        )
    return value


def _field_changes(
    model: type[Model], old: Any, new: Any, fields: list[str]
) -> list[FieldChange]:
    out = []
    for name in fields:
        a = getattr(old, name) if old is not None else None
        b = getattr(new, name)
        if old is not None and a == b:
            continue
        label = str(getattr(model._meta.get_field(name), "verbose_name", name))
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


def person_name(user: User | None) -> str:
    if user is None:
        return _("system")
    return models_person_name(user)


def _who(record: Any) -> str:
    return person_name(record.history_user)


def _rows(
    model: type[Model],
    records: Iterable[Any],
    label_of: Callable[[Any], str],
    fields: list[str],
) -> list[AuditRow]:
    """Audit rows from a model's history records (simple_history's rows)."""
    by_object: dict[int, list[Any]] = defaultdict(list)
    for record in records:
        by_object[record.id].append(record)
    kinds = {"+": "created", "~": "changed", "-": "deleted"}
    out = []
    for history in by_object.values():
        history.sort(key=lambda r: (r.history_date, r.history_id))
        previous = None
        for record in history:
            reason = record.history_change_reason or ""
            via, what = reasons.describe(reason)
            changes = _field_changes(model, previous, record, fields)
            previous = record
            if record.history_type == "~" and not changes:
                continue
            out.append(
                AuditRow(
                    when=record.history_date,
                    who=_who(record),
                    via=via or str(_("admin site")),
                    reason=what,
                    recorded=reason,
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
    rows += _entry_steps(program, rows)
    rows.sort(key=lambda r: r.when, reverse=True)
    return rows


# The reason of the history rows an approval writes (entries.services).
_APPROVAL_RE = re.compile(r"approve round .* \(#(\d+)\)")


def _entry_steps(program: Program, rows: list[AuditRow]) -> list[AuditRow]:
    """The steps of the program's round entries as rows, and the writer of
    each approved draft credited on the rows its approval wrote."""
    events = list(
        EntryEvent.objects.filter(entry__program_id=program.pk)
        .select_related("actor", "writer", "entry__round")
        .order_by("at", "pk")
    )
    writers = {
        e.entry.round_id: person_name(e.writer)
        for e in events
        if e.action == EntryAction.APPROVE and e.writer is not None
    }
    credited = set()
    for row in rows:
        if (found := _APPROVAL_RE.search(row.recorded)) is not None:
            row.writer = writers.get(int(found.group(1)), "")
            credited.add(int(found.group(1)))
    # An approval that changed the plan is its change rows (approver and
    # writer); one that changed nothing is a row of its own.
    events = [
        e
        for e in events
        if not (e.action == EntryAction.APPROVE and e.entry.round_id in credited)
    ]
    return [
        AuditRow(
            when=e.at,
            who=person_name(e.actor),
            via=reasons.channel_label(e.via),
            reason="",
            record=e.entry.round.title,
            kind="step",
            fields=[],
            writer=person_name(e.writer) if e.writer else "",
            step=e.label,
            comment=e.comment,
        )
        for e in events
    ]
