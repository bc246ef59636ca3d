"""The role matrix: every role × action × object, allowed and refused — first
as workflow.permissions.can() answers it, then over HTTP, where a refusal is a
403 (or the sign-in page) and leaves the database as it was."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from shinchoku.imports.services import import_file
from shinchoku.workflow.permissions import Action, can
from tests.workflow.conftest import (
    ROLES,
    build_people,
    build_world,
    open_plan_round,
    user_for,
)

ALL = set(ROLES)
SIGNED_IN = ALL - {"public"}
STAFF = {"admin", "gyosei", "joho", "kyodo", "iinkai"}  # of Kodaira
OFFICE = {"admin", "gyosei"}
NOBODY: set[str] = set()

# (action, object in the `world` fixture) → the roles allowed. Roles: public
# (anonymous), admin (system administrator), gyosei (admin office), joho (editor
# of the department leading ⑫ and ⑬), kyodo (editor of a department supporting
# ⑫), iinkai (committee member), outsider (admin office of another city).
MATRIX: dict[tuple[Action, str | None], set[str]] = {
    (Action.VIEW_EDITION, "published_edition"): ALL,
    (Action.VIEW_EDITION, "draft_edition"): STAFF,
    (Action.PUBLISH_EDITION, "draft_edition"): OFFICE,
    (Action.PUBLISH_EDITION, "published_edition"): OFFICE,
    (Action.VIEW_HISTORY, "program"): STAFF,
    (Action.EDIT_PROGRAM_YEAR, "program"): OFFICE,
    (Action.EDIT_PLAN, "plan"): OFFICE,
    (Action.EDIT_PLAN, "program"): OFFICE,
    (Action.MANAGE_ASSIGNMENTS, "plan"): OFFICE,
    (Action.MANAGE_PEOPLE, "plan"): OFFICE,
    (Action.VIEW_LIVE_PLAN, "plan"): STAFF,
    (Action.REVIEW_INDICATOR, "plan"): OFFICE,
    (Action.OPEN_ROUND, "plan"): OFFICE,
    (Action.VIEW_ROUND, "open_round"): OFFICE | {"iinkai"},
    (Action.VIEW_ROUND, "closed_round"): OFFICE | {"iinkai"},
    (Action.REMIND, "open_round"): OFFICE,
    (Action.REMIND, "closed_round"): NOBODY,
    (Action.CLOSE_ROUND, "open_round"): OFFICE,
    (Action.CLOSE_ROUND, "closed_round"): NOBODY,
    (Action.REOPEN_ROUND, "open_round"): NOBODY,
    (Action.REOPEN_ROUND, "closed_round"): OFFICE,
    (Action.VIEW_ENTRY, "entry_draft"): OFFICE | {"joho", "kyodo"},
    (Action.VIEW_ENTRY, "entry_submitted"): OFFICE | {"joho", "iinkai"},
    (Action.VIEW_ENTRY, "entry_closed"): OFFICE | {"joho", "kyodo", "iinkai"},
    (Action.EDIT_ENTRY, "entry_draft"): OFFICE | {"joho"},
    (Action.EDIT_ENTRY, "entry_closed"): NOBODY,
    (Action.SUBMIT_ENTRY, "entry_draft"): OFFICE | {"joho"},
    (Action.SUBMIT_ENTRY, "entry_closed"): NOBODY,
    (Action.RETURN_ENTRY, "entry_submitted"): OFFICE,
    (Action.RETURN_ENTRY, "entry_closed"): NOBODY,
    (Action.APPROVE_ENTRY, "entry_submitted"): OFFICE,
    (Action.APPROVE_ENTRY, "entry_closed"): NOBODY,
    (Action.ADD_OPINION, "entry_submitted"): {"admin", "iinkai"},
    (Action.ADD_OPINION, "entry_draft"): {"admin"},
    (Action.ADD_OPINION, "entry_closed"): {"admin", "iinkai"},
    (Action.VIEW_OPINION, "opinion_private"): STAFF,
    (Action.VIEW_OPINION, "opinion_public"): ALL,
    (Action.RESPOND_OPINION, "opinion_private"): OFFICE,
    (Action.EXPORT_WORKBOOK, "share_own"): OFFICE | {"joho"},
    (Action.EXPORT_WORKBOOK, "share_other"): OFFICE | {"kyodo"},
    (Action.EXPORT_WORKBOOK, "share_closed"): NOBODY,
    (Action.IMPORT_WORKBOOK, "share_own"): OFFICE | {"joho"},
    (Action.IMPORT_WORKBOOK, "share_other"): OFFICE | {"kyodo"},
    (Action.IMPORT_WORKBOOK, "share_closed"): NOBODY,
    (Action.VIEW_TASKS, None): SIGNED_IN,
    (Action.ADMINISTER, None): {"admin"},
}


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    """The world is built once for this module (every test runs in a
    transaction that is rolled back) and removed afterwards."""
    with django_db_blocker.unblock():
        plan = import_file(settings.SHINCHOKU_SEED_FILE).plan
        people = build_people(plan)
        world = build_world(people, plan, open_plan_round(people, plan))
    yield people, world
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def world(shared, db):
    return shared[1]


@pytest.fixture
def people(shared, db):
    return shared[0]


def test_the_matrix_names_every_action():
    assert {action for action, _obj in MATRIX} == set(Action)


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(role, world, people):
    user = user_for(people, role)
    wrong = [
        f"{action} on {key}: expected {'allowed' if role in allowed else 'refused'}"
        for (action, key), allowed in MATRIX.items()
        if can(user, action, world[key]) != (role in allowed)
    ]
    assert wrong == []


def test_an_inactive_user_is_the_public(world, people):
    user = user_for(people, "gyosei")
    user.is_active = False
    assert not can(user, Action.VIEW_ROUND, world["open_round"])


def fingerprint() -> tuple:
    """Every change leaves a history row (or an e-mail): counting them tells
    whether a request changed anything."""
    counts = tuple(
        model.objects.count()
        for model in apps.get_models()
        if model.__name__.startswith("Historical")
    )
    return counts, len(mail.outbox)


def _plan_kwargs(world):
    plan = world["plan"]
    return {"code": plan.municipality.code, "plan": plan.slug}


# Endpoint → (method, url builder, POST data builder, roles allowed).
ENDPOINTS = {
    "open round": (
        "post",
        lambda w: reverse("workflow:rounds", kwargs=_plan_kwargs(w)),
        lambda w: {
            "kind": "achievements",
            "fiscal_year": 2021,
            "deadline": "2030-01-01",
        },
        OFFICE,
    ),
    "round dashboard": (
        "get",
        lambda w: reverse("workflow:round", kwargs={"pk": w["open_round"].pk}),
        None,
        OFFICE | {"iinkai"},
    ),
    "remind": (
        "post",
        lambda w: reverse("workflow:round-remind", kwargs={"pk": w["open_round"].pk}),
        lambda w: {},
        OFFICE,
    ),
    "close round": (
        "post",
        lambda w: reverse("workflow:round-close", kwargs={"pk": w["open_round"].pk}),
        lambda w: {"title": "閉じる", "fiscal_year": 2024},
        OFFICE,
    ),
    "view entry": (
        "get",
        lambda w: reverse("workflow:entry", kwargs={"pk": w["entry_draft"].pk}),
        None,
        OFFICE | {"joho", "kyodo"},
    ),
    "edit entry": (
        "post",
        lambda w: reverse("workflow:entry-edit", kwargs={"pk": w["entry_draft"].pk}),
        lambda w: {"version": w["entry_draft"].version, "text": "・書き換え"},
        OFFICE | {"joho"},
    ),
    "submit entry": (
        "post",
        lambda w: reverse("workflow:entry-submit", kwargs={"pk": w["entry_draft"].pk}),
        lambda w: {"version": w["entry_draft"].version},
        OFFICE | {"joho"},
    ),
    "return entry": (
        "post",
        lambda w: reverse(
            "workflow:entry-return", kwargs={"pk": w["entry_submitted"].pk}
        ),
        lambda w: {"version": w["entry_submitted"].version, "comment": "直して"},
        OFFICE,
    ),
    "approve entry": (
        "post",
        lambda w: reverse(
            "workflow:entry-approve", kwargs={"pk": w["entry_submitted"].pk}
        ),
        lambda w: {"version": w["entry_submitted"].version},
        OFFICE,
    ),
    "add opinion": (
        "post",
        lambda w: reverse(
            "workflow:opinion-add", kwargs={"pk": w["entry_submitted"].pk}
        ),
        lambda w: {"text": "意見"},
        {"admin", "iinkai"},
    ),
    "add opinion to a draft": (
        "post",
        lambda w: reverse("workflow:opinion-add", kwargs={"pk": w["entry_draft"].pk}),
        lambda w: {"text": "読めない下書きへの意見"},
        {"admin"},
    ),
    "respond to opinion": (
        "post",
        lambda w: reverse(
            "workflow:opinion-respond", kwargs={"pk": w["opinion_private"].pk}
        ),
        lambda w: {"response": "対応"},
        OFFICE,
    ),
    "publish edition": (
        "post",
        lambda w: reverse(
            "workflow:edition-publish", kwargs={"pk": w["draft_edition"].pk}
        ),
        lambda w: {"published": "1"},
        OFFICE,
    ),
    "diff with a draft edition": (
        "get",
        lambda w: (
            reverse("workflow:edition-diff", kwargs=_plan_kwargs(w))
            + f"?old={w['published_edition'].pk}&new={w['draft_edition'].pk}"
        ),
        None,
        STAFF,
    ),
    "history": (
        "get",
        lambda w: reverse(
            "workflow:program-history", kwargs=_plan_kwargs(w) | {"number": 12}
        ),
        None,
        STAFF,
    ),
    "edit program year": (
        "post",
        lambda w: reverse(
            "workflow:program-year-edit",
            kwargs=_plan_kwargs(w) | {"number": 12, "fy": 2024},
        ),
        lambda w: {"version": 1, "achievements": "", "plan": "・直接編集"},
        OFFICE,
    ),
    "download workbook": (
        "get",
        lambda w: reverse(
            "workflow:workbook",
            kwargs={
                "pk": w["open_round"].pk,
                "department": w["share_own"].department.pk,
            },
        ),
        None,
        OFFICE | {"joho"},
    ),
    "upload workbook": (
        "post",
        lambda w: reverse(
            "workflow:workbook-upload",
            kwargs={
                "pk": w["open_round"].pk,
                "department": w["share_own"].department.pk,
            },
        ),
        lambda w: {},
        OFFICE | {"joho"},
    ),
    "admin: round entries": (
        "get",
        lambda w: reverse("admin:workflow_roundentry_changelist"),
        None,
        {"admin"},
    ),
}


@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_every_endpoint_refuses_every_role_it_should(name, world, people, client):
    method, url_of, data_of, allowed = ENDPOINTS[name]
    url = url_of(world)
    # Refused roles first: none of them may change anything.
    for role in sorted(ALL - allowed) + sorted(allowed):
        client.logout()
        if role != "public":
            client.force_login(people[role])
        before = fingerprint()
        response = (
            client.post(url, data_of(world)) if method == "post" else client.get(url)
        )
        if role in allowed:
            assert response.status_code != 403, (name, role)
            continue
        if name.startswith("admin:"):
            assert response.status_code in (302, 403), (name, role)
            if response.status_code == 302:
                assert "/admin/login/" in response["Location"], (name, role)
        elif role == "public" and method == "get":
            assert response.status_code == 302, (name, role)
            assert response["Location"].startswith("/workflow/login/"), (name, role)
        else:
            assert response.status_code == 403, (name, role, response.status_code)
        assert fingerprint() == before, (name, role)
