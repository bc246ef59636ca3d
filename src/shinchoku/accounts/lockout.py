"""The sign-in lockout, given by django-axes: after AXES_FAILURE_LIMIT failed
sign-ins for one user name from one client address, that pair is refused
(HTTP 429) for AXES_COOLOFF_TIME. Axes checks inside authenticate() and records
from the user_login_failed signal, both from the same credentials, so the check
and the count cannot disagree; the functions here are the settings' callables:
one spelling of a user name, the client's address, and the refusal."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext


def normalize_username(username: str) -> str:
    """The one spelling of a user name that failures are counted under: NFKC
    (what Django's sign-in form does: ｇｙｏｓｅｉ → gyosei), case folded, trimmed."""
    return unicodedata.normalize("NFKC", username or "").strip().casefold()


def username(request: HttpRequest, credentials: dict | None) -> str:
    """AXES_USERNAME_CALLABLE: the user name the form passed to authenticate()
    (else the POSTed one), normalised."""
    if credentials:
        raw = credentials.get("username")
    else:
        raw = request.POST.get("username") if request is not None else ""
    return normalize_username(str(raw or ""))


def client_ip(request: HttpRequest) -> str:
    """AXES_CLIENT_IP_CALLABLE: REMOTE_ADDR, or the header a trusted proxy sets
    (SHINCHOKU_CLIENT_IP_HEADER, e.g. HTTP_X_REAL_IP) when the app runs behind
    one."""
    header = getattr(settings, "SHINCHOKU_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def cool_off_seconds() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def lockout_response(request, response=None, credentials=None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: 429, in the visitor's language, with Retry-After."""
    seconds = cool_off_seconds()
    message = gettext(
        "Too many failed sign-in attempts for this user name from your address. "
        "Please wait %(minutes)s minutes and try again."
    ) % {"minutes": max(1, seconds // 60)}
    refusal = HttpResponse(
        message, status=429, content_type="text/plain; charset=utf-8"
    )
    refusal["Retry-After"] = str(seconds)
    return refusal
