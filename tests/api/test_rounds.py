"""Closing and reopening rounds through the API: the round page's services
and permission checks, the close form's refusal over entries in progress, the
修正版 a reopened round closes into."""

from __future__ import annotations

import pytest

from shinchoku.plans.models import Edition
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Round
from shinchoku.workflow.rounds import services as round_services
from tests.api.conftest import entry_of
from tests.api.test_write import ROLES, Case, call, check_role, fingerprint

pytestmark = pytest.mark.django_db

OFFICE = {"admin", "gyosei"}


def approve(people, round_, number: int, text: str) -> None:
    """The department drafts and submits, the admin office approves."""
    entry = entry_of(round_, number)
    entry_services.entry_save_draft(
        actor=people["joho"],
        entry=entry,
        based_on_version=entry.version,
        achievements=[text],
    )
    entry = entry_of(round_, number)
    entry_services.entry_submit(
        actor=people["joho"], entry=entry, based_on_version=entry.version
    )
    entry = entry_of(round_, number)
    entry_services.entry_approve(
        actor=people["gyosei"], entry=entry, based_on_version=entry.version
    )


def closed(people, round_) -> Round:
    round_services.round_close(
        actor=people["gyosei"], round_=round_, title=round_.title, meeting="第2回"
    )
    return Round.objects.get(pk=round_.pk)


