"""Pages of round entries: a person's tasks, an entry with its draft beside
the live text and its thread, saving a draft (and the conflict screen when
someone saved first), and the steps submit, withdraw, the department head's
pass-on, return and approve."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from shinchoku.common.services import ServiceError, StaleVersion
from shinchoku.plans import selectors as plan_selectors
from shinchoku.plans.presenters import target_text
from shinchoku.plans.selectors import indicator_to_dict
from shinchoku.workflow import diff as plan_diff
from shinchoku.workflow import forms
from shinchoku.workflow.entries import selectors, services
from shinchoku.workflow.models import RoundEntry
from shinchoku.workflow.opinions import selectors as opinion_selectors
from shinchoku.workflow.people import selectors as people_selectors
from shinchoku.workflow.permissions import Action, actor_for, can
from shinchoku.workflow.rounds import selectors as round_selectors
from shinchoku.workflow.web import (
    ConflictField,
    check,
    confirm_page,
    confirmed,
    conflict_page,
    entry_or_404,
    guarded,
    posted_version,
)


@guarded
def home(request: HttpRequest) -> HttpResponse:
    """My tasks: a department editor's to-do list; the rounds for the others."""
    check(request, Action.VIEW_TASKS)
    actor = actor_for(request.user)
    plans = []
    if actor.role is not None:
        plans = [
            p
            for m in plan_selectors.municipality_list()
            for p in m.plans.all()
            if actor.is_member_of(m.pk)
        ]
    return render(
        request,
        "workflow/home.html",
        {
            "membership": people_selectors.membership_of(request.user),
            "tasks": selectors.tasks_for(request.user),
            "rounds": round_selectors.open_rounds_for(request.user),
            "plans": plans,
        },
    )


def _number(value: object) -> str:
    return "" if value is None else str(value)


def _indicators(entry: RoundEntry, reference: selectors.EntryReference | None = None):
    """The indicators whose actuals the entry's round asks for (none in an
    initial-plan round)."""
    if not entry.round.asks_kpi_actuals:
        return []
    if reference is not None:
        return reference.indicators
    return list(entry.program.indicators.all())


def _edit_form(entry: RoundEntry, indicators, *, data=None, version: int, text, kpis):
    """The draft's form: its text, and a box per indicator asked for (with the
    live actual shown beside it, which a value typed is written against)."""
    initial = {"version": version, "text": text}
    initial |= {f"kpi_{k}": _number(v) for k, v in kpis.items()}
    fy = str(entry.round.fiscal_year)
    initial |= {f"kpi_seen_{i.pk}": _number(i.actuals.get(fy)) for i in indicators}
    return forms.EntryEditForm(
        data, initial=initial, indicators=indicators, label=entry.round.text_label
    )


def _entry_page(
    request: HttpRequest,
    entry: RoundEntry,
    *,
    form: Form | None = None,
    return_form: Form | None = None,
    status: int = 200,
) -> HttpResponse:
    reference = selectors.entry_reference(entry)
    field = entry.round.text_field
    may_edit = can(request.user, Action.EDIT_ENTRY, entry) and entry.is_editable
    indicators = _indicators(entry, reference)
    if form is None and may_edit:
        form = _edit_form(
            entry,
            indicators,
            version=entry.version,
            text=entry.text,
            kpis={i.pk: entry.kpi_actuals.get(str(i.pk)) for i in indicators},
        )
    live = reference.live(field)
    thread = selectors.entry_thread(entry)
    returned_text = selectors.last_returned_text(thread)
    return render(
        request,
        "workflow/entry_detail.html",
        {
            "entry": entry,
            "round": entry.round,
            "plan": entry.round.plan,
            "program": entry.program,
            "reference": reference,
            "draft": entry.text,
            "live": live,
            "field_label": entry.round.text_label,
            "changes": plan_diff.diff_bullets(live, entry.text),
            "thread": thread,
            "approval": selectors.last_approval(thread) if entry.is_done else None,
            "since_return": (
                None
                if returned_text is None
                else plan_diff.diff_bullets(returned_text, entry.text)
            ),
            "indicators": [
                (
                    i,
                    target_text(indicator_to_dict(i), entry.round.fiscal_year),
                    i.actuals.get(str(entry.round.fiscal_year)),
                    entry.kpi_actuals.get(str(i.pk)),
                )
                for i in indicators
            ],
            "form": form,
            "may_edit": may_edit,
            # The admin office reviews entries: submitting to itself is no step.
            "may_submit": may_edit
            and entry.may_be_submitted
            and not can(request.user, Action.APPROVE_ENTRY, entry),
            "may_review": can(request.user, Action.APPROVE_ENTRY, entry)
            and entry.awaits_review,
            "may_withdraw": can(request.user, Action.WITHDRAW_ENTRY, entry)
            and entry.may_be_withdrawn,
            "may_forward": can(request.user, Action.FORWARD_ENTRY, entry)
            and entry.awaits_head,
            "return_form": return_form
            or forms.ReturnForm(initial={"version": entry.version}),
            "opinions": opinion_selectors.entry_opinions(entry),
            "may_opine": can(request.user, Action.ADD_OPINION, entry),
            "opinion_form": forms.OpinionForm(),
            "may_respond": can(request.user, Action.RESPOND_OPINION, entry),
            "response_form": forms.ResponseForm(),
        },
        status=status,
    )


