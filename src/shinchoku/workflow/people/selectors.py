"""Reads of who works on the plan: a person's membership, a municipality's
departments."""

from __future__ import annotations

from shinchoku.common.services import User, signed_in
from shinchoku.plans.models import Plan
from shinchoku.workflow.models import Department, Membership


def membership_of(user: User) -> Membership | None:
    person = signed_in(user)
    if person is None:
        return None
    return (
        Membership.objects.select_related("municipality", "department")
        .filter(user=person)
        .first()
    )


def departments_of(plan: Plan) -> list[Department]:
    return list(Department.objects.filter(municipality_id=plan.municipality_id))
