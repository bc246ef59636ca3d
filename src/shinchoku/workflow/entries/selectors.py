"""Reads of round entries: one entry with what a page shows beside it, and a
department editor's to-do list."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from shinchoku.common.services import User
from shinchoku.plans.models import Indicator, Program, ProgramYear
from shinchoku.workflow.models import (
    DEPARTMENT_ROLES,
    EntryAction,
    EntryEvent,
    Round,
    RoundEntry,
    RoundStatus,
)
from shinchoku.workflow.permissions import actor_for

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


def tasks_for(user: User) -> list[RoundEntry]:
    """A department editor's to-do list: the entries of open rounds for the
    programs their department leads."""
    actor = actor_for(user)
    if actor.role not in DEPARTMENT_ROLES or actor.municipality_id is None:
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
    earlier: list[ProgramYear] = field(default_factory=list)  # oldest first

    def live(self, field: str) -> list[str]:
        """The live record's bullets of a round's text field."""
        return self.live_plan if field == "plan" else self.live_achievements


def entry_references(round_: Round, entries: list[RoundEntry]) -> dict[int, list[str]]:
    """{entry id: reference bullets} (Round.reference_fiscal_year's plan) in
    one query."""
    records = {
        y.program_id: y.plan
        for y in ProgramYear.objects.filter(
            program__in=[e.program_id for e in entries],
            fiscal_year=round_.reference_fiscal_year,
        )
    }
    return {e.pk: list(records.get(e.program_id, [])) for e in entries}


def entry_reference(entry: RoundEntry) -> EntryReference:
    """The live record, the reference text and the program's earlier years (in
    one query of its FY records)."""
    fy = entry.round.fiscal_year
    years = {
        y.fiscal_year: y
        for y in ProgramYear.objects.filter(program=entry.program).order_by(
            "fiscal_year"
        )
    }
    live = years.get(fy)
    reference = years.get(entry.round.reference_fiscal_year)
    return EntryReference(
        live_achievements=list(live.achievements) if live else [],
        live_plan=list(live.plan) if live else [],
        live_version=live.version if live else 0,
        reference_label=entry.round.reference_label,
        reference=list(reference.plan) if reference else [],
        indicators=list(entry.program.indicators.all()),
        earlier=[y for year, y in years.items() if year < fy],
    )


def entry_thread(entry: RoundEntry) -> list[EntryEvent]:
    """The steps of the entry in the order they were taken, with who took them
    and who wrote the draft (one query)."""
    return list(
        EntryEvent.objects.filter(entry=entry)
        .select_related("actor", "writer")
        .order_by("at", "pk")
    )


def last_approval(thread: list[EntryEvent]) -> EntryEvent | None:
    """The step that approved the entry as it stands (None: not approved)."""
    for event in reversed(thread):
        if event.action == EntryAction.APPROVE:
            return event
    return None


def last_returned_text(thread: list[EntryEvent]) -> list[str] | None:
    """The draft as it stood when it was last returned (None: never returned):
    what the reviewer diffs the resubmission against."""
    for event in reversed(thread):
        if event.is_return:
            return list(event.text)
    return None


def last_steps(entries: list[RoundEntry]) -> dict[int, EntryEvent]:
    """{entry id: the entry's latest step, with who took it} in one query."""
    out: dict[int, EntryEvent] = {}
    for event in (
        EntryEvent.objects.filter(entry__in=entries)
        .select_related("actor")
        .order_by("at", "pk")
    ):
        out[event.entry_id] = event
    return out
