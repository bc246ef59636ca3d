"""Writes of update rounds: open one (an entry per program, its draft a copy of
the live record), remind the departments that still owe entries, close it into
an edition (frozen by plans.services)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from shinchoku.common.services import (
    InvalidState,
    ServiceError,
    User,
    model_save,
    signed_in,
)
from shinchoku.common.text import clean_input
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Edition, Indicator, Plan, Program, ProgramYear
from shinchoku.workflow import events
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import (
    Department,
    EntryAction,
    EntryState,
    Round,
    RoundEntry,
    RoundStatus,
)
from shinchoku.workflow.opinions.selectors import round_opinions
from shinchoku.workflow.permissions import Action, can, require
from shinchoku.workflow.rounds import selectors


def _live_draft(
    round_: Round,
    program: Program,
    years: dict[tuple[int, int], ProgramYear],
    indicators: dict[int, list[Indicator]],
) -> dict[str, object]:
    record = years.get((program.pk, round_.fiscal_year))
    actuals = {
        str(i.pk): i.actuals.get(str(round_.fiscal_year))
        for i in indicators.get(program.pk, [])
    }
    return {
        "achievements": list(record.achievements) if record else [],
        "plan": list(record.plan) if record else [],
        "kpi_actuals": actuals,
        "kpi_bases": dict(actuals),
        "year_version": record.version if record else 0,
    }


@transaction.atomic
def round_open(
    *,
    actor: User,
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
        opened_by=signed_in(actor),
    )
    reason = f"{via}: open round {round_.title}"
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
        default_user=signed_in(actor),
        default_change_reason=reason,
    )
    events.round_opened.send(Round, round=round_, actor=actor, via=via)
    return round_


@dataclass
class ReminderResult:
    departments: list[Department] = field(default_factory=list)
    messages: int = 0
    without_address: list[Department] = field(default_factory=list)


@transaction.atomic
def round_remind(*, actor: User, round_: Round, via: str = "screen") -> ReminderResult:
    """Remind every department that still owes entries of them, now (the
    admin office's button; `shinchoku send-reminders` does it on a schedule).
    The notifications app writes and mails the reminders (after the commit)
    and answers how many mails each department's reminder goes out as."""
    require(actor, Action.REMIND, round_)
    rows = [
        row
        for row in selectors.round_dashboard(round_)
        if row.department is not None and row.missing
    ]
    result = ReminderResult(departments=[r.department for r in rows if r.department])
    mails: dict[int, int] = {}
    for _receiver, reached in events.round_reminded.send(
        Round, round=round_, rows=rows, actor=actor, via=via
    ):
        if isinstance(reached, dict):
            for department_pk, count in reached.items():
                mails[department_pk] = mails.get(department_pk, 0) + count
    result.messages = sum(mails.values())
    result.without_address = [d for d in result.departments if not mails.get(d.pk)]
    return result


@transaction.atomic
def round_close(
    *,
    actor: User,
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
    until the admin office publishes it). A round closed before and reopened
    closes into a corrected edition (修正版, another title) that supersedes the
    one it closed into, which stays as it was; under the same title an
    unpublished edition is frozen again in place."""
    _require_state(actor, round_, is_open=True)
    round_ = Round.objects.select_for_update().select_related("plan").get(pk=round_.pk)
    _require_state(actor, round_, is_open=True)
    entries = round_.entries.select_related("program__assignment__lead")
    pending = [
        e
        for e in entries.order_by("program__ordering", "program__number")
        if e.is_pending
    ]
    if pending:
        raise EntriesPending(pending_message(pending), current=round_, entries=pending)
    reason = f"{via}: close round {round_.title} (#{round_.pk})"
    previous = round_.edition  # closed before, reopened: this is a correction
    supersedes = previous if previous and previous.title != title else None
    if previous is not None and supersedes is None:
        supersedes = previous.supersedes  # frozen again in place, unpublished
    edition = plan_services.edition_freeze(
        actor=actor,
        plan=round_.plan,
        title=title,
        meeting=meeting,
        material=material,
        date=date,
        fiscal_year=fiscal_year or round_.fiscal_year,
        schedule_as_of=schedule_as_of,
        kind=round_.kind,
        supersedes=supersedes,
        opinions=round_opinions(round_),
        reason=reason,
    )
    round_.status = RoundStatus.CLOSED
    round_.closed_at = timezone.now()
    round_.edition = edition
    model_save(round_, actor=actor, reason=reason, exclude=["plan"])
    return edition


class EntriesPending(InvalidState):
    """A round cannot close over entries in progress: ``entries``, each with
    its program and lead department loaded."""

    def __init__(self, message: str, *, current: Round, entries: list[RoundEntry]):
        super().__init__(message, current=current)
        self.entries = entries


def _require_state(actor: User, round_: Round, *, is_open: bool) -> None:
    """Permission to close (is_open) or reopen a round. The admin office,
    who may act on the round in its other state, is told the state it is in
    (a conflict: the API's 409); anyone else is refused as before."""
    other = Action.REOPEN_ROUND if is_open else Action.CLOSE_ROUND
    if round_.is_open != is_open and can(actor, other, round_):
        raise InvalidState(
            _("This round is closed already.")
            if is_open
            else _("This round is open already."),
            current=round_,
        )
    require(actor, Action.CLOSE_ROUND if is_open else Action.REOPEN_ROUND, round_)


def pending_message(entries: Iterable[RoundEntry]) -> str:
    """Why a round cannot close over these entries (round_close; the close form
    says it before the office confirms)."""
    return _(
        "These entries are still being drafted, submitted or returned: "
        "%(programs)s. Approve them before closing (a returned entry once "
        "it is submitted again)."
    ) % {"programs": ", ".join(e.label for e in entries)}


@transaction.atomic
def round_reopen(
    *,
    actor: User,
    round_: Round,
    reason: str,
    programs: Iterable[int] = (),
    via: str = "screen",
) -> Round:
    """Reopen a closed round to correct its edition, saying why (the reason is
    kept in the round's history). The entries of ``programs`` (numbers) go back
    to their departments as returned, the reason as the comment; closing the
    round again makes a corrected edition (round_close)."""
    _require_state(actor, round_, is_open=False)
    reason = clean_input(reason).strip()
    if not reason:
        raise ServiceError(_("Say why the round is reopened."))
    round_ = Round.objects.select_for_update().select_related("plan").get(pk=round_.pk)
    _require_state(actor, round_, is_open=False)
    numbers = set(programs)
    entries = list(
        round_.entries.select_related("program").filter(program__number__in=numbers)
    )
    unknown = numbers - {e.program.number for e in entries}
    if unknown:
        raise ServiceError(
            _("These programs have no entry in the round: %(numbers)s.")
            % {"numbers": ", ".join(str(n) for n in sorted(unknown))}
        )
    why = f"{via}: reopen round {round_.title} (#{round_.pk}): {reason}"
    round_.status = RoundStatus.OPEN
    round_.closed_at = None
    model_save(round_, actor=actor, reason=why, exclude=["plan", "edition"])
    for entry in entries:
        before = entry.state
        entry.state = EntryState.RETURNED
        entry.return_comment = reason
        entry.version += 1
        model_save(entry, actor=actor, reason=why, exclude=["round", "program"])
        # In the entry's thread as a return, so that its department reads why.
        entry_services.entry_record_step(
            entry,
            actor=actor,
            action=EntryAction.RETURN,
            before=before,
            via=via,
            comment=reason,
        )
    return round_
