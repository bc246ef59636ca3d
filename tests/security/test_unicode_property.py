"""Arbitrary Unicode at every input, then every output (issue #16): a
hypothesis property. Each example's texts — controls, NUL, lone surrogates,
right-to-left and other format marks, combining marks, full-width forms,
markup, formulas, Japanese — go through the web forms, the API, the JSON
import, the committee table (seed) reader, the round's workbook, and straight
into the database as text stored before the cleaner existed would be; then
staff and public pages, the report (HTML, XLSX, PDF), the CSV, JSON and XLSX
downloads, the staff KPI CSV, the department's workbook and the API are
fetched. Every input answers with a refusal or takes the text; no output
answers 500, and every refusal is a message, not a crash.

Bounded (PROPERTY_EXAMPLES, default 4; deadline off) so that it costs well
under a minute a database; PROPERTY_EXAMPLES=200 searches longer."""

from __future__ import annotations

import copy
import io
import json
import os
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from shinchoku.common.services import ServiceError
from shinchoku.common.text import drop_controls
from shinchoku.document import interchange
from shinchoku.document.errors import ImportFormatError
from shinchoku.imports.formats import interchange_json, seed_table
from shinchoku.imports.services import plan_import
from shinchoku.plans import selectors as plan_selectors
from shinchoku.plans.models import Edition, Program
from shinchoku.workflow.models import Department
from shinchoku.workflow.workbook import services as workbook_services
from tests.workflow import workbooks as wbk
from tests.workflow.conftest import entry_of

PROPERTY = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "4")),
    deadline=None,
    derandomize=True,  # the same examples on every run and database
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SPECIAL = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f",
    "\ud800", "\udfff", "\ufffe", "\uffff", "\ufeff", "\u200b", "\u200d",
    "\u200e", "\u200f", "\u202e", "\u2066", "\u2028", "\u0301", "\u3099",
    "\uff21", "\uff10", "ｇｙｏｓｅｉ", "\u3000", "\t", "\r\n", "・", "①",
    "<b>", "</div>", "&amp;", "&#1;", "=", "+cmd|' /C calc'!A0", "@", "-",
    "電子決裁", "𠮷", "👩‍👩‍👧",
]  # fmt: skip
TEXT = st.lists(
    st.one_of(st.sampled_from(SPECIAL), st.characters(exclude_categories=())),
    min_size=1,
    max_size=12,
).map("".join)
OK = {200, 302, 400, 403, 409, 413, 422}


def _form(client, url: str, data: dict[str, str]):
    """A form POST as a browser sends it: the text as UTF-8 (a lone surrogate
    as the bytes a broken client would send)."""
    body = urlencode({k: v.encode("utf-8", "surrogatepass") for k, v in data.items()})
    return client.post(url, body, content_type="application/x-www-form-urlencoded")


def _api(client, method: str, url: str, body: dict, headers):
    return getattr(client, method)(
        url, json.dumps(body), content_type="application/json", headers=headers
    )


def _storable(text: str) -> str:
    """What a database column holds at all (no NUL for PostgreSQL, no lone
    surrogate for UTF-8): text stored before the cleaner existed."""
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def feed_forms(w, text: str) -> list[int]:
    client = Client()
    entry = entry_of(w["round"], 12)
    program = f"/staff/132110/plans/{w['plan'].slug}"
    client.force_login(w["people"]["joho"])
    statuses = [
        _form(
            client,
            reverse("workflow:entry-edit", kwargs={"pk": entry.pk}),
            {
                "version": str(entry.version),
                "text": text,
                f"kpi_{w['indicator'].pk}": text,
                f"kpi_seen_{w['indicator'].pk}": text,
            },
        ).status_code
    ]
    client.force_login(w["people"]["gyosei"])
    for url, data in [
        (
            f"{program}/programs/12/grade/",
            {"fiscal_year": "2023", "grade": "A", "comment": text},
        ),
        (f"{program}/programs/12/grade/", {"fiscal_year": text, "grade": text}),
        (f"/search/?{urlencode({'q': text.encode('utf-8', 'surrogatepass')})}", None),
    ]:
        response = _form(client, url, data) if data else client.get(url)
        statuses.append(response.status_code)
    return statuses


def feed_api(w, text: str) -> list[int]:
    client = Client()
    entry = entry_of(w["round"], 12)
    grades = (
        f"/api/municipalities/132110/plans/{w['plan'].slug}/programs/12/grades/2023"
    )
    calls = [
        (
            "patch",
            f"/api/entries/{entry.pk}/draft",
            {"based_on_version": entry.version, "achievements": [text]},
            w["bearer"]("joho"),
        ),
        ("put", grades, {"grade": "A", "comment": text}, w["bearer"]("gyosei")),
        ("put", grades, {"grade": text}, w["bearer"]("gyosei")),
    ]
    statuses = [_api(client, *call).status_code for call in calls]
    search = client.get("/api/search", {"q": _storable(text)})
    return [*statuses, search.status_code]


