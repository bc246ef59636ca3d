"""What an uploaded workbook changes, cell by cell, and which of its changes
cannot be applied.

A cell is an edit only when it differs both from what the workbook held when
it was downloaded (its fingerprint in the signed metadata) and from the live
draft: an untouched workbook, or a cell someone else already brought to the
same text, changes nothing, whatever happened to its program since. An edit
is refused when its program can no longer take it — handed in, approved, or
changed by someone else after the download — naming the sheet and cell, who
did what and when (JST). Deciding is separate from applying: the service
applies a workbook only when no edit is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from shinchoku.common import wareki
from shinchoku.common.text import program_number_label
from shinchoku.workflow.models import EntryEvent, RoundEntry, person_name
from shinchoku.workflow.workbook.layout import EntryEdit, Problem, fingerprint, number


@dataclass
class EntryChange:
    """The edits of one entry that the upload would save."""

    entry: RoundEntry
    edit: EntryEdit
    text: list[str] | None = None  # None: the text is not edited
    kpi_actuals: dict[str, object] = field(default_factory=dict)

    @property
    def cells(self) -> list[str]:
        """The workbook cells holding the edits."""
        out = [self.edit.text_cell] if self.text is not None else []
        return out + [
            self.edit.kpi_cells.get(k, self.edit.text_cell) for k in self.kpi_actuals
        ]


def edits_of(edit: EntryEdit, entry: RoundEntry | None) -> EntryChange | None:
    """The cells of the entry's rows that are edits (None: none is)."""
    has_live = entry is not None
    live_kpis = entry.kpi_actuals if entry is not None else {}
    change = EntryChange(entry=entry, edit=edit)  # type: ignore[arg-type]
    text = edit.text or []
    live_text = list(entry.text) if entry is not None else None
    if _edited(text, live_text, edit.sent_text, has_live=has_live):
        change.text = text
    for key, value in edit.kpi_actuals.items():
        live = number(live_kpis.get(key))
        sent = edit.sent_kpis.get(key)
        if _edited(number(value), live, sent, has_live=has_live):
            change.kpi_actuals[key] = value
    if change.text is None and not change.kpi_actuals:
        return None
    return change


def _edited(value: object, live: object, sent: str | None, *, has_live: bool) -> bool:
    """A cell is an edit when it differs from the live draft and from what was
    downloaded (without a fingerprint: from the live draft alone)."""
    if has_live and value == live:
        return False
    if sent is None:
        return True
    return fingerprint(value) != sent


def diverged(edit: EntryEdit, entry: RoundEntry) -> bool:
    """Whether someone changed the entry's draft since the download: by its
    fingerprints, or (a workbook made before they were kept) by its version."""
    if edit.sent_text is None:
        return entry.version != edit.version
    if fingerprint(list(entry.text)) != edit.sent_text:
        return True
    return any(
        fingerprint(number(entry.kpi_actuals.get(key))) != sent
        for key, sent in edit.sent_kpis.items()
    )


def refusals(
    change: EntryChange,
    *,
    last_steps: dict[int, EntryEvent],
    exported_at: str,
) -> list[Problem]:
    """Why the change's cells cannot be saved, one problem per cell (none: they
    can)."""
    entry, edit = change.entry, change.edit
    label = program_number_label(edit.program_number)
    if not entry.is_editable:
        step = last_steps.get(entry.pk)
        message = _(
            "program %(program)s is %(state)s (%(step)s by %(user)s, %(when)s): "
            "this change cannot be applied; ask the admin office to return it."
        ) % {
            "program": label,
            "state": entry.get_state_display(),
            "step": step.label if step else entry.get_state_display(),
            "user": _who(step.actor if step else entry.updated_by),
            "when": wareki.moment_label(step.at if step else entry.updated_at),
        }
    elif diverged(edit, entry):
        message = _(
            "program %(program)s was changed by %(user)s on %(when)s, after this "
            "workbook was downloaded (%(exported)s): download a new workbook and "
            "copy your text into it."
        ) % {
            "program": label,
            "user": _who(entry.updated_by),
            "when": wareki.moment_label(entry.updated_at),
            "exported": exported_label(exported_at),
        }
    else:
        return []
    return [Problem(edit.sheet, cell, message) for cell in change.cells]


def gone(change: EntryChange, department) -> list[Problem]:
    """Edits of a program no longer in the department's share of the round."""
    message = _(
        "program %(program)s is no longer in this round or no longer led by "
        "%(department)s."
    ) % {
        "program": program_number_label(change.edit.program_number),
        "department": department,
    }
    return [Problem(change.edit.sheet, cell, message) for cell in change.cells]


def exported_label(exported_at: str) -> str:
    """The download's moment in JST (the metadata keeps it in UTC)."""
    try:
        moment = dt.datetime.fromisoformat(exported_at)
    except ValueError:
        return exported_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return wareki.moment_label(moment)


def _who(user) -> str:
    return person_name(user) if user is not None else _("someone else")
