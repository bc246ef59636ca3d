"""Staff plan pages (under /staff/): thin views over plans.selectors. They show
the live data, which may hold text not published yet, so they need a staff
login; the public reads published editions in the portal app."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import render

from shinchoku.plans import selectors
from shinchoku.plans.models import Program


def _plan_or_404(code: str, slug: str):
    try:
        return selectors.plan_get(code=code, slug=slug)
    except selectors.PlanNotFound:
        raise Http404 from None


@staff_member_required
def home(request):
    return render(
        request, "plans/home.html", {"municipalities": selectors.municipality_list()}
    )


@staff_member_required
def plan_detail(request, code: str, plan: str):
    plan_obj = _plan_or_404(code, plan)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan_obj,
            "sections": selectors.plan_overview(plan_obj),
            "edition": selectors.edition_latest(plan_obj),
        },
    )


@staff_member_required
def program_detail(request, code: str, plan: str, number: int):
    plan_obj = _plan_or_404(code, plan)
    try:
        program = selectors.program_get(plan=plan_obj, number=number)
    except Program.DoesNotExist:
        raise Http404 from None
    previous, following = selectors.program_neighbours(program)
    return render(
        request,
        "plans/program_detail.html",
        {
            "plan": plan_obj,
            "program": program,
            "years": list(program.years.all()),
            "previous": previous,
            "next": following,
        },
    )
