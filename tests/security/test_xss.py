"""Stored XSS: hostile text (``<script>alert(1)</script>"'><img src=x
onerror=alert(1)>``) in every field a person can write — plan, sections,
方向性, programs and their bullets, schedule cells, records, indicators, edition
titles, departments, people's names, drafts, return comments, committee
opinions and responses, grades — then every page type fetched: public pages,
search, staff and workflow pages, the admin site, the committee report (HTML,
XLSX, PDF), open-data downloads and the JSON API. HTML never carries it as
markup (parsed: no script with it, no event-handler attribute, no injected
img); the other formats carry it as plain text, and no spreadsheet cell
becomes a formula."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from shinchoku.plans.models import Edition, Program
from shinchoku.workflow.models import Department, Opinion, RoundEntry
from tests.perf.pages import PAGES
from tests.security import world as hostile_world
from tests.security.world import FORMULA, PAYLOAD

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


class _Markup(HTMLParser):
    """What a browser would run: script bodies and every tag's attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.injected: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._in_script = True
        for name, value in attrs:
            if name.startswith("on"):
                self.injected.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.injected.append("<img src=x>")
        if tag == "i" and "onmouseover" in dict(attrs):
            self.injected.append("<i onmouseover>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(1)" in data:
            self.injected.append(f"<script>{data}</script>")


def injected_markup(html: str) -> list[str]:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.injected


@pytest.fixture(scope="module")
def hostile(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        built = hostile_world.build()
    yield built
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


def _client(world, role: str) -> Client:
    client = Client()
    if world.users.get(role) is not None:
        client.force_login(world.users[role])
    return client


def _extra_urls(w) -> list[tuple[str, str]]:
    """(role, url) of the pages PAGES does not list."""
    plan = {"code": w.code, "plan": w.slug}
    entry = RoundEntry.objects.get(pk=w.entry_id)
    closed_entry = (
        RoundEntry.objects.filter(round__plan=w.plan, round__status="closed")
        .order_by("pk")
        .first()
    )
    urls = [
        ("public", f"/search/?q={PAYLOAD}"),
        ("public", f"/api/search?q={PAYLOAD}"),
        ("public", "/api/docs/"),
        ("public", "/open-data/"),
        ("office", reverse("workflow:round-close", kwargs={"pk": w.round_id})),
        (
            "office",
            reverse(
                "workflow:workbook-upload",
                kwargs={"pk": w.round_id, "department": w.department_id},
            ),
        ),
        (
            "office",  # the department leading program 1, named as a formula
            reverse(
                "workflow:workbook",
                kwargs={
                    "pk": w.round_id,
                    "department": Department.objects.get(
                        name="市民協働・男女参画推進課"
                    ).pk,
                },
            ),
        ),
        ("office", reverse("workflow:entry", kwargs={"pk": entry.pk})),
        ("office", reverse("workflow:entry", kwargs={"pk": closed_entry.pk})),
        ("committee", reverse("workflow:entry", kwargs={"pk": entry.pk})),
        ("office", reverse("workflow:round", kwargs={"pk": closed_entry.round_id})),
        ("office", reverse("workflow:program-history", kwargs=plan | {"number": 1})),
        ("office", f"/staff/{w.code}/plans/{w.slug}/programs/1/"),
        ("admin", "/admin/plans/program/"),
        ("admin", f"/admin/plans/program/{w.plan.programs.get(number=12).pk}/change/"),
        ("admin", f"/admin/plans/edition/{w.edition_ids[-1]}/change/"),
        ("admin", "/admin/workflow/roundentry/"),
        ("admin", f"/admin/workflow/roundentry/{entry.pk}/change/"),
        ("admin", "/admin/workflow/opinion/"),
        ("admin", "/admin/workflow/department/"),
        ("admin", "/admin/auth/user/"),
    ]
    for number, edition in enumerate(w.edition_ids, start=1):
        for name in (
            "records.csv",
            "records-utf8.csv",
            "records-sjis.csv",
            "records.xlsx",
            "plan.json",
        ):
            urls.append(
                (
                    "public",
                    f"/{w.code}/plans/{w.slug}/editions/{number}/download/{name}",
                )
            )
        for fmt in ("html", "xlsx", "pdf"):
            urls.append(("office", f"/reports/{w.code}/{w.slug}/{edition}.{fmt}"))
        urls.append(("public", f"/{w.code}/plans/{w.slug}/editions/{number}/"))
        urls.append(
            ("public", f"/{w.code}/plans/{w.slug}/editions/{number}/programs/12/")
        )
    return urls


def _text_of(response) -> str:
    """What a response says, as text, whatever its format."""
    kind = response["Content-Type"]
    body = response.content
    if "spreadsheetml" in kind:
        wb = load_workbook(io.BytesIO(body))
        formulas = [
            f"{ws.title}!{cell.coordinate}"
            for ws in wb.worksheets
            for row in ws.iter_rows()
            for cell in row
            if cell.data_type == "f"
        ]
        assert formulas == [], f"text became formulas: {formulas[:5]}"
        return "\n".join(
            str(cell.value)
            for ws in wb.worksheets
            for row in ws.iter_rows()
            for cell in row
            if cell.value is not None
        )
    if kind == "application/pdf":
        return "\n".join(
            page.extract_text() for page in PdfReader(io.BytesIO(body)).pages
        )
    if "Shift_JIS" in kind:
        return body.decode("cp932")
    return body.decode("utf-8")


@pytest.mark.django_db
def test_hostile_text_is_never_markup_on_any_page(hostile):
    w = hostile
    requests = [(page.role, page.url(w)) for page in PAGES] + _extra_urls(w)
    shown_escaped, shown_as_text = [], []
    for role, url in requests:
        response = _client(w, role).get(url)
        assert response.status_code == 200, (role, url, response.status_code)
        kind = response["Content-Type"]
        text = _text_of(response)
        if kind.startswith("text/html"):
            assert injected_markup(text) == [], (role, url, injected_markup(text))
            # Escaped text never holds a raw "<" of the payload.
            assert "<script>alert(1)" not in text, (role, url)
            assert "<img src=x" not in text, (role, url)
            if ESCAPED in text:
                shown_escaped.append(url)
        else:
            if kind.startswith("application/json"):
                json.loads(text)
            if "alert(1)" in text:
                shown_as_text.append(url)
    # The hostile text did reach the pages (else this test would prove nothing).
    for url in (
        f"/{w.code}/plans/{w.slug}/",
        f"/{w.code}/plans/{w.slug}/programs/{w.number}/",
        f"/search/?q={PAYLOAD}",
        reverse("workflow:entry", kwargs={"pk": w.entry_id}),
        f"/reports/{w.code}/{w.slug}/{w.edition_ids[-1]}.html",
        "/admin/plans/program/",
    ):
        assert url in shown_escaped, url
    assert len(shown_escaped) >= 40
    kinds = {url.rsplit(".", 1)[-1] for url in shown_as_text}
    assert {"csv", "xlsx", "json", "pdf"} <= kinds, kinds
    assert any(u.startswith("/api/") for u in shown_as_text)


@pytest.mark.django_db
def test_the_hostile_world_holds_the_payload_everywhere(hostile):
    """The fields were written as given (nothing was cleaned away on input,
    which would make the page checks vacuous)."""
    assert Program.objects.filter(name__startswith=PAYLOAD).count() >= 20
    assert Program.objects.filter(name=FORMULA).exists()
    assert Opinion.objects.filter(text=PAYLOAD, response=PAYLOAD).exists()
    assert RoundEntry.objects.filter(return_comment=PAYLOAD).exists()
    assert (
        Edition.objects.filter(title__startswith=PAYLOAD, published=True).count() == 2
    )
