"""Demo people for the update round: the admin office, two departments, the
committee, and a user for every role, on Kodaira City's bundled plan.

``shinchoku demo`` calls ensure_demo_people(); ``shinchoku demo-workflow`` too.
Running it twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Municipality, Plan
from shinchoku.workflow.models import Department, Role, Round, RoundKind
from shinchoku.workflow.people import services as people_services
from shinchoku.workflow.rounds import services as round_services

PASSWORD = "shinchoku-demo"
ADMIN_OFFICE = "行政経営課"
# The two departments of the demo, and the 方向性 whose programs each leads.
DEPARTMENTS = {
    "市民協働・男女参画推進課": (1, 2),
    "情報政策課": (3, 4),
}
# Indicators of two programs, as the city states them in the seed.
INDICATORS = [
    (12, "電子決裁率", "%", {"2023": 85, "2024": 90}, {"2022": 73.7}),
    (3, "応募団体数", "団体", {"2023": 8, "2024": 8}, {"2022": 9}),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str
    department: str = ""

    def __str__(self) -> str:
        where = f", {self.department}" if self.department else ""
        return f"{self.username} / {self.password} ({Role(self.role).label}{where})"


@transaction.atomic
def ensure_demo_people(code: str = "132110") -> list[DemoUser]:
    """Departments, program assignments, indicators and one user per role for
    the municipality's plans (its plan must be imported first)."""
    municipality = Municipality.objects.get(code=code)
    office = people_services.department_create(
        actor=None,
        via="cli",
        municipality=municipality,
        name=ADMIN_OFFICE,
        is_admin_office=True,
        email="gyosei@example.jp",
    )
    departments = {
        name: people_services.department_create(
            actor=None, municipality=municipality, name=name, ordering=i, via="cli"
        )
        for i, name in enumerate(DEPARTMENTS, start=1)
    }
    for plan in Plan.objects.filter(municipality=municipality):
        _assign_and_measure(plan, departments)
    kyodo, joho = departments.values()
    people = [
        ("admin", Role.SYSTEM_ADMIN, None, ""),
        ("gyosei", Role.ADMIN_OFFICE, office, "行政経営 花子"),
        ("kyodo", Role.DEPARTMENT_EDITOR, kyodo, "協働 一郎"),
        ("joho", Role.DEPARTMENT_EDITOR, joho, "情報 次郎"),
        ("joho2", Role.DEPARTMENT_EDITOR, joho, "情報 三郎"),
        ("kacho", Role.DEPARTMENT_HEAD, joho, "情報 課長"),
        ("iinkai", Role.COMMITTEE, None, "委員 四郎"),
    ]
    User = get_user_model()
    out = []
    for username, role, department, full_name in people:
        user = User.objects.filter(username=username).first()
        if user is None:
            last, _sep, first = full_name.partition(" ")
            user = User.objects.create_user(
                username,
                f"{username}@example.jp",
                PASSWORD,
                last_name=last,
                first_name=first,
                is_staff=role == Role.SYSTEM_ADMIN,
                is_superuser=role == Role.SYSTEM_ADMIN,
            )
        if role != Role.SYSTEM_ADMIN:
            people_services.membership_set(
                actor=None,
                via="cli",
                user=user,
                role=role,
                municipality=municipality,
                department=department,
            )
        out.append(
            DemoUser(username, PASSWORD, role, department.name if department else "")
        )
    return out


def _assign_and_measure(plan: Plan, departments: dict[str, Department]) -> None:
    """The plan's programs led by the demo departments, and two indicators."""
    leads = {}
    for program in plan.programs.select_related("direction"):
        # Directions not listed go to the last department.
        leads[program.number] = next(
            (
                departments[name]
                for name, directions in DEPARTMENTS.items()
                if program.direction.number in directions
            ),
            list(departments.values())[-1],
        )
    people_services.programs_assign_leads(actor=None, plan=plan, leads=leads, via="cli")
    for number, name, unit, targets, actuals in INDICATORS:
        program = plan.programs.filter(number=number).first()
        if program is not None and not program.indicators.filter(name=name):
            plan_services.indicator_upsert(
                actor=None,
                program=program,
                name=name,
                unit=unit,
                targets=targets,
                actuals=actuals,
                via="cli",
            )


def ensure_demo_round(code: str = "132110") -> Round:
    """An open 実績 round for the plan's last finished year (令和5年度), due in
    four weeks, opened by the demo admin office."""
    plan = Plan.objects.filter(municipality__code=code).order_by("-last_fy").first()
    fy = plan.last_fy - 1
    existing = Round.objects.filter(
        plan=plan, kind=RoundKind.ACHIEVEMENTS, fiscal_year=fy
    ).first()
    if existing is not None:
        return existing
    User = get_user_model()
    return round_services.round_open(
        actor=User.objects.get(username="gyosei"),
        plan=plan,
        kind=RoundKind.ACHIEVEMENTS,
        fiscal_year=fy,
        deadline=timezone.localdate() + dt.timedelta(days=28),
        via="cli",
    )


def ensure_head_approval(code: str = "132110") -> list[Plan]:
    """Turn on the department head's step (課長承認) on the municipality's
    plans: joho's submissions then wait for kacho."""
    plans = list(Plan.objects.filter(municipality__code=code))
    for plan in plans:
        plan_services.plan_head_approval_set(
            actor=None, plan=plan, enabled=True, via="cli"
        )
    return plans


def departments(code: str = "132110") -> list[Department]:
    return list(Department.objects.filter(municipality__code=code))
