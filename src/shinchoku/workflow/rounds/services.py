"""Writes of update rounds: open one (an entry per program, its draft a copy of
the live record), remind the departments that still owe entries, close it into
an edition (frozen by plans.services)."""

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

from shinchoku.common.services import ServiceError, User, model_save, signed_in
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Edition, Indicator, Plan, Program, ProgramYear
from shinchoku.workflow.models import Department, Round, RoundEntry, RoundStatus
from shinchoku.workflow.permissions import Action, require
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
    return round_


@dataclass
class ReminderResult:
    departments: list[Department] = field(default_factory=list)
    messages: int = 0
    without_address: list[Department] = field(default_factory=list)


def round_remind(*, actor: User, round_: Round, via: str = "screen") -> ReminderResult:
    """E-mail every department that still owes entries the list of them."""
    require(actor, Action.REMIND, round_)
    result = ReminderResult()
    people = get_user_model()
    for row in selectors.round_dashboard(round_):
        if row.department is None or not row.missing:
            continue
        recipients = sorted(
            {
                *people.objects.filter(
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
        lines = "\n".join(f"・{e.label}" for e in row.missing)
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
    until the admin office publishes it)."""
    require(actor, Action.CLOSE_ROUND, round_)
    round_ = Round.objects.select_for_update().select_related("plan").get(pk=round_.pk)
    if not round_.is_open:
        raise ServiceError(_("This round is closed already."))
    pending = [e for e in round_.entries.select_related("program") if e.is_pending]
    if pending:
        raise ServiceError(
            _(
                "These entries are neither approved nor untouched: %(programs)s. "
                "Approve them (or return and settle them) before closing."
            )
            % {"programs": ", ".join(e.label for e in pending)}
        )
    reason = f"{via}: close round {round_.title} (#{round_.pk})"
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
        reason=reason,
    )
    round_.status = RoundStatus.CLOSED
    round_.closed_at = timezone.now()
    round_.edition = edition
    model_save(round_, actor=actor, reason=reason, exclude=["plan"])
    return edition
