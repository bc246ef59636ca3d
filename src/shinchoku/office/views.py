"""The admin office's authoring pages: a municipality's plans, departments and
people; a plan's frame, its programs and their indicators; the next plan
period. Thin: a form reads the request, one service writes (and checks the
permission again), a refusal is shown beside the form."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from shinchoku.common.services import ServiceError, StaleVersion
from shinchoku.office import forms
from shinchoku.plans import selectors as plan_selectors
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Municipality, Plan, Program
from shinchoku.workflow.models import ProgramAssignment
from shinchoku.workflow.people import selectors as people_selectors
from shinchoku.workflow.permissions import Action
from shinchoku.workflow.programs import services as program_services
from shinchoku.workflow.web import check, guarded, plan_or_404, program_or_404


def office_municipality(request: HttpRequest, code: str) -> Municipality:
    try:
        municipality = plan_selectors.municipality_get(code)
    except Municipality.DoesNotExist:
        raise Http404 from None
    check(request, Action.EDIT_PLAN, municipality)
    return municipality


def office_plan(request: HttpRequest, code: str, slug: str) -> Plan:
    plan = plan_or_404(code, slug)
    check(request, Action.EDIT_PLAN, plan)
    return plan


def office_url(municipality: Municipality) -> str:
    return reverse("office:home", kwargs={"code": municipality.code})


@guarded
def home(request: HttpRequest, code: str) -> HttpResponse:
    municipality = office_municipality(request, code)
    return render(
        request,
        "office/home.html",
        {
            "municipality": municipality,
            "plans": municipality.plans.order_by("first_fy", "title"),
            "departments": people_selectors.municipality_departments(municipality),
            "memberships": people_selectors.municipality_memberships(municipality),
        },
    )


# -------------------------------------------------------------------- plans


@guarded
def plan_create(request: HttpRequest, code: str) -> HttpResponse:
    municipality = office_municipality(request, code)
    form = forms.PlanForm(
        request.POST or None, initial=forms.PlanForm.initial_for(None)
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = plan_services.plan_create(
                actor=request.user,
                municipality=municipality,
                directions=form.cleaned_data["directions"],
                **form.values(),
            )
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Plan created: now add its programs."))
            return redirect(plan.get_absolute_url())
    return render(
        request,
        "office/simple_form.html",
        {"municipality": municipality, "form": form, "title": _("New plan")},
    )


@guarded
def plan_edit(request: HttpRequest, code: str, plan: str) -> HttpResponse:
    plan_obj = office_plan(request, code, plan)
    form = forms.PlanForm(
        request.POST or None, initial=forms.PlanForm.initial_for(plan_obj)
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = plan_services.plan_update(
                actor=request.user,
                plan=plan_obj,
                data=form.values(),
                directions=form.cleaned_data["directions"],
            )
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            if changed:
                messages.success(request, _("Plan saved."))
            plan_obj.refresh_from_db()
            return redirect(plan_obj.get_absolute_url())
    return render(
        request,
        "office/simple_form.html",
        {"municipality": plan_obj.municipality, "form": form, "title": plan_obj.title},
    )


# ----------------------------------------------------------------- programs


def _program_initial(program: Program) -> dict:
    try:
        assignment = program.assignment
    except ProgramAssignment.DoesNotExist:
        assignment = None
    return {
        "version": program.version,
        "number": program.number,
        "name": program.name,
        "kind": program.kind,
        "direction": program.direction_id,
        "lead": assignment.lead_id if assignment else None,
        "supporting": [d.pk for d in assignment.supporting.all()] if assignment else [],
        "policy_points": "\n".join(program.policy_points),
        "ended_after_fy": program.ended_after_fy,
    }


@guarded
def program_form(
    request: HttpRequest, code: str, plan: str, number: int | None = None
) -> HttpResponse:
    """A new program (no number in the URL) or an existing one's frame."""
    plan_obj = office_plan(request, code, plan)
    program = None if number is None else program_or_404(plan_obj, number)
    data = request.POST or None
    form = forms.ProgramForm(
        data,
        plan=plan_obj,
        initial=_program_initial(program)
        if program
        else {"number": (plan_obj.programs.count() + 1)},
    )
    items = forms.ActionItemFormSet(
        data,
        prefix="items",
        form_kwargs={"plan": plan_obj},
        initial=[forms.ActionItemForm.initial_of(i) for i in program.action_items]
        if program
        else None,
    )
    if request.method == "POST" and form.is_valid() and items.is_valid():
        values = form.values()
        values["action_items"] = [i for f in items if (i := f.item())]
        try:
            saved = program_services.program_save(
                actor=request.user,
                plan=plan_obj,
                program=program,
                values=values,
                lead=form.cleaned_data["lead"],
                supporting=list(form.cleaned_data["supporting"]),
                based_on_version=form.cleaned_data["version"],
            )
        except StaleVersion as exc:
            form.add_error(None, exc.message)
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Program saved."))
            return redirect(saved.get_absolute_url())
    return render(
        request,
        "office/program_form.html",
        {"plan": plan_obj, "program": program, "form": form, "items": items},
    )


@guarded
def indicator_add(request: HttpRequest, code: str, plan: str, number: int):
    plan_obj = office_plan(request, code, plan)
    program = program_or_404(plan_obj, number)
    form = forms.IndicatorForm(request.POST or None)
    form.fields["deadline_fy"].choices = forms.fy_choices(
        plan_obj.fiscal_years, blank=True
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan_services.indicators_accept(
                actor=request.user, program=program, kpis=[form.kpi()]
            )
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Indicator added."))
            return redirect(f"{program.get_absolute_url()}#indicators")
    return render(
        request,
        "office/indicator_form.html",
        {"plan": plan_obj, "program": program, "form": form},
    )


@guarded
def next_period(request: HttpRequest, code: str, plan: str) -> HttpResponse:
    """Start the next plan period with the programs the office continues."""
    plan_obj = office_plan(request, code, plan)
    length = plan_obj.last_fy - plan_obj.first_fy
    form = forms.NextPeriodForm(
        request.POST or None,
        plan=plan_obj,
        initial={
            "first_fy": plan_obj.last_fy + 1,
            "last_fy": plan_obj.last_fy + 1 + length,
            "slug": f"{plan_obj.last_fy + 1}-{plan_obj.last_fy + 1 + length}",
            "programs": [
                p.number for p in plan_obj.programs.filter(ended_after_fy=None)
            ],
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            following = program_services.plan_continue(
                actor=request.user, plan=plan_obj, **form.cleaned_data
            )
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("%(title)s started with %(count)s programs.")
                % {"title": following.title, "count": following.programs.count()},
            )
            return redirect(following.get_absolute_url())
    return render(request, "office/next_period.html", {"plan": plan_obj, "form": form})
