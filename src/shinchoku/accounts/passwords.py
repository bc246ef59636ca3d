"""Passwords the admin office handed out: a person given a one-time password
chooses their own at their first sign-in before anything else; a person
invited by mail chooses theirs from the link (Django's password-reset token,
which works once: it changes with the password)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy

from shinchoku.workflow.people import services as people_services
from shinchoku.workflow.people.selectors import membership_of

SESSION_KEY = "shinchoku_must_change_password"


def remember_must_change(sender, request, user, **kwargs) -> None:
    """user_logged_in: whether this person signed in with a one-time password
    (kept in the session: no query on every request)."""
    if request is not None and hasattr(request, "session"):
        membership = membership_of(user)
        request.session[SESSION_KEY] = bool(
            membership and membership.must_change_password
        )


class PasswordChangeMiddleware:
    """After the authentication and two-factor middleware: a person who must
    change their password reaches the change page, sign-out and the static
    files only (the API answers 403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.user.is_authenticated
            and request.session.get(SESSION_KEY)
            and not self._exempt(request.path_info)
        ):
            from django.utils.translation import gettext as _

            from shinchoku.common.middleware import is_api, json_error

            if is_api(request):
                return json_error(
                    403, _("Choose your own password first (you were given one).")
                )
            return redirect(reverse("accounts:password-change"))
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        return path.startswith(
            (
                reverse("accounts:password-change"),
                reverse("workflow:logout"),
                reverse("accounts:code"),
                reverse("accounts:two-factor"),
                "/static/",
                "/i18n/",
                reverse("language"),
            )
        )


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("workflow:home")

    def form_valid(self, form):
        response = super().form_valid(form)
        people_services.password_chosen(user=self.request.user)
        self.request.session.pop(SESSION_KEY, None)
        from django.contrib import messages
        from django.utils.translation import gettext as _

        messages.success(self.request, _("Your password is changed."))
        return response


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The link of an invitation: choose a password, then sign in."""

    template_name = "accounts/set_password.html"
    post_reset_login = False

    def get_success_url(self):
        return reverse("accounts:login")

    def form_valid(self, form):
        from django.contrib import messages
        from django.utils.translation import gettext as _

        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set: sign in with it."))
        return response
