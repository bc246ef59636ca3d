"""Pages of the update round: thin views over workflow.services and selectors,
every one guarded by workflow.permissions."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from shinchoku.common import wareki
from shinchoku.common.services import ServiceError, StaleVersion
from shinchoku.plans import selectors as plan_selectors
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Edition, Program, ProgramYear
from shinchoku.workflow import diff as plan_diff
from shinchoku.workflow import forms, selectors, services
from shinchoku.workflow.models import Department, Opinion, Round, RoundEntry
from shinchoku.workflow.permissions import Action, RoundDepartment, actor_for, can


class LoginView(auth_views.LoginView):
    template_name = "workflow/login.html"
    redirect_authenticated_user = True


class _LoginRequired(Exception):
    pass


def _check(request, action: Action, obj=None) -> None:
    """The permission check of every view: a sign-in page for the public on a
    GET, 403 otherwise."""
    if can(request.user, action, obj):
        return
    if not request.user.is_authenticated and request.method == "GET":
        raise _LoginRequired
    raise PermissionDenied


def guarded(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _plan_or_404(code: str, slug: str):
    try:
        return plan_selectors.plan_get(code=code, slug=slug)
    except plan_selectors.PlanNotFound:
        raise Http404 from None


def _entry_or_404(pk: int) -> RoundEntry:
    try:
        return selectors.entry_get(pk)
    except RoundEntry.DoesNotExist:
        raise Http404 from None


def _round_or_404(pk: int) -> Round:
    try:
        return selectors.round_get(pk)
    except Round.DoesNotExist:
        raise Http404 from None


def _version(request) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


# ------------------------------------------------------------ home


@guarded
def home(request):
    """My tasks: a department editor's to-do list; the rounds for the others."""
    _check(request, Action.VIEW_TASKS)
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
            "membership": selectors.membership_of(request.user),
            "tasks": selectors.tasks_for(request.user),
            "rounds": selectors.open_rounds_for(request.user),
            "plans": plans,
        },
    )


# ------------------------------------------------------------ rounds


@guarded
def round_list(request, code: str, plan: str):
    plan_obj = _plan_or_404(code, plan)
    may_open = can(request.user, Action.OPEN_ROUND, plan_obj)
    rounds = [
        r
        for r in selectors.rounds_for_plan(plan_obj)
        if can(request.user, Action.VIEW_ROUND, r)
    ]
    if not may_open and not rounds:
        _check(request, Action.OPEN_ROUND, plan_obj)
    form = forms.RoundOpenForm(
        initial={"fiscal_year": plan_obj.last_fy, "kind": "initial_plan"}
    )
    if request.method == "POST":
        _check(request, Action.OPEN_ROUND, plan_obj)
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
def round_detail(request, pk: int):
    round_ = _round_or_404(pk)
    _check(request, Action.VIEW_ROUND, round_)
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
def round_remind(request, pk: int):
    round_ = _round_or_404(pk)
    _check(request, Action.REMIND, round_)
    result = services.round_remind(actor=request.user, round_=round_)
    messages.success(
        request,
        _("%(count)s reminder(s) sent to %(departments)s.")
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


@guarded
def round_close(request, pk: int):
    round_ = _round_or_404(pk)
    _check(request, Action.CLOSE_ROUND, round_)
    form = forms.CloseForm(
        initial={"title": round_.title, "fiscal_year": round_.fiscal_year}
    )
    if request.method == "POST":
        form = forms.CloseForm(request.POST)
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
            "rows": selectors.round_dashboard(round_),
        },
        status=400 if form.errors else 200,
    )


# ------------------------------------------------------------ entries


def _entry_page(request, entry: RoundEntry, *, form=None, return_form=None, status=200):
    reference = selectors.entry_reference(entry)
    field = "plan" if "plan" in entry.round.editable_fields else "achievements"
    may_edit = can(request.user, Action.EDIT_ENTRY, entry) and (
        entry.state in services.EDITABLE_STATES
    )
    indicators = (
        reference.indicators if "kpi_actuals" in entry.round.editable_fields else []
    )
    if form is None and may_edit:
        initial = {"version": entry.version, "text": getattr(entry, field)}
        initial |= {
            f"kpi_{i.pk}": _number(entry.kpi_actuals.get(str(i.pk))) for i in indicators
        }
        form = forms.EntryEditForm(
            initial=initial, indicators=indicators, label=_field_label(entry)
        )
    return render(
        request,
        "workflow/entry_detail.html",
        {
            "entry": entry,
            "round": entry.round,
            "plan": entry.round.plan,
            "program": entry.program,
            "reference": reference,
            "draft": getattr(entry, field),
            "live": getattr(reference, f"live_{field}"),
            "field_label": _field_label(entry),
            "changes": plan_diff.diff_bullets(
                getattr(reference, f"live_{field}"), getattr(entry, field)
            ),
            "indicators": [
                (
                    i,
                    i.actuals.get(str(entry.round.fiscal_year)),
                    entry.kpi_actuals.get(str(i.pk)),
                )
                for i in indicators
            ],
            "form": form,
            "may_edit": may_edit,
            "may_submit": may_edit and entry.state in {"drafting", "returned"},
            "may_review": can(request.user, Action.APPROVE_ENTRY, entry)
            and entry.state == "submitted",
            "return_form": return_form
            or forms.ReturnForm(initial={"version": entry.version}),
            "opinions": selectors.entry_opinions(entry),
            "may_opine": can(request.user, Action.ADD_OPINION, entry),
            "opinion_form": forms.OpinionForm(),
            "may_respond": can(request.user, Action.RESPOND_OPINION, entry),
            "response_form": forms.ResponseForm(),
        },
        status=status,
    )


