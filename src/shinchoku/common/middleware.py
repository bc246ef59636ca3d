"""Request-level middleware for running several stateless app servers: one JSON
log line per request, a Content-Security-Policy header, and a throttle on the
sign-in views. Each reads its settings per request, so tests can override them."""

from __future__ import annotations

import logging
import re
import time
import uuid

from django.conf import settings

from shinchoku.common import throttle

request_logger = logging.getLogger("shinchoku.request")

# An incoming X-Request-ID (from the proxy or load balancer) is kept when it is a
# plain token, so one id follows a request through nginx, gunicorn and the app.
_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestLogMiddleware:
    """Logs method, path, status, duration, user id and request id of every
    request to the `shinchoku.request` logger (production formats it as JSON,
    see common.logging), and returns the request id as X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        incoming = request.headers.get("X-Request-ID", "")
        request.request_id = (
            incoming if _REQUEST_ID_RE.match(incoming) else uuid.uuid4().hex
        )
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response["X-Request-ID"] = request.request_id
        request_logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_log": {
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "user_id": _user_id(request),
                    "request_id": request.request_id,
                }
            },
        )
        return response


def _user_id(request) -> int | None:
    user = getattr(request, "user", None)
    if user is None:
        return None
    try:
        return user.pk if user.is_authenticated else None
    except Exception:  # noqa: BLE001 — a log line must not turn into a 500
        # e.g. the session store is the database and the database is down
        return None


class ContentSecurityPolicyMiddleware:
    """Sets settings.SHINCHOKU_CSP as the Content-Security-Policy header (Django
    5.2 has no CSP support of its own; 6.0 does). No header when the setting is
    empty, so development pages are not constrained by it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "SHINCHOKU_CSP", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response


class LoginThrottleMiddleware:
    """Answers 429 to a sign-in POST once the username has failed too often from
    the same address (see common.throttle; failures are counted there)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        match = request.resolver_match
        if match is None or match.view_name not in throttle.throttled_views():
            return None
        return throttle.refusal(request, request.POST.get("username", ""))
