"""Control characters (NUL above all: PostgreSQL cannot store it) at every
input: refused with a message naming the field, never a 500, nothing written.
Tab and line breaks stay text."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from shinchoku.plans.models import Edition, Program
from shinchoku.workflow.models import RoundEntry
from tests.api.test_write import fingerprint
from tests.workflow.conftest import entry_of


def test_clean_input_keeps_tab_and_line_breaks_and_refuses_controls():
    from django.utils import translation

    from shinchoku.common.text import ControlCharacterError, clean_input

    translation.activate("en")

    assert clean_input("a\tb\r\nc\nd　e") == "a\tb\r\nc\nd　e"
    for bad in ("\x00", "\x01", "\x08", "\x0b", "\x1f", "\x7f", "\ud800", "\uffff"):
        with pytest.raises(ControlCharacterError) as caught:
            clean_input(f"実績{bad}です")
        assert f"character 3 is a control character (U+{ord(bad):04X})" in str(
            caught.value
        )
    with pytest.raises(ControlCharacterError, match="line 2, character 4"):
        clean_input("・一行目\n・二行\x01目")


HOSTILE = ["実績\x00", "NUL\x00と\x01制御"]


def _api(client, method, url, body, headers):
    return getattr(client, method)(
        url, data=json.dumps(body), content_type="application/json", headers=headers
    )


def test_the_api_refuses_control_characters_with_422(
    client, people, round_, indicator, seed_plan, bearer
):
    headers = bearer("gyosei")
    entry = entry_of(round_, 12)
    grades = (
        f"/api/municipalities/132110/plans/{seed_plan.slug}/programs/12/grades/2023"
    )
    before = fingerprint()
    for method, url, body, field in [
        (
            "patch",
            f"/api/entries/{entry.pk}/draft",
            {"based_on_version": 1, "achievements": HOSTILE},
            "achievements",
        ),
        ("put", grades, {"grade": "A", "comment": "順調\x00"}, "comment"),
        ("put", grades, {"grade": "A\x00"}, "grade"),
        (
            "post",
            f"/api/indicators/{indicator.pk}/review",
            {
                "based_on_version": 1,
                "decision": "confirm",
                "corrections": {"name": "率\x00", "unit": "%\x07"},
            },
            "name",
        ),
    ]:
        response = _api(client, method, url, body, headers)
        assert response.status_code == 422, (url, response.content)
        detail = json.dumps(response.json(), ensure_ascii=False)
        assert field in detail and "U+0000" in detail or "U+0007" in detail
    assert fingerprint() == before
    # Search takes the words it can use.
    assert client.get("/api/search", {"q": "電子\x00決裁"}).status_code == 200
    assert client.get("/search/", {"q": "電子\x00決裁"}).status_code == 200


def test_the_web_forms_refuse_control_characters(
    client, people, round_, indicator, seed_plan
):
    program_url = f"/staff/132110/plans/{seed_plan.slug}"
    entry = entry_of(round_, 12)
    before = fingerprint()
    client.force_login(people["joho"])
    response = client.post(
        f"/workflow/entries/{entry.pk}/edit/",
        {"version": 1, "text": "・実績\x00\n・次", f"kpi_{indicator.pk}": "80"},
    )
    assert response.status_code == 400
    assert "U+0000" in response.content.decode()
    client.force_login(people["gyosei"])
    for url, data in [
        (
            f"{program_url}/programs/12/grade/",
            {"fiscal_year": 2023, "grade": "A", "comment": "順調\x00"},
        ),
        (
            f"{program_url}/indicators/{indicator.pk}/review/",
            {
                f"i{indicator.pk}-version": 1,
                f"i{indicator.pk}-decision": "confirm",
                f"i{indicator.pk}-name": "率\x01",
            },
        ),
    ]:
        response = client.post(url, data)
        assert response.status_code in (200, 302), (url, response.status_code)
    assert fingerprint() == before


def _texts(data: bytes) -> str:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(
        str(cell.value) for ws in wb for row in ws.iter_rows() for cell in row
    )


def test_every_xlsx_writer_drops_control_characters(
    client, people, round_, seed_plan, tmp_path
):
    """Text stored before the cleaner existed (or by a path around it) still
    makes every workbook: the department's, the report (web and command line)
    and the public records.xlsx, without the characters XLSX cannot hold."""
    program = seed_plan.programs.get(number=12)
    Program.objects.filter(pk=program.pk).update(name="電子\x01決裁の推進")
    entry = entry_of(round_, 12)
    RoundEntry.objects.filter(pk=entry.pk).update(achievements=["下書き\x0bです"])
    edition = seed_plan.editions.get()
    snapshot = edition.snapshot
    snapshot["programs"][0]["name"] = "公開\x02済み"
    snapshot["editions"][0]["title"] += "\x1f"
    Edition.objects.filter(pk=edition.pk).update(snapshot=snapshot)
    client.force_login(people["gyosei"])
    department = program.assignment.lead
    workbook = client.get(
        reverse(
            "workflow:workbook", kwargs={"pk": round_.pk, "department": department.pk}
        )
    )
    assert workbook.status_code == 200
    text = _texts(workbook.content)
    assert "電子決裁の推進" in text and "下書きです" in text
    report = client.get(f"/reports/132110/{seed_plan.slug}/{edition.pk}.xlsx")
    assert report.status_code == 200 and "公開済み" in _texts(report.content)
    records = client.get(
        f"/132110/plans/{seed_plan.slug}/editions/1/download/records.xlsx"
    )
    assert records.status_code == 200 and "公開済み" in _texts(records.content)
    out = tmp_path / "report.xlsx"
    call_command("report", "--format", "xlsx", "-o", str(out))
    assert "公開済み" in _texts(out.read_bytes())
