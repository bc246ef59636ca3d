"""A department's workbook of a round: download it, upload it filled in."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from shinchoku.workflow import forms
from shinchoku.workflow.models import Department
from shinchoku.workflow.permissions import Action, RoundDepartment
from shinchoku.workflow.web import check, guarded, round_or_404
from shinchoku.workflow.workbook import services

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _share_or_404(pk: int, department: int) -> RoundDepartment:
    round_ = round_or_404(pk)
    dept = get_object_or_404(
        Department, pk=department, municipality_id=round_.plan.municipality_id
    )
    return RoundDepartment(round_, dept)


@guarded
def workbook_download(request: HttpRequest, pk: int, department: int) -> HttpResponse:
    share = _share_or_404(pk, department)
    check(request, Action.EXPORT_WORKBOOK, share)
    data = services.workbook_export(
        actor=request.user, round_=share.round, department=share.department
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    filename = f"{share.round.title}_{share.department.name}_{stamp}.xlsx"
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="round-{share.round.pk}.xlsx"; '
        f"filename*=UTF-8''{quote(filename)}"
    )
    return response


@guarded
def workbook_upload(request: HttpRequest, pk: int, department: int) -> HttpResponse:
    share = _share_or_404(pk, department)
    check(request, Action.IMPORT_WORKBOOK, share)
    form = forms.WorkbookUploadForm()
    problems = []
    status = 200
    if request.method == "POST":
        form = forms.WorkbookUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["workbook"]
            try:
                changed = services.workbook_import(
                    actor=request.user,
                    round_=share.round,
                    department=share.department,
                    data=upload.read(),
                    filename=upload.name,
                )
            except services.WorkbookRejected as exc:
                problems = [str(p) for p in exc.problems]
                status = 400
            else:
                if changed:
                    messages.success(
                        request,
                        _("Workbook applied: %(count)s entries changed.")
                        % {"count": changed},
                    )
                else:
                    messages.info(
                        request,
                        _("The workbook holds no changes: nothing was written."),
                    )
                return redirect("workflow:home")
        else:
            status = 400
    return render(
        request,
        "workflow/workbook_upload.html",
        {
            "round": share.round,
            "plan": share.round.plan,
            "department": share.department,
            "form": form,
            "problems": problems,
        },
        status=status,
    )
