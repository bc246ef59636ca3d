"""A plan with hostile text in every field a person can write, entered the way
people enter it (the interchange importer, then the round's services), and
published: what the XSS tests fetch every page type of."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from shinchoku.document import interchange
from shinchoku.imports.formats import seed_table
from shinchoku.imports.services import plan_import
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Plan
from shinchoku.workflow.demo import ensure_demo_people
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Department, RoundEntry, RoundKind
from shinchoku.workflow.opinions import services as opinion_services
from shinchoku.workflow.people import services as people_services
from shinchoku.workflow.rounds import services as round_services
from tests.perf.pages import World

PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"
SHORT = "<i onmouseover=alert(1)>"  # for fields of 50 characters
# A spreadsheet program turns a cell that starts with "=" into a formula.
FORMULA = '=HYPERLINK("https://evil.example/","x")'


def hostile(text: str) -> str:
    return f"{PAYLOAD}{text}"


def hostile_document() -> dict:
    """Kodaira's plan as interchange JSON, hostile text in every free-text
    field, with the document frozen as its edition's snapshot."""
    parsed = seed_table.parse(
        Path(settings.SHINCHOKU_SEED_FILE).read_bytes(), source="seed"
    )
    doc = interchange.dump(parsed)
    doc["municipality"]["name"] = hostile("小平市")
    doc["plan"]["title"] = hostile(doc["plan"]["title"])
    for section in doc["sections"]:
        section["heading"] = hostile(section["heading"])
        section["lead"] = hostile(section["lead"])
    for edition in doc["editions"]:
        edition.update(
            title=hostile(edition["title"]),
            meeting=hostile(edition["meeting"]),
            material=SHORT,
        )
    for direction in doc["directions"]:
        direction["name"] = hostile(direction["name"])
    for program in doc["programs"]:
        program["name"] = hostile(program["name"])
        program["policy_points"] = [hostile(t) for t in program["policy_points"]]
        program["schedule_raw"] = [hostile(t) for t in program["schedule_raw"]]
        for item in program["action_items"]:
            item["text"] = hostile(item["text"])
            item["schedule"] = {fy: hostile(c) for fy, c in item["schedule"].items()}
        for year in program["years"].values():
            for key in ("achievements", "plan"):
                if key in year:
                    year[key] = [hostile(t) for t in year[key]]
        for kpi in program.get("kpis") or []:
            kpi["name"] = hostile(kpi["name"])[:100]
            kpi["source_text"] = hostile(kpi.get("source_text") or "")
    doc["programs"][0]["name"] = FORMULA
    frozen = copy.deepcopy(doc)
    doc["editions"][0]["snapshot"] = frozen
    return doc


def build() -> World:
    """Import the hostile plan, give it the round's people (one of them with a
    hostile name), and write hostile text through every service that takes
    text: drafts, a return comment, opinions and responses, an indicator, a
    grade, a department, a round closed into an edition and published."""
    doc = hostile_document()
    plan = plan_import(
        parsed=interchange.load(doc, source="hostile.json"), source="hostile.json"
    ).plan
    plan = Plan.objects.select_related("municipality").get(pk=plan.pk)
    ensure_demo_people(plan.municipality.code)
    User = get_user_model()
    users = {u.username: u for u in User.objects.all()}
    gyosei, joho, iinkai = users["gyosei"], users["joho"], users["iinkai"]
    joho.last_name = hostile("情報")
    joho.save()
    department = Department.objects.get(name="情報政策課")
    people_services.department_create(
        actor=None, municipality=plan.municipality, name=hostile("課")
    )
    program = plan.programs.get(number=12)
    plan_services.indicator_upsert(
        actor=gyosei,
        program=program,
        name=hostile("指標")[:100],
        unit="%",
        targets={2024: 90},
        actuals={2022: 70},
    )
    plan_services.program_grade_set(
        program=program, actor=gyosei, fiscal_year=2023, grade="A", comment=PAYLOAD
    )
    closed = round_services.round_open(
        actor=gyosei,
        plan=plan,
        kind=RoundKind.ACHIEVEMENTS,
        fiscal_year=2023,
        deadline=dt.date(2030, 1, 31),
    )
    entry = RoundEntry.objects.get(round=closed, program=program)
    entry_services.entry_save_draft(
        actor=joho, entry=entry, based_on_version=1, achievements=[hostile("実績")]
    )
    entry_services.entry_submit(actor=joho, entry=entry, based_on_version=2)
    entry_services.entry_approve(actor=gyosei, entry=entry, based_on_version=3)
    opinion = opinion_services.opinion_add(actor=iinkai, entry=entry, text=PAYLOAD)
    opinion_services.opinion_respond(actor=gyosei, opinion=opinion, response=PAYLOAD)
    edition = round_services.round_close(
        actor=gyosei, round_=closed, title=hostile("令和5年度実績")
    )
    plan_services.edition_publish(actor=gyosei, edition=edition, published=True)
    round_ = round_services.round_open(
        actor=gyosei,
        plan=plan,
        kind=RoundKind.INITIAL_PLAN,
        fiscal_year=2024,
        deadline=dt.date(2030, 1, 31),
    )
    entry = RoundEntry.objects.get(round=round_, program=program)
    entry_services.entry_save_draft(
        actor=joho, entry=entry, based_on_version=1, plan=[hostile("当初予定")]
    )
    entry_services.entry_submit(actor=joho, entry=entry, based_on_version=2)
    entry_services.entry_return(
        actor=gyosei, entry=entry, comment=PAYLOAD, based_on_version=3
    )
    opinion_services.opinion_add(actor=iinkai, entry=entry, text=PAYLOAD)
    User.objects.filter(username="admin").update(first_name=PAYLOAD)
    return World(
        plan=plan,
        programs=plan.programs.count(),
        users={
            "public": None,
            "office": gyosei,
            "editor": joho,
            "committee": iinkai,
            "admin": users["admin"],
        },
        round_id=round_.pk,
        entry_id=entry.pk,
        department_id=department.pk,
        edition_ids=list(plan.editions.order_by("pk").values_list("pk", flat=True)),
        number=12,
        word="alert",
    )
