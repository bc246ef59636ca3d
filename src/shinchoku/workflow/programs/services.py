"""A program with the departments that lead and support it, and the next plan
period with its lead departments: the plan's writes (plans.services) and the
update round's assignments (people.services) in one transaction, for the
admin office's pages and the API alike."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from shinchoku.common.services import User
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Plan, Program
from shinchoku.workflow.models import Department
from shinchoku.workflow.people import services as people_services


@transaction.atomic
def program_save(
    *,
    actor: User | None,
    plan: Plan,
    program: Program | None,
    values: Mapping[str, Any],
    lead: Department,
    supporting: list[Department] | tuple[Department, ...] = (),
    based_on_version: int | None = None,
    via: str = "screen",
) -> Program:
    """Create (``program`` None) or change a program (the fields of
    plans.services.PROGRAM_EDITABLE in ``values``) and set its departments."""
    if program is None:
        program = plan_services.program_create(
            actor=actor, plan=plan, **values, via=via
        )
    else:
        plan_services.program_update(
            actor=actor,
            program=program,
            data=values,
            based_on_version=based_on_version,
            via=via,
        )
        program = Program.objects.select_related("plan__municipality").get(
            pk=program.pk
        )
    people_services.program_assign(
        actor=actor, program=program, lead=lead, supporting=supporting, via=via
    )
    return program


@transaction.atomic
def plan_continue(
    *,
    actor: User | None,
    plan: Plan,
    title: str,
    slug: str,
    first_fy: int,
    last_fy: int,
    programs: list[int],
    via: str = "screen",
) -> Plan:
    """The next plan period (plans.services.plan_next_period) with the chosen
    programs led by the departments that led them."""
    following, pairs = plan_services.plan_next_period(
        actor=actor,
        plan=plan,
        title=title,
        slug=slug,
        first_fy=first_fy,
        last_fy=last_fy,
        programs=programs,
        via=via,
    )
    people_services.assignments_copy(actor=actor, pairs=pairs, via=via)
    return following
