"""The admin office's operations: create a plan and its programs, change a
program, start the next plan period, import a file with its preview — the
services of the office's pages, for a bearer token or a signed-in session."""

from __future__ import annotations

import json
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Body, File, Form, Path, Router, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from shinchoku.api.auth import WRITE_AUTH
from shinchoku.api.authoring_schemas import (
    EditionPublishIn,
    EditionStateOut,
    ImportConfirmIn,
    ImportPreviewOut,
    ImportResultOut,
    LivePlanOut,
    LiveProgramOut,
    NextPeriodIn,
    PlanIn,
    ProgramIn,
    ProgramUpdateIn,
)
from shinchoku.api.params import Code, ProgramNumber, Slug
from shinchoku.api.schemas import ConflictOut, ErrorOut
from shinchoku.imports import tabular, uploads
from shinchoku.imports.models import Upload, UploadStatus
from shinchoku.office.services import import_confirm
from shinchoku.plans import selectors
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Edition, Municipality, Plan, Program
from shinchoku.workflow import diff as plan_diff
from shinchoku.workflow.models import Department, ProgramAssignment
from shinchoku.workflow.permissions import Action, require
from shinchoku.workflow.programs import services as program_services

router = Router(auth=WRITE_AUTH, tags=["plan authoring"])

REFUSALS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
UploadId = Annotated[
    int, Path(ge=1, le=2**63 - 1, description="The upload's id.", examples=[1])
]
EditionPk = Annotated[
    int, Path(ge=1, le=2**63 - 1, description="The edition's id.", examples=[1])
]
PLAN = "/municipalities/{code}/plans/{slug}"


def _municipality(code: str) -> Municipality:
    try:
        return selectors.municipality_get(code)
    except Municipality.DoesNotExist:
        raise HttpError(404, "The municipality was not found.") from None


def _plan(code: str, slug: str) -> Plan:
    try:
        return selectors.plan_get(code=code, slug=slug)
    except selectors.PlanNotFound:
        raise HttpError(404, "The plan was not found.") from None


def _program(plan: Plan, number: int) -> Program:
    try:
        return selectors.program_get(plan=plan, number=number)
    except Program.DoesNotExist:
        raise HttpError(404, "The program was not found.") from None


def _department(municipality_id: int, name: str) -> Department:
    found = Department.objects.filter(municipality_id=municipality_id, name=name)
    department = found.first()
    if department is None:
        raise HttpError(422, f"No department is named {name}.")
    return department


def _plan_out(plan: Plan) -> dict:
    return {
        "municipality_code": plan.municipality.code,
        "slug": plan.slug,
        "title": plan.title,
        "first_fy": plan.first_fy,
        "last_fy": plan.last_fy,
        "period_wareki": plan.period_label,
        "directions": [d.name for d in plan.directions.order_by("number")],
        "programs": list(
            plan.programs.order_by("ordering", "number").values_list(
                "number", flat=True
            )
        ),
        "url": plan.get_absolute_url(),
    }


def _program_out(program: Program) -> dict:
    assignment = ProgramAssignment.objects.filter(program=program).first()
    return {
        "municipality_code": program.plan.municipality.code,
        "plan_slug": program.plan.slug,
        "number": program.number,
        "version": program.version,
        "name": program.name,
        "kind": program.kind,
        "direction": program.direction.number,
        "lead": assignment.lead.name if assignment else None,
        "supporting": [d.name for d in assignment.supporting.all()]
        if assignment
        else [],
        "policy_points": program.policy_points,
        "action_items": program.action_items,
        "ended_after_fy": program.ended_after_fy,
        "periods": [
            {
                "plan_slug": p.plan.slug,
                "plan_title": p.plan.title,
                "period_wareki": p.plan.period_label,
                "number": p.number,
                "name": p.name,
                "url": p.get_absolute_url(),
            }
            for p in selectors.program_lineage(program)
        ],
    }


@router.post(
    "/municipalities/{code}/plans",
    response={201: LivePlanOut, **REFUSALS},
    url_name="plan-create",
    operation_id="createPlan",
    summary="Create a plan",
)
def plan_create(request: HttpRequest, code: Code, data: PlanIn):
    """A new plan of the municipality with its 方向性. Admin office."""
    values = data.model_dump()
    if values["grade_scale"] is None:
        values.pop("grade_scale")
    if values["progress_thresholds"] is None:
        values.pop("progress_thresholds")
    plan = plan_services.plan_create(
        actor=request.auth, municipality=_municipality(code), via="api", **values
    )
    return Status(201, _plan_out(plan))


def _program_values(plan: Plan, data: ProgramIn) -> tuple[dict, Department, list]:
    direction = plan.directions.filter(number=data.direction).first()
    if direction is None:
        raise HttpError(422, f"The plan has no direction {data.direction}.")
    values = {
        "number": data.number,
        "name": data.name,
        "kind": data.kind,
        "direction": direction,
        "policy_points": data.policy_points,
        "action_items": [a.model_dump() for a in data.action_items],
        "ended_after_fy": data.ended_after_fy,
    }
    lead = _department(plan.municipality_id, data.lead)
    supporting = [_department(plan.municipality_id, n) for n in data.supporting]
    return values, lead, supporting


