"""Sign-in in two steps: the password (django-axes counts its failures), then,
for whoever has enrolled an authenticator app, its code (django-otp throttles
wrong ones); and the enrolment page. The admin site signs in through the same
views (accounts.admin_site)."""

from __future__ import annotations

import time

from django import forms
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shinchoku.accounts import twofactor

PENDING = "shinchoku_two_factor_pending"
# How long the code step waits for the code after the password was right.
PENDING_SECONDS = 5 * 60


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )


class SignInView(auth_views.LoginView):
    """The password step. A user with an authenticator app goes on to the code
    step, not yet signed in; the others are signed in (and, if their
    municipality requires two-factor sign-in, sent to enrol: the middleware)."""

    template_name = "workflow/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if twofactor.confirmed_device(user) is None:
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "next": self.get_success_url(),
            "at": time.time(),
        }
        return HttpResponseRedirect(reverse("accounts:code"))


def _pending_user(request):
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None, None
    user = auth.get_user_model().objects.filter(pk=pending["user"]).first()
    return user, pending


def _safe_next(request, url: str) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("workflow:home")


def code(request):
    """The code step: after the password, or for a signed-in user whose
    session is not yet verified (two-factor sign-in was required since)."""
    if request.user.is_authenticated:
        user, pending = request.user, None
        next_url = request.GET.get("next", "")
    else:
        user, pending = _pending_user(request)
        if user is None:
            messages.info(request, _("Please sign in again."))
            return redirect("accounts:login")
        next_url = pending["next"]
    device = twofactor.confirmed_device(user)
    if device is None:
        return redirect("accounts:two-factor")
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        check = twofactor.check_code(device, form.cleaned_data["code"])
        if check.outcome is twofactor.Outcome.OK:
            user.otp_device = device  # django-otp marks the session verified
            if pending is not None:
                request.session.pop(PENDING, None)
                auth.login(request, user, backend=pending["backend"])
            else:
                from django_otp import login as otp_login

                otp_login(request, device)
            return HttpResponseRedirect(_safe_next(request, next_url))
        status = 429 if check.outcome is twofactor.Outcome.THROTTLED else 400
        form.add_error("code", _message(check))
    return render(request, "accounts/code.html", {"form": form}, status=status)


def _message(check: twofactor.Check) -> str:
    if check.outcome is twofactor.Outcome.THROTTLED:
        return _(
            "Too many wrong codes: wait %(seconds)s seconds, then enter the "
            "code your app shows now."
        ) % {"seconds": check.wait_seconds}
    return _("The code is not right. Enter the code your app shows now.")


@login_required
def two_factor(request):
    """Enrol an authenticator app (or see that one is enrolled)."""
    user = request.user
    if not twofactor.eligible(user):
        raise PermissionDenied
    device = twofactor.confirmed_device(user)
    if device is not None:
        return render(
            request,
            "accounts/two_factor.html",
            {"device": device, "required": twofactor.required(user)},
        )
    device = twofactor.enrolment_device(user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        check = twofactor.enrol_confirm(device, form.cleaned_data["code"])
        if check.outcome is twofactor.Outcome.OK:
            user.otp_device = device
            from django_otp import login as otp_login

            otp_login(request, device)
            messages.success(request, _("Two-factor sign-in is on."))
            return HttpResponseRedirect(_safe_next(request, request.GET.get("next")))
        status = 429 if check.outcome is twofactor.Outcome.THROTTLED else 400
        form.add_error("code", _message(check))
    return render(
        request,
        "accounts/two_factor.html",
        {
            "form": form,
            "required": twofactor.required(user),
            "secret": twofactor.secret(device),
            "qr": twofactor.qr_svg(device, title=_("QR code for your app")),
        },
        status=status,
    )


def not_verified_response(request) -> HttpResponse:
    """Where the middleware sends a signed-in user who must use two-factor
    sign-in and has not in this session."""
    target = (
        "accounts:code"
        if twofactor.confirmed_device(request.user)
        else "accounts:two-factor"
    )
    return redirect(f"{reverse(target)}?next={request.get_full_path()}")
