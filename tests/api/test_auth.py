"""Credentials of the write operations: bearer tokens made by `shinchoku
api-token` (shown once, stored as a digest) and the signed-in session with
Django's CSRF check."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from shinchoku.api.models import ApiToken, token_digest
from shinchoku.api.services import api_token_create

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("api_token", *args, stdout=out)
    return out.getvalue()


def indicator_url(indicator) -> str:
    return f"/api/indicators/{indicator.pk}"


def test_the_command_prints_a_token_once_and_stores_its_digest_only(people):
    out = run("gyosei", "--name", "財務会計システム")
    token = out.strip().splitlines()[-1]
    assert token.startswith("shk_") and len(token) > 40
    record = ApiToken.objects.get()
    assert record.user == people["gyosei"] and record.name == "財務会計システム"
    assert record.key_digest == token_digest(token) and record.shown == token[:12]
    # The token itself is nowhere in the database.
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM api_apitoken")
        row = cursor.fetchone()
    assert token not in [str(v) for v in row]
    listed = run("--list")
    assert record.shown in listed and "gyosei" in listed and token not in listed


def test_the_command_refuses_unknown_and_inactive_users(people):
    with pytest.raises(CommandError, match="no user"):
        run("nobody")
    people["joho"].is_active = False
    people["joho"].save()
    with pytest.raises(CommandError, match="not active"):
        run("joho")
    with pytest.raises(CommandError, match="USERNAME"):
        run()
    assert ApiToken.objects.count() == 0


def test_dry_run_makes_nothing(people):
    assert "Dry run" in run("gyosei", "--dry-run")
    assert ApiToken.objects.count() == 0


def test_a_token_acts_as_its_user(client, people, indicator):
    record, token = api_token_create(user=people["gyosei"])
    assert record.last_used is None
    response = client.get(
        indicator_url(indicator), headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    assert response.json()["name"] == "電子決裁率"
    record.refresh_from_db()
    assert record.last_used is not None


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer",
        "Bearer shk_not-a-real-token",
        "Basic Z3lvc2VpOnB3",
        "Token {token}",
        "Bearer {token}x",
    ],
)
def test_anything_but_a_valid_token_is_401(client, people, indicator, header):
    _record, token = api_token_create(user=people["gyosei"])
    headers = {"Authorization": header.format(token=token)} if header else {}
    response = client.get(indicator_url(indicator), headers=headers)
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_revoked_tokens_and_inactive_users_are_refused(client, people, indicator):
    record, token = api_token_create(user=people["gyosei"])
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(indicator_url(indicator), headers=headers).status_code == 200
    people["gyosei"].is_active = False
    people["gyosei"].save()
    assert client.get(indicator_url(indicator), headers=headers).status_code == 401
    people["gyosei"].is_active = True
    people["gyosei"].save()
    assert "would be revoked" in run("--revoke", record.shown, "--dry-run")
    assert client.get(indicator_url(indicator), headers=headers).status_code == 200
    assert "1 token(s) revoked" in run("--revoke", record.shown)
    assert client.get(indicator_url(indicator), headers=headers).status_code == 401
    with pytest.raises(CommandError, match="no token"):
        run("--revoke", record.shown)


def test_a_signed_in_session_needs_its_csrf_token_to_write(people, indicator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["gyosei"])
    url = f"{indicator_url(indicator)}/actuals/2023"
    body = json.dumps({"based_on_version": 1, "value": 80})
    # Reading needs no CSRF token.
    assert client.get(indicator_url(indicator)).status_code == 200
    refused = client.put(url, data=body, content_type="application/json")
    assert refused.status_code == 403
    assert indicator.history.count() == 1  # nothing written
    client.get("/")  # the pages set the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    ok = client.put(
        url, data=body, content_type="application/json", headers={"X-CSRFToken": csrf}
    )
    assert ok.status_code == 200 and ok.json()["actuals"]["2023"] == 80
    assert indicator.history.first().history_change_reason == "api: actual 2023"


def test_no_credentials_at_all_is_401_not_a_csrf_403(indicator):
    client = Client(enforce_csrf_checks=True)
    url = f"{indicator_url(indicator)}/actuals/2023"
    response = client.put(
        url,
        data=json.dumps({"based_on_version": 1, "value": 80}),
        content_type="application/json",
    )
    assert response.status_code == 401


def test_a_token_needs_no_csrf_token(people, indicator):
    _record, token = api_token_create(user=people["gyosei"])
    client = Client(enforce_csrf_checks=True)
    response = client.put(
        f"{indicator_url(indicator)}/actuals/2023",
        data=json.dumps({"based_on_version": 1, "value": 80}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200
