"""Objects → the API's response dicts. No queries here: the routers pass
objects that the selectors loaded (portal.selectors for published editions,
plans and workflow selectors for the live data of the write operations)."""

from __future__ import annotations

from django.urls import reverse

from shinchoku.common import wareki
from shinchoku.plans.models import (
    Edition,
    Indicator,
    Municipality,
    Plan,
    ProgramGrade,
)
from shinchoku.plans.selectors import indicator_to_dict
from shinchoku.portal.search import SearchHit
from shinchoku.portal.selectors import (
    EditionRef,
    ProgramView,
    PublicEdition,
    PublicPlan,
)
from shinchoku.workflow.entries.selectors import EntryReference
from shinchoku.workflow.models import Round, RoundEntry, person_name
from shinchoku.workflow.rounds.selectors import CloseCheck


def municipality(m: Municipality) -> dict:
    return {
        "code": m.code,
        "name": m.name,
        "url": reverse("portal:municipality", kwargs={"code": m.code}),
        "api_url": reverse("api:municipality", kwargs={"code": m.code}),
    }


def plan_summary(p: Plan) -> dict:
    kwargs = {"code": p.municipality.code, "slug": p.slug}
    return {
        "municipality_code": p.municipality.code,
        "slug": p.slug,
        "title": p.title,
        "first_fy": p.first_fy,
        "last_fy": p.last_fy,
        "url": reverse(
            "portal:plan", kwargs={"code": p.municipality.code, "plan": p.slug}
        ),
        "api_url": reverse("api:plan", kwargs=kwargs),
    }


def edition_summary(ref: EditionRef, *, latest: EditionRef | None) -> dict:
    e = ref.edition
    return {
        "number": ref.number,
        "title": e.title,
        "meeting": e.meeting,
        "material": e.material,
        "date": e.date,
        "date_wareki": wareki.date_label(e.date) if e.date else "",
        "fiscal_year": e.fiscal_year,
        "fiscal_year_wareki": wareki.fiscal_year_label(e.fiscal_year),
        "schedule_as_of": e.schedule_as_of,
        "is_latest": ref is latest,
        "kind": e.kind,
        "supersedes": ref.supersedes.number if ref.supersedes else None,
        "superseded_by": ref.superseded_by.number if ref.superseded_by else None,
        "diff_url": ref.diff_url,
        "url": ref.get_absolute_url(),
        "api_url": reverse(
            "api:edition",
            kwargs={
                "code": ref.plan.municipality.code,
                "slug": ref.plan.slug,
                "edition": str(ref.number),
            },
        ),
    }


def plan(pp: PublicPlan) -> dict:
    p = pp.plan
    return {
        **plan_summary(p),
        "municipality_name": p.municipality.name,
        "period_wareki": p.period_label,
        "editions": [edition_summary(r, latest=pp.latest) for r in pp.editions],
    }


def _program_api_url(pe: PublicEdition, number: int) -> str:
    return reverse(
        "api:program",
        kwargs={
            "code": pe.code,
            "slug": pe.plan.plan.slug,
            "edition": str(pe.number),
            "number": number,
        },
    )


def program_summary(pe: PublicEdition, v: ProgramView) -> dict:
    p = v.program
    return {
        "number": p.number,
        "number_label": v.number_label,
        "name": p.name,
        "direction": p.direction,
        "kind": p.kind,
        "ended_after_fy": p.ended_after_fy,
        "url": v.url,
        "api_url": _program_api_url(pe, p.number),
    }


def edition(pe: PublicEdition) -> dict:
    parsed = pe.head
    return {
        **edition_summary(pe.ref, latest=pe.plan.latest),
        "municipality_code": parsed.municipality_code,
        "municipality_name": parsed.municipality_name,
        "plan_slug": pe.plan.plan.slug,
        "plan_title": parsed.title,
        "sections": [
            {"kind": s.kind, "heading": s.heading, "lead": s.lead}
            for s in parsed.sections
        ],
        "directions": [
            {"number": n, "name": name} for n, name in sorted(parsed.directions.items())
        ],
        "programs": [program_summary(pe, v) for v in pe.outline_programs()],
    }


def program(pe: PublicEdition, v: ProgramView) -> dict:
    p = v.program
    return {
        **program_summary(pe, v),
        "kind_label": v.kind_label,
        "direction_name": v.direction_name,
        "ended_note": v.ended_note,
        "policy_points": list(p.policy_points),
        "action_items": [a.to_dict() for a in p.action_items],
        "schedule_raw": list(p.schedule_raw),
        "years": [
            {
                "fiscal_year": fy,
                "fiscal_year_wareki": wareki.fiscal_year_label(fy),
                "achievements": list(y.achievements or []),
                "plan": list(y.plan or []),
            }
            for fy, y in v.years
        ],
        "indicators": v.kpis,
    }


def indicators(pe: PublicEdition) -> list[dict]:
    return [
        {"program_number": v.number, "program_name": v.name, "indicator": kpi}
        for v in pe.programs()
        for kpi in v.kpis
    ]


