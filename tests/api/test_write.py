"""The write operations: the web pages' services and permission checks behind
JSON, with the same audit rows ("api: …")."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.urls import reverse

from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Edition, Indicator, ProgramGrade, ProgramYear
from shinchoku.plans.services import program_grade_set
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Round, RoundEntry
from tests.api.conftest import entry_of

pytestmark = pytest.mark.django_db

ROLES = ["public", "admin", "gyosei", "joho", "kacho", "kyodo", "iinkai", "outsider"]


def history_models():
    return [m for m in apps.get_models() if m.__name__.startswith("Historical")]


def fingerprint() -> dict[str, Any]:
    """Everything a write could change: plan data, entries, grades, and the
    number of history rows of every model."""
    return {
        "history": {m.__name__: m.objects.count() for m in history_models()},
        "entries": list(
            RoundEntry.objects.order_by("pk").values_list(
                "pk", "state", "version", "achievements", "plan", "kpi_actuals"
            )
        ),
        "indicators": list(
            Indicator.objects.order_by("pk").values_list(
                "pk", "version", "status", "target", "actuals"
            )
        ),
        "years": list(ProgramYear.objects.order_by("pk").values_list("pk", "version")),
        "grades": list(
            ProgramGrade.objects.order_by("pk").values_list(
                "program_id", "fiscal_year", "grade", "comment"
            )
        ),
        "rounds": list(Round.objects.order_by("pk").values_list("pk", "status")),
        "editions": list(
            Edition.objects.order_by("pk").values_list("pk", "title", "published")
        ),
    }


def new_history_rows(before: dict[str, int]) -> list:
    rows = []
    for model in history_models():
        rows += list(model.objects.order_by("history_id")[before[model.__name__] :])
    return rows


def call(client, method: str, url: str, body=None, headers=None):
    kwargs = {"headers": headers or {}}
    if body is not None:
        kwargs |= {"data": json.dumps(body), "content_type": "application/json"}
    return getattr(client, method)(url, **kwargs)


# ------------------------------------------------------------ the table


@dataclass
class Case:
    method: str
    url: str
    body: dict | None
    allowed: set[str]


def _drafted(people, round_):
    entry = entry_of(round_, 12)
    entry_services.entry_save_draft(
        actor=people["joho"], entry=entry, based_on_version=1, achievements=["下書き"]
    )
    return entry_of(round_, 12)


def _submitted(people, round_):
    entry = _drafted(people, round_)
    entry_services.entry_submit(actor=people["joho"], entry=entry, based_on_version=2)
    return entry_of(round_, 12)


def _awaiting_head(people, round_, seed_plan):
    """A plan with 課長承認: joho's submission waits for kacho (課内確認)."""
    seed_plan.department_head_approval = True
    seed_plan.save(update_fields=["department_head_approval"])
    return _submitted(people, round_)


