"""Pages of update rounds: a plan's rounds (and opening one), a round's
dashboard, reminders, closing a round into an edition, reopening it to
correct that edition."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shinchoku.common import wareki
from shinchoku.common.services import ServiceError
from shinchoku.workflow import forms
from shinchoku.workflow.permissions import Action, RoundDepartment, can
from shinchoku.workflow.rounds import selectors, services
from shinchoku.workflow.web import (
    check,
    confirm_page,
    confirmed,
    guarded,
    plan_or_404,
    round_or_404,
)


@guarded
def round_list(request: HttpRequest, code: str, plan: str) -> HttpResponse:
    plan_obj = plan_or_404(code, plan)
    may_open = can(request.user, Action.OPEN_ROUND, plan_obj)
    rounds = [
        r
        for r in selectors.rounds_for_plan(plan_obj)
        if can(request.user, Action.VIEW_ROUND, r)
    ]
    if not may_open and not rounds:
        check(request, Action.OPEN_ROUND, plan_obj)
    form = forms.RoundOpenForm(
        initial={"fiscal_year": plan_obj.last_fy, "kind": "initial_plan"}
    )
    if request.method == "POST":
        check(request, Action.OPEN_ROUND, plan_obj)
        form = forms.RoundOpenForm(request.POST)
        if form.is_valid():
            try:
                round_ = services.round_open(
                    actor=request.user, plan=plan_obj, **form.cleaned_data
                )
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request, _("Round %(round)s opened.") % {"round": round_.title}
                )
                return redirect("workflow:round", pk=round_.pk)
    return render(
        request,
        "workflow/round_list.html",
        {"plan": plan_obj, "rounds": rounds, "form": form, "may_open": may_open},
        status=400 if form.errors else 200,
    )


@guarded
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = round_or_404(pk)
    check(request, Action.VIEW_ROUND, round_)
    rows = selectors.round_dashboard(round_)
    return render(
        request,
        "workflow/round_detail.html",
        {
            "round": round_,
            "plan": round_.plan,
            "rows": rows,
            "overdue": round_.is_overdue(),
            "may_remind": can(request.user, Action.REMIND, round_),
            "may_close": can(request.user, Action.CLOSE_ROUND, round_),
            "reopen_form": forms.ReopenForm(round_=round_)
            if can(request.user, Action.REOPEN_ROUND, round_)
            else None,
            "workbook_departments": [
                r.department
                for r in rows
                if r.department
                and can(
                    request.user,
                    Action.EXPORT_WORKBOOK,
                    RoundDepartment(round_, r.department),
                )
            ],
            "upload_form": forms.WorkbookUploadForm(),
        },
    )


@guarded
@require_POST
def round_remind(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = round_or_404(pk)
    check(request, Action.REMIND, round_)
    if not confirmed(request):
        return _confirm_reminders(request, round_)
    result = services.round_remind(actor=request.user, round_=round_)
    messages.success(
        request,
        _("%(count)s e-mail(s) sent to %(departments)s.")
        % {
            "count": result.messages,
            "departments": ", ".join(str(d) for d in result.departments) or "—",
        },
    )
    for department in result.without_address:
        messages.warning(
            request,
            _("%(department)s has no e-mail address: remind them another way.")
            % {"department": department},
        )
    return redirect("workflow:round", pk=round_.pk)


def _confirm_reminders(request: HttpRequest, round_) -> HttpResponse:
    rows = [
        r
        for r in selectors.round_dashboard(round_)
        if r.department is not None and r.missing
    ]
    overdue = round_.is_overdue()
    values = {"round": round_.title, "deadline": wareki.date_label(round_.deadline)}
    return confirm_page(
        request,
        title=_("Send overdue notices") if overdue else _("Send reminders"),
        question=(
            _(
                "Send an overdue notice for %(round)s (due %(deadline)s) to these departments?"
            )
            if overdue
            else _(
                "Send a reminder of %(round)s (due %(deadline)s) to these departments?"
            )
        )
        % values,
        details=[
            _("%(department)s: %(count)s program(s) not submitted")
            % {"department": r.department.name, "count": len(r.missing)}
            for r in rows
        ]
        or [_("Every department has submitted: nobody will be e-mailed.")],
        button=_("Send the e-mails"),
        cancel_url=reverse("workflow:round", kwargs={"pk": round_.pk}),
        plan=round_.plan,
        round=round_,
    )


def close_lists(check: selectors.CloseCheck) -> list[dict]:
    """The close form's and the confirmation's lists: entries in progress
    (closing waits for them) and entries not started (the edition keeps their
    text), a line per lead department."""
    lists = []
    if check.pending:
        lists.append(
            {
                "heading": _(
                    "In progress (%(count)s programs): the round cannot close "
                    "until they are approved."
                )
                % {"count": len(check.pending_entries)},
                "items": _department_lines(check.pending, states=True),
            }
        )
    if check.not_started:
        lists.append(
            {
                "heading": _(
                    "Not started (%(count)s programs): the edition keeps their "
                    "text as last approved; this round changes nothing for them."
                )
                % {"count": check.not_started_count},
                "items": _department_lines(check.not_started, states=False),
            }
        )
    return lists


def _department_lines(rows, *, states: bool) -> list[str]:
    def name(entry) -> str:
        if not states:
            return entry.label
        return _("%(program)s (%(state)s)") % {
            "program": entry.label,
            "state": entry.get_state_display(),
        }

    return [
        _("%(department)s: %(programs)s")
        % {
            "department": row.department.name
            if row.department
            else _("(no lead department)"),
            "programs": ", ".join(name(e) for e in row.entries),
        }
        for row in rows
    ]


def _confirm_close(
    request: HttpRequest, round_, data: dict, check: selectors.CloseCheck
) -> HttpResponse:
    details = [_("Edition: %(title)s") % {"title": data["title"]}]
    details.append(
        _("Report year: %(fy)s") % {"fy": wareki.fiscal_year_label(data["fiscal_year"])}
    )
    if data.get("date"):
        details.append(_("Date: %(date)s") % {"date": wareki.date_label(data["date"])})
    return confirm_page(
        request,
        title=_("Close the round and freeze the edition"),
        question=_("Close %(round)s and freeze the plan as approved into an edition?")
        % {"round": round_.title},
        details=details,
        consequences=[
            _("No entry of this round can be changed afterwards."),
            _("The edition stays unpublished until the admin office publishes it."),
        ],
        button=_("Close and freeze the edition"),
        cancel_url=reverse("workflow:round", kwargs={"pk": round_.pk}),
        plan=round_.plan,
        round=round_,
        lists=close_lists(check),
    )


@guarded
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = round_or_404(pk)
    check(request, Action.CLOSE_ROUND, round_)
    form = forms.CloseForm(initial=selectors.close_proposal(round_))
    close_check = selectors.round_close_check(round_)
    if request.method == "POST":
        form = forms.CloseForm(request.POST)
        if form.is_valid() and close_check.pending:  # no confirming a close that fails
            form.add_error(None, services.pending_message(close_check.pending_entries))
        if form.is_valid() and not confirmed(request):
            return _confirm_close(request, round_, form.cleaned_data, close_check)
        if form.is_valid():
            try:
                edition = services.round_close(
                    actor=request.user, round_=round_, **form.cleaned_data
                )
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    _("Round closed into the edition %(edition)s (not published).")
                    % {"edition": edition.title},
                )
                return redirect(
                    "workflow:editions",
                    code=round_.plan.municipality.code,
                    plan=round_.plan.slug,
                )
    return render(
        request,
        "workflow/round_close.html",
        {
            "round": round_,
            "plan": round_.plan,
            "form": form,
            "lists": close_lists(close_check),
        },
        status=400 if form.errors else 200,
    )


@guarded
@require_POST
def round_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = round_or_404(pk)
    check(request, Action.REOPEN_ROUND, round_)
    form = forms.ReopenForm(request.POST, round_=round_)
    if form.is_valid() and not confirmed(request):
        return _confirm_reopen(request, round_, form)
    if form.is_valid():
        try:
            services.round_reopen(
                actor=request.user,
                round_=round_,
                reason=form.cleaned_data["reason"],
                programs=form.cleaned_data["programs"],
            )
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _(
                    "Round %(round)s reopened: closing it again makes a corrected edition."
                )
                % {"round": round_.title},
            )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("workflow:round", pk=round_.pk)


def _confirm_reopen(request: HttpRequest, round_, form) -> HttpResponse:
    numbers = set(form.cleaned_data["programs"])
    returned = [label for n, label in form.fields["programs"].choices if n in numbers]
    edition = round_.edition.title if round_.edition else round_.title
    return confirm_page(
        request,
        title=_("Reopen the round"),
        question=_("Reopen %(round)s to correct the edition %(edition)s?")
        % {"round": round_.title, "edition": edition},
        details=[
            _("Reason: %(reason)s") % {"reason": form.cleaned_data["reason"]},
            _("Returned to their departments: %(programs)s")
            % {"programs": ", ".join(returned)}
            if returned
            else _("No program goes back to its department."),
        ],
        consequences=[
            _(
                "The round is open again: returned programs go back to their "
                "departments with the reason, and the admin office may correct "
                "grades and opinions."
            ),
            _(
                "Closing it again makes a corrected edition (修正版) that "
                "supersedes %(edition)s; until then %(edition)s stays as it is."
            )
            % {"edition": edition},
        ],
        button=_("Reopen the round"),
        cancel_url=reverse("workflow:round", kwargs={"pk": round_.pk}),
        plan=round_.plan,
        round=round_,
    )