def _number(value) -> str:
    return "" if value is None else str(value)


def _field_label(entry: RoundEntry) -> str:
    fy = wareki.fiscal_year_label(entry.round.fiscal_year)
    if "plan" in entry.round.editable_fields:
        return _("%(fy)s initial plan and targets") % {"fy": fy}
    return _("Achievements through %(fy)s") % {"fy": fy}


@guarded
def entry_detail(request, pk: int):
    entry = _entry_or_404(pk)
    _check(request, Action.VIEW_ENTRY, entry)
    return _entry_page(request, entry)


@guarded
@require_POST
def entry_edit(request, pk: int):
    entry = _entry_or_404(pk)
    _check(request, Action.EDIT_ENTRY, entry)
    indicators = (
        list(entry.program.indicators.all())
        if "kpi_actuals" in entry.round.editable_fields
        else []
    )
    form = forms.EntryEditForm(
        request.POST, indicators=indicators, label=_field_label(entry)
    )
    if not form.is_valid():
        return _entry_page(request, entry, form=form, status=400)
    field = "plan" if "plan" in entry.round.editable_fields else "achievements"
    try:
        changed = services.entry_save_draft(
            actor=request.user,
            entry=entry,
            based_on_version=form.cleaned_data["version"],
            kpi_actuals=form.kpi_actuals(),
            **{field: form.cleaned_data["text"]},
        )
    except StaleVersion as exc:
        current = exc.current
        mine = form.cleaned_data["text"]
        theirs = getattr(current, field)
        merge = forms.EntryEditForm(
            initial={"version": current.version, "text": mine}
            | {f"kpi_{k}": _number(v) for k, v in (form.kpi_actuals() or {}).items()},
            indicators=indicators,
            label=_field_label(entry),
        )
        return render(
            request,
            "workflow/conflict.html",
            {
                "message": exc.message,
                "entry": current,
                "plan": entry.round.plan,
                "program": entry.program,
                "theirs": theirs,
                "mine": mine,
                "who": current.updated_by,
                "when": current.updated_at,
                "changes": plan_diff.diff_bullets(theirs, mine),
                "form": merge,
                "action": reverse("workflow:entry-edit", kwargs={"pk": entry.pk}),
            },
            status=409,
        )
    except ServiceError as exc:
        form.add_error(None, exc.message)
        return _entry_page(request, entry, form=form, status=400)
    if changed:
        messages.success(request, _("Draft saved."))
    else:
        messages.info(request, _("Nothing changed."))
    return redirect("workflow:entry", pk=entry.pk)


def _transition_view(service, action: Action, done: str):
    @guarded
    @require_POST
    def view(request, pk: int):
        entry = _entry_or_404(pk)
        _check(request, action, entry)
        kwargs = {}
        if service is services.entry_return:
            form = forms.ReturnForm(request.POST)
            if not form.is_valid():
                return _entry_page(request, entry, return_form=form, status=400)
            kwargs["comment"] = form.cleaned_data["comment"]
        try:
            service(
                actor=request.user,
                entry=entry,
                based_on_version=_version(request),
                **kwargs,
            )
        except ServiceError as exc:
            messages.error(request, exc.message)
            return redirect("workflow:entry", pk=entry.pk)
        messages.success(request, done % {"program": entry.program})
        return redirect("workflow:entry", pk=entry.pk)

    return view


entry_submit = _transition_view(
    services.entry_submit, Action.SUBMIT_ENTRY, gettext_lazy("%(program)s: submitted.")
)
entry_return = _transition_view(
    services.entry_return, Action.RETURN_ENTRY, gettext_lazy("%(program)s: returned.")
)
entry_approve = _transition_view(
    services.entry_approve, Action.APPROVE_ENTRY, gettext_lazy("%(program)s: approved.")
)


