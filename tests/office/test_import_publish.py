"""The web import makes its edition unpublished: the staff pages show it, the
public ones do not until the office publishes it through the editions'
publish step (or ticks 「すぐに公開する」 on the confirm step)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from shinchoku.imports.models import Upload
from shinchoku.plans.models import Edition
from tests.office.layouts import progress_xlsx
from tests.office.test_import import MAPPING, _upload, _url

pytestmark = pytest.mark.django_db


def _confirm(client, plan, **extra):
    response = _upload(client, plan, progress_xlsx(2025))
    upload = Upload.objects.latest("pk")
    client.post(response["Location"], {**MAPPING, "col_D": "role:actions"})
    return client.post(
        _url("import-confirm", plan, pk=upload.pk),
        {
            "sha256": upload.sha256,
            "edition_title": "令和7年度実績",
            "fiscal_year": "2025",
            **extra,
        },
    )


def _public(plan) -> dict[str, int]:
    """Status codes of the public pages a resident would open."""
    anonymous = Client()
    kwargs = {"code": plan.municipality.code, "plan": plan.slug}
    return {
        "plan": anonymous.get(reverse("portal:plan", kwargs=kwargs)).status_code,
        "program": anonymous.get(
            reverse("portal:program", kwargs={**kwargs, "number": 1})
        ).status_code,
        "edition": anonymous.get(
            reverse("portal:edition", kwargs={**kwargs, "edition": 1})
        ).status_code,
    }


def test_the_web_import_leaves_its_edition_unpublished(office_client, plan):
    done = _confirm(office_client, plan)
    assert done.status_code == 302
    edition = Edition.objects.get(plan=plan)
    assert edition.published is False
    assert _public(plan) == {"plan": 404, "program": 404, "edition": 404}
    municipality = Client().get(
        reverse("portal:municipality", kwargs={"code": plan.municipality.code})
    )
    assert "行政改革推進プラン" not in municipality.content.decode()
    # the staff see it: the plan's page says so, with the publish step
    staff = office_client.get(plan.get_absolute_url()).content.decode()
    assert "The edition 令和7年度実績 is not published yet" in staff
    assert "Not published yet" in staff
    publish_url = reverse("workflow:edition-publish", kwargs={"pk": edition.pk})
    assert f'action="{publish_url}"' in staff
    editions = office_client.get(
        reverse(
            "workflow:editions",
            kwargs={"code": plan.municipality.code, "plan": plan.slug},
        )
    ).content.decode()
    assert "令和7年度実績" in editions and "Not published" in editions
    # the import's history row, and no other
    assert [
        (h.history_type, h.published, h.history_change_reason)
        for h in edition.history.all()
    ] == [("+", False, f"import: 進捗管理表.xlsx (SHA-256 {edition_sha(plan)})")]


def edition_sha(plan) -> str:
    return Upload.objects.filter(plan=plan).latest("pk").sha256


def test_the_publish_step_then_shows_it_on_the_portal(office_client, plan, town):
    _confirm(office_client, plan)
    edition = Edition.objects.get(plan=plan)
    url = reverse("workflow:edition-publish", kwargs={"pk": edition.pk})
    asked = office_client.post(url, {"published": "1"})
    assert asked.status_code == 200  # the confirmation page
    assert _public(plan)["plan"] == 404
    office_client.post(url, {"published": "1", "confirmed": "1"})
    edition.refresh_from_db()
    assert edition.published
    assert _public(plan) == {"plan": 200, "program": 200, "edition": 200}
    latest = edition.history.first()
    assert latest.history_change_reason == "screen: publish edition 令和7年度実績"
    assert latest.history_user == town["users"]["kikaku"]
    staff = office_client.get(plan.get_absolute_url()).content.decode()
    assert "Not published yet" not in staff


def test_publish_at_once_goes_through_the_publish_step(office_client, plan):
    done = _confirm(office_client, plan, publish="on")
    assert done.status_code == 302
    edition = Edition.objects.get(plan=plan)
    assert edition.published
    assert _public(plan) == {"plan": 200, "program": 200, "edition": 200}
    assert [h.history_change_reason for h in edition.history.order_by("pk")] == [
        f"import: 進捗管理表.xlsx (SHA-256 {edition_sha(plan)})",
        "screen: publish edition 令和7年度実績",
    ]
    staff = office_client.get(plan.get_absolute_url()).content.decode()
    assert "The edition 令和7年度実績 is published." in staff


def test_the_confirm_step_says_so_and_publishes_nothing_by_default(office_client, plan):
    response = _upload(office_client, plan, progress_xlsx(2025))
    upload = Upload.objects.latest("pk")
    office_client.post(response["Location"], {**MAPPING, "col_D": "role:actions"})
    page = office_client.get(_url("import-preview", plan, pk=upload.pk))
    html = page.content.decode()
    assert "is saved unpublished" in html
    assert '<input type="checkbox" name="publish"' in html
    assert 'name="publish" id="id_publish" checked' not in html


def test_the_notice_is_japanese(office_client, plan):
    office_client.cookies["django_language"] = "ja"
    _confirm(office_client, plan)
    html = office_client.get(plan.get_absolute_url()).content.decode()
    assert "版「令和7年度実績」はまだ公開していません" in html
    assert "まだ公開していない版" in html