def case_for(name: str, people, round_, indicator, seed_plan) -> Case:
    office = {"admin", "gyosei"}
    lead = {"joho", "kacho"}  # the lead department's editor and its head
    members = office | lead | {"kyodo", "iinkai"}
    grade_url = reverse(
        "api:program-grade",
        kwargs={
            "code": "132110",
            "slug": seed_plan.slug,
            "number": 12,
            "fiscal_year": 2023,
        },
    )
    match name:
        case "get draft entry":
            e = _drafted(people, round_)
            # the committee reads what departments handed in, not drafts
            return Case("get", f"/api/entries/{e.pk}", None, office | lead | {"kyodo"})
        case "get submitted entry":
            e = _submitted(people, round_)
            return Case("get", f"/api/entries/{e.pk}", None, members)
        case "save draft":
            e = entry_of(round_, 12)
            body = {
                "based_on_version": e.version,
                "achievements": ["APIで書いた実績"],
                "kpi_actuals": {str(indicator.pk): 80.5},
            }
            return Case("patch", f"/api/entries/{e.pk}/draft", body, office | lead)
        case "submit":
            e = _drafted(people, round_)
            body = {"based_on_version": e.version}
            return Case("post", f"/api/entries/{e.pk}/submit", body, office | lead)
        case "withdraw":
            e = _submitted(people, round_)
            body = {"based_on_version": e.version}
            url = f"/api/entries/{e.pk}/withdraw"
            return Case("post", url, body, office | lead)
        case "forward":
            e = _awaiting_head(people, round_, seed_plan)
            body = {"based_on_version": e.version}
            url = f"/api/entries/{e.pk}/forward"
            return Case("post", url, body, {"admin", "kacho"})
        case "return at 課内確認":
            e = _awaiting_head(people, round_, seed_plan)
            body = {"based_on_version": e.version, "comment": "根拠を添えてください"}
            url = f"/api/entries/{e.pk}/return"
            return Case("post", url, body, {"admin", "kacho"})
        case "return":
            e = _submitted(people, round_)
            body = {"based_on_version": e.version, "comment": "数値を確認してください"}
            return Case("post", f"/api/entries/{e.pk}/return", body, office)
        case "approve":
            e = _submitted(people, round_)
            body = {"based_on_version": e.version}
            return Case("post", f"/api/entries/{e.pk}/approve", body, office)
        case "get indicator":
            return Case("get", f"/api/indicators/{indicator.pk}", None, members)
        case "review indicator":
            body = {
                "based_on_version": indicator.version,
                "decision": "confirm",
                "corrections": {"target": 95},
            }
            url = f"/api/indicators/{indicator.pk}/review"
            return Case("post", url, body, office)
        case "set actual":
            body = {"based_on_version": indicator.version, "value": 80.1}
            url = f"/api/indicators/{indicator.pk}/actuals/2023"
            return Case("put", url, body, office)
        case "set grade":
            return Case("put", grade_url, {"grade": "A", "comment": "順調"}, office)
        case "remove grade":
            program_grade_set(
                program=seed_plan.programs.get(number=12),
                actor=None,
                fiscal_year=2023,
                grade="B",
            )
            return Case("delete", grade_url, None, office)
    raise AssertionError(name)


OPERATIONS = [
    "get draft entry",
    "get submitted entry",
    "save draft",
    "submit",
    "withdraw",
    "forward",
    "return at 課内確認",
    "return",
    "approve",
    "get indicator",
    "review indicator",
    "set actual",
    "set grade",
    "remove grade",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_who_may_call_what(
    client, operation, role, people, round_, indicator, seed_plan, bearer
):
    """Every role × every write operation: allowed ones succeed and leave
    history rows saying "api:" and who; refused ones answer 401 (no
    credentials) or 403 and change nothing at all."""
    case = case_for(operation, people, round_, indicator, seed_plan)
    check_role(client, case, role, people, bearer)


def check_role(client, case: Case, role: str, people, bearer) -> None:
    """The case called as the role: allowed, it succeeds (a read changes
    nothing, a write leaves history rows saying "api:" and who); refused, 401
    without credentials or 403, and nothing changed."""
    headers = {} if role == "public" else bearer(role)
    before = fingerprint()
    response = call(client, case.method, case.url, case.body, headers)
    if role in case.allowed:
        assert response.status_code in (200, 204), response.content
        if case.method == "get":
            assert fingerprint() == before
            return
        rows = new_history_rows(before["history"])
        assert rows and fingerprint() != before
        for row in rows:
            assert row.history_change_reason.startswith("api: "), row
            assert row.history_user_id == people[role].pk, row
    else:
        assert response.status_code == (401 if role == "public" else 403)
        assert set(response.json()) == {"detail"}
        assert fingerprint() == before


def test_the_table_covers_every_write_operation(client):
    schema = client.get("/api/openapi.json").json()
    secured = {
        op["operationId"]
        for item in schema["paths"].values()
        for op in item.values()
        if op.get("security")
        and not {"plan authoring", "rounds"} & set(op.get("tags", []))
    }
    # The plan authoring operations have their own table in test_authoring.py,
    # the rounds' in test_rounds.py.
    assert secured == {
        "getEntry",
        "saveEntryDraft",
        "submitEntry",
        "withdrawEntry",
        "forwardEntry",
        "returnEntry",
        "approveEntry",
        "getLiveIndicator",
        "reviewIndicator",
        "setIndicatorActual",
        "setProgramGrade",
        "removeProgramGrade",
    }
    # Entries are read in two states, and returned at two steps.
    assert len(OPERATIONS) == len(secured) + 2


# ------------------------------------------------------------ conflicts


def test_a_stale_draft_is_refused_with_the_current_version(
    client, people, round_, bearer
):
    entry = _drafted(people, round_)  # version 2 now
    before = fingerprint()
    response = call(
        client,
        "patch",
        f"/api/entries/{entry.pk}/draft",
        {"based_on_version": 1, "achievements": ["古い版からの変更"]},
        bearer("joho"),
    )
    assert response.status_code == 409
    body = response.json()
    assert (body["current_version"], body["current_state"]) == (2, "drafting")
    assert body["detail"]
    assert fingerprint() == before
    # Based on the current version, the same change goes through.
    ok = call(
        client,
        "patch",
        f"/api/entries/{entry.pk}/draft",
        {"based_on_version": 2, "achievements": ["古い版からの変更"]},
        bearer("joho"),
    )
    assert ok.status_code == 200
    assert ok.json()["version"] == 3 and ok.json()["changed"] is True
    assert ok.json()["achievements"] == ["古い版からの変更"]


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("post", "review", {"decision": "reject"}),
        ("put", "actuals/2023", {"value": 1}),
    ],
)
def test_a_stale_indicator_write_is_refused(
    client, indicator, bearer, method, path, body
):
    headers = bearer("gyosei")
    url = f"/api/indicators/{indicator.pk}"
    first = call(
        client,
        "put",
        f"{url}/actuals/2022",
        {"based_on_version": 1, "value": 74},
        headers,
    )
    assert first.status_code == 200 and first.json()["version"] == 2
    before = fingerprint()
    response = call(
        client, method, f"{url}/{path}", {"based_on_version": 1, **body}, headers
    )
    assert response.status_code == 409
    assert response.json()["current_version"] == 2
    assert response.json()["current_state"] is None
    assert fingerprint() == before