@guarded
@require_POST
def opinion_add(request, pk: int):
    entry = _entry_or_404(pk)
    _check(request, Action.ADD_OPINION, entry)
    form = forms.OpinionForm(request.POST)
    if form.is_valid():
        services.opinion_add(actor=request.user, entry=entry, **form.cleaned_data)
        messages.success(request, _("Opinion recorded."))
    else:
        messages.error(request, _("Write the opinion first."))
    return redirect("workflow:entry", pk=entry.pk)


@guarded
@require_POST
def opinion_respond(request, pk: int):
    opinion = get_object_or_404(
        Opinion.objects.select_related("entry__round__plan__municipality"), pk=pk
    )
    _check(request, Action.RESPOND_OPINION, opinion)
    form = forms.ResponseForm(request.POST)
    if form.is_valid():
        services.opinion_respond(
            actor=request.user, opinion=opinion, **form.cleaned_data
        )
        messages.success(request, _("Response recorded."))
    return redirect("workflow:entry", pk=opinion.entry_id)


# ------------------------------------------------------------ Excel


def _share_or_404(pk: int, department: int) -> RoundDepartment:
    round_ = _round_or_404(pk)
    dept = get_object_or_404(
        Department, pk=department, municipality_id=round_.plan.municipality_id
    )
    return RoundDepartment(round_, dept)


@guarded
def workbook_download(request, pk: int, department: int):
    share = _share_or_404(pk, department)
    _check(request, Action.EXPORT_WORKBOOK, share)
    data = services.workbook_export(
        actor=request.user, round_=share.round, department=share.department
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    filename = f"{share.round.title}_{share.department.name}_{stamp}.xlsx"
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="round-{share.round.pk}.xlsx"; '
        f"filename*=UTF-8''{quote(filename)}"
    )
    return response


@guarded
def workbook_upload(request, pk: int, department: int):
    share = _share_or_404(pk, department)
    _check(request, Action.IMPORT_WORKBOOK, share)
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
                messages.success(
                    request,
                    _("Workbook applied: %(count)s entries changed.")
                    % {"count": changed},
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


# ------------------------------------------------------------ editions


@guarded
def edition_list(request, code: str, plan: str):
    plan_obj = _plan_or_404(code, plan)
    editions = selectors.editions_for(plan_obj, request.user)
    return render(
        request,
        "workflow/edition_list.html",
        {
            "plan": plan_obj,
            "editions": [
                (e, can(request.user, Action.PUBLISH_EDITION, e)) for e in editions
            ],
        },
    )


@guarded
@require_POST
def edition_publish(request, pk: int):
    edition = get_object_or_404(
        Edition.objects.select_related("plan__municipality"), pk=pk
    )
    _check(request, Action.PUBLISH_EDITION, edition)
    publish = request.POST.get("published") == "1"
    plan_services.edition_publish(
        actor=request.user, edition=edition, published=publish
    )
    messages.success(
        request,
        (_("%(edition)s published.") if publish else _("%(edition)s withdrawn."))
        % {"edition": edition.title},
    )
    return redirect(
        "workflow:editions", code=edition.plan.municipality.code, plan=edition.plan.slug
    )


@guarded
def edition_diff(request, code: str, plan: str):
    plan_obj = _plan_or_404(code, plan)
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
    _check(request, Action.VIEW_EDITION, old)
    _check(request, Action.VIEW_EDITION, new)
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


# ------------------------------------------------------------ programs


def _program_or_404(plan_obj, number: int) -> Program:
    try:
        return plan_selectors.program_get(plan=plan_obj, number=number)
    except Program.DoesNotExist:
        raise Http404 from None


@guarded
def program_history(request, code: str, plan: str, number: int):
    plan_obj = _plan_or_404(code, plan)
    program = _program_or_404(plan_obj, number)
    _check(request, Action.VIEW_HISTORY, program)
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
def program_year_edit(request, code: str, plan: str, number: int, fy: int):
    """The admin office's direct edit of a program's FY record."""
    plan_obj = _plan_or_404(code, plan)
    program = _program_or_404(plan_obj, number)
    _check(request, Action.EDIT_PROGRAM_YEAR, program)
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
                merge = forms.ProgramYearForm(
                    initial={
                        "version": current.version if current else 0,
                        "achievements": data["achievements"],
                        "plan": data["plan"],
                    }
                )
                pairs = [
                    (
                        label,
                        getattr(current, name, []) if current else [],
                        data[name],
                        plan_diff.diff_bullets(
                            getattr(current, name, []) if current else [], data[name]
                        ),
                    )
                    for name, label in (
                        ("achievements", _("Achievements")),
                        ("plan", _("Initial plan and targets")),
                    )
                ]
                return render(
                    request,
                    "workflow/conflict_year.html",
                    context | {"message": exc.message, "pairs": pairs, "form": merge},
                    status=409,
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
