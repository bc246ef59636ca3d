"""A round in progress on Kodaira's plan, as the demo builds it, and every
staff and public page type of it: what the language and 和暦 tests walk."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.urls import reverse

from shinchoku.notifications.models import Notification
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Plan
from shinchoku.workflow.demo import ensure_demo_people, ensure_demo_round
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import RoundEntry, RoundKind
from shinchoku.workflow.opinions import services as opinion_services
from shinchoku.workflow.rounds import services as round_services

ROLES = ["gyosei", "joho", "kyodo", "iinkai", "anonymous"]


@dataclass
class Walk:
    plan: Plan
    users: dict
    urls: list[tuple[str, str]]  # (page type, URL)


def _entries_of(round_, username: str) -> list[RoundEntry]:
    from shinchoku.workflow.models import Membership

    department = Membership.objects.get(user__username=username).department
    return list(
        RoundEntry.objects.filter(
            round=round_, program__assignment__lead=department
        ).order_by("program__number")
    )


def build_walk(seed_plan: Plan) -> Walk:
    """An open 実績 round with an entry of each state; an initial-plan round
    closed into a second edition, published; opinions, grades and actuals."""
    ensure_demo_people()
    users = {u.username: u for u in get_user_model().objects.all()}
    gyosei, joho, iinkai = users["gyosei"], users["joho"], users["iinkai"]
    round_ = ensure_demo_round()
    draft, returned, approved, submitted, *_ = _entries_of(round_, "joho")
    entry_services.entry_save_draft(
        actor=joho, entry=draft, based_on_version=draft.version, achievements=["下書き"]
    )
    for entry in (returned, approved, submitted):
        entry_services.entry_save_draft(
            actor=joho,
            entry=entry,
            based_on_version=entry.version,
            achievements=["実施した"],
        )
        entry.refresh_from_db()
        entry_services.entry_submit(
            actor=joho, entry=entry, based_on_version=entry.version
        )
        entry.refresh_from_db()
    entry_services.entry_return(
        actor=gyosei,
        entry=returned,
        based_on_version=returned.version,
        comment="具体的に",
    )
    entry_services.entry_approve(
        actor=gyosei, entry=approved, based_on_version=approved.version
    )
    approved.refresh_from_db()
    opinion = opinion_services.opinion_add(
        actor=iinkai, entry=approved, text="成果を数値で示してください。"
    )
    opinion_services.opinion_respond(
        actor=gyosei, opinion=opinion, response="対応します。"
    )
    program = approved.program
    indicator = seed_plan.programs.get(number=12).indicators.first()
    plan_services.indicator_actual_set(
        actor=gyosei,
        indicator=indicator,
        fiscal_year=2023,
        value=80,
        based_on_version=indicator.version,
    )
    plan_services.program_grade_set(
        actor=gyosei, program=program, fiscal_year=2023, grade="A", comment="順調"
    )
    initial = round_services.round_open(
        actor=gyosei,
        plan=seed_plan,
        kind=RoundKind.INITIAL_PLAN,
        fiscal_year=2024,
        deadline=dt.date(2024, 3, 15),
    )
    edition = round_services.round_close(actor=gyosei, round_=initial, title="改訂版")
    plan_services.edition_publish(actor=gyosei, edition=edition, published=True)
    old = seed_plan.editions.order_by("pk").first()
    code, slug = seed_plan.municipality.code, seed_plan.slug
    kw = {"code": code, "plan": slug}
    number = program.number
    department = draft.program.assignment.lead_id
    # What the office told joho (returned, approved), oldest first.
    notice = Notification.objects.filter(recipient=joho).order_by("pk").first()
    urls = [
        ("portal home", "/"),
        ("municipality", f"/{code}/"),
        ("public plan", f"/{code}/plans/{slug}/"),
        ("public program", f"/{code}/plans/{slug}/programs/{number}/"),
        ("public indicators", f"/{code}/plans/{slug}/indicators/"),
        ("public edition", f"/{code}/plans/{slug}/editions/1/"),
        ("public search", "/search/?q=電子決裁"),
        ("open data", "/open-data/"),
        ("sign in", reverse("accounts:login")),
        ("two-factor", reverse("accounts:two-factor")),
        ("staff plans", reverse("plans:home")),
        ("staff plan", reverse("plans:plan", kwargs=kw)),
        ("staff program", reverse("plans:program", kwargs=kw | {"number": number})),
        ("staff program 12", reverse("plans:program", kwargs=kw | {"number": 12})),
        ("staff indicators", reverse("plans:indicators", kwargs=kw)),
        ("indicator paste", reverse("plans:indicators-paste", kwargs=kw)),
        ("tasks", reverse("workflow:home")),
        ("rounds", reverse("workflow:rounds", kwargs=kw)),
        ("round", reverse("workflow:round", kwargs={"pk": round_.pk})),
        ("closed round", reverse("workflow:round", kwargs={"pk": initial.pk})),
        ("round close", reverse("workflow:round-close", kwargs={"pk": round_.pk})),
        (
            "workbook upload",
            reverse(
                "workflow:workbook-upload",
                kwargs={"pk": round_.pk, "department": department},
            ),
        ),
        *[
            (f"entry ({entry.state})", reverse("workflow:entry", kwargs={"pk": e.pk}))
            for entry in (draft, returned, approved, submitted)
            for e in [entry]
        ],
        ("editions", reverse("workflow:editions", kwargs=kw)),
        (
            "edition diff",
            reverse("workflow:edition-diff", kwargs=kw)
            + f"?old={old.pk}&new={edition.pk}",
        ),
        (
            "program history",
            reverse("workflow:program-history", kwargs=kw | {"number": number}),
        ),
        (
            "program history 12",
            reverse("workflow:program-history", kwargs=kw | {"number": 12}),
        ),
        (
            "program year edit",
            reverse(
                "workflow:program-year-edit", kwargs=kw | {"number": number, "fy": 2023}
            ),
        ),
        (
            "review queue",
            reverse("workflow:review", kwargs={"pk": round_.pk}) + "?state=",
        ),
        ("notifications", reverse("notifications:list")),
        ("notification", reverse("notifications:detail", kwargs={"pk": notice.pk})),
        ("mail settings", reverse("notifications:settings")),
        ("review queue", reverse("workflow:review", kwargs={"pk": round_.pk})),
        ("notifications", reverse("notifications:list")),
        ("notification settings", reverse("notifications:settings")),
        ("office home", reverse("office:home", kwargs={"code": code})),
        ("office plan edit", reverse("office:plan-edit", kwargs=kw)),
        ("office next period", reverse("office:next-period", kwargs=kw)),
        ("office import", reverse("office:import", kwargs=kw)),
        (
            "office program edit",
            reverse("office:program-edit", kwargs=kw | {"number": number}),
        ),
        (
            "office indicator add",
            reverse("office:indicator-add", kwargs=kw | {"number": number}),
        ),
        ("not found", f"/{code}/plans/{slug}/programs/999/"),
    ]
    return Walk(plan=seed_plan, users=users, urls=urls)