def test_a_transition_the_state_does_not_allow_is_a_conflict(
    client, people, round_, bearer
):
    entry = entry_of(round_, 12)  # not started: nothing to submit
    before = fingerprint()
    response = call(
        client,
        "post",
        f"/api/entries/{entry.pk}/submit",
        {"based_on_version": 1},
        bearer("joho"),
    )
    assert response.status_code == 409
    assert response.json()["current_state"] == "not_started"
    assert fingerprint() == before


def test_approval_over_a_changed_live_record_is_a_conflict(
    client, people, round_, bearer
):
    entry = _submitted(people, round_)
    plan_services.program_year_update(
        actor=people["gyosei"],
        program=entry.program,
        fiscal_year=2023,
        achievements=["事務局が直接書いた"],
        based_on_version=None,
        reason="screen: test",
    )
    before = fingerprint()
    response = call(
        client,
        "post",
        f"/api/entries/{entry.pk}/approve",
        {"based_on_version": entry.version},
        bearer("gyosei"),
    )
    assert response.status_code == 409
    assert response.json()["current_state"] == "submitted"
    assert fingerprint() == before


def test_an_actual_typed_since_the_draft_s_value_is_a_conflict_and_null_is_unchanged(
    client, people, round_, indicator, bearer
):
    """Issue #16, weakness 4, through the API: null leaves the draft's actual
    as it is; a value saved before the office typed another is a 409 on
    approval, and nothing is written."""
    entry = entry_of(round_, 12)
    headers = bearer("joho")
    url = f"/api/entries/{entry.pk}/draft"
    body = {"based_on_version": entry.version, "kpi_actuals": {str(indicator.pk): 86}}
    assert call(client, "patch", url, body, headers).status_code == 200
    entry = entry_of(round_, 12)
    body = {"based_on_version": entry.version, "kpi_actuals": {str(indicator.pk): None}}
    assert call(client, "patch", url, body, headers).status_code == 200
    entry = entry_of(round_, 12)
    assert entry.kpi_actuals == {str(indicator.pk): 86}
    entry_services.entry_submit(
        actor=people["joho"], entry=entry, based_on_version=entry.version
    )
    indicator.refresh_from_db()
    plan_services.indicator_actual_set(
        actor=people["gyosei"],
        indicator=indicator,
        fiscal_year=2023,
        value=88,
        based_on_version=indicator.version,
    )
    entry = entry_of(round_, 12)
    before = fingerprint()
    response = call(
        client,
        "post",
        f"/api/entries/{entry.pk}/approve",
        {"based_on_version": entry.version},
        bearer("gyosei") | {"Accept-Language": "en"},
    )
    assert response.status_code == 409
    assert "now 88, the draft says 86" in response.json()["detail"]
    assert fingerprint() == before