@router.post(
    PLAN + "/programs",
    response={201: LiveProgramOut, **REFUSALS},
    url_name="program-create",
    operation_id="createProgram",
    summary="Create a program",
)
def program_create(request: HttpRequest, code: Code, slug: Slug, data: ProgramIn):
    """A new program with its lead and supporting departments (by name), its
    policy points and action items with their per-FY schedule. Admin office."""
    plan = _plan(code, slug)
    require(request.auth, Action.EDIT_PLAN, plan)
    values, lead, supporting = _program_values(plan, data)
    program = program_services.program_save(
        actor=request.auth,
        plan=plan,
        program=None,
        values=values,
        lead=lead,
        supporting=supporting,
        via="api",
    )
    return Status(201, _program_out(_program(plan, program.number)))


@router.get(
    PLAN + "/programs/{number}/live",
    response={200: LiveProgramOut, **REFUSALS},
    url_name="live-program",
    operation_id="getLiveProgram",
    summary="Get a live program with its history across plan periods",
)
def program_live(request: HttpRequest, code: Code, slug: Slug, number: ProgramNumber):
    """The program as staff see it now, its version, its departments, and the
    same program in the other plan periods. Members of the municipality."""
    plan = _plan(code, slug)
    require(request.auth, Action.VIEW_LIVE_PLAN, plan)
    return _program_out(_program(plan, number))


@router.put(
    PLAN + "/programs/{number}/live",
    response={200: LiveProgramOut, 409: ConflictOut, **REFUSALS},
    url_name="program-update",
    operation_id="updateProgram",
    summary="Change a program",
)
def program_update(
    request: HttpRequest,
    code: Code,
    slug: Slug,
    number: ProgramNumber,
    data: ProgramUpdateIn,
):
    """Every field of the program as it should be; 409 when it was saved since
    based_on_version. Admin office."""
    plan = _plan(code, slug)
    require(request.auth, Action.EDIT_PLAN, plan)
    program = _program(plan, number)
    values, lead, supporting = _program_values(plan, data.program)
    saved = program_services.program_save(
        actor=request.auth,
        plan=plan,
        program=program,
        values=values,
        lead=lead,
        supporting=supporting,
        based_on_version=data.based_on_version,
        via="api",
    )
    return _program_out(_program(plan, saved.number))


@router.post(
    PLAN + "/next",
    response={201: LivePlanOut, **REFUSALS},
    url_name="next-period",
    operation_id="startNextPlan",
    summary="Start the next plan period",
)
def next_period(request: HttpRequest, code: Code, slug: Slug, data: NextPeriodIn):
    """第2期 after this plan, with the programs listed (their indicators and
    departments), each linked to its predecessor. Admin office."""
    following = program_services.plan_continue(
        actor=request.auth, plan=_plan(code, slug), via="api", **data.model_dump()
    )
    return Status(201, _plan_out(following))


# ------------------------------------------------------------------ import


def _upload(plan: Plan, upload_id: int) -> Upload:
    upload = Upload.objects.filter(
        plan=plan, pk=upload_id, status=UploadStatus.PENDING
    ).first()
    if upload is None:
        raise HttpError(404, "The upload was not found (or is imported already).")
    return upload


def _changes(before: dict, after: dict) -> list[dict]:
    out = []
    for p in plan_diff.diff_documents(before, after):
        fields = []
        for f in p.fields:
            fields.append(
                {
                    "label": f.label,
                    "added": [c.new for c in f.changes if c.kind == "added"],
                    "removed": [c.old for c in f.changes if c.kind == "removed"],
                    "changed": [
                        {"old": c.old, "new": c.new}
                        for c in f.changes
                        if c.kind == "changed"
                    ],
                }
            )
        out.append(
            {"number": p.number, "name": p.name, "status": p.status, "fields": fields}
        )
    return out


def _counts(counts) -> dict:
    return vars(counts)


def _preview_out(request: HttpRequest, upload: Upload) -> dict:
    out: dict = {
        "upload": upload.pk,
        "filename": upload.filename,
        "sha256": upload.sha256,
        "needs_mapping": upload.needs_mapping,
        "mapping": upload.mapping,
        "mapping_origin": "upload" if upload.mapping else None,
    }
    if upload.needs_mapping and not upload.mapping:
        mapping, origin = uploads.initial_mapping(upload)
        if origin != "saved":
            out |= {"mapping": mapping.to_dict(), "mapping_origin": origin}
            return out  # the client says what the columns mean first
        uploads.upload_map(actor=request.auth, upload=upload, mapping=mapping)
        out |= {"mapping": mapping.to_dict(), "mapping_origin": origin}
    preview = uploads.upload_preview(actor=request.auth, upload=upload)
    had = {
        (p["number"], k["name"])
        for p in preview.before.get("programs", [])
        for k in p.get("kpis") or []
    }
    return out | {
        "programs": _counts(preview.result.programs),
        "years": _counts(preview.result.years),
        "changes": _changes(preview.before, preview.after),
        "indicators_proposed": [
            f"{p['number']}: {k['name']}"
            for p in preview.after.get("programs", [])
            for k in p.get("kpis") or []
            if (p["number"], k["name"]) not in had
        ],
        "departments": {str(k): v for k, v in preview.departments.items()},
        "notes": preview.notes,
        "editions": preview.editions,
    }


