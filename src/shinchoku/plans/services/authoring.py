"""Writes of a plan's frame by the admin office, in the browser or through the
API: the plan itself (name, period, sections, 方向性, grade scale, progress
bands, evaluation method) and its programs (number, name, kind, policy
points, action items with their per-FY schedule, end). Indicators by hand go
through plans.services.indicators; lead departments through
workflow.people.services (the update round owns them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from shinchoku.common import wareki
from shinchoku.common.services import (
    ServiceError,
    StaleVersion,
    User,
    model_delete,
    model_save,
    model_update,
)
from shinchoku.common.text import ControlCharacterError
from shinchoku.common.text import clean_input as _clean_input
from shinchoku.common.values import clean_bullets
from shinchoku.plans.evaluation_methods import METHOD_CHOICES
from shinchoku.plans.models import Direction, Municipality, Plan, Program, ProgramKind
from shinchoku.workflow.permissions import Action, require

PLAN_EDITABLE = (
    "title",
    "slug",
    "first_fy",
    "last_fy",
    "sections",
    "grade_scale",
    "progress_thresholds",
    "evaluation_method",
)
PROGRAM_EDITABLE = (
    "number",
    "name",
    "kind",
    "direction",
    "ended_after_fy",
    "policy_points",
    "action_items",
)


def clean_input(text: str) -> str:
    """common.text.clean_input, its refusal a ServiceError (the API's 422)."""
    try:
        return _clean_input(text)
    except ControlCharacterError as exc:
        raise ServiceError(str(exc)) from None


def require_edit(actor: User | None, obj: object) -> None:
    if actor is not None:
        require(actor, Action.EDIT_PLAN, obj)


# ------------------------------------------------------------------ values


def _editable(data: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(data) - set(fields)
    if unknown:
        raise ServiceError(
            _("%(f)s cannot be edited here.") % {"f": ", ".join(sorted(unknown))}
        )
    return dict(data)


def clean_sections(sections: list[dict[str, str]]) -> list[dict[str, str]]:
    """The section rows in printed order, one per program kind, empty ones
    left out."""
    kinds = set(ProgramKind.values)
    result = []
    for section in sections:
        kind = section.get("kind", "")
        if kind not in kinds:
            raise ServiceError(_("Unknown program kind: %(kind)s") % {"kind": kind})
        heading = clean_input(section.get("heading", "")).strip()
        lead = clean_input(section.get("lead", "")).strip()
        if heading or lead:
            result.append({"kind": kind, "heading": heading, "lead": lead})
    return result


def clean_grade_scale(scale: list[dict[str, str]]) -> list[dict[str, str]]:
    """[{"code", "label"}], best first: codes given once, each with a label."""
    result, seen = [], set()
    for grade in scale:
        code = clean_input(grade.get("code", "")).strip()
        label = clean_input(grade.get("label", "")).strip()
        if not code:
            raise ServiceError(_("Every grade needs a code (S, A, B…)."))
        if len(code) > 10:
            raise ServiceError(
                _("The grade code %(code)s is longer than 10 characters.")
                % {"code": code}
            )
        if code in seen:
            raise ServiceError(_("The grade %(code)s is given twice.") % {"code": code})
        seen.add(code)
        result.append({"code": code, "label": label})
    if not result:
        raise ServiceError(_("The grade scale needs at least one grade."))
    return result


def clean_thresholds(thresholds: Mapping[str, float]) -> dict[str, float]:
    """順調 from on_track, やや遅れ from slightly_behind: 0 < behind ≤ on track ≤ 1."""
    try:
        on_track = float(thresholds["on_track"])
        behind = float(thresholds["slightly_behind"])
    except (KeyError, TypeError, ValueError):
        raise ServiceError(
            _("Give both progress bands (on track, slightly behind) as numbers.")
        ) from None
    if not 0 < behind <= on_track <= 1:
        raise ServiceError(
            _(
                "The progress bands must satisfy 0 < slightly behind ≤ on track ≤ 1 "
                "(e.g. 0.5 and 0.95)."
            )
        )
    return {"on_track": on_track, "slightly_behind": behind}


def _clean_plan_values(data: Mapping[str, Any]) -> dict[str, Any]:
    values = _editable(data, PLAN_EDITABLE)
    for key in ("first_fy", "last_fy"):
        if key in values:
            values[key] = _fiscal_year(values[key])
    if "title" in values:
        values["title"] = clean_input(values["title"]).strip()
    if "sections" in values:
        values["sections"] = clean_sections(values["sections"])
    if "grade_scale" in values:
        values["grade_scale"] = clean_grade_scale(values["grade_scale"])
    if "progress_thresholds" in values:
        values["progress_thresholds"] = clean_thresholds(values["progress_thresholds"])
    method = values.get("evaluation_method")
    if method is not None and method not in dict(METHOD_CHOICES):
        raise ServiceError(_("Unknown evaluation method: %(m)s") % {"m": method})
    return values


def _fiscal_year(fy: int) -> int:
    """A plan's fiscal year: one 和暦 can name (昭和 onwards) and not far off."""
    try:
        wareki.fiscal_year_label(fy)
        known = fy <= 2200
    except (wareki.WarekiError, TypeError):
        known = False
    if not known:
        raise ServiceError(_("A plan's fiscal years run from 昭和 (1926) to 2200."))
    return fy


def clean_action_items(
    items: list[dict[str, Any]], fiscal_years: range
) -> list[dict[str, Any]]:
    """[{"text", "schedule": {FY: cell}}]: empty items left out, schedule cells
    only for the plan's fiscal years."""
    result = []
    for item in items:
        text = clean_input(str(item.get("text", ""))).strip()
        schedule = {}
        for fy, cell in (item.get("schedule") or {}).items():
            cell = clean_input(str(cell or "")).strip()
            if not cell:
                continue
            if int(fy) not in fiscal_years:
                raise ServiceError(
                    _("The schedule of “%(item)s” names %(fy)s, outside the plan.")
                    % {"item": text, "fy": fy}
                )
            schedule[str(int(fy))] = cell
        if text:
            result.append({"text": text, "schedule": dict(sorted(schedule.items()))})
        elif schedule:
            raise ServiceError(_("An action item has a schedule but no text."))
    return result


# -------------------------------------------------------------------- plans


@transaction.atomic
def plan_create(
    *,
    actor: User | None,
    municipality: Municipality,
    title: str,
    slug: str,
    first_fy: int,
    last_fy: int,
    directions: list[str],
    sections: list[dict[str, str]] | None = None,
    grade_scale: list[dict[str, str]] | None = None,
    progress_thresholds: Mapping[str, float] | None = None,
    evaluation_method: str = "linear",
    via: str = "screen",
) -> Plan:
    """A new plan of the municipality with its 方向性 (numbered 1… in order)."""
    require_edit(actor, municipality)
    data: dict[str, Any] = {
        "title": title,
        "slug": slug,
        "first_fy": first_fy,
        "last_fy": last_fy,
        "sections": sections or [],
        "evaluation_method": evaluation_method,
    }
    if grade_scale is not None:
        data["grade_scale"] = grade_scale
    if progress_thresholds is not None:
        data["progress_thresholds"] = progress_thresholds
    plan = Plan(municipality=municipality, **_clean_plan_values(data))
    reason = f"{via}: plan {plan.title} created"
    model_save(plan, actor=actor, reason=reason)
    directions_set(actor=None, plan=plan, names=directions, reason=reason)
    return plan


@transaction.atomic
def plan_update(
    *,
    actor: User | None,
    plan: Plan,
    data: Mapping[str, Any],
    directions: list[str] | None = None,
    via: str = "screen",
) -> bool:
    """Change the fields of PLAN_EDITABLE in ``data`` (and, given, the 方向性).
    Returns whether anything changed."""
    require_edit(actor, plan)
    values = _clean_plan_values(data)
    plan = (
        Plan.objects.select_for_update().select_related("municipality").get(pk=plan.pk)
    )
    first = values.get("first_fy", plan.first_fy)
    last = values.get("last_fy", plan.last_fy)
    outside = plan.programs.filter(ended_after_fy__isnull=False).exclude(
        ended_after_fy__range=(first, last)
    )
    if outside.exists():
        raise ServiceError(
            _("%(program)s ends outside the new period: change it first.")
            % {"program": outside.first()}
        )
    reason = f"{via}: plan {plan.title}"
    changed = model_update(plan, data=values, actor=actor, reason=reason)
    if directions is not None:
        changed |= directions_set(
            actor=None, plan=plan, names=directions, reason=reason
        )
    return changed


@transaction.atomic
def directions_set(
    *, actor: User | None, plan: Plan, names: list[str], reason: str
) -> bool:
    """The plan's 方向性 numbered 1… in the order given: renamed, added, and
    removed when no program belongs to them. Returns whether any changed."""
    require_edit(actor, plan)
    names = clean_bullets([clean_input(n) for n in names])
    if not names:
        raise ServiceError(_("A plan needs at least one direction (方向性)."))
    existing = {d.number: d for d in plan.directions.select_for_update()}
    changed = False
    for number, name in enumerate(names, start=1):
        direction = existing.pop(number, None)
        if direction is None:
            model_save(
                Direction(plan=plan, number=number, name=name),
                actor=actor,
                reason=reason,
                exclude=["plan"],
            )
            changed = True
        else:
            changed |= model_update(
                direction,
                data={"name": name},
                actor=actor,
                reason=reason,
                exclude=["plan"],
            )
    for number, direction in sorted(existing.items()):
        if direction.programs.exists():
            raise ServiceError(
                _(
                    "Direction %(number)s still has programs: move them before "
                    "removing it."
                )
                % {"number": number}
            )
        model_delete(direction, actor=actor, reason=reason)
        changed = True
    return changed


# ----------------------------------------------------------------- programs


def _clean_program_values(plan: Plan, data: Mapping[str, Any]) -> dict[str, Any]:
    values = _editable(data, PROGRAM_EDITABLE)
    if "name" in values:
        values["name"] = clean_input(values["name"]).strip()
    if "policy_points" in values:
        values["policy_points"] = clean_bullets(
            [clean_input(p) for p in values["policy_points"]]
        )
    if "action_items" in values:
        values["action_items"] = clean_action_items(
            values["action_items"], plan.fiscal_years
        )
    direction = values.get("direction")
    if direction is not None and direction.plan_id != plan.pk:
        raise ServiceError(_("The direction belongs to another plan."))
    ended = values.get("ended_after_fy")
    if ended is not None and not plan.first_fy <= ended <= plan.last_fy:
        raise ServiceError(
            _("A program of this plan ends between %(first)s and %(last)s.")
            % {"first": plan.first_fy, "last": plan.last_fy}
        )
    return values


@transaction.atomic
def program_create(
    *,
    actor: User | None,
    plan: Plan,
    number: int,
    name: str,
    direction: Direction,
    kind: str = ProgramKind.IMPLEMENTATION,
    policy_points: list[str] | None = None,
    action_items: list[dict[str, Any]] | None = None,
    ended_after_fy: int | None = None,
    via: str = "screen",
) -> Program:
    """A new program of the plan, printed after the others."""
    require_edit(actor, plan)
    values = _clean_program_values(
        plan,
        {
            "number": number,
            "name": name,
            "kind": kind,
            "direction": direction,
            "ended_after_fy": ended_after_fy,
            "policy_points": policy_points or [],
            "action_items": action_items or [],
        },
    )
    last = plan.programs.order_by("-ordering").values_list("ordering", flat=True)
    program = Program(plan=plan, ordering=(last.first() or 0) + 1, **values)
    model_save(
        program, actor=actor, reason=f"{via}: program {program.number_label} created"
    )
    return program


@transaction.atomic
def program_update(
    *,
    actor: User | None,
    program: Program,
    data: Mapping[str, Any],
    based_on_version: int | None,
    via: str = "screen",
) -> bool:
    """Change the fields of PROGRAM_EDITABLE in ``data``; a program saved since
    ``based_on_version`` refuses the change. Returns whether anything changed."""
    require_edit(actor, program)
    current = (
        Program.objects.select_for_update()
        .select_related("plan__municipality")
        .get(pk=program.pk)
    )
    if based_on_version is not None and current.version != based_on_version:
        raise StaleVersion(
            _("%(program)s was changed by someone else after you opened it.")
            % {"program": current.number_label},
            current=current,
        )
    values = _clean_program_values(current.plan, data)
    return model_update(
        current,
        data=values,
        actor=actor,
        reason=f"{via}: program {current.number_label}",
    )
