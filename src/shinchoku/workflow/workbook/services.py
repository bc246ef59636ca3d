"""The Excel round trip of a round: a department's share of it as a workbook,
and the filled-in workbook applied, all or nothing, through the web form's
service (entries.services.entry_save_draft)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shinchoku.common.services import ServiceError, User
from shinchoku.workflow.entries import selectors as entry_selectors
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Department, Round
from shinchoku.workflow.permissions import Action, RoundDepartment, require
from shinchoku.workflow.rounds import selectors as round_selectors
from shinchoku.workflow.workbook import changes, layout


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
    web form's service). Only the cells edited since the download count (see
    workbook.changes): an untouched workbook writes nothing. Raises
    WorkbookRejected with every problem found, by sheet and cell; returns how
    many entries changed."""
    # openpyxl, as in workbook_export.
    from shinchoku.workflow.workbook import excel

    require(actor, Action.IMPORT_WORKBOOK, RoundDepartment(round_, department))
    read = excel.read_workbook(data, filename=filename)
    problems = list(read.problems) or _whose(read, round_, department)
    if problems:
        raise WorkbookRejected(problems)
    entries = {e.pk: e for e in round_selectors.department_entries(round_, department)}
    edits = [
        change
        for edit in read.edits
        if (change := changes.edits_of(edit, entries.get(edit.entry_id)))
    ]
    last_steps = entry_selectors.last_steps([c.entry for c in edits if c.entry])
    for change in edits:
        if change.entry is None:
            problems += changes.gone(change, department)
        else:
            problems += changes.refusals(
                change, last_steps=last_steps, exported_at=read.exported_at
            )
    if problems:
        raise WorkbookRejected(problems)
    return _apply(actor, round_, edits)


def _apply(actor: User, round_: Round, edits: list[changes.EntryChange]) -> int:
    """Save the edits in one transaction; any refusal rolls all of them back."""
    problems: list[layout.Problem] = []
    changed = 0
    with transaction.atomic():
        for change in edits:
            text = {round_.text_field: change.text} if change.text is not None else {}
            try:
                changed += entry_services.entry_save_draft(
                    actor=actor,
                    entry=change.entry,
                    based_on_version=change.entry.version,
                    kpi_actuals=change.kpi_actuals or None,
                    kpi_seen=change.edit.kpi_seen,
                    via="excel",
                    **text,
                )
            except ServiceError as exc:
                problems += [
                    layout.Problem(change.edit.sheet, cell, exc.message)
                    for cell in change.cells
                ]
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
