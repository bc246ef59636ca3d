"""The Excel round trip of a round: a department's share of it as a workbook,
and the filled-in workbook applied, all or nothing, through the web form's
service (entries.services.entry_save_draft)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shinchoku.common.services import ServiceError, User
from shinchoku.common.text import program_number_label
from shinchoku.workflow.entries import selectors as entry_selectors
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Department, Round, RoundEntry, person_name
from shinchoku.workflow.permissions import Action, RoundDepartment, require
from shinchoku.workflow.rounds import selectors as round_selectors
from shinchoku.workflow.workbook import layout


class WorkbookRejected(ServiceError):
    """A workbook with problems: nothing of it was applied."""

    def __init__(self, problems: list):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def workbook_export(
    *,
    actor: User,
    round_: Round,
    department: Department,
    now: dt.datetime | None = None,
) -> bytes:
    """The Excel workbook of a department's share of an open round."""
    # The workbook's module brings openpyxl (half a second to import): only the
    # Excel round trip pays it, not every page of the round.
    from shinchoku.workflow.workbook import excel

    require(actor, Action.EXPORT_WORKBOOK, RoundDepartment(round_, department))
    entries = round_selectors.department_entries(round_, department)
    programs = [e.program for e in entries]
    return excel.export_workbook(
        round_,
        department,
        entries,
        entry_selectors.indicators_by_program(programs),
        entry_selectors.entry_references(round_, entries),
        now=now or timezone.now(),
    )


def workbook_import(
    *,
    actor: User,
    round_: Round,
    department: Department,
    data: bytes,
    filename: str = "",
) -> int:
    """Apply a filled-in workbook, all or nothing, through entry_save_draft (the
    web form's service). Raises WorkbookRejected with every problem found, by
    sheet and cell; returns how many entries changed."""
    # openpyxl, as in workbook_export.
    from shinchoku.workflow.workbook import excel

    require(actor, Action.IMPORT_WORKBOOK, RoundDepartment(round_, department))
    read = excel.read_workbook(data, filename=filename)
    problems = list(read.problems) or _whose(read, round_, department)
    if problems:
        raise WorkbookRejected(problems)
    entries = {e.pk: e for e in round_selectors.department_entries(round_, department)}
    problems = [
        problem
        for edit in read.edits
        if (problem := _stale(edit, entries.get(edit.entry_id), read, department))
    ]
    if problems:
        raise WorkbookRejected(problems)
    changed = 0
    with transaction.atomic():
        for edit in read.edits:
            try:
                changed += entry_services.entry_save_draft(
                    actor=actor,
                    entry=entries[edit.entry_id],
                    based_on_version=edit.version,
                    kpi_actuals=edit.kpi_actuals or None,
                    kpi_seen=edit.kpi_seen,
                    via="excel",
                    **{round_.text_field: edit.text},
                )
            except ServiceError as exc:
                problems.append(
                    layout.Problem(
                        edit.sheet, f"{layout.EDIT_COLUMN}{edit.row}", exc.message
                    )
                )
        if problems:
            raise WorkbookRejected(problems)
    return changed


def _whose(read: layout.ReadResult, round_: Round, department: Department) -> list:
    """A workbook of another round or department: the problem, if any."""
    if read.round_id != round_.pk:
        other_round = Round.objects.filter(pk=read.round_id or 0).first()
        return [
            layout.Problem(
                None,
                None,
                _("This workbook belongs to another round (%(round)s), not %(this)s.")
                % {"round": other_round or read.round_id, "this": round_.title},
            )
        ]
    if read.department_id != department.pk:
        other = Department.objects.filter(pk=read.department_id or 0).first()
        return [
            layout.Problem(
                None,
                None,
                _("This workbook belongs to %(other)s, not %(department)s.")
                % {"other": other or read.department_id, "department": department},
            )
        ]
    return []


def _stale(
    edit: layout.EntryEdit,
    entry: RoundEntry | None,
    read: layout.ReadResult,
    department: Department,
) -> layout.Problem | None:
    """Why an entry of the workbook can no longer take its edit, if it cannot:
    gone from the department's share, saved since the export, or handed in."""
    label = program_number_label(edit.program_number)
    if entry is None:
        return layout.Problem(
            edit.sheet,
            f"A{edit.row}",
            _(
                "program %(program)s is no longer in this round or no "
                "longer led by %(department)s."
            )
            % {"program": label, "department": department},
        )
    if entry.version != edit.version:
        return layout.Problem(
            edit.sheet,
            f"{layout.EDIT_COLUMN}{edit.row}",
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
                "when": timezone.localtime(entry.updated_at).strftime("%Y-%m-%d %H:%M"),
                "exported": read.exported_at[:16].replace("T", " "),
            },
        )
    if not entry.is_editable:
        return layout.Problem(
            edit.sheet,
            f"{layout.EDIT_COLUMN}{edit.row}",
            _("program %(program)s is %(state)s and can no longer be edited.")
            % {"program": label, "state": entry.get_state_display()},
        )
    return None
