"""The staff's pages of a plan's editions: the list (publish, withdraw) and
the diff of two."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Edition
from shinchoku.workflow import forms
from shinchoku.workflow.editions import selectors
from shinchoku.workflow.permissions import Action
from shinchoku.workflow.web import (
    check,
    confirm_page,
    confirmed,
    guarded,
    plan_or_404,
)

# The committee report's downloads (portal:report), as the links say them.
REPORT_FORMATS = [("pdf", "PDF"), ("xlsx", "Excel"), ("html", "HTML")]


@guarded
def edition_list(request: HttpRequest, code: str, plan: str) -> HttpResponse:
    plan_obj = plan_or_404(code, plan)
    return render(
        request,
        "workflow/edition_list.html",
        {
            "plan": plan_obj,
            "rows": selectors.edition_rows(plan_obj, request.user),
            "report_formats": REPORT_FORMATS,
        },
    )


@guarded
@require_POST
def edition_publish(request: HttpRequest, pk: int) -> HttpResponse:
    edition = get_object_or_404(
        Edition.objects.select_related("plan__municipality"), pk=pk
    )
    check(request, Action.PUBLISH_EDITION, edition)
    publish = request.POST.get("published") == "1"
    back = reverse(
        "workflow:editions",
        kwargs={"code": edition.plan.municipality.code, "plan": edition.plan.slug},
    )
    if not confirmed(request):
        values = {"edition": edition.title}
        return confirm_page(
            request,
            title=(_("Publish %(edition)s") if publish else _("Withdraw %(edition)s"))
            % values,
            question=(
                _("Publish the edition %(edition)s?")
                if publish
                else _("Withdraw the edition %(edition)s from the public pages?")
            )
            % values,
            consequences=[
                _(
                    "Anyone can then read it on the public pages, in the open data "
                    "and through the API; search finds its programs."
                )
                if publish
                else _(
                    "It disappears from the public pages, the open data, the API "
                    "and search; links to it stop working."
                )
            ],
            button=_("Publish") if publish else _("Withdraw"),
            cancel_url=back,
            plan=edition.plan,
        )
    plan_services.edition_publish(
        actor=request.user, edition=edition, published=publish
    )
    messages.success(
        request,
        (_("%(edition)s published.") if publish else _("%(edition)s withdrawn."))
        % {"edition": edition.title},
    )
    return redirect(back)


@guarded
def edition_diff(request: HttpRequest, code: str, plan: str) -> HttpResponse:
    plan_obj = plan_or_404(code, plan)
    form = forms.DiffForm(request.GET)
    if not form.is_valid():
        raise Http404
    found = {
        e.pk: e
        for e in plan_obj.editions.filter(
            pk__in=[form.cleaned_data["old"], form.cleaned_data["new"]]
        )
    }
    try:
        old, new = found[form.cleaned_data["old"]], found[form.cleaned_data["new"]]
    except KeyError:
        raise Http404 from None
    old.plan = new.plan = plan_obj
    check(request, Action.VIEW_EDITION, old)
    check(request, Action.VIEW_EDITION, new)
    return render(
        request,
        "workflow/edition_diff.html",
        {
            "plan": plan_obj,
            "old": old,
            "new": new,
            "programs": selectors.edition_diff(old, new),
        },
    )
