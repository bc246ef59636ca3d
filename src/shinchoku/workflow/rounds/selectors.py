"""Reads of update rounds: a round, a plan's rounds, and a round's dashboard
(its entries per lead department)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from shinchoku.common.services import User
from shinchoku.plans.models import Edition, Plan, Program
from shinchoku.workflow.entries.selectors import entries_qs
from shinchoku.workflow.models import Department, EntryState, Round, RoundEntry
from shinchoku.workflow.permissions import Action, actor_for, can


def round_get(pk: int) -> Round:
    return Round.objects.select_related("plan__municipality", "edition").get(pk=pk)


def rounds_for_plan(plan: Plan) -> list[Round]:
    rounds = list(
        Round.objects.filter(plan=plan).select_related("edition").order_by("-opened_at")
    )
    for r in rounds:
        r.plan = plan
    return rounds


def open_rounds_for(user: User) -> list[Round]:
    """Rounds the user oversees (admin office, committee, system admin), each
    with ``awaiting``: how many of its entries wait for review."""
    actor = actor_for(user)
    rounds = Round.objects.select_related("plan__municipality", "edition").annotate(
        awaiting=Count("entries", filter=Q(entries__state=EntryState.SUBMITTED))
    )
    if not actor.is_system_admin:
        if actor.municipality_id is None:
            return []
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


@dataclass(frozen=True)
class CloseCheck:
    """What closing a round would meet: entries still in progress (作成中,
    課内確認待ち, 提出済, 差戻し: closing is refused over them) and entries not
    started (the edition keeps their text as last approved), each per lead
    department."""

    pending: list[DepartmentRow]
    not_started: list[DepartmentRow]

    @property
    def pending_entries(self) -> list[RoundEntry]:
        return [e for row in self.pending for e in row.entries]

    @property
    def not_started_count(self) -> int:
        return sum(len(row.entries) for row in self.not_started)


def round_close_check(round_: Round) -> CloseCheck:
    rows = round_dashboard(round_)

    def only(keep: Callable[[RoundEntry], bool]) -> list[DepartmentRow]:
        picked = [
            DepartmentRow(r.department, list(filter(keep, r.entries))) for r in rows
        ]
        return [r for r in picked if r.entries]

    return CloseCheck(
        pending=only(lambda e: e.is_pending),
        not_started=only(lambda e: e.state == EntryState.NOT_STARTED),
    )


def department_entries(round_: Round, department: Department) -> list[RoundEntry]:
    return [
        e
        for e in round_entries(round_)
        if getattr(getattr(e.program, "assignment", None), "lead_id", None)
        == department.pk
    ]


def free_edition_title(round_: Round) -> str:
    """A title to propose when the round is closed: the round's own, unless a
    published edition has it (closing would refuse it): then 令和6年度当初計画（第2版）…"""
    taken = set(
        Edition.objects.filter(
            plan_id=round_.plan_id, title__startswith=round_.title, published=True
        ).values_list("title", flat=True)
    )
    title, n = round_.title, 1
    while title in taken:
        n += 1
        title = _("%(title)s (edition %(n)s)") % {"title": round_.title, "n": n}
    return title


def close_proposal(round_: Round) -> dict:
    """What closing the round makes unless told otherwise (the close form's
    values, the API's defaults): the round's title (unless a published
    edition has it: closing would refuse it), or for a reopened round the
    edition it closed into, as a 修正版."""
    previous = round_.edition
    if previous is None:
        return {
            "title": free_edition_title(round_),
            "fiscal_year": round_.fiscal_year,
        }
    return {
        "title": f"{previous.title}(修正版)",
        "meeting": previous.meeting,
        "material": previous.material,
        "date": previous.date,
        "fiscal_year": previous.fiscal_year,
        "schedule_as_of": previous.schedule_as_of,
    }
