"""The update round's people and a round on Kodaira's plan, built through the
real services (the same ones the demo uses)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from shinchoku.plans.models import Municipality
from shinchoku.workflow import services
from shinchoku.workflow.demo import ensure_demo_people
from shinchoku.workflow.models import Department, Role, RoundEntry, RoundKind


@pytest.fixture
def people(seed_plan):
    """Users by role: admin (system), gyosei (admin office), joho (leads ⑫),
    joho2 (same department), kyodo (another department, supports ⑫), iinkai
    (committee), outsider (admin office of another municipality)."""
    ensure_demo_people()
    User = get_user_model()
    users = {u.username: u for u in User.objects.all()}
    other = Municipality.objects.create(code="131016", name="千代田区")
    office = services.department_create(
        municipality=other, name="行政経営課", is_admin_office=True
    )
    users["outsider"] = User.objects.create_user("outsider", "o@example.jp", "pw")
    services.membership_set(
        user=users["outsider"],
        role=Role.ADMIN_OFFICE,
        municipality=other,
        department=office,
    )
    program = seed_plan.programs.get(number=12)
    services.program_assign(
        actor=None,
        program=program,
        lead=program.assignment.lead,
        supporting=[Department.objects.get(name="市民協働・男女参画推進課")],
    )
    return users


def fresh(user):
    """The user as a new request would load it (no cached role)."""
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def plan_round(people, seed_plan):
    """An initial-plan round for 令和6年度, opened by the admin office."""
    return services.round_open(
        actor=people["gyosei"],
        plan=seed_plan,
        kind=RoundKind.INITIAL_PLAN,
        fiscal_year=2024,
        deadline=dt.date(2030, 1, 31),
    )


@pytest.fixture
def achievements_round(people, seed_plan):
    """An achievements round for 令和5年度 (it carries KPI actuals)."""
    return services.round_open(
        actor=people["gyosei"],
        plan=seed_plan,
        kind=RoundKind.ACHIEVEMENTS,
        fiscal_year=2023,
        deadline=dt.date(2030, 1, 31),
    )


def entry_of(round_, number: int) -> RoundEntry:
    return RoundEntry.objects.select_related(
        "round__plan__municipality", "program__plan__municipality"
    ).get(round=round_, program__number=number)
