"""Who may edit what changes through services: a person's membership and the
departments, each change checked against the actor's role and kept in the
history with who made it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from shinchoku.common.services import ServiceError
from shinchoku.workflow.models import Department, Membership, Role
from shinchoku.workflow.people import services as people_services
from shinchoku.workflow.permissions import Action, can
from tests.workflow.conftest import fresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(people):
    return get_user_model().objects.create_user("shinjin", "s@example.jp", "pw")


def test_the_admin_office_places_a_person_and_the_history_names_it(people, newcomer):
    gyosei = people["gyosei"]
    joho = Department.objects.get(name="情報政策課")
    assert not can(fresh(newcomer), Action.VIEW_TASKS)
    membership = people_services.membership_set(
        actor=gyosei,
        user=newcomer,
        role=Role.DEPARTMENT_EDITOR,
        municipality=joho.municipality,
        department=joho,
    )
    assert can(fresh(newcomer), Action.VIEW_TASKS)
    row = membership.history.get()
    assert (row.history_type, row.history_user, row.role) == (
        "+",
        gyosei,
        "department_editor",
    )
    assert row.history_change_reason == "screen: membership of shinjin"
    # The same place again changes nothing and writes no history row.
    people_services.membership_set(
        actor=gyosei,
        user=newcomer,
        role=Role.DEPARTMENT_EDITOR,
        municipality=joho.municipality,
        department=joho,
    )
    assert membership.history.count() == 1


def test_only_the_office_of_the_municipality_and_system_admins_place_people(
    people, newcomer
):
    joho = Department.objects.get(name="情報政策課")
    place = {
        "user": newcomer,
        "role": Role.DEPARTMENT_EDITOR,
        "municipality": joho.municipality,
        "department": joho,
    }
    for refused in ("joho", "iinkai", "outsider"):
        with pytest.raises(PermissionDenied):
            people_services.membership_set(actor=people[refused], **place)
    # An admin office cannot make system administrators.
    with pytest.raises(PermissionDenied):
        people_services.membership_set(
            actor=people["gyosei"], user=newcomer, role=Role.SYSTEM_ADMIN
        )
    assert not Membership.objects.filter(user=newcomer).exists()
    people_services.membership_set(actor=people["admin"], **place)
    assert Membership.objects.get(user=newcomer).department == joho


def test_a_broken_rule_of_a_membership_is_refused_with_its_reason(people, newcomer):
    joho = Department.objects.get(name="情報政策課")
    with pytest.raises(ServiceError, match="belongs to a department"):
        people_services.membership_set(
            actor=people["gyosei"],
            user=newcomer,
            role=Role.DEPARTMENT_EDITOR,
            municipality=joho.municipality,
        )


def test_departments_are_made_and_renamed_with_history(people, seed_plan):
    gyosei = people["gyosei"]
    municipality = seed_plan.municipality
    with pytest.raises(PermissionDenied):
        people_services.department_create(
            actor=people["joho"], municipality=municipality, name="財政課"
        )
    zaisei = people_services.department_create(
        actor=gyosei, municipality=municipality, name="財政課"
    )
    assert people_services.department_update(
        actor=gyosei, department=zaisei, data={"email": "zaisei@example.jp"}
    )
    assert not people_services.department_update(
        actor=gyosei, department=zaisei, data={"email": "zaisei@example.jp"}
    )
    with pytest.raises(PermissionDenied):
        people_services.department_update(
            actor=people["outsider"], department=zaisei, data={"name": "x"}
        )
    rows = list(zaisei.history.order_by("history_date", "history_id"))
    assert [(r.history_type, r.history_user, r.email) for r in rows] == [
        ("+", gyosei, ""),
        ("~", gyosei, "zaisei@example.jp"),
    ]


def test_the_admin_site_changes_a_membership_through_the_service(
    people, newcomer, client
):
    joho = Department.objects.get(name="情報政策課")
    client.force_login(people["admin"])
    response = client.post(
        reverse("admin:workflow_membership_add"),
        {
            "user": newcomer.pk,
            "role": Role.DEPARTMENT_EDITOR,
            "municipality": joho.municipality.pk,
            "department": joho.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    row = Membership.objects.get(user=newcomer).history.get()
    assert (row.history_user, row.history_change_reason) == (
        people["admin"],
        "admin: membership of shinjin",
    )
