"""The next plan period: 第2期 started from 第1期 with the programs the admin
office chooses to continue, each linked to its predecessor, with its
indicators carried over (their last actual the new baseline). Lead
departments are the update round's: workflow copies them after this."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from shinchoku.common import wareki
from shinchoku.common.history import bulk_create_with_history
from shinchoku.common.services import ServiceError, User, signed_in
from shinchoku.plans.models import Indicator, IndicatorStatus, Plan, Program
from shinchoku.plans.services.authoring import plan_create, require_edit

if TYPE_CHECKING:
    from django.contrib.auth.models import User as AuthUser


@transaction.atomic
def plan_next_period(
    *,
    actor: User | None,
    plan: Plan,
    title: str,
    slug: str,
    first_fy: int,
    last_fy: int,
    programs: list[int],
    via: str = "screen",
) -> tuple[Plan, list[tuple[Program, Program]]]:
    """A new plan after ``plan`` (its sections, 方向性, grade scale, bands and
    evaluation method) holding the programs numbered ``programs``, each a copy
    of its predecessor without its yearly records. Returns the plan and the
    (predecessor, successor) pairs."""
    require_edit(actor, plan)
    if first_fy <= plan.last_fy:
        raise ServiceError(
            _("The next period starts after %(last)s.")
            % {"last": wareki.fiscal_year_label(plan.last_fy)}
        )
    chosen = {p.number: p for p in plan.programs.select_related("direction")}
    unknown = sorted(set(programs) - set(chosen))
    if unknown:
        raise ServiceError(
            _("The plan has no program %(numbers)s.")
            % {"numbers": ", ".join(map(str, unknown))}
        )
    following = plan_create(
        actor=actor,
        municipality=plan.municipality,
        title=title,
        slug=slug,
        first_fy=first_fy,
        last_fy=last_fy,
        directions=list(
            plan.directions.order_by("number").values_list("name", flat=True)
        ),
        sections=plan.sections,
        grade_scale=plan.grade_scale,
        progress_thresholds=plan.progress_thresholds,
        evaluation_method=plan.evaluation_method,
        via=via,
    )
    reason = f"{via}: continued from {plan.title}"
    directions = {d.number: d for d in following.directions.all()}
    copies = [
        Program(
            plan=following,
            predecessor=old,
            number=old.number,
            name=old.name,
            kind=old.kind,
            direction=directions[old.direction.number],
            ordering=order,
            policy_points=list(old.policy_points),
            # The old schedule was of the old years: the items go on, their
            # cells are the new period's to write.
            action_items=[
                {"text": a["text"], "schedule": {}} for a in old.action_items
            ],
        )
        for order, old in enumerate(
            sorted((chosen[n] for n in set(programs)), key=lambda p: p.ordering),
            start=1,
        )
    ]
    user = signed_in(actor)
    bulk_create_with_history(copies, Program, user=user, reason=reason)
    _carry_indicators(copies, first_fy, last_fy, user=user, reason=reason)
    pairs = [(chosen[p.number], p) for p in copies]
    return following, pairs


def _carry_indicators(
    copies: list[Program],
    first_fy: int,
    last_fy: int,
    *,
    user: AuthUser | None,
    reason: str,
) -> None:
    by_old = {p.predecessor_id: p for p in copies}
    carried = []
    for old in Indicator.objects.filter(program_id__in=by_old).exclude(
        status=IndicatorStatus.REJECTED
    ):
        last = max(old.actuals, key=int, default=None)
        in_period = (
            old.deadline_fy is not None and first_fy <= old.deadline_fy <= last_fy
        )
        carried.append(
            Indicator(
                program=by_old[old.program_id],
                ordering=old.ordering,
                name=old.name,
                unit=old.unit,
                direction=old.direction,
                comparator=old.comparator,
                target=old.target if in_period else None,
                deadline_fy=old.deadline_fy if in_period else None,
                # Where the last period ended is where this one starts.
                baseline=old.actuals[last] if last else old.baseline,
                baseline_date=dt.date(int(last) + 1, 3, 31)
                if last
                else old.baseline_date,
                targets={
                    fy: v
                    for fy, v in old.targets.items()
                    if first_fy <= int(fy) <= last_fy
                },
                relative=old.relative,
                source_text=old.source_text,
                status=old.status,
            )
        )
    bulk_create_with_history(carried, Indicator, user=user, reason=reason)
