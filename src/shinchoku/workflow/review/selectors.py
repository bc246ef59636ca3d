"""Reads of the admin office's review queue: a round's entries filtered by
department and state, and the count of each state per department."""

from __future__ import annotations

from dataclasses import dataclass, field

from shinchoku.workflow.models import Department, EntryState, Round, RoundEntry
from shinchoku.workflow.rounds.selectors import DepartmentRow, round_dashboard

# The department filter's value for programs no department leads.
UNASSIGNED = 0


@dataclass
class StateCounts:
    """One line of the counts table: a department (None: the whole round)."""

    department: Department | None
    counts: dict[str, int]
    is_total: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cells(self) -> list[int]:
        """The counts in the order of EntryState, for tables."""
        return [self.counts[state] for state in EntryState.values]


@dataclass
class ReviewQueue:
    round: Round
    rows: list[DepartmentRow]
    entries: list[RoundEntry] = field(default_factory=list)
    counts: list[StateCounts] = field(default_factory=list)

    @property
    def departments(self) -> list[Department]:
        return [r.department for r in self.rows if r.department is not None]

    @property
    def has_unassigned(self) -> bool:
        return any(r.department is None for r in self.rows)

    def keep(self, *, department_id: int | None, state: str | None) -> None:
        """Show the entries of one department (UNASSIGNED: of none) and one
        state; None: of every department, in every state."""
        self.entries = [
            e
            for row in self.rows
            if department_id in (None, _department_id(row))
            for e in row.entries
            if state in (None, e.state)
        ]

    @property
    def awaiting(self) -> list[RoundEntry]:
        """Of the entries shown, those the office may approve or return."""
        return [e for e in self.entries if e.awaits_review]


def _department_id(row: DepartmentRow) -> int:
    return row.department.pk if row.department is not None else UNASSIGNED


def review_queue(
    round_: Round, *, department_id: int | None = None, state: str | None = None
) -> ReviewQueue:
    """The round's entries by lead department (one query for all, see
    round_dashboard), the ones the filters keep, and the counts of every
    state per department and in all."""
    rows = round_dashboard(round_)
    queue = ReviewQueue(round=round_, rows=rows)
    total = dict.fromkeys(EntryState.values, 0)
    for row in rows:
        counts = row.counts
        queue.counts.append(StateCounts(row.department, counts))
        for key, value in counts.items():
            total[key] += value
    queue.counts.append(StateCounts(None, total, is_total=True))
    queue.keep(department_id=department_id, state=state)
    return queue


def entries_by_pk(round_: Round, pks: list[int]) -> list[RoundEntry]:
    """The round's entries with these ids, in the queue's order."""
    wanted = set(pks)
    return [e for row in round_dashboard(round_) for e in row.entries if e.pk in wanted]
