"""A small, cache-based limit on failed sign-ins: after `limit` failures for one
username from one client address within `window` seconds, that pair is refused
(HTTP 429) until the window ends. The cache is shared by every app server when
it is the database or Redis (production), so the limit holds across servers.

Failures are counted from Django's `user_login_failed` signal, so any view that
authenticates (the admin today, others later) is counted; the refusal is given by
LoginThrottleMiddleware on the views named in settings."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext

DEFAULTS = {"limit": 5, "window": 900, "views": ["admin:login"]}


def _config() -> dict:
    return {**DEFAULTS, **getattr(settings, "SHINCHOKU_LOGIN_THROTTLE", {})}


def throttled_views() -> list[str]:
    return _config()["views"]


def client_ip(request) -> str:
    """REMOTE_ADDR, or the header a trusted proxy sets (SHINCHOKU_CLIENT_IP_HEADER,
    e.g. HTTP_X_REAL_IP) when the app runs behind one."""
    header = getattr(settings, "SHINCHOKU_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(request, username: str) -> str:
    raw = f"{username.strip().casefold()}\0{client_ip(request)}"
    return "shinchoku:login-fail:" + hashlib.sha256(raw.encode()).hexdigest()


def failures(request, username: str) -> int:
    return cache.get(_key(request, username), 0)


def record_failure(request, username: str) -> int:
    key = _key(request, username)
    cache.add(key, 0, timeout=_config()["window"])
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=_config()["window"])
        return 1


def reset(request, username: str) -> None:
    cache.delete(_key(request, username))


def refusal(request, username: str) -> HttpResponse | None:
    """The 429 response when this username and address are locked out, else None."""
    config = _config()
    if failures(request, username) < config["limit"]:
        return None
    minutes = max(1, config["window"] // 60)
    message = gettext(
        "Too many failed sign-in attempts for this user name from your address. "
        "Please wait %(minutes)s minutes and try again."
    ) % {"minutes": minutes}
    response = HttpResponse(
        message, status=429, content_type="text/plain; charset=utf-8"
    )
    response["Retry-After"] = str(config["window"])
    return response


def on_login_failed(sender, credentials, request=None, **kwargs) -> None:
    if request is not None:
        record_failure(request, credentials.get("username", "") or "")


def on_logged_in(sender, request, user, **kwargs) -> None:
    if request is not None:
        reset(request, user.get_username())
