"""The web import, for the admin office: upload a file into a plan, say what a
table's columns mean (started from the mapping saved for the plan, or the
one its header's words suggest), see what importing would change, confirm.
Refusals name the file, sheet, row and cell (imports.tabular's errors)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shinchoku.common.services import ServiceError
from shinchoku.document.errors import ImportFormatError
from shinchoku.imports import uploads
from shinchoku.imports.models import Upload, UploadStatus
from shinchoku.office import import_forms
from shinchoku.office.services import import_confirm
from shinchoku.office.views import office_plan
from shinchoku.workflow import diff as plan_diff
from shinchoku.workflow.web import guarded


def _upload(plan, pk: int) -> Upload:
    upload = (
        Upload.objects.select_related("plan__municipality")
        .filter(plan=plan, pk=pk, status=UploadStatus.PENDING)
        .first()
    )
    if upload is None:
        raise Http404
    return upload


def _step_url(name: str, upload: Upload) -> str:
    plan = upload.plan
    return reverse(
        f"office:{name}",
        kwargs={"code": plan.municipality.code, "plan": plan.slug, "pk": upload.pk},
    )


@guarded
def import_upload(request: HttpRequest, code: str, plan: str) -> HttpResponse:
    plan_obj = office_plan(request, code, plan)
    form = import_forms.UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            upload = uploads.upload_create(
                actor=request.user, plan=plan_obj, filename=file.name, data=file.read()
            )
        except (ServiceError, ImportFormatError) as exc:
            form.add_error("file", getattr(exc, "message", None) or str(exc))
            status = 400
        else:
            step = "import-mapping" if upload.needs_mapping else "import-preview"
            return redirect(_step_url(step, upload))
    return render(
        request,
        "office/import_upload.html",
        {"plan": plan_obj, "form": form},
        status=status,
    )


@guarded
def import_mapping(request: HttpRequest, code: str, plan: str, pk: int):
    plan_obj = office_plan(request, code, plan)
    upload = _upload(plan_obj, pk)
    table = uploads.upload_table(upload)
    mapping, origin = uploads.initial_mapping(upload)
    if request.method == "POST":
        # the sheet and header the person chose say which columns there are
        mapping.sheet = request.POST.get("sheet") or mapping.sheet
        header_row = request.POST.get("header_row", "")
        mapping.header_row = int(header_row) if header_row.isdigit() else 1
        mapping.header_rows = 2 if request.POST.get("header_rows") == "2" else 1
    error, status = "", 200
    try:
        sheet, columns = import_forms.table_columns(table, mapping)
    except ImportFormatError as exc:
        sheet, columns, error, status = None, [], str(exc), 400
    form = import_forms.MappingForm(
        request.POST or None, table=table, mapping=mapping, columns=columns
    )
    if request.method == "POST" and not error and form.is_valid():
        try:
            uploads.upload_map(
                actor=request.user, upload=upload, mapping=form.mapping()
            )
        except (ServiceError, ImportFormatError) as exc:
            error, status = getattr(exc, "message", None) or str(exc), 400
        else:
            return redirect(_step_url("import-preview", upload))
    return render(
        request,
        "office/import_mapping.html",
        {
            "plan": plan_obj,
            "upload": upload,
            "form": form,
            "sheet": sheet,
            "origin": origin,
            "error": error,
        },
        status=status,
    )


def _proposed_indicators(before: dict, after: dict) -> list[tuple[str, str]]:
    """(program, indicator) of the indicators the import would add."""
    had = {
        (p["number"], k["name"])
        for p in before.get("programs", [])
        for k in p.get("kpis") or []
    }
    return [
        (p.get("name", ""), k["name"])
        for p in after.get("programs", [])
        for k in p.get("kpis") or []
        if (p["number"], k["name"]) not in had
    ]


@guarded
def import_preview(request: HttpRequest, code: str, plan: str, pk: int):
    plan_obj = office_plan(request, code, plan)
    upload = _upload(plan_obj, pk)
    form = import_forms.ConfirmForm(
        request.POST or None, initial={"sha256": upload.sha256}
    )
    try:
        preview = uploads.upload_preview(actor=request.user, upload=upload)
    except (ServiceError, ImportFormatError) as exc:
        message = getattr(exc, "message", None) or str(exc)
        return render(
            request,
            "office/import_preview.html",
            {"plan": plan_obj, "upload": upload, "error": message},
            status=400,
        )
    if not form.is_bound:
        form.initial["fiscal_year"] = preview.fiscal_year or plan_obj.first_fy
    return render(
        request,
        "office/import_preview.html",
        {
            "plan": plan_obj,
            "upload": upload,
            "form": form,
            "preview": preview,
            "programs": plan_diff.diff_documents(preview.before, preview.after),
            "indicators": _proposed_indicators(preview.before, preview.after),
        },
    )


@require_POST
@guarded
def import_confirm_view(request: HttpRequest, code: str, plan: str, pk: int):
    plan_obj = office_plan(request, code, plan)
    upload = _upload(plan_obj, pk)
    form = import_forms.ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors.as_text())
        return redirect(_step_url("import-preview", upload))
    try:
        result, created = import_confirm(
            actor=request.user,
            upload=upload,
            sha256=form.cleaned_data["sha256"],
            edition_title=form.cleaned_data["edition_title"],
            fiscal_year=form.cleaned_data["fiscal_year"],
            publish=form.cleaned_data["publish"],
        )
    except (ServiceError, ImportFormatError) as exc:
        messages.error(request, getattr(exc, "message", None) or str(exc))
        return redirect(_step_url("import-preview", upload))
    messages.success(
        request,
        _(
            "%(file)s imported: %(created)s programs added, %(updated)s changed, "
            "%(indicators)s indicators proposed."
        )
        % {
            "file": upload.filename,
            "created": result.programs.created,
            "updated": result.programs.updated,
            "indicators": result.indicators.created,
        },
    )
    for edition in result.editions:
        if edition.published:
            messages.success(
                request,
                _("The edition %(edition)s is published.") % {"edition": edition.title},
            )
        else:
            messages.warning(
                request,
                _(
                    "The edition %(edition)s is not published yet: check it, then "
                    "publish it (below, or on the editions page)."
                )
                % {"edition": edition.title},
            )
    if created:
        messages.info(
            request,
            _("New departments: %(names)s.") % {"names": "、".join(created)},
        )
    return redirect(plan_obj.get_absolute_url())