CASES = {
    "get round": ("get", "", None, OFFICE | {"iinkai"}),
    "close": ("post", "/close", {"meeting": "第2回 経営方針推進委員会"}, OFFICE),
    "reopen": ("post", "/reopen", {"reason": "数値の誤り", "programs": [12]}, OFFICE),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", list(CASES))
def test_who_may_close_and_reopen(client, operation, role, people, round_, bearer):
    """Every role × every round operation: allowed ones succeed and leave
    history rows saying "api:" and who; refused ones answer 401 or 403 and
    change nothing."""
    method, path, body, allowed = CASES[operation]
    if operation == "reopen":
        round_ = closed(people, round_)
    url = f"/api/rounds/{round_.pk}{path}"
    check_role(client, Case(method, url, body, allowed), role, people, bearer)


def test_the_table_covers_every_round_operation(client):
    schema = client.get("/api/openapi.json").json()
    ops = {
        op["operationId"]
        for item in schema["paths"].values()
        for op in item.values()
        if "rounds" in op.get("tags", [])
    }
    assert ops == {"getRound", "closeRound", "reopenRound"}
    assert len(CASES) == len(ops)


def test_close_publish_reopen_and_close_again_makes_a_corrected_edition(
    client, people, round_, bearer
):
    """The round as an API client plays it: closed into an unpublished
    edition (the entries nobody started listed), published, reopened with a
    program sent back, approved again and closed into a 修正版 that
    supersedes the first edition and keeps its meeting."""
    office = bearer("gyosei")
    approve(people, round_, 12, "電子決裁を全庁に拡大")
    url = f"/api/rounds/{round_.pk}"
    response = call(
        client,
        "post",
        url + "/close",
        {
            "meeting": "第2回 経営方針推進委員会",
            "material": "資料2",
            "date": "2024-08-20",
            "schedule_as_of": "2024-03",
        },
        office,
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "closed" and body["pending"] == []
    first = body["edition"]
    assert first["title"] == "令和5年度実績" and first["published"] is False
    assert (first["meeting"], first["material"], first["date"]) == (
        "第2回 経営方針推進委員会",
        "資料2",
        "2024-08-20",
    )
    assert first["supersedes_id"] is None
    started = {line["program"]["number"] for line in body["not_started"]}
    assert 12 not in started and len(started) == round_.entries.count() - 1
    assert {line["state"] for line in body["not_started"]} == {"not_started"}
    snapshot = Edition.objects.get(pk=first["id"]).snapshot
    program = next(p for p in snapshot["programs"] if p["number"] == 12)
    assert "電子決裁を全庁に拡大" in str(program)

    published = call(
        client, "put", f"/api/editions/{first['id']}/published", {"published": True}
    )
    assert published.status_code == 401  # credentials needed
    published = call(
        client,
        "put",
        f"/api/editions/{first['id']}/published",
        {"published": True},
        office,
    )
    assert published.json()["published"] is True

    response = call(
        client,
        "post",
        url + "/reopen",
        {"reason": "実績の数値に誤り", "programs": [12]},
        office,
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "open"
    assert body["edition"]["id"] == first["id"]  # stays as it was until closed
    assert [(line["program"]["number"], line["state"]) for line in body["pending"]] == [
        (12, "returned")
    ]
    assert body["pending"][0]["department"] == "情報政策課"
    assert entry_of(round_, 12).return_comment == "実績の数値に誤り"

    approve(people, round_, 12, "電子決裁を全庁に拡大(訂正)")
    response = call(client, "post", url + "/close", {}, office)
    assert response.status_code == 200, response.content
    second = response.json()["edition"]
    assert second["title"] == "令和5年度実績(修正版)"
    assert second["supersedes_id"] == first["id"]
    assert (second["meeting"], second["material"], second["date"]) == (
        "第2回 経営方針推進委員会",
        "資料2",
        "2024-08-20",
    )
    assert second["published"] is False
    assert Edition.objects.get(pk=first["id"]).published  # the first stays out


def test_closing_over_entries_in_progress_is_refused_with_their_list(
    client, people, round_, bearer
):
    entry = entry_of(round_, 12)
    entry_services.entry_save_draft(
        actor=people["joho"], entry=entry, based_on_version=1, achievements=["途中"]
    )
    before = fingerprint()
    url = f"/api/rounds/{round_.pk}"
    response = call(client, "post", url + "/close", {}, bearer("gyosei"))
    assert response.status_code == 409, response.content
    body = response.json()
    assert body["current_state"] == "open" and body["current_version"] == 0
    assert "⑫" in body["detail"]
    assert [(p["program"]["number"], p["state"]) for p in body["pending"]] == [
        (12, "drafting")
    ]
    assert body["pending"][0]["department"] == "情報政策課"
    assert fingerprint() == before
    # the round's own answer says the same before anyone tries
    shown = call(client, "get", url, None, bearer("iinkai")).json()
    assert [p["program"]["number"] for p in shown["pending"]] == [12]


def test_closing_a_closed_round_or_reopening_an_open_one_is_a_conflict(
    client, people, round_, bearer
):
    """For the admin office the state is the answer (409, twice the same
    close changes nothing); for anyone else it stays a refusal (403)."""
    url = f"/api/rounds/{round_.pk}"
    office = bearer("gyosei")
    response = call(client, "post", url + "/reopen", {"reason": "念のため"}, office)
    assert response.status_code == 409
    assert response.json()["current_state"] == "open"
    assert call(client, "post", url + "/close", {}, office).status_code == 200
    before = fingerprint()
    again = call(client, "post", url + "/close", {}, office)
    assert again.status_code == 409
    assert again.json()["current_state"] == "closed"
    assert "pending" not in again.json()
    assert fingerprint() == before
    refused = call(client, "post", url + "/close", {}, bearer("iinkai"))
    assert refused.status_code == 403


@pytest.mark.parametrize(
    "path, body",
    [
        ("/reopen", {"reason": "   "}),  # a reason is required
        ("/reopen", {}),
        ("/reopen", {"reason": "誤り", "programs": [999]}),  # no such entry
        ("/reopen", {"reason": "誤り", "programs": ["12"]}),
        ("/reopen", {"reason": "誤り\x07"}),  # a control character
        ("/close", {"title": ""}),
        ("/close", {"schedule_as_of": "2024-13"}),
        ("/close", {"date": "2024/08/20"}),
        ("/close", {"fiscal_year": "2023"}),
        ("/close", {"fiscal_year": 1900}),  # before the eras 和暦 prints
        ("/close", {"titel": "令和5年度実績"}),  # an unknown field
    ],
)
def test_bad_input_is_422_and_changes_nothing(
    client, people, round_, bearer, path, body
):
    if path == "/reopen":
        round_ = closed(people, round_)
    before = fingerprint()
    url = f"/api/rounds/{round_.pk}{path}"
    response = call(client, "post", url, body, bearer("gyosei"))
    assert response.status_code == 422, response.content
    assert response.json()["detail"]
    assert fingerprint() == before


def test_a_title_a_published_edition_has_is_refused(client, people, seed_plan, bearer):
    """The seed's published edition is 令和6年度当初計画: closing an
    initial-plan round for 令和6年度 under that title would replace it."""
    import datetime as dt

    from shinchoku.workflow.models import RoundKind

    round_ = round_services.round_open(
        actor=people["gyosei"],
        plan=seed_plan,
        kind=RoundKind.INITIAL_PLAN,
        fiscal_year=2024,
        deadline=dt.date(2030, 1, 31),
    )
    url = f"/api/rounds/{round_.pk}/close"
    before = fingerprint()
    body = {"title": "令和6年度当初計画"}
    response = call(client, "post", url, body, bearer("gyosei"))
    assert response.status_code == 422, response.content
    assert fingerprint() == before
    # left out, the title is the close form's proposal, free of that clash
    response = call(client, "post", url, {}, bearer("gyosei"))
    assert response.status_code == 200, response.content
    assert response.json()["edition"]["title"] != "令和6年度当初計画"


def test_unknown_rounds_are_404(client, people, bearer):
    headers = bearer("gyosei")
    for method, path, body in [
        ("get", "", None),
        ("post", "/close", {}),
        ("post", "/reopen", {"reason": "誤り"}),
    ]:
        response = call(client, method, f"/api/rounds/999999{path}", body, headers)
        assert response.status_code == 404, path
