"""Request-level middleware for running several stateless app servers: one JSON
log line per request, a Content-Security-Policy header, and JSON for every error
of the API. Each reads its settings per request, so tests can override them."""

from __future__ import annotations

import logging
import re
import time
import uuid
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

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


# ------------------------------------------------------------ the API's errors

# Every error of the API is JSON. Ninja answers JSON for what its operations
# refuse; what refuses a request before or around them — Django's URL resolver
# (404), ninja's method check (a bare 405), the limit on a request body (400),
# an error of the server such as the database being down (the 500 page) —
# answers HTML or plain text, which a client parsing JSON cannot read. This
# middleware gives those the API's shape, {"detail": "…"}, with the same status
# and headers.

API_PREFIX = "/api/"
HTML_PAGES = ("/api/docs/",)
KEPT_HEADERS = ("Allow", "Retry-After", "X-Request-ID")


def is_api(request: HttpRequest) -> bool:
    path = request.path_info
    return path.startswith(API_PREFIX) and not path.startswith(HTML_PAGES)


def too_large_detail() -> str:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 2**20
    return _("The request is too large: at most %(size)s MB.") % {"size": f"{limit:g}"}


def _detail(status: int, response: HttpResponse) -> str:
    messages = {
        400: _("The request is malformed."),
        403: _("This request is not allowed."),
        404: _("There is no such resource."),
        405: _("This method is not allowed here (allowed: %(allow)s).")
        % {"allow": response.get("Allow", "")},
        413: too_large_detail(),
        500: _(
            "The server could not answer (the error is logged). Please try again later."
        ),
        503: _("The service is unavailable. Please try again later."),
    }
    if status in messages:
        return messages[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return str(status)


def json_error(status: int, detail: str) -> JsonResponse:
    return JsonResponse(
        {"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False}
    )


class ApiJsonErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not is_api(request)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        converted = json_error(
            response.status_code, _detail(response.status_code, response)
        )
        for header in KEPT_HEADERS:
            if header in response:
                converted[header] = response[header]
        return converted

    def process_exception(self, request, exception):
        # Django turns it into a 400; it is a 413 (Payload Too Large).
        if isinstance(exception, RequestDataTooBig) and is_api(request):
            return json_error(413, too_large_detail())
        return None
