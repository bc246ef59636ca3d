"""Reads of who works on the plan: a person's membership, a municipality's
departments."""

from __future__ import annotations

from shinchoku.common.services import User
from shinchoku.plans.models import Plan
from shinchoku.workflow.models import Department, Membership


def membership_of(user: User) -> Membership | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.select_related("municipality", "department")
        .filter(user=user)
        .first()
    )


def departments_of(plan: Plan) -> list[Department]:
    return list(Department.objects.filter(municipality_id=plan.municipality_id))
