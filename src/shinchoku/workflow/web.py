"""What every page of the update round shares: the permission check
of each view (a sign-in page for the public, 403 for the others), the objects
a URL names, and the one conflict screen of a lost update."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from shinchoku.plans import selectors as plan_selectors
from shinchoku.plans.models import Plan, Program
from shinchoku.workflow import diff as plan_diff
from shinchoku.workflow.entries import selectors as entry_selectors
from shinchoku.workflow.models import Round, RoundEntry
from shinchoku.workflow.permissions import Action, can
from shinchoku.workflow.rounds import selectors as round_selectors


class _LoginRequired(Exception):
    pass


def check(request: HttpRequest, action: Action, obj: object = None) -> None:
    """The permission check of every view: a sign-in page for the public on a
    GET, 403 otherwise."""
    if can(request.user, action, obj):
        return
    if not request.user.is_authenticated and request.method == "GET":
        raise _LoginRequired
    raise PermissionDenied


def guarded(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Turn check()'s refusal of the public into the sign-in page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    return wrapper


def plan_or_404(code: str, slug: str) -> Plan:
    try:
        return plan_selectors.plan_get(code=code, slug=slug)
    except plan_selectors.PlanNotFound:
        raise Http404 from None


def program_or_404(plan: Plan, number: int) -> Program:
    try:
        return plan_selectors.program_get(plan=plan, number=number)
    except Program.DoesNotExist:
        raise Http404 from None


def round_or_404(pk: int) -> Round:
    try:
        return round_selectors.round_get(pk)
    except Round.DoesNotExist:
        raise Http404 from None


def entry_or_404(pk: int) -> RoundEntry:
    try:
        return entry_selectors.entry_get(pk)
    except RoundEntry.DoesNotExist:
        raise Http404 from None


def posted_version(request: HttpRequest) -> int | None:
    """The version a posted form was built from (None: not given)."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


@dataclass(frozen=True)
class ConflictField:
    """One field of a lost update: as saved, as the person typed it."""

    label: str
    theirs: list[str]
    mine: list[str]

    @property
    def changes(self) -> list[plan_diff.BulletChange]:
        return plan_diff.diff_bullets(self.theirs, self.mine)


def conflict_page(
    request: HttpRequest,
    *,
    message: str,
    plan: Plan,
    program: Program,
    fields: list[ConflictField],
    form: Form,
    action: str = "",
    **context,
) -> HttpResponse:
    """Someone else saved first: both texts, their differences, and the form to
    save the merged text (now based on the saved version). 409."""
    return render(
        request,
        "workflow/conflict.html",
        {
            "message": message,
            "plan": plan,
            "program": program,
            "fields": fields,
            "form": form,
            "action": action,
            # Several fields get a heading each, their columns one level down.
            "heading": "h3" if len(fields) > 1 else "h2",
            **context,
        },
        status=409,
    )


CONFIRMED = "confirmed"


def confirmed(request: HttpRequest) -> bool:
    """Whether a posted irreversible or public action was confirmed on the
    confirmation page (confirm_page)."""
    return request.POST.get(CONFIRMED) == "1"


def confirm_page(
    request: HttpRequest,
    *,
    title: str,
    question: str,
    button: str,
    cancel_url: str,
    details: list[str] | None = None,
    consequences: list[str] | None = None,
    **context,
) -> HttpResponse:
    """The step before an irreversible or public action: what will happen, a
    button that posts the same form again, confirmed, and a way back. A page,
    not a script dialog, so it works without JavaScript and with a screen
    reader; the form's fields travel as hidden inputs."""
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", CONFIRMED)
        for value in values
    ]
    return render(
        request,
        "workflow/confirm.html",
        {
            "title": title,
            "question": question,
            "button": button,
            "cancel_url": cancel_url,
            "details": details or [],
            "consequences": consequences or [],
            "fields": fields,
            "action": request.get_full_path(),
            **context,
        },
    )