def feed_json_import(w, text: str) -> None:
    """The seed plan's document with the text in a program's name, bullets and
    the edition's frozen snapshot: imported, or refused with ImportFormatError."""
    doc = copy.deepcopy(w["doc"])
    program = doc["programs"][6]  # ⑫
    program["name"] = f"文書の電子化{text}"
    program["policy_points"] = [text, *program["policy_points"]]
    doc["editions"][0]["snapshot"] = copy.deepcopy(doc)
    data = json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
    try:
        parsed = interchange_json.parse(data, source="p.json")
    except ImportFormatError:
        return
    # A published edition is frozen (a file may not change it): the text goes
    # into its snapshot while it is withdrawn, and out to the public again.
    editions = Edition.objects.filter(plan=w["plan"])
    editions.update(published=False)
    try:
        plan_import(parsed=parsed, source="p.json", user=w["people"]["gyosei"])
    finally:
        editions.update(published=True)


def feed_seed_table(w, text: str) -> None:
    """The committee table with the text in a program's name cell: read, or
    refused naming its line."""
    table = w["seed_text"].replace("文書の電子化・ペーパーレス化", text, 1)
    try:
        seed_table.parse(table.encode("utf-8", "surrogatepass"), source="s.txt")
    except ImportFormatError:
        pass


def feed_workbook(w, text: str) -> None:
    people, round_ = w["people"], w["round"]
    department = Department.objects.get(name="情報政策課")
    data = workbook_services.workbook_export(
        actor=people["joho"], round_=round_, department=department
    )
    try:
        filled = wbk.transform(data, wbk.fill("方向性3", "⑫", text))
    except (IllegalCharacterError, UnicodeEncodeError):
        # openpyxl writes no such character: what a file can hold of it.
        filled = wbk.transform(data, wbk.fill("方向性3", "⑫", drop_controls(text)))
    try:
        workbook_services.workbook_import(
            actor=people["joho"], round_=round_, department=department, data=filled
        )
    except ServiceError:
        pass  # refused with its problems, by sheet and cell


def feed_database(w, text: str) -> None:
    Program.objects.filter(plan=w["plan"], number=13).update(
        name=f"旧データ{_storable(text)}"
    )


def outputs(w) -> list[tuple[str, str]]:
    slug, entry = w["plan"].slug, entry_of(w["round"], 12)
    edition = w["plan"].editions.get()
    public = f"/132110/plans/{slug}"
    urls = [
        ("public", f"{public}/"),
        ("public", f"{public}/editions/1/"),
        ("public", f"{public}/editions/1/programs/12/"),
        (
            "public",
            f"/api/municipalities/132110/plans/{slug}/editions/latest/programs/12",
        ),
        (
            "public",
            f"/api/municipalities/132110/plans/{slug}/editions/latest/indicators",
        ),
        ("gyosei", f"/staff/132110/plans/{slug}/programs/12/"),
        ("gyosei", f"/staff/132110/plans/{slug}/programs/13/"),
        ("gyosei", f"/staff/132110/plans/{slug}/indicators.csv"),
        ("gyosei", reverse("workflow:entry", kwargs={"pk": entry.pk})),
        ("gyosei", reverse("workflow:round", kwargs={"pk": w["round"].pk})),
        ("gyosei", f"/api/entries/{entry.pk}"),
        (
            "gyosei",
            reverse(
                "workflow:workbook",
                kwargs={
                    "pk": w["round"].pk,
                    "department": Department.objects.get(name="情報政策課").pk,
                },
            ),
        ),
    ]
    for name in ("records.csv", "records-sjis.csv", "records.xlsx", "plan.json"):
        urls.append(("public", f"{public}/editions/1/download/{name}"))
    for fmt in ("html", "xlsx", "pdf"):
        urls.append(("gyosei", f"/reports/132110/{slug}/{edition.pk}.{fmt}"))
    return urls


def render_everything(w) -> None:
    clients = {"public": Client(), "gyosei": Client()}
    clients["gyosei"].force_login(w["people"]["gyosei"])
    for role, url in outputs(w):
        response = clients[role].get(url, headers={"Authorization": ""})
        if role == "gyosei" and url.startswith("/api/"):
            response = clients[role].get(url, headers=w["bearer"]("gyosei"))
        assert response.status_code == 200, (url, response.status_code)
        if "spreadsheetml" in response["Content-Type"]:
            load_workbook(io.BytesIO(response.content))  # a workbook that opens


@pytest.fixture
def world(people, round_, indicator, bearer, seed_plan, seed_text):
    return {
        "people": people,
        "round": round_,
        "indicator": indicator,
        "bearer": bearer,
        "plan": seed_plan,
        "seed_text": seed_text,
        "doc": interchange.dump(plan_selectors.plan_to_parsed(seed_plan)),
    }


@PROPERTY
@given(texts=st.lists(TEXT, min_size=6, max_size=6))
def test_any_text_at_any_input_never_breaks_an_output(world, texts):
    forms, api, json_import, table, workbook, stored = texts
    statuses = feed_forms(world, forms) + feed_api(world, api)
    assert set(statuses) <= OK, statuses
    feed_json_import(world, json_import)
    feed_seed_table(world, table)
    feed_workbook(world, workbook)
    feed_database(world, stored)
    render_everything(world)
