"""A new municipality on board: no plan yet, its admin office (行政経営課) and
one office user, and a department editor of another department; built through
the real services."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Municipality
from shinchoku.workflow.models import Role
from shinchoku.workflow.people import services as people_services

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def client(client):
    """Pages in English: the tests match the English messages."""
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def town(db):
    """長与町 (423076), with its admin office and a department."""
    municipality = Municipality.objects.create(code="423076", name="長与町")
    office = people_services.department_create(
        actor=None, municipality=municipality, name="企画財政課", is_admin_office=True
    )
    works = people_services.department_create(
        actor=None, municipality=municipality, name="建設課"
    )
    User = get_user_model()
    users = {}
    for username, role, department in (
        ("kikaku", Role.ADMIN_OFFICE, office),
        ("kensetsu", Role.DEPARTMENT_EDITOR, works),
    ):
        users[username] = User.objects.create_user(username, password=PASSWORD)
        people_services.membership_set(
            actor=None,
            user=users[username],
            role=role,
            municipality=municipality,
            department=department,
        )
    return {
        "municipality": municipality,
        "office": office,
        "works": works,
        "users": users,
    }


@pytest.fixture
def plan(town):
    """長与町's plan, two 方向性, nothing in it yet (a test module may give
    its own)."""
    return plan_services.plan_create(
        actor=None,
        municipality=town["municipality"],
        title="行政改革推進プラン",
        slug="2025-2028",
        first_fy=2025,
        last_fy=2028,
        directions=["持続可能な財政運営", "効率的な行政運営"],
    )


@pytest.fixture
def office_client(client, town):
    client.force_login(town["users"]["kikaku"])
    return client


PLAN_FORM = {
    "title": "第1期行財政改革実施計画",
    "slug": "2025-2028",
    "first_fy": "2025",
    "last_fy": "2028",
    "directions": "持続可能な財政運営\n効率的な行政運営",
    "section_implementation": "◆実施プログラム◆",
    "section_implementation_lead": "",
    "section_former_study": "",
    "section_former_study_lead": "",
    "grade_scale": "S 予定以上に進捗\nA 予定どおり\nB 遅れている",
    "on_track": "0.9",
    "slightly_behind": "0.5",
    "evaluation_method": "linear",
}