def search_hit(hit: SearchHit) -> dict:
    e = hit.entry
    return {
        "municipality_code": e.plan.municipality.code,
        "municipality_name": e.plan.municipality.name,
        "plan_slug": e.plan.slug,
        "plan_title": e.plan.title,
        "edition_number": e.edition_number,
        "edition_title": e.edition.title,
        "program_number": e.program_number,
        "program_name": e.program_name,
        "score": hit.score,
        "url": hit.url,
        "matches": [
            {
                "field": m["field"],
                "fiscal_year": m["fy"],
                "position": m["position"],
                "text": m["text"],
            }
            for m in hit.parts
        ],
    }


# ------------------------------------------------------------ live data (writes)


def _entry_program(e: RoundEntry) -> dict:
    return {
        "number": e.program.number,
        "number_label": e.program.number_label,
        "name": e.program.name,
    }


def entry(e: RoundEntry, reference: EntryReference) -> dict:
    """A round entry as its readers see it on the web page (no query: pass the
    entry from workflow.entries.selectors and its entry_reference)."""
    round_ = e.round
    fy = str(round_.fiscal_year)
    return {
        "id": e.pk,
        "municipality_code": round_.plan.municipality.code,
        "plan_slug": round_.plan.slug,
        "round": {
            "id": round_.pk,
            "title": round_.title,
            "kind": round_.kind,
            "fiscal_year": round_.fiscal_year,
            "deadline": round_.deadline,
            "status": round_.status,
            "editable_fields": list(round_.editable_fields),
        },
        "program": _entry_program(e),
        "state": e.state,
        "state_label": str(e.get_state_display()),
        "version": e.version,
        "achievements": list(e.achievements),
        "plan": list(e.plan),
        "kpi_actuals": dict(e.kpi_actuals),
        "return_comment": e.return_comment,
        "updated_at": e.updated_at,
        "updated_by": person_name(e.updated_by) if e.updated_by else None,
        "saved_at": e.saved_at,
        "submitted_at": e.submitted_at,
        "approved_at": e.approved_at,
        "live": {
            "version": reference.live_version,
            "achievements": reference.live_achievements,
            "plan": reference.live_plan,
        },
        "indicators": [
            {
                "id": i.pk,
                "name": i.name,
                "unit": i.unit,
                "live_actual": i.actuals.get(fy),
                "draft_actual": e.kpi_actuals.get(str(i.pk)),
            }
            for i in reference.indicators
        ]
        if round_.asks_kpi_actuals
        else [],
    }


def live_indicator(i: Indicator) -> dict:
    """A live indicator in the interchange shape, with what a write needs."""
    plan = i.program.plan
    return {
        "id": i.pk,
        "version": i.version,
        "municipality_code": plan.municipality.code,
        "plan_slug": plan.slug,
        "program_number": i.program.number,
        **indicator_to_dict(i),
    }


def grade(g: ProgramGrade) -> dict:
    plan = g.program.plan
    labels = {s.get("code"): s.get("label", "") for s in plan.grade_scale}
    return {
        "municipality_code": plan.municipality.code,
        "plan_slug": plan.slug,
        "program_number": g.program.number,
        "fiscal_year": g.fiscal_year,
        "grade": g.grade,
        "label": labels.get(g.grade, ""),
        "comment": g.comment,
    }


def _lead_name(e: RoundEntry) -> str | None:
    assignment = getattr(e.program, "assignment", None)
    lead = assignment.lead if assignment else None
    return lead.name if lead else None


def round_entry_line(e: RoundEntry) -> dict:
    """An entry as the close form lists it: its program, state and lead
    department (pass entries with program__assignment__lead loaded)."""
    return {
        "id": e.pk,
        "program": _entry_program(e),
        "state": e.state,
        "state_label": str(e.get_state_display()),
        "department": _lead_name(e),
    }


def round_edition(edition: Edition | None) -> dict | None:
    """The edition a round closed into, by the id the publish operation takes."""
    if edition is None:
        return None
    return {
        "id": edition.pk,
        "title": edition.title,
        "kind": edition.kind,
        "fiscal_year": edition.fiscal_year,
        "meeting": edition.meeting,
        "material": edition.material,
        "date": edition.date,
        "schedule_as_of": edition.schedule_as_of,
        "published": edition.published,
        "supersedes_id": edition.supersedes_id,
    }


def round_state(round_: Round, check: CloseCheck) -> dict:
    """A round, its edition and what closing it meets (check: the selector's
    round_close_check of it)."""
    return {
        "id": round_.pk,
        "municipality_code": round_.plan.municipality.code,
        "plan_slug": round_.plan.slug,
        "title": round_.title,
        "kind": round_.kind,
        "fiscal_year": round_.fiscal_year,
        "deadline": round_.deadline,
        "status": round_.status,
        "closed_at": round_.closed_at,
        "edition": round_edition(round_.edition),
        "pending": [round_entry_line(e) for e in check.pending_entries],
        "not_started": [
            round_entry_line(e) for row in check.not_started for e in row.entries
        ],
    }
