"""The admin office's pages for its departments and people: add or change a
department, add a person (invited by mail, or with a one-time password shown
once), change a person's role and department."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from shinchoku.common.services import ServiceError
from shinchoku.office import forms
from shinchoku.office.views import office_municipality, office_url
from shinchoku.workflow.models import Department, Membership
from shinchoku.workflow.people import selectors as people_selectors
from shinchoku.workflow.people import services as people_services
from shinchoku.workflow.web import guarded


@guarded
def department_form(
    request: HttpRequest, code: str, pk: int | None = None
) -> HttpResponse:
    municipality = office_municipality(request, code)
    department = None
    if pk is not None:
        department = Department.objects.filter(municipality=municipality, pk=pk).first()
        if department is None:
            raise Http404
    initial = (
        {f: getattr(department, f) for f in people_services.DEPARTMENT_EDITABLE}
        if department
        else {}
    )
    form = forms.DepartmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if department is None:
                people_services.department_create(
                    actor=request.user, municipality=municipality, **form.cleaned_data
                )
            else:
                people_services.department_update(
                    actor=request.user, department=department, data=form.cleaned_data
                )
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Department saved."))
            return redirect(office_url(municipality))
    return render(
        request,
        "office/simple_form.html",
        {
            "municipality": municipality,
            "form": form,
            "title": department.name if department else _("New department"),
        },
    )


@guarded
def person_create(request: HttpRequest, code: str) -> HttpResponse:
    municipality = office_municipality(request, code)
    form = forms.PersonForm(request.POST or None, municipality_id=municipality.pk)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invite = data["password"] == "invite"
        try:
            user, password = people_services.person_create(
                actor=request.user,
                municipality=municipality,
                username=data["username"],
                email=data["email"],
                last_name=data["last_name"],
                first_name=data["first_name"],
                role=data["role"],
                department=data["department"],
                invite=invite,
                site_url=request.build_absolute_uri("/"),
            )
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            if invite:
                messages.success(
                    request,
                    _("%(name)s is invited: the mail went to %(email)s.")
                    % {"name": user.get_username(), "email": user.email},
                )
                return redirect(office_url(municipality))
            # Shown on this one response, never stored or sent anywhere.
            response = render(
                request,
                "office/one_time_password.html",
                {"municipality": municipality, "person": user, "password": password},
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(
        request,
        "office/simple_form.html",
        {"municipality": municipality, "form": form, "title": _("New person")},
    )


@guarded
def membership_edit(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    municipality = office_municipality(request, code)
    try:
        membership = people_selectors.membership_get(municipality, pk)
    except Membership.DoesNotExist:
        raise Http404 from None
    form = forms.MembershipForm(
        request.POST or None,
        municipality_id=municipality.pk,
        initial={"role": membership.role, "department": membership.department_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            people_services.membership_set(
                actor=request.user,
                user=membership.user,
                municipality=municipality,
                **form.cleaned_data,
            )
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Role saved."))
            return redirect(office_url(municipality))
    return render(
        request,
        "office/simple_form.html",
        {
            "municipality": municipality,
            "form": form,
            "title": membership.user.get_username(),
        },
    )