# ------------------------------------------------------------ validation


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("post", "submit", {}),  # no version
        ("post", "submit", {"based_on_version": "x"}),
        ("post", "return", {"based_on_version": 3, "comment": "   "}),
        ("patch", "draft", {"based_on_version": 2, "achievements": "一行"}),
        ("patch", "draft", {"based_on_version": 2, "kpi_actuals": {"abc": 1}}),
    ],
)
def test_malformed_requests_are_422(client, people, round_, bearer, method, path, body):
    entry = _submitted(people, round_)
    before = fingerprint()
    url = f"/api/entries/{entry.pk}/{path}"
    response = call(client, method, url, body, bearer("gyosei"))
    assert response.status_code == 422, response.content
    assert fingerprint() == before


def test_rules_of_the_data_are_422(
    client, people, round_, indicator, seed_plan, bearer
):
    headers = bearer("gyosei")
    other = Indicator.objects.exclude(program__number=12).first()
    entry = entry_of(round_, 12)
    before = fingerprint()
    for method, url, body in [
        # an indicator of another program
        (
            "patch",
            f"/api/entries/{entry.pk}/draft",
            {"based_on_version": 1, "kpi_actuals": {str(other.pk): 1}},
        ),
        # not on the plan's grade scale
        (
            "put",
            f"/api/municipalities/132110/plans/{seed_plan.slug}/programs/12/grades/2023",
            {"grade": "Z"},
        ),
        # a number that is not one (JSON allows NaN only as an extension)
        ("put", f"/api/indicators/{indicator.pk}/actuals/2023", None),
    ]:
        if body is None:
            response = client.put(
                url,
                data='{"based_on_version": 1, "value": NaN}',
                content_type="application/json",
                headers=headers,
            )
        else:
            response = call(client, method, url, body, headers)
        assert response.status_code == 422, (url, response.content)
        assert response.json()["detail"]
    assert fingerprint() == before


def test_unknown_things_are_404(client, people, seed_plan, bearer):
    headers = bearer("gyosei")
    for method, url, body in [
        ("get", "/api/entries/999999", None),
        ("post", "/api/entries/999999/submit", {"based_on_version": 1}),
        ("get", "/api/indicators/999999", None),
        (
            "put",
            f"/api/municipalities/132110/plans/{seed_plan.slug}/programs/99/grades/2023",
            {"grade": "A"},
        ),
        (
            "delete",
            "/api/municipalities/132110/plans/nope/programs/1/grades/2023",
            None,
        ),
    ]:
        assert call(client, method, url, body, headers).status_code == 404, url


# ------------------------------------------------------------ the same audit rows


def _web(client, people, user, method, url, data):
    client.force_login(people[user])
    return getattr(client, method)(url, data)


def _audit(before: dict[str, int]) -> list[tuple]:
    """The new history rows, channel prefix aside."""
    return sorted(
        (
            type(row).__name__,
            row.history_type,
            row.history_change_reason.split(": ", 1)[1],
            row.history_change_reason.split(": ", 1)[0],
            row.history_user_id,
        )
        for row in new_history_rows(before)
    )


