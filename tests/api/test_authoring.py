"""The admin office's operations over JSON: a plan and its programs, a
program changed on a stale version, the next period with its history across
periods, a table uploaded, mapped, previewed and confirmed — the services of
the office's pages, refused (403) for other roles."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model

from shinchoku.api.services import api_token_create
from shinchoku.imports.models import Upload
from shinchoku.plans.models import Plan, Program
from shinchoku.workflow.models import Role
from shinchoku.workflow.people import services as people_services
from tests.office.conftest import PASSWORD
from tests.office.layouts import progress_xlsx

pytestmark = pytest.mark.django_db

PLAN = {
    "title": "行政改革推進プラン",
    "slug": "2025-2028",
    "first_fy": 2025,
    "last_fy": 2028,
    "directions": ["持続可能な財政運営", "効率的な行政運営"],
}
PROGRAM = {
    "number": 1,
    "name": "公共施設の再編",
    "direction": 1,
    "lead": "建設課",
    "supporting": ["企画財政課"],
    "policy_points": ["施設総量の縮減"],
    "action_items": [
        {"text": "個別施設計画の策定", "schedule": {"2025": "検討", "2026": "実施"}}
    ],
}


@pytest.fixture
def town_people(db):
    from shinchoku.plans.models import Municipality

    municipality = Municipality.objects.create(code="423076", name="長与町")
    office = people_services.department_create(
        actor=None, municipality=municipality, name="企画財政課", is_admin_office=True
    )
    works = people_services.department_create(
        actor=None, municipality=municipality, name="建設課"
    )
    users = {}
    for username, role, department in (
        ("kikaku", Role.ADMIN_OFFICE, office),
        ("kensetsu", Role.DEPARTMENT_EDITOR, works),
    ):
        users[username] = get_user_model().objects.create_user(
            username, password=PASSWORD
        )
        people_services.membership_set(
            actor=None,
            user=users[username],
            role=role,
            municipality=municipality,
            department=department,
        )
    return users


def bearer(user) -> dict[str, str]:
    _record, token = api_token_create(user=user, name="tests")
    return {"Authorization": f"Bearer {token}"}


def post(client, url, body, user):
    return client.post(
        url, json.dumps(body), content_type="application/json", headers=bearer(user)
    )


def test_a_plan_and_a_program_through_the_api(client, town_people):
    office = town_people["kikaku"]
    created = post(client, "/api/municipalities/423076/plans", PLAN, office)
    assert created.status_code == 201, created.content
    assert created.json()["period_wareki"] == "令和7年度～令和10年度"
    plan = Plan.objects.get()
    assert plan.history.get().history_change_reason.startswith("api: plan")
    url = "/api/municipalities/423076/plans/2025-2028/programs"
    program = post(client, url, PROGRAM, office)
    assert program.status_code == 201, program.content
    body = program.json()
    assert (body["lead"], body["supporting"], body["version"]) == (
        "建設課",
        ["企画財政課"],
        1,
    )
    assert body["action_items"][0]["schedule"] == {"2025": "検討", "2026": "実施"}
    live = "/api/municipalities/423076/plans/2025-2028/programs/1/live"
    change = {"based_on_version": 1, "program": {**PROGRAM, "name": "施設の再編"}}
    ok = client.put(
        live,
        json.dumps(change),
        content_type="application/json",
        headers=bearer(office),
    )
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = client.put(
        live,
        json.dumps(change),
        content_type="application/json",
        headers=bearer(office),
    )
    assert stale.status_code == 409
    unknown = post(client, url, {**PROGRAM, "number": 2, "lead": "無い課"}, office)
    assert unknown.status_code == 422


def test_other_roles_are_refused(client, town_people):
    for user in (town_people["kensetsu"],):
        response = post(client, "/api/municipalities/423076/plans", PLAN, user)
        assert response.status_code == 403
    anonymous = client.post(
        "/api/municipalities/423076/plans", json.dumps(PLAN), "application/json"
    )
    assert anonymous.status_code == 401
    assert not Plan.objects.exists()


def test_a_table_is_uploaded_mapped_previewed_and_confirmed(client, town_people):
    office = town_people["kikaku"]
    post(client, "/api/municipalities/423076/plans", PLAN, office)
    base = "/api/municipalities/423076/plans/2025-2028/imports"
    from django.core.files.uploadedfile import SimpleUploadedFile

    uploaded = client.post(
        base,
        {"file": SimpleUploadedFile("progress.xlsx", progress_xlsx())},
        headers=bearer(office),
    )
    assert uploaded.status_code == 201, uploaded.content
    body = uploaded.json()
    assert body["needs_mapping"] and body["mapping_origin"] == "suggested"
    mapping = body["mapping"]
    mapping["columns"]["actions"] = "D"  # what the suggestion missed
    preview = client.put(
        f"{base}/{body['upload']}/mapping",
        json.dumps(mapping),
        content_type="application/json",
        headers=bearer(office),
    )
    assert preview.status_code == 200, preview.content
    shown = preview.json()
    assert shown["programs"] == {"created": 3, "updated": 0, "unchanged": 0}
    assert "3: 電子申請件数" in shown["indicators_proposed"]
    assert not Program.objects.exists()
    done = post(
        client,
        f"{base}/{body['upload']}/confirm",
        {"sha256": body["sha256"], "edition_title": "令和7年度実績"},
        office,
    )
    assert done.status_code == 200, done.content
    assert done.json()["departments_created"] == ["財政課"]
    program = Program.objects.get(number=1)
    assert program.action_items[0]["text"] == "個別施設計画の策定"
    assert f"SHA-256 {body['sha256']}" in program.history.get().history_change_reason
    # next year's sheet: the saved mapping reads it, so the answer is the preview
    again = client.post(
        base,
        {"file": SimpleUploadedFile("progress.xlsx", progress_xlsx(2026, extra=True))},
        headers=bearer(office),
    )
    assert again.json()["mapping_origin"] == "saved"
    assert again.json()["programs"]["created"] == 1


def test_a_bad_cell_is_a_422_naming_it(client, town_people):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import load_workbook

    office = town_people["kikaku"]
    post(client, "/api/municipalities/423076/plans", PLAN, office)
    book = load_workbook(io.BytesIO(progress_xlsx()))
    book.active["A6"] = "abc"
    out = io.BytesIO()
    book.save(out)
    mapping = {
        "header_row": 4,
        "columns": {"number": "A", "direction": "B", "name": "C"},
    }
    response = client.post(
        "/api/municipalities/423076/plans/2025-2028/imports",
        {
            "file": SimpleUploadedFile("bad.xlsx", out.getvalue()),
            "mapping": json.dumps(mapping),
        },
        headers=bearer(office),
    )
    assert response.status_code == 422
    assert "row 6, cell A6" in response.json()["detail"]
    assert not Upload.objects.filter(mapping__isnull=False).exists()


def test_the_next_period_and_its_history_across_periods(client, seed_plan):
    from tests.workflow.conftest import build_people

    people = build_people(seed_plan)
    response = post(
        client,
        f"/api/municipalities/132110/plans/{seed_plan.slug}/next",
        {
            "title": "第2期経営方針推進プログラム",
            "slug": "2025-2028",
            "first_fy": 2025,
            "last_fy": 2028,
            "programs": [12],
        },
        people["gyosei"],
    )
    assert response.status_code == 201, response.content
    assert response.json()["programs"] == [12]
    live = client.get(
        "/api/municipalities/132110/plans/2025-2028/programs/12/live",
        headers=bearer(people["joho"]),
    )
    periods = live.json()["periods"]
    assert [p["plan_slug"] for p in periods] == [seed_plan.slug, "2025-2028"]
    assert live.json()["lead"] == "情報政策課"


# ------------------------------------------------------------ who may call what

AUTHORING = {
    "createPlan": ("post", "/api/municipalities/132110/plans", "office"),
    "createProgram": ("post", "{plan}/programs", "office"),
    "getLiveProgram": ("get", "{plan}/programs/12/live", "staff"),
    "updateProgram": ("put", "{plan}/programs/12/live", "office"),
    "startNextPlan": ("post", "{plan}/next", "office"),
    "uploadImport": ("post", "{plan}/imports", "office"),
    "mapImport": ("put", "{plan}/imports/{upload}/mapping", "office"),
    "confirmImport": ("post", "{plan}/imports/{upload}/confirm", "office"),
    "publishEdition": ("put", "/api/editions/{edition}/published", "office"),
}
ALLOWED = {
    "office": {"admin", "gyosei"},
    "staff": {"admin", "gyosei", "joho", "kyodo", "iinkai"},
}


def _body(operation, upload):
    program = {**PROGRAM, "number": 99, "lead": "情報政策課", "supporting": []}
    return {
        "createPlan": {**PLAN, "slug": "new-plan"},
        "createProgram": program,
        "updateProgram": {
            "based_on_version": 1,
            "program": {**program, "number": 12, "name": "改名"},
        },
        "startNextPlan": {
            "title": "第2期",
            "slug": "second",
            "first_fy": 2025,
            "last_fy": 2028,
            "programs": [12],
        },
        "mapImport": {"header_row": 4, "columns": {"name": "C", "number": "A"}},
        "confirmImport": {"sha256": upload.sha256},
        "publishEdition": {"published": True},
    }.get(operation)


def _state():
    from django.apps import apps

    return [
        m._base_manager.count()
        for m in apps.get_models()
        if m._meta.app_label in ("plans", "workflow", "imports")
    ]


def test_the_table_covers_every_authoring_operation(client):
    schema = client.get("/api/openapi.json").json()
    tagged = {
        op["operationId"]
        for item in schema["paths"].values()
        for op in item.values()
        if "plan authoring" in op.get("tags", [])
    }
    assert tagged == set(AUTHORING)


@pytest.mark.parametrize(
    "role", ["public", "admin", "gyosei", "joho", "kyodo", "iinkai", "outsider"]
)
def test_who_may_call_what(client, seed_plan, role):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from shinchoku.imports import uploads
    from tests.workflow.conftest import build_people

    people = build_people(seed_plan)
    plan = f"/api/municipalities/132110/plans/{seed_plan.slug}"
    for operation, (method, path, who) in AUTHORING.items():
        upload = uploads.upload_create(
            actor=None, plan=seed_plan, filename="p.xlsx", data=progress_xlsx()
        )
        edition = seed_plan.editions.get()
        url = path.format(plan=plan, upload=upload.pk, edition=edition.pk)
        headers = {} if role == "public" else bearer(people[role])
        body = _body(operation, upload)
        before = _state()
        if operation == "uploadImport":
            response = client.post(
                url,
                {"file": SimpleUploadedFile("p.xlsx", progress_xlsx())},
                headers=headers,
            )
        elif body is None:
            response = getattr(client, method)(url, headers=headers)
        else:
            response = getattr(client, method)(
                url, json.dumps(body), content_type="application/json", headers=headers
            )
        if role in ALLOWED[who]:
            # allowed: it gets past the permission check (a foreign layout
            # without its names column is the service's 422, not a 403)
            assert response.status_code in (200, 201, 422), (
                operation,
                response.content,
            )
        else:
            assert response.status_code == (401 if role == "public" else 403), (
                operation,
                response.content,
            )
            assert _state() == before, operation