@router.post(
    PLAN + "/imports",
    response={201: ImportPreviewOut, **REFUSALS},
    url_name="import-upload",
    operation_id="uploadImport",
    summary="Upload a file to import, and preview it",
)
def import_upload(
    request: HttpRequest,
    code: Code,
    slug: Slug,
    file: File[UploadedFile],
    mapping: Form[str | None] = None,
):
    """Upload a table (XLSX, CSV, PDF) or plan file (multipart, field `file`;
    optionally `mapping`, a column mapping as JSON, docs/tables.md). The answer
    previews what importing would change; a table of another layout without a
    mapping (and without one saved for the plan that reads it) comes back
    with `needs_mapping` and the suggested mapping, to send to
    …/imports/{upload}/mapping. Nothing is imported until the confirmation.
    Admin office."""
    plan = _plan(code, slug)
    upload = uploads.upload_create(
        actor=request.auth, plan=plan, filename=file.name or "upload", data=file.read()
    )
    if mapping and upload.needs_mapping:
        uploads.upload_map(
            actor=request.auth,
            upload=upload,
            mapping=tabular.Mapping.from_dict(_json(mapping), source="mapping"),
        )
    return Status(201, _preview_out(request, upload))


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise HttpError(422, f"The mapping is not JSON: {exc.msg}.") from None


@router.put(
    PLAN + "/imports/{upload_id}/mapping",
    response={200: ImportPreviewOut, **REFUSALS},
    url_name="import-mapping",
    operation_id="mapImport",
    summary="Say what an uploaded table's columns mean, and preview it",
)
def import_mapping(
    request: HttpRequest,
    code: Code,
    slug: Slug,
    upload_id: UploadId,
    data: Body[dict[str, Any]],
):
    """The column mapping (docs/tables.md) of an uploaded table; the answer is
    the preview. Admin office."""
    upload = _upload(_plan(code, slug), upload_id)
    uploads.upload_map(
        actor=request.auth,
        upload=upload,
        mapping=tabular.Mapping.from_dict(data, source="mapping"),
    )
    return _preview_out(request, upload)


@router.post(
    PLAN + "/imports/{upload_id}/confirm",
    response={200: ImportResultOut, **REFUSALS},
    url_name="import-confirm",
    operation_id="confirmImport",
    summary="Import an uploaded file",
)
def import_confirm_api(
    request: HttpRequest,
    code: Code,
    slug: Slug,
    upload_id: UploadId,
    data: ImportConfirmIn,
):
    """Import the previewed file in one transaction (history rows naming the
    file and its SHA-256), save its mapping for the plan, make the departments
    it names the programs' leads. The editions it makes stay unpublished
    (the public does not see them) until published, unless `publish` is
    true. Admin office."""
    upload = _upload(_plan(code, slug), upload_id)
    result, created = import_confirm(
        actor=request.auth,
        upload=upload,
        sha256=data.sha256,
        edition_title=data.edition_title,
        fiscal_year=data.fiscal_year,
        publish=data.publish,
        via="api",
    )
    return {
        "plan_slug": result.plan.slug,
        "summary": result.summary(),
        "programs": _counts(result.programs),
        "years": _counts(result.years),
        "indicators": _counts(result.indicators),
        "departments_created": created,
        "notes": result.notes,
        "editions": [
            {"id": e.pk, "title": e.title, "published": e.published}
            for e in result.editions
        ],
    }


# ------------------------------------------------------------------ publish


@router.put(
    "/editions/{edition_id}/published",
    response={200: EditionStateOut, **REFUSALS},
    url_name="edition-published",
    operation_id="publishEdition",
    summary="Publish or withdraw an edition",
)
def edition_published(
    request: HttpRequest, edition_id: EditionPk, data: EditionPublishIn
):
    """Publish an edition (`published: true`: the portal, open data, search
    and the public API show it) or withdraw it — the staff editions page's
    publish step, with its history row. The id is the one an import's answer
    gives. Admin office."""
    found = Edition.objects.select_related("plan__municipality").filter(pk=edition_id)
    edition = found.first()
    if edition is None:
        raise HttpError(404, "The edition was not found.")
    changed = plan_services.edition_publish(
        actor=request.auth, edition=edition, published=data.published, via="api"
    )
    edition.refresh_from_db()
    return {
        "id": edition.pk,
        "title": edition.title,
        "kind": edition.kind,
        "fiscal_year": edition.fiscal_year,
        "published": edition.published,
        "changed": changed,
    }
