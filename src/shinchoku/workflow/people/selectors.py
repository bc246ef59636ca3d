"""Reads of who works on the plan: a person's membership, a municipality's
departments."""

from __future__ import annotations

from shinchoku.common.services import User, signed_in
from shinchoku.plans.models import Municipality, Plan
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


def municipality_departments(municipality: Municipality) -> list[Department]:
    return list(Department.objects.filter(municipality=municipality))


def municipality_memberships(municipality: Municipality) -> list[Membership]:
    """The people of a municipality with their department, by user name."""
    return list(
        Membership.objects.select_related("user", "department")
        .filter(municipality=municipality)
        .order_by("user__username")
    )


def membership_get(municipality: Municipality, pk: int) -> Membership:
    """A membership of the municipality (Membership.DoesNotExist otherwise)."""
    return Membership.objects.select_related("user", "department", "municipality").get(
        municipality=municipality, pk=pk
    )
