"""Staff plan pages (under /staff/): thin views over plans.selectors. They show
the live data, which may hold text not published yet, so they need a staff
login; the public reads published editions in the portal app."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from shinchoku.common.services import ServiceError, StaleVersion
from shinchoku.common.spreadsheets import spreadsheet_csv
from shinchoku.plans import kpi_paste, presenters, selectors, services
from shinchoku.plans.forms import (
    IndicatorActualForm,
    IndicatorPasteForm,
    IndicatorReviewForm,
    ProgramGradeForm,
)
from shinchoku.plans.models import Indicator, Program
from shinchoku.workflow.permissions import Action, can, require


def _plan_or_404(code: str, slug: str):
    try:
        return selectors.plan_get(code=code, slug=slug)
    except selectors.PlanNotFound:
        raise Http404 from None


def _live_plan(request, code: str, slug: str):
    """The plan, for a member of its municipality (the admin office, departments,
    the committee, system administrators): anyone else gets 403."""
    plan = _plan_or_404(code, slug)
    require(request.user, Action.VIEW_LIVE_PLAN, plan)
    return plan


@login_required
def home(request):
    municipalities = list(selectors.municipality_list())
    return render(
        request,
        "plans/home.html",
        {
            "municipalities": municipalities,
            "office_of": {
                m.pk for m in municipalities if can(request.user, Action.EDIT_PLAN, m)
            },
        },
    )


@login_required
def plan_detail(request, code: str, plan: str):
    plan_obj = _live_plan(request, code, plan)
    editions = selectors.plan_editions(plan_obj)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan_obj,
            "sections": selectors.plan_overview(plan_obj),
            "edition": editions.latest,
            "unpublished": (
                editions.unpublished
                if can(request.user, Action.PUBLISH_EDITION, plan_obj)
                else []
            ),
            "can_edit": can(request.user, Action.EDIT_PLAN, plan_obj),
            "predecessors": selectors.plan_neighbour_periods(plan_obj),
        },
    )


@login_required
def program_detail(request, code: str, plan: str, number: int):
    plan_obj = _live_plan(request, code, plan)
    try:
        program = selectors.program_get(plan=plan_obj, number=number)
    except Program.DoesNotExist:
        raise Http404 from None
    previous, following = selectors.program_neighbours(program)
    indicators = presenters.program_indicator_views(
        program, selectors.program_indicators(program)
    )
    return render(
        request,
        "plans/program_detail.html",
        {
            "plan": plan_obj,
            "program": program,
            "years": list(program.years.all()),
            "indicators": indicators,
            "review_forms": {
                v.indicator.pk: IndicatorReviewForm(
                    initial={
                        "version": v.indicator.version,
                        "decision": "confirm",
                        **{
                            f: getattr(v.indicator, f)
                            for f in services.INDICATOR_EDITABLE
                        },
                    },
                    prefix=f"i{v.indicator.pk}",
                )
                for v in indicators
            }
            if can(request.user, Action.REVIEW_INDICATOR, plan_obj)
            else {},
            "can_review": can(request.user, Action.REVIEW_INDICATOR, plan_obj),
            "grades": list(program.grades.all()),
            "status_labels": presenters.STATUS_LABELS,
            "status_symbols": presenters.STATUS_SYMBOLS,
            "grade_scale": plan_obj.grade_scale,
            "previous": previous,
            "next": following,
            "can_edit": can(request.user, Action.EDIT_PLAN, plan_obj),
            "lineage": selectors.program_lineage(program),
        },
    )


# ------------------------------------------------------------- indicators


@login_required
def plan_indicators(request, code: str, plan: str):
    plan_obj = _live_plan(request, code, plan)
    fy = request.GET.get("fy")
    fiscal_year = int(fy) if fy and fy.isdigit() else None
    return render(
        request,
        "plans/indicators.html",
        {
            "plan": plan_obj,
            "dashboard": presenters.plan_dashboard(
                selectors.plan_dashboard_data(plan_obj, fiscal_year=fiscal_year)
            ),
            "can_review": can(request.user, Action.REVIEW_INDICATOR, plan_obj),
            "status_labels": presenters.STATUS_LABELS,
            "status_symbols": presenters.STATUS_SYMBOLS,
        },
    )


@login_required
def plan_indicators_csv(request, code: str, plan: str):
    plan_obj = _live_plan(request, code, plan)
    rows = selectors.plan_indicator_rows(plan_obj)
    response = HttpResponse(
        spreadsheet_csv(selectors.INDICATOR_CSV_FIELDS, rows),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{code}-{plan}-indicators.csv"'
    )
    return response


def _indicator_or_404(code: str, plan: str, pk: int) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("program__plan__municipality"),
        pk=pk,
        program__plan__slug=plan,
        program__plan__municipality__code=code,
    )


def _errors(form) -> str:
    """A form's errors as one line a person reads: each field's label, not its
    name ('年度: 年度は「令和6年度」…のように入力してください。')."""
    parts = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = f"{field.label}: " if field is not None and field.label else ""
        parts.extend(f"{label}{error}" for error in errors)
    return " ".join(parts)


@require_POST
@login_required
def indicator_review(request, code: str, plan: str, pk: int):
    indicator = _indicator_or_404(code, plan, pk)
    require(request.user, Action.REVIEW_INDICATOR, indicator.program.plan)
    form = IndicatorReviewForm(request.POST, prefix=f"i{pk}")
    at = f"indicator-{indicator.pk}"
    if not form.is_valid():
        messages.error(
            request,
            _("The review was not saved: %(errors)s") % {"errors": _errors(form)},
            extra_tags=at,
        )
    else:
        try:
            services.indicator_review(
                indicator=indicator,
                actor=request.user,
                decision=form.cleaned_data["decision"],
                based_on_version=form.cleaned_data["version"],
                values=form.values()
                if form.cleaned_data["decision"] == "confirm"
                else None,
            )
            messages.success(
                request,
                _("Indicator “%(name)s” saved.") % {"name": form.cleaned_data["name"]},
                extra_tags=at,
            )
        except StaleVersion:
            messages.error(
                request,
                _("Someone else changed this indicator meanwhile: review it again."),
                extra_tags=at,
            )
        except ServiceError as exc:
            messages.error(request, exc.message, extra_tags=at)
    return redirect(f"{indicator.program.get_absolute_url()}#{at}")


@require_POST
@login_required
def indicator_actual(request, code: str, plan: str, pk: int):
    indicator = _indicator_or_404(code, plan, pk)
    require(request.user, Action.REVIEW_INDICATOR, indicator.program.plan)
    form = IndicatorActualForm(request.POST)
    at = f"indicator-{indicator.pk}"
    if not form.is_valid():
        messages.error(
            request,
            _("The value was not saved: %(errors)s") % {"errors": _errors(form)},
            extra_tags=at,
        )
    else:
        try:
            services.indicator_actual_set(
                indicator=indicator,
                actor=request.user,
                fiscal_year=form.cleaned_data["fiscal_year"],
                value=form.cleaned_data["value"],
                based_on_version=form.cleaned_data["version"],
            )
            messages.success(request, _("Actual saved."), extra_tags=at)
        except StaleVersion:
            messages.error(
                request,
                _("Someone else changed this indicator meanwhile: review it again."),
                extra_tags=at,
            )
    return redirect(f"{indicator.program.get_absolute_url()}#{at}")


@require_POST
@login_required
def program_grade(request, code: str, plan: str, number: int):
    plan_obj = _plan_or_404(code, plan)
    require(request.user, Action.REVIEW_INDICATOR, plan_obj)
    program = get_object_or_404(Program, plan=plan_obj, number=number)
    form = ProgramGradeForm(request.POST)
    if form.is_valid():
        try:
            services.program_grade_set(
                program=program, actor=request.user, **form.cleaned_data
            )
            messages.success(request, _("Grade saved."), extra_tags="grades")
        except ServiceError as exc:
            messages.error(request, exc.message, extra_tags="grades")
    else:
        messages.error(request, _errors(form), extra_tags="grades")
    return redirect(f"{program.get_absolute_url()}#grades")


# ------------------------------------------------------ pasted plan text


@login_required
def indicators_paste(request, code: str, plan: str):
    """The admin office pastes a plan's text, sees the indicators it states with
    the words each came from marked, and adds the ones it ticks to a program."""
    plan_obj = _live_plan(request, code, plan)
    require(request.user, Action.REVIEW_INDICATOR, plan_obj)
    programs = list(plan_obj.programs.order_by("number"))
    form = IndicatorPasteForm(
        request.POST or None,
        programs=programs,
        initial={
            "first_fy": plan_obj.first_fy,
            "last_fy": plan_obj.last_fy,
            "program": request.GET.get("program"),
        },
    )
    lines, ticked = None, request.POST.getlist("accept")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        period = {"first_fy": data["first_fy"], "last_fy": data["last_fy"]}
        if request.POST.get("do") == "accept":
            program = next(p for p in programs if p.number == data["program"])
            added = _accept_pasted(request, program, data, ticked, period)
            if added:
                return redirect(f"{program.get_absolute_url()}#indicators")
        lines = kpi_paste.preview(data["text"], **period)
        form.data = form.data.copy()
        form.data["digest"] = kpi_paste.digest(data["text"])
    return render(
        request,
        "plans/indicators_paste.html",
        {"plan": plan_obj, "form": form, "lines": lines, "ticked": set(ticked)},
    )


def _accept_pasted(request, program, data: dict, keys: list[str], period) -> int:
    """Add the ticked proposals; 0 (with a message saying why) when none was."""
    if data["digest"] != kpi_paste.digest(data["text"]):
        messages.error(
            request, _("The text changed after the preview: check the proposals again.")
        )
        return 0
    kpis = kpi_paste.chosen(data["text"], keys, **period)
    if not kpis:
        messages.error(request, _("Tick the indicators to add."))
        return 0
    try:
        services.indicators_accept(actor=request.user, program=program, kpis=kpis)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return 0
    messages.success(
        request,
        ngettext(
            "%(count)d indicator added to %(program)s.",
            "%(count)d indicators added to %(program)s.",
            len(kpis),
        )
        % {"count": len(kpis), "program": program.number_label},
    )
    return len(kpis)