@pytest.mark.parametrize("action", ["draft", "approve", "review", "actual", "grade"])
def test_a_write_leaves_the_same_history_rows_as_the_web_form(
    client, people, round_, indicator, seed_plan, bearer, action
):
    """The same change through the web form and through the API leaves the
    same history rows (rolled back in between), but for the channel:
    "screen: …" against "api: …"."""
    from django.db import transaction

    program_url = f"/staff/132110/plans/{seed_plan.slug}"
    if action == "approve":
        _submitted(people, round_)
    entry = entry_of(round_, 12)
    user = "joho" if action == "draft" else "gyosei"
    web_calls = {
        "draft": (
            "post",
            reverse("workflow:entry-edit", kwargs={"pk": entry.pk}),
            {"version": 1, "text": "実績A", f"kpi_{indicator.pk}": "80"},
        ),
        "approve": (
            "post",
            reverse("workflow:entry-approve", kwargs={"pk": entry.pk}),
            {"version": entry.version, "confirmed": "1"},
        ),
        "review": (
            "post",
            f"{program_url}/indicators/{indicator.pk}/review/",
            {
                f"i{indicator.pk}-version": 1,
                f"i{indicator.pk}-decision": "reject",
                f"i{indicator.pk}-name": indicator.name,
            },
        ),
        "actual": (
            "post",
            f"{program_url}/indicators/{indicator.pk}/actual/",
            {"version": 1, "fiscal_year": 2023, "value": "80"},
        ),
        "grade": (
            "post",
            f"{program_url}/programs/12/grade/",
            {"fiscal_year": 2023, "grade": "A", "comment": "順調"},
        ),
    }
    api_calls = {
        "draft": (
            "patch",
            f"/api/entries/{entry.pk}/draft",
            {
                "based_on_version": 1,
                "achievements": ["実績A"],
                "kpi_actuals": {str(indicator.pk): 80},
            },
        ),
        "approve": (
            "post",
            f"/api/entries/{entry.pk}/approve",
            {"based_on_version": entry.version},
        ),
        "review": (
            "post",
            f"/api/indicators/{indicator.pk}/review",
            {"based_on_version": 1, "decision": "reject"},
        ),
        "actual": (
            "put",
            f"/api/indicators/{indicator.pk}/actuals/2023",
            {"based_on_version": 1, "value": 80},
        ),
        "grade": (
            "put",
            f"/api/municipalities/132110/plans/{seed_plan.slug}/programs/12/grades/2023",
            {"grade": "A", "comment": "順調"},
        ),
    }
    results = {}
    for channel in ("screen", "api"):
        before = fingerprint()
        point = transaction.savepoint()
        if channel == "screen":
            response = _web(client, people, user, *web_calls[action])
            assert response.status_code == 302, response.content[:500]
            client.logout()
        else:
            response = call(client, *api_calls[action], bearer(user))
            assert response.status_code == 200, response.content
        results[channel] = (_audit(before["history"]), fingerprint())
        transaction.savepoint_rollback(point)
    screen, api = results["screen"], results["api"]
    assert screen[0], "the web form wrote no history"
    assert [r[:3] + r[4:] for r in screen[0]] == [r[:3] + r[4:] for r in api[0]]
    assert {r[3] for r in screen[0]} == {"screen"}
    assert {r[3] for r in api[0]} == {"api"}
    # and the same data, but for the history counts of the api's token
    assert screen[1]["entries"] == api[1]["entries"]
    assert screen[1]["indicators"] == api[1]["indicators"]
    assert screen[1]["grades"] == api[1]["grades"]


def test_the_department_heads_step_through_the_api(
    client, people, round_, seed_plan, bearer
):
    """課長承認 as an API client plays it: the editor submits, the head passes
    it on, the editor takes it back, submits again, the head returns it."""
    seed_plan.department_head_approval = True
    seed_plan.save(update_fields=["department_head_approval"])
    _drafted(people, round_)
    joho, kacho = bearer("joho"), bearer("kacho")

    def step(who, action, **body):
        current = entry_of(round_, 12)
        response = call(
            client,
            "post",
            f"/api/entries/{current.pk}/{action}",
            {"based_on_version": current.version, **body},
            who,
        )
        assert response.status_code == 200, response.content
        return response.json()["state"]

    assert step(joho, "submit") == "awaiting_head"
    assert step(kacho, "forward") == "submitted"
    assert step(joho, "withdraw") == "drafting"
    assert step(joho, "submit") == "awaiting_head"
    assert step(kacho, "return", comment="根拠を添えてください") == "returned"
