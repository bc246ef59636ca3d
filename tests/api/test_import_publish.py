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
    assert done.json()["editions"] == [{"title": "令和7年度実績", "published": False}]
    assert not Edition.objects.get().published
    assert client.get(f"{BASE}/editions").status_code == 404


def test_publish_true_publishes_it_through_the_publish_step(client, town_people):  # noqa: F811
    done = _imported(client, town_people["kikaku"], publish=True)
    assert done.status_code == 200, done.content
    assert done.json()["editions"] == [{"title": "令和7年度実績", "published": True}]
    edition = Edition.objects.get()
    assert edition.published
    assert edition.history.first().history_change_reason == (
        "api: publish edition 令和7年度実績"
    )
    listed = client.get(f"{BASE}/editions")
    assert listed.status_code == 200
    assert [e["title"] for e in listed.json()] == ["令和7年度実績"]
