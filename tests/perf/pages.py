"""Every page type of the site over a synthetic plan of N programs, built through
the real generator and services: bench/queries.py prints their query counts at
1 and at 30 programs, tests/perf/test_query_counts.py holds them equal.

A world is one municipality (its own synthetic code, so several fit in one
database) with: its generated plan and published edition; an admin office, a
department leading every program and the people of each role; one indicator per
program; an achievements round open (one entry drafted); an initial-plan round
closed into a second edition, published, with a committee opinion on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shinchoku.ops import synthetic
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Plan
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Role, RoundEntry, RoundKind
from shinchoku.workflow.opinions import services as opinion_services
from shinchoku.workflow.people import services as people_services
from shinchoku.workflow.rounds import services as round_services

YEARS = 4


@dataclass
class _OneMunicipality(synthetic.Generator):
    index: int = 0

    def codes(self) -> list[str]:
        return [synthetic.municipality_code(self.index)]


@dataclass
class World:
    plan: Plan
    programs: int
    users: dict[str, object]
    round_id: int
    entry_id: int
    department_id: int
    edition_ids: list[int]  # oldest first
    number: int  # a program with an entry in both rounds
    word: str  # found in its name
    extra: dict = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.plan.municipality.code

    @property
    def slug(self) -> str:
        return self.plan.slug

    def plan_kwargs(self) -> dict:
        return {"code": self.code, "plan": self.slug}


def build(programs: int, *, index: int) -> World:
    """A world of `programs` programs for synthetic municipality `index`."""
    _OneMunicipality(
        municipalities=1,
        programs=programs,
        years=YEARS,
        seed=index,
        index=index,
        vocabulary_file=settings.SHINCHOKU_SEED_FILE,
    ).run()
    plan = Plan.objects.select_related("municipality").get(
        municipality__code=synthetic.municipality_code(index)
    )
    municipality = plan.municipality
    office = people_services.department_create(
        actor=None, municipality=municipality, name="行政経営課", is_admin_office=True
    )
    department = people_services.department_create(
        actor=None, municipality=municipality, name="情報政策課"
    )
    User = get_user_model()
    users: dict[str, object] = {"public": None}
    for role, name, dept in (
        (Role.ADMIN_OFFICE, "office", office),
        (Role.DEPARTMENT_EDITOR, "editor", department),
        (Role.COMMITTEE, "committee", None),
    ):
        user = User.objects.create_user(f"{name}-{index}", password="pw")
        people_services.membership_set(
            actor=None, user=user, role=role, municipality=municipality, department=dept
        )
        users[name] = user
    office_user = users["office"]
    people_services.programs_assign_leads(
        actor=office_user,
        plan=plan,
        leads={p.number: department for p in plan.programs.all()},
    )
    for program in plan.programs.all():
        plan_services.indicator_upsert(
            actor=office_user,
            program=program,
            name=f"指標{program.number}",
            unit="%",
            targets={plan.last_fy: 90},
            actuals={plan.last_fy - 2: 70},
        )
    closed = round_services.round_open(
        actor=office_user,
        plan=plan,
        kind=RoundKind.INITIAL_PLAN,
        fiscal_year=plan.last_fy,
        deadline=dt.date(2030, 1, 31),
    )
    edition = round_services.round_close(
        actor=office_user, round_=closed, title="改訂版"
    )
    plan_services.edition_publish(actor=office_user, edition=edition, published=True)
    # A program still running, so that every round has an entry for it.
    number = min(e.program.number for e in closed.entries.select_related("program"))
    opinion_services.opinion_add(
        actor=users["committee"],
        entry=RoundEntry.objects.get(round=closed, program__number=number),
        text="委員会の意見",
    )
    round_ = round_services.round_open(
        actor=office_user,
        plan=plan,
        kind=RoundKind.ACHIEVEMENTS,
        fiscal_year=plan.last_fy - 1,
        deadline=dt.date(2030, 1, 31),
    )
    entry = RoundEntry.objects.get(round=round_, program__number=number)
    entry_services.entry_save_draft(
        actor=users["editor"],
        entry=entry,
        based_on_version=entry.version,
        achievements=["下書きの実績"],
    )
    return World(
        plan=plan,
        programs=programs,
        users=users,
        round_id=round_.pk,
        entry_id=entry.pk,
        department_id=department.pk,
        edition_ids=list(plan.editions.order_by("pk").values_list("pk", flat=True)),
        number=number,
        word=plan.programs.get(number=number).name[:3],
    )


@dataclass(frozen=True)
class Page:
    name: str
    group: str  # public | api | staff
    role: str  # who asks: public, office, editor
    url: Callable[[World], str]

    @property
    def label(self) -> str:
        return f"{self.group}: {self.name}"

    @property
    def budget(self) -> int:
        return BUDGETS[self.label]


def _api(w: World, rest: str = "") -> str:
    return f"/api/municipalities/{w.code}/plans/{w.slug}{rest}"


def _staff(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs=w.plan_kwargs() | kwargs)


PAGES = [
    Page("home", "public", "public", lambda w: "/"),
    Page("municipality", "public", "public", lambda w: f"/{w.code}/"),
    Page("plan overview", "public", "public", lambda w: f"/{w.code}/plans/{w.slug}/"),
    Page(
        "program",
        "public",
        "public",
        lambda w: f"/{w.code}/plans/{w.slug}/programs/{w.number}/",
    ),
    Page(
        "edition",
        "public",
        "public",
        lambda w: f"/{w.code}/plans/{w.slug}/editions/1/",
    ),
    Page(
        "edition program",
        "public",
        "public",
        lambda w: f"/{w.code}/plans/{w.slug}/editions/1/programs/{w.number}/",
    ),
    Page("search", "public", "public", lambda w: f"/search/?q={quote(w.word)}"),
    Page(
        "open data records.csv",
        "public",
        "public",
        lambda w: f"/{w.code}/plans/{w.slug}/editions/2/download/records.csv",
    ),
    Page(
        "report (HTML)",
        "public",
        "public",
        lambda w: f"/reports/{w.code}/{w.slug}/{w.edition_ids[-1]}.html",
    ),
    Page("sitemap.xml", "public", "public", lambda w: "/sitemap.xml"),
    Page("municipalities", "api", "public", lambda w: "/api/municipalities"),
    Page("plans", "api", "public", lambda w: "/api/plans"),
    Page("municipality", "api", "public", lambda w: f"/api/municipalities/{w.code}"),
    Page("plan", "api", "public", lambda w: _api(w)),
    Page("editions", "api", "public", lambda w: _api(w, "/editions")),
    Page("edition", "api", "public", lambda w: _api(w, "/editions/latest")),
    Page("programs", "api", "public", lambda w: _api(w, "/editions/latest/programs")),
    Page(
        "program",
        "api",
        "public",
        lambda w: _api(w, f"/editions/latest/programs/{w.number}"),
    ),
    Page(
        "indicators",
        "api",
        "public",
        lambda w: _api(w, "/editions/latest/indicators"),
    ),
    Page("search", "api", "public", lambda w: f"/api/search?q={quote(w.word)}"),
    Page("staff home", "staff", "office", lambda w: "/staff/"),
    Page("plan", "staff", "office", lambda w: _staff(w, "plans:plan")),
    Page(
        "program",
        "staff",
        "office",
        lambda w: _staff(w, "plans:program", number=w.number),
    ),
    Page("indicators", "staff", "office", lambda w: _staff(w, "plans:indicators")),
    Page(
        "indicators.csv", "staff", "office", lambda w: _staff(w, "plans:indicators-csv")
    ),
    Page("tasks (office)", "staff", "office", lambda w: reverse("workflow:home")),
    Page("tasks (department)", "staff", "editor", lambda w: reverse("workflow:home")),
    Page("rounds", "staff", "office", lambda w: _staff(w, "workflow:rounds")),
    Page(
        "round dashboard",
        "staff",
        "office",
        lambda w: reverse("workflow:round", kwargs={"pk": w.round_id}),
    ),
    Page(
        "entry",
        "staff",
        "editor",
        lambda w: reverse("workflow:entry", kwargs={"pk": w.entry_id}),
    ),
    Page(
        "workbook download",
        "staff",
        "editor",
        lambda w: reverse(
            "workflow:workbook",
            kwargs={"pk": w.round_id, "department": w.department_id},
        ),
    ),
    Page(
        "review queue",
        "staff",
        "office",
        lambda w: reverse("workflow:review", kwargs={"pk": w.round_id}) + "?state=",
    ),
    Page(
        "status.xlsx",
        "staff",
        "office",
        lambda w: reverse("workflow:status-xlsx", kwargs={"pk": w.round_id}),
    ),
    Page("notifications", "staff", "editor", lambda w: reverse("notifications:list")),
    Page("editions", "staff", "office", lambda w: _staff(w, "workflow:editions")),
    Page(
        "edition diff",
        "staff",
        "office",
        lambda w: (
            _staff(w, "workflow:edition-diff")
            + f"?old={w.edition_ids[0]}&new={w.edition_ids[-1]}"
        ),
    ),
    Page(
        "program history",
        "staff",
        "office",
        lambda w: _staff(w, "workflow:program-history", number=w.number),
    ),
    Page(
        "program year edit",
        "staff",
        "office",
        lambda w: _staff(
            w, "workflow:program-year-edit", number=w.number, fy=w.plan.last_fy
        ),
    ),
    Page(
        "report (PDF)",
        "staff",
        "office",
        lambda w: f"/reports/{w.code}/{w.slug}/{w.edition_ids[0]}.pdf",
    ),
]

# Queries allowed per request, whatever the number of programs (signed in: 2 of
# them load the session and the user, and a staff page's header 1 more, the
# unread notifications' count; public and API: 1 of them reads the public
# pages' cache generation, portal.cache). Measured; raise one only with a reason.
BUDGETS = {
    "public: home": 4,
    "public: municipality": 4,
    "public: plan overview": 3,  # plan, editions (with the outline)
    "public: program": 5,  # + the committee's opinions
    "public: edition": 3,
    "public: edition program": 5,
    "public: search": 4,  # named, then text matches up to the cap; the page
    "public: open data records.csv": 4,
    "public: report (HTML)": 3,
    "public: sitemap.xml": 5,
    "api: municipalities": 3,
    "api: plans": 3,
    "api: municipality": 4,
    "api: plan": 3,
    "api: editions": 3,
    "api: edition": 3,
    "api: programs": 4,
    "api: program": 4,
    "api: indicators": 4,
    "api: search": 4,
    "staff: staff home": 6,  # + the person's role (the admin office's link)
    "staff: plan": 8,  # + the plan periods before and after
    "staff: program": 12,  # + the program in the next plan periods
    "staff: indicators": 8,
    "staff: indicators.csv": 5,
    "staff: tasks (office)": 8,
    "staff: tasks (department)": 10,
    "staff: rounds": 6,
    "staff: round dashboard": 7,
    "staff: entry": 10,
    "staff: workbook download": 9,
    "staff: review queue": 7,  # the round, its entries, the assignments' supporters
    "staff: status.xlsx": 6,
    "staff: notifications": 4,
    "staff: editions": 6,
    "staff: edition diff": 6,
    "staff: program history": 12,  # + the entries' steps (submit, return, approve)
    "staff: program year edit": 8,
    "staff: report (PDF)": 5,
}


def client_for(world: World, role: str) -> Client:
    client = Client()
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def count_queries(world: World, page: Page, client: Client | None = None) -> int:
    """The queries of one request that renders the page (after one unmeasured
    request, so one-off work such as a first ContentType lookup is not counted;
    the public pages' cache emptied first, so the page is rendered, not served
    from it)."""
    client = client or client_for(world, page.role)
    url = page.url(world)
    first = client.get(url)
    assert first.status_code == 200, (page.name, url, first.status_code)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (page.name, url, response.status_code)
    return len(captured)
