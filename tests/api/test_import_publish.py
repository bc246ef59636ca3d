"""The API's import confirmation follows the web's default: the edition it
makes stays unpublished (the public API does not show it) unless the client
sends `publish: true`, which goes through the publish step."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from shinchoku.plans.models import Edition
from tests.api.test_authoring import PLAN, bearer, post, town_people  # noqa: F401
from tests.office.layouts import progress_xlsx

pytestmark = pytest.mark.django_db

BASE = "/api/municipalities/423076/plans/2025-2028"


def _imported(client, office, **extra):
    post(client, "/api/municipalities/423076/plans", PLAN, office)
    mapping = {"file": SimpleUploadedFile("progress.xlsx", progress_xlsx())}
    body = client.post(f"{BASE}/imports", mapping, headers=bearer(office)).json()
    body["mapping"]["columns"]["actions"] = "D"
    upload = body["upload"]
    client.put(
        f"{BASE}/imports/{upload}/mapping",
        body["mapping"],
        content_type="application/json",
        headers=bearer(office),
    )
    return post(
        client,
        f"{BASE}/imports/{upload}/confirm",
        {"sha256": body["sha256"], "edition_title": "令和7年度実績", **extra},
        office,
    )


def test_the_api_import_leaves_the_edition_unpublished(client, town_people):  # noqa: F811
    done = _imported(client, town_people["kikaku"])
    assert done.status_code == 200, done.content
    edition = Edition.objects.get()
    assert done.json()["editions"] == [
        {"id": edition.pk, "title": "令和7年度実績", "published": False}
    ]
    assert not edition.published
    assert client.get(f"{BASE}/editions").status_code == 404


def test_publish_true_publishes_it_through_the_publish_step(client, town_people):  # noqa: F811
    done = _imported(client, town_people["kikaku"], publish=True)
    assert done.status_code == 200, done.content
    edition = Edition.objects.get()
    assert done.json()["editions"] == [
        {"id": edition.pk, "title": "令和7年度実績", "published": True}
    ]
    assert edition.published
    assert edition.history.first().history_change_reason == (
        "api: publish edition 令和7年度実績"
    )
    listed = client.get(f"{BASE}/editions")
    assert listed.status_code == 200
    assert [e["title"] for e in listed.json()] == ["令和7年度実績"]


def test_the_office_publishes_the_imported_edition_later(client, town_people):  # noqa: F811
    """An API client that checked the import publishes it with the id the
    import's answer gave: the publish step's history row, then the public
    API lists it; withdrawing hides it again."""
    office = town_people["kikaku"]
    edition_id = _imported(client, office).json()["editions"][0]["id"]
    url = f"/api/editions/{edition_id}/published"

    def put(body, user):
        return client.put(
            url, body, content_type="application/json", headers=bearer(user)
        )

    answer = put({"published": True}, office)
    assert answer.status_code == 200, answer.content
    assert answer.json() == {
        "id": edition_id,
        "title": "令和7年度実績",
        "kind": Edition.objects.get().kind,
        "fiscal_year": Edition.objects.get().fiscal_year,
        "published": True,
        "changed": True,
    }
    assert Edition.objects.get().history.first().history_change_reason == (
        "api: publish edition 令和7年度実績"
    )
    assert [e["title"] for e in client.get(f"{BASE}/editions").json()] == [
        "令和7年度実績"
    ]
    assert put({"published": True}, office).json()["changed"] is False
    assert put({"published": False}, office).json()["published"] is False
    assert client.get(f"{BASE}/editions").status_code == 404
    assert put({"published": "yes"}, office).status_code == 422
    missing = client.put(
        "/api/editions/999999/published",
        {"published": True},
        content_type="application/json",
        headers=bearer(office),
    )
    assert missing.status_code == 404
