"""Two-factor sign-in enforced: a signed-in user who must use it (accounts.
twofactor.required) and whose session is not verified reaches nothing but the
code step, the enrolment page and sign-out — the admin site and the API
included.

Whether a user must is decided when they sign in and kept in their session
(no query on every request): a municipality that starts requiring it does so
from its people's next sign-in."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from shinchoku.accounts import twofactor

SESSION_KEY = "shinchoku_two_factor"


def _decide(user) -> dict[str, bool]:
    return {"eligible": twofactor.eligible(user), "required": twofactor.required(user)}


def remember_requirement(sender, request, user, **kwargs) -> None:
    """user_logged_in: whether this user may, and must, use a second factor."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = _decide(user)


def _in_session(request) -> dict[str, bool]:
    decided = request.session.get(SESSION_KEY)
    if decided is None:  # a session from before two-factor sign-in existed
        decided = request.session[SESSION_KEY] = _decide(request.user)
    return decided


def required_in_session(request) -> bool:
    return _in_session(request)["required"]


def eligible_in_session(request) -> bool:
    return request.user.is_authenticated and _in_session(request)["eligible"]


class TwoFactorMiddleware:
    """After django_otp's OTPMiddleware (which gives user.is_verified())."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not self._exempt(request.path_info)
            and required_in_session(request)
        ):
            from shinchoku.accounts.views import not_verified_response
            from shinchoku.common.middleware import is_api, json_error

            if is_api(request):
                return json_error(
                    403, _("Two-factor sign-in is required: sign in with a code.")
                )
            return not_verified_response(request)
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        open_paths = (
            reverse("accounts:code"),
            reverse("accounts:two-factor"),
            reverse("workflow:logout"),
            reverse("accounts:login"),
            "/static/",
            "/i18n/",
            reverse("language"),
            reverse("healthz"),
            reverse("livez"),
        )
        return path.startswith(open_paths)
