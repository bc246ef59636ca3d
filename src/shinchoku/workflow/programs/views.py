"""A program's pages for the admin office: its audit trail, and the direct
edit of one fiscal year's record."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from shinchoku.common.services import ServiceError, StaleVersion
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import ProgramYear
from shinchoku.workflow import forms
from shinchoku.workflow.permissions import Action
from shinchoku.workflow.programs import selectors
from shinchoku.workflow.web import (
    ConflictField,
    check,
    conflict_page,
    guarded,
    plan_or_404,
    program_or_404,
)


@guarded
def program_history(
    request: HttpRequest, code: str, plan: str, number: int
) -> HttpResponse:
    plan_obj = plan_or_404(code, plan)
    program = program_or_404(plan_obj, number)
    check(request, Action.VIEW_HISTORY, program)
    return render(
        request,
        "workflow/program_history.html",
        {
            "plan": plan_obj,
            "program": program,
            "rows": selectors.program_history(program),
        },
    )


@guarded
def program_year_edit(
    request: HttpRequest, code: str, plan: str, number: int, fy: int
) -> HttpResponse:
    """The admin office's direct edit of a program's FY record."""
    plan_obj = plan_or_404(code, plan)
    program = program_or_404(plan_obj, number)
    check(request, Action.EDIT_PROGRAM_YEAR, program)
    if not plan_obj.first_fy <= fy <= plan_obj.last_fy:
        raise Http404
    record = ProgramYear.objects.filter(program=program, fiscal_year=fy).first()
    form = forms.ProgramYearForm(
        initial={
            "version": record.version if record else 0,
            "achievements": record.achievements if record else [],
            "plan": record.plan if record else [],
        }
    )
    context = {"plan": plan_obj, "program": program, "fy": fy}
    if request.method == "POST":
        form = forms.ProgramYearForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                _record, changed = plan_services.program_year_update(
                    actor=request.user,
                    program=program,
                    fiscal_year=fy,
                    achievements=data["achievements"],
                    plan=data["plan"],
                    based_on_version=data["version"],
                    reason=f"screen: program year edit {program.number_label} {fy}",
                )
            except StaleVersion as exc:
                current = exc.current
                return conflict_page(
                    request,
                    message=exc.message,
                    plan=plan_obj,
                    program=program,
                    fields=[
                        ConflictField(
                            label,
                            getattr(current, name, []) if current else [],
                            data[name],
                        )
                        for name, label in (
                            ("achievements", _("Achievements")),
                            ("plan", _("Initial plan and targets")),
                        )
                    ],
                    form=forms.ProgramYearForm(
                        initial={
                            "version": current.version if current else 0,
                            "achievements": data["achievements"],
                            "plan": data["plan"],
                        }
                    ),
                    fy=fy,
                )
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request, _("Saved.") if changed else _("Nothing changed.")
                )
                return redirect(program.get_absolute_url())
    return render(
        request,
        "workflow/program_year_edit.html",
        context | {"form": form},
        status=400 if form.errors else 200,
    )
