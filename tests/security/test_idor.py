"""IDOR: changing an id in a URL (or an API call) reaches nothing the user may
not reach. tests/workflow/test_permissions.py holds the role matrix over each
endpoint with the objects of its own plan; these tests take the ids of objects
the user is *not* given — another department's entry and workbook, another
city's indicator and edition, an unpublished edition — and put them where the
user's own would go. Every attempt is refused (403, or 404 where the object
does not exist for the user) and leaves every table as it was."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from shinchoku.imports.services import import_file
from shinchoku.ops.synthetic import Generator
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Indicator, Plan
from shinchoku.workflow.models import Department, RoundEntry
from shinchoku.workflow.workbook import services as workbook_services
from tests.security.test_csrf import fingerprint
from tests.workflow.conftest import build_people, build_world, open_plan_round


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    """Kodaira's world (tests/workflow/conftest.py) and a second city's plan
    with an indicator of its own."""
    with django_db_blocker.unblock():
        plan = import_file(settings.SHINCHOKU_SEED_FILE).plan
        people = build_people(plan)
        world = build_world(people, plan, open_plan_round(people, plan))
        Generator(
            municipalities=1,
            programs=2,
            years=2,
            vocabulary_file=settings.SHINCHOKU_SEED_FILE,
        ).run()
        other = Plan.objects.exclude(pk=plan.pk).select_related("municipality").get()
        world["other_plan"] = other
        world["other_indicator"] = plan_services.indicator_upsert(
            actor=None, program=other.programs.first(), name="他市の指標", unit="%"
        )
    yield people, world
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def people(shared, db):
    return shared[0]


@pytest.fixture
def world(shared, db):
    return shared[1]


def as_user(people, name: str) -> Client:
    client = Client()
    client.force_login(people[name])
    return client


def refused(client, method: str, url: str, data=None, expected=(403, 404)) -> int:
    before = fingerprint()
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    assert response.status_code in expected, (url, response.status_code)
    assert fingerprint() == before, f"{url} changed data"
    return response.status_code


def test_a_department_editor_cannot_reach_another_department_s_entry(world, people):
    """joho leads ⑫ and ⑬; ① is led by 市民協働・男女参画推進課."""
    entry = RoundEntry.objects.get(round=world["open_round"], program__number=1)
    joho = as_user(people, "joho")
    assert (
        refused(joho, "get", reverse("workflow:entry", kwargs={"pk": entry.pk})) == 403
    )
    for name, data in (
        ("workflow:entry-edit", {"version": entry.version, "text": "・乗っ取り"}),
        ("workflow:entry-submit", {"version": entry.version}),
        ("workflow:entry-return", {"version": entry.version, "comment": "x"}),
        ("workflow:entry-approve", {"version": entry.version}),
        ("workflow:opinion-add", {"text": "x"}),
    ):
        assert (
            refused(joho, "post", reverse(name, kwargs={"pk": entry.pk}), data) == 403
        )


def test_a_department_editor_cannot_take_another_department_s_workbook(world, people):
    joho = as_user(people, "joho")
    round_ = world["open_round"]
    mine = Department.objects.get(name="情報政策課")
    theirs = Department.objects.get(name="市民協働・男女参画推進課")
    kwargs = {"pk": round_.pk, "department": theirs.pk}
    assert refused(joho, "get", reverse("workflow:workbook", kwargs=kwargs)) == 403
    own = workbook_services.workbook_export(
        actor=people["joho"], round_=round_, department=mine
    )
    upload = reverse("workflow:workbook-upload", kwargs=kwargs)
    assert refused(joho, "post", upload, {"workbook": io.BytesIO(own)}) == 403
    # A department id that is not of this municipality does not exist here.
    other_city = Department.objects.exclude(
        municipality=round_.plan.municipality
    ).first()
    kwargs = {"pk": round_.pk, "department": other_city.pk}
    office = as_user(people, "gyosei")
    assert refused(office, "get", reverse("workflow:workbook", kwargs=kwargs)) == 404


def test_indicators_are_reached_only_through_their_own_plan(world, people):
    plan, other = world["plan"], world["other_plan"]
    ours = Indicator.objects.filter(program__plan=plan).first()
    theirs = world["other_indicator"]
    review = {"version": 1, "decision": "reject", "name": "x"}
    actual = {"version": 1, "fiscal_year": 2024, "value": "1"}

    def urls(code, slug, pk):
        kwargs = {"code": code, "plan": slug, "pk": pk}
        return [
            (reverse("plans:indicator-review", kwargs=kwargs), review),
            (reverse("plans:indicator-actual", kwargs=kwargs), actual),
        ]

    # A department editor may not review indicators at all.
    for url, data in urls(plan.municipality.code, plan.slug, ours.pk):
        assert refused(as_user(people, "joho"), "post", url, data) == 403
    # Kodaira's admin office: another city's indicator under Kodaira's plan URL,
    # or under its own plan's URL, is not found or refused.
    office = as_user(people, "gyosei")
    for url, data in urls(plan.municipality.code, plan.slug, theirs.pk):
        assert refused(office, "post", url, data) == 404
    for url, data in urls(other.municipality.code, other.slug, theirs.pk):
        assert refused(office, "post", url, data) == 403
    # The other city's admin office and Kodaira's indicator, the same.
    outsider = as_user(people, "outsider")
    for url, data in urls(plan.municipality.code, plan.slug, ours.pk):
        assert refused(outsider, "post", url, data) == 403


def test_editions_of_another_plan_or_unpublished_ones_stay_out_of_reach(world, people):
    plan, other = world["plan"], world["other_plan"]
    draft, published = world["draft_edition"], world["published_edition"]
    theirs = other.editions.get()
    diff = reverse(
        "workflow:edition-diff",
        kwargs={"code": plan.municipality.code, "plan": plan.slug},
    )
    office = as_user(people, "gyosei")
    assert refused(office, "get", f"{diff}?old={published.pk}&new={theirs.pk}") == 404
    code, slug = plan.municipality.code, plan.slug
    report = f"/reports/{code}/{slug}/{draft.pk}.html"
    assert refused(Client(), "get", report) == 404
    assert refused(as_user(people, "outsider"), "get", report) == 404
    # another plan's edition id under this plan's URL
    assert refused(office, "get", f"/reports/{code}/{slug}/{theirs.pk}.html") == 404
    # Publishing someone else's edition.
    publish = reverse("workflow:edition-publish", kwargs={"pk": draft.pk})
    assert refused(as_user(people, "outsider"), "post", publish, {"published": "1"})
    assert refused(as_user(people, "joho"), "post", publish, {"published": "1"})


def test_the_api_serves_published_data_only_whoever_asks(world, people):
    """The API takes no entry, workbook or indicator id: what a signed-in
    editor could reach through it is an unpublished edition or a draft."""
    plan = world["plan"]
    base = f"/api/municipalities/{plan.municipality.code}/plans/{plan.slug}"
    entry = world["entry_draft"]  # drafted as 「下書き」 (build_world)
    assert entry.plan == ["下書き"]
    for name in ("joho", "gyosei", "admin"):
        client = as_user(people, name)
        numbers = [e["number"] for e in client.get(f"{base}/editions").json()]
        assert len(numbers) == 2  # the seed's and 令和5年度実績; not the draft
        for number in range(1, 6):
            response = client.get(f"{base}/editions/{number}")
            assert (number in numbers) == (response.status_code == 200), number
        assert client.get("/api/search?q=下書き").json()["count"] == 0
        program = client.get(f"{base}/editions/latest/programs/12").json()
        assert all("下書き" not in y["plan"] for y in program["years"])
