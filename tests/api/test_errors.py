"""The API answers JSON for every error status, whatever refused the request:
the URL resolver, the method check, the size limit of Django's request body,
or an error of the server (tests/config/test_production.py: the database
down)."""

from __future__ import annotations

import pytest

from shinchoku.api.services import api_token_create


def _json(response) -> dict:
    assert response["Content-Type"].startswith("application/json"), (
        response.status_code,
        response.content[:200],
    )
    body = response.json()
    assert body["detail"]
    return body


@pytest.mark.django_db
def test_an_unknown_path_is_a_json_404(client):
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    _json(response)


@pytest.mark.django_db
def test_a_method_not_allowed_is_a_json_405(client):
    response = client.delete("/api/municipalities")
    assert response.status_code == 405
    assert response["Allow"]
    _json(response)


@pytest.mark.django_db
def test_a_10_mb_body_is_a_json_413(client, django_user_model):
    user = django_user_model.objects.create_user("clerk", password="pw-123456!")
    _record, token = api_token_create(user=user, name="tests")
    body = b'{"based_on_version": 1, "achievements": ["' + b"x" * 10_000_000 + b'"]}'
    response = client.generic(
        "PATCH",
        "/api/entries/1/draft",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 413
    assert "MB" in _json(response)["detail"]


@pytest.mark.django_db
def test_broken_json_is_a_json_400_or_422(client):
    response = client.generic(
        "PATCH", "/api/entries/1/draft", b"{not json", content_type="application/json"
    )
    assert response.status_code in (400, 401, 422)
    _json(response)


@pytest.mark.django_db
def test_the_docs_page_stays_html(client):
    assert client.get("/api/docs/")["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_every_error_status_of_the_api_is_json(people, round_, bearer, monkeypatch):
    """One request for each status the API can answer with an error, whoever
    answers it (django-ninja, the token check, a service, Django's request
    handling, an exception no one caught): each is JSON with a detail."""
    from django.test import Client

    from shinchoku.portal import selectors
    from tests.api.conftest import entry_of

    client = Client(raise_request_exception=False)
    entry = entry_of(round_, 12)
    draft = f"/api/entries/{entry.pk}/draft"
    body = '{"based_on_version": 999, "achievements": ["x"]}'
    statuses = {}

    def seen(response):
        statuses[response.status_code] = _json(response)

    seen(client.patch(draft, body, content_type="application/json"))  # 401
    seen(
        client.patch(
            draft, body, content_type="application/json", headers=bearer("iinkai")
        )
    )  # 403
    seen(client.get("/api/entries/999999", headers=bearer("gyosei")))  # 404
    seen(client.put("/api/municipalities"))  # 405
    seen(
        client.patch(
            draft, body, content_type="application/json", headers=bearer("joho")
        )
    )  # 409: version 999 is not the entry's
    seen(
        client.patch(
            draft, "{", content_type="application/json", headers=bearer("joho")
        )
    )  # 400 or 422
    seen(client.get("/api/municipalities/12"))  # 422: not six digits
    seen(
        client.patch(
            draft,
            "x" * (3 * 2**20),
            content_type="application/json",
            headers=bearer("joho"),
        )
    )  # 413

    def broken(code):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "municipality_get", broken)
    seen(client.get("/api/municipalities/132110"))  # 500
    assert {401, 403, 404, 405, 409, 413, 422, 500} <= set(statuses), statuses
