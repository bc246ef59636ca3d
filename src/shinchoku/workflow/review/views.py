"""The admin office's review queue of a round: its entries filtered by
department and state (by default those waiting for review), the counts per
state and department, approving several entries after a confirmation page
that lists them (no JavaScript needed), and the status table as CSV or XLSX."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from shinchoku.common.services import ServiceError
from shinchoku.workflow.models import EntryState, Round, RoundEntry
from shinchoku.workflow.permissions import Action, can
from shinchoku.workflow.review import selectors, services, status
from shinchoku.workflow.web import (
    check,
    confirm_page,
    confirmed,
    guarded,
    round_or_404,
)

ALL = ""


class QueueFilter(forms.Form):
    department = forms.TypedChoiceField(
        label=gettext_lazy("Lead department"), coerce=int, required=False
    )
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False)

    def __init__(self, data, *, queue: selectors.ReviewQueue):
        super().__init__(data)
        departments = [(d.pk, d.name) for d in queue.departments]
        if queue.has_unassigned:
            departments.append((selectors.UNASSIGNED, _("No department assigned")))
        self.fields["department"].choices = [(ALL, _("All")), *departments]
        self.fields["state"].choices = [(ALL, _("All")), *EntryState.choices]


def _filters(request: HttpRequest, round_: Round):
    """The queue as the filters ask (by default: submitted, every department)."""
    params = request.GET.copy()
    params.setdefault("state", EntryState.SUBMITTED)
    queue = selectors.review_queue(round_)
    form = QueueFilter(params, queue=queue)
    department = state = None
    if form.is_valid():
        department = form.cleaned_data["department"]
        department = None if department in (None, ALL) else department
        state = form.cleaned_data["state"] or None
    queue.keep(department_id=department, state=state)
    return form, queue


@guarded
def review_queue(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = round_or_404(pk)
    check(request, Action.VIEW_ROUND, round_)
    form, queue = _filters(request, round_)
    approvable = [
        e for e in queue.awaiting if can(request.user, Action.APPROVE_ENTRY, e)
    ]
    return render(
        request,
        "workflow/review_queue.html",
        {
            "round": round_,
            "plan": round_.plan,
            "form": form,
            "queue": queue,
            "states": EntryState.choices,
            "approvable": {e.pk for e in approvable},
        },
    )


def _chosen(request: HttpRequest, round_: Round):
    """The entries ticked, each with the version the office saw ("pk:version")."""
    versions: dict[int, int] = {}
    for value in request.POST.getlist("entry"):
        pk, _sep, version = value.partition(":")
        if pk.isdigit() and version.isdigit():
            versions[int(pk)] = int(version)
    entries = selectors.entries_by_pk(round_, list(versions))
    return [(e, versions[e.pk]) for e in entries]


@guarded
@require_POST
def review_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """Unconfirmed: the page that lists what will be approved. Confirmed:
    approve them all (or none, saying why)."""
    round_ = round_or_404(pk)
    check(request, Action.VIEW_ROUND, round_)
    chosen = _chosen(request, round_)
    back = reverse("workflow:review", args=[round_.pk])
    if not chosen:
        messages.error(request, _("Tick the entries to approve."))
        return redirect(back)
    for entry, _version in chosen:
        check(request, Action.APPROVE_ENTRY, entry)
    if not confirmed(request):
        return _confirm(request, round_, chosen, back)
    try:
        approved = services.entries_approve(actor=request.user, entries=chosen)
    except ServiceError as exc:
        messages.error(
            request, _("Nothing was approved: %(reason)s") % {"reason": exc.message}
        )
        return redirect(back)
    messages.success(
        request,
        _("Approved %(count)s entries: %(programs)s.")
        % {"count": len(approved), "programs": ", ".join(e.label for e in approved)},
    )
    return redirect(back)


def _lead(entry: RoundEntry):
    assignment = getattr(entry.program, "assignment", None)
    return assignment.lead if assignment is not None else None


def _confirm(request: HttpRequest, round_: Round, chosen, back: str) -> HttpResponse:
    """The list of what will be approved, before anything is (workflow.web's
    confirmation page: the ticked entries travel as hidden fields)."""
    count = len(chosen)
    unassigned = _("No department assigned")
    return confirm_page(
        request,
        title=_("Approve these entries?"),
        question=ngettext(
            "Approve %(count)s entry of %(round)s?",
            "Approve these %(count)s entries of %(round)s?",
            count,
        )
        % {"count": count, "round": round_.title},
        details=[
            f"{e.label} ({_lead(e) or unassigned}, {e.get_state_display()})"
            for e, _version in chosen
        ],
        consequences=[
            _(
                "Each text becomes the plan's record of the round, and its "
                "department is told by mail. All are approved, or none: an entry "
                "changed since this list was shown stops them all."
            )
        ],
        button=ngettext("Approve %(count)s entry", "Approve %(count)s entries", count)
        % {"count": count},
        cancel_url=back,
        plan=round_.plan,
    )


def _download(round_: Round, data: bytes, extension: str, content_type: str):
    response = HttpResponse(data, content_type=content_type)
    name = status.status_filename(round_, extension)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@guarded
def status_csv(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = round_or_404(pk)
    check(request, Action.VIEW_ROUND, round_)
    data = status.status_csv(selectors.review_queue(round_))
    return _download(round_, data, "csv", "text/csv; charset=utf-8")


@guarded
def status_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = round_or_404(pk)
    check(request, Action.VIEW_ROUND, round_)
    data = status.status_xlsx(selectors.review_queue(round_))
    return _download(
        round_,
        data,
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
