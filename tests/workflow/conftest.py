"""The update round's people and a round on Kodaira's plan, built through the
real services (the same ones the demo uses)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Municipality
from shinchoku.workflow.demo import ensure_demo_people
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Department, Role, RoundEntry, RoundKind
from shinchoku.workflow.opinions import services as opinion_services
from shinchoku.workflow.people import services as people_services
from shinchoku.workflow.rounds import services as round_services


@pytest.fixture(autouse=True)
def english_messages():
    """Services speak the active language; tests match the English msgids (the
    Japanese catalogue may translate them at any time)."""
    with translation.override("en"):
        yield


@pytest.fixture
def people(seed_plan):
    """Users by role: admin (system), gyosei (admin office), joho (leads ⑫),
    joho2 (same department), kyodo (another department, supports ⑫), iinkai
    (committee), outsider (admin office of another municipality)."""
    return build_people(seed_plan)


def build_people(seed_plan):
    ensure_demo_people()
    User = get_user_model()
    users = {u.username: u for u in User.objects.all()}
    other = Municipality.objects.create(code="131016", name="千代田区")
    office = people_services.department_create(
        actor=None, municipality=other, name="行政経営課", is_admin_office=True
    )
    users["outsider"] = User.objects.create_user("outsider", "o@example.jp", "pw")
    people_services.membership_set(
        actor=None,
        user=users["outsider"],
        role=Role.ADMIN_OFFICE,
        municipality=other,
        department=office,
    )
    program = seed_plan.programs.get(number=12)
    people_services.program_assign(
        actor=None,
        program=program,
        lead=program.assignment.lead,
        supporting=[Department.objects.get(name="市民協働・男女参画推進課")],
    )
    return users


def fresh(user):
    """The user as a new request would load it (no cached role)."""
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def plan_round(people, seed_plan):
    """An initial-plan round for 令和6年度, opened by the admin office."""
    return open_plan_round(people, seed_plan)


def open_plan_round(people, seed_plan):
    return round_services.round_open(
        actor=people["gyosei"],
        plan=seed_plan,
        kind=RoundKind.INITIAL_PLAN,
        fiscal_year=2024,
        deadline=dt.date(2030, 1, 31),
    )


@pytest.fixture
def achievements_round(people, seed_plan):
    """An achievements round for 令和5年度 (it carries KPI actuals)."""
    return round_services.round_open(
        actor=people["gyosei"],
        plan=seed_plan,
        kind=RoundKind.ACHIEVEMENTS,
        fiscal_year=2023,
        deadline=dt.date(2030, 1, 31),
    )


def entry_of(round_, number: int) -> RoundEntry:
    return RoundEntry.objects.select_related(
        "round__plan__municipality", "program__plan__municipality"
    ).get(round=round_, program__number=number)


ROLES = ["public", "admin", "gyosei", "joho", "kacho", "kyodo", "iinkai", "outsider"]


@pytest.fixture
def world(people, seed_plan, plan_round):
    """One object of every kind the rules distinguish (see test_permissions)."""
    return build_world(people, seed_plan, plan_round)


def build_world(people, seed_plan, plan_round):
    from shinchoku.workflow.permissions import RoundDepartment

    gyosei, joho, iinkai = people["gyosei"], people["joho"], people["iinkai"]
    draft = entry_of(plan_round, 12)
    entry_services.entry_save_draft(
        actor=joho, entry=draft, based_on_version=draft.version, plan=["下書き"]
    )
    submitted = entry_of(plan_round, 13)
    entry_services.entry_save_draft(
        actor=joho, entry=submitted, based_on_version=1, plan=["提出する文"]
    )
    entry_services.entry_submit(
        actor=joho, entry=entry_of(plan_round, 13), based_on_version=2
    )
    # ⑭ waits for the department head (課長承認 was on when joho submitted it).
    plan_services.plan_head_approval_set(actor=None, plan=seed_plan, enabled=True)
    entry_services.entry_save_draft(
        actor=joho, entry=entry_of(plan_round, 14), based_on_version=1, plan=["課長へ"]
    )
    entry_services.entry_submit(
        actor=joho, entry=entry_of(plan_round, 14), based_on_version=2
    )
    plan_services.plan_head_approval_set(actor=None, plan=seed_plan, enabled=False)
    seed_plan.refresh_from_db()
    closed_rounds = []
    for fy, title in ((2022, "令和4年度実績"), (2023, "令和5年度実績")):
        round_ = round_services.round_open(
            actor=gyosei,
            plan=seed_plan,
            kind=RoundKind.ACHIEVEMENTS,
            fiscal_year=fy,
            deadline=dt.date(2030, 1, 31),
        )
        round_services.round_close(actor=gyosei, round_=round_, title=title)
        round_.refresh_from_db()
        closed_rounds.append(round_)
    private_round, public_round = closed_rounds
    plan_services.edition_publish(
        actor=gyosei, edition=public_round.edition, published=True
    )
    opinions = {}
    for key, round_ in (("private", private_round), ("public", public_round)):
        opinions[key] = opinion_services.opinion_add(
            actor=iinkai, entry=entry_of(round_, 12), text=f"{key} opinion"
        )
    joho_dept = Department.objects.get(name="情報政策課")
    kyodo_dept = Department.objects.get(name="市民協働・男女参画推進課")
    return {
        "plan": seed_plan,
        "program": seed_plan.programs.select_related("plan").get(number=12),
        "published_edition": seed_plan.editions.get(title="令和6年度当初計画"),
        "draft_edition": private_round.edition,
        "open_round": plan_round,
        "closed_round": private_round,
        "entry_draft": entry_of(plan_round, 12),
        "entry_submitted": entry_of(plan_round, 13),
        "entry_awaiting_head": entry_of(plan_round, 14),
        "entry_closed": entry_of(private_round, 12),
        "opinion_private": opinions["private"],
        "opinion_public": opinions["public"],
        "share_own": RoundDepartment(plan_round, joho_dept),
        "share_other": RoundDepartment(plan_round, kyodo_dept),
        "share_closed": RoundDepartment(private_round, joho_dept),
        None: None,
    }


def user_for(people, role: str):
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser() if role == "public" else fresh(people[role])