@guarded
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = entry_or_404(pk)
    check(request, Action.VIEW_ENTRY, entry)
    return _entry_page(request, entry)


@guarded
@require_POST
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = entry_or_404(pk)
    check(request, Action.EDIT_ENTRY, entry)
    indicators = _indicators(entry)
    form = forms.EntryEditForm(
        request.POST, indicators=indicators, label=entry.round.text_label
    )
    if not form.is_valid():
        return _entry_page(request, entry, form=form, status=400)
    try:
        changed = services.entry_save_draft(
            actor=request.user,
            entry=entry,
            based_on_version=form.cleaned_data["version"],
            kpi_actuals=form.kpi_actuals(),
            kpi_seen=form.kpi_seen(),
            **{entry.round.text_field: form.cleaned_data["text"]},
        )
    except StaleVersion as exc:
        current = exc.current
        mine = form.cleaned_data["text"]
        return conflict_page(
            request,
            message=exc.message,
            plan=entry.round.plan,
            program=entry.program,
            fields=[ConflictField(entry.round.text_label, current.text, mine)],
            form=_edit_form(
                entry,
                indicators,
                version=current.version,
                text=mine,
                kpis=form.kpi_actuals() or {},
            ),
            action=reverse("workflow:entry-edit", kwargs={"pk": entry.pk}),
            who=current.updated_by,
            when=current.saved_at,
        )
    except ServiceError as exc:
        form.add_error(None, exc.message)
        return _entry_page(request, entry, form=form, status=400)
    if changed:
        messages.success(request, _("Draft saved."))
    else:
        messages.info(request, _("Nothing changed."))
    return redirect("workflow:entry", pk=entry.pk)


def _step(
    request: HttpRequest,
    entry: RoundEntry,
    service: Callable[..., RoundEntry],
    done: Promise,
    **kwargs,
) -> HttpResponse:
    """Take one step of the entry's life; its refusal is a message, not a
    page of its own."""
    try:
        service(
            actor=request.user,
            entry=entry,
            based_on_version=posted_version(request),
            **kwargs,
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done % {"program": entry.program})
    return redirect("workflow:entry", pk=entry.pk)


@guarded
@require_POST
def entry_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Hand the draft in (to the department head first where the plan asks)."""
    entry = entry_or_404(pk)
    check(request, Action.SUBMIT_ENTRY, entry)
    try:
        entry = services.entry_submit(
            actor=request.user, entry=entry, based_on_version=posted_version(request)
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        done = (
            _("%(program)s: submitted to the department head.")
            if entry.awaits_head
            else _("%(program)s: submitted.")
        )
        messages.success(request, done % {"program": entry.program})
    return redirect("workflow:entry", pk=entry.pk)


def _step_view(
    service: Callable[..., RoundEntry],
    action: Action,
    done: Promise,
    confirm: Callable[[HttpRequest, RoundEntry], HttpResponse] | None = None,
) -> Callable[..., HttpResponse]:
    """The view of a step that asks for nothing but the version (and, for an
    irreversible step, a confirmation first)."""

    @guarded
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        entry = entry_or_404(pk)
        check(request, action, entry)
        if confirm is not None and not confirmed(request):
            return confirm(request, entry)
        return _step(request, entry, service, done)

    return view


entry_withdraw = _step_view(
    services.entry_withdraw,
    Action.WITHDRAW_ENTRY,
    gettext_lazy("%(program)s: withdrawn; it is a draft again."),
)
entry_forward = _step_view(
    services.entry_forward,
    Action.FORWARD_ENTRY,
    gettext_lazy("%(program)s: passed on to the admin office."),
)


def _confirm_approval(request: HttpRequest, entry: RoundEntry) -> HttpResponse:
    values = {"program": entry.program, "round": entry.round.title}
    return confirm_page(
        request,
        title=_("Approve %(program)s") % values,
        question=_("Approve the entry of %(program)s for %(round)s?") % values,
        consequences=[
            _("Its text replaces the plan's record of this fiscal year."),
            _("The department can no longer change it in this round."),
        ],
        button=_("Approve"),
        cancel_url=reverse("workflow:entry", kwargs={"pk": entry.pk}),
        plan=entry.round.plan,
        round=entry.round,
        program=entry.program,
    )


entry_approve = _step_view(
    services.entry_approve,
    Action.APPROVE_ENTRY,
    gettext_lazy("%(program)s: approved."),
    confirm=_confirm_approval,
)


@guarded
@require_POST
def entry_return(request: HttpRequest, pk: int) -> HttpResponse:
    """Return a submitted entry to its department, saying why."""
    entry = entry_or_404(pk)
    check(request, Action.RETURN_ENTRY, entry)
    form = forms.ReturnForm(request.POST)
    if not form.is_valid():
        return _entry_page(request, entry, return_form=form, status=400)
    return _step(
        request,
        entry,
        services.entry_return,
        gettext_lazy("%(program)s: returned."),
        comment=form.cleaned_data["comment"],
    )
