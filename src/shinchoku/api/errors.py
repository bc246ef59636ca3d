"""How the write operations refuse, as JSON: the services' exceptions mapped
to statuses, so that endpoints only call the service.

* 401: no (valid) credentials — ninja, before the endpoint runs;
* 403: workflow.permissions.require refused (PermissionDenied), or the CSRF
  check of a signed-in session;
* 409: the resource changed since the version the request was based on, or
  its state does not allow the change; the body says the current version;
* 422: the request breaks a rule of the data (a grade not on the plan's scale,
  a number that is not one, …), besides ninja's own validation of the shapes.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from shinchoku.api import presenters
from shinchoku.common.services import InvalidState, ServiceError, StaleVersion
from shinchoku.document.errors import ImportFormatError
from shinchoku.workflow.models import Round, RoundEntry


def _forbidden(api: NinjaAPI, request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": _("Your role does not allow this.")},
        status=403,
    )


def _invalid(api: NinjaAPI, request: HttpRequest, exc: Exception) -> HttpResponse:
    if isinstance(exc, DjangoValidationError):
        detail = " ".join(exc.messages)
    else:
        detail = exc.message
    return api.create_response(request, {"detail": detail}, status=422)


def _unreadable(api: NinjaAPI, request: HttpRequest, exc: Exception) -> HttpResponse:
    """A file that cannot be imported: the message names its sheet, row and
    cell."""
    return api.create_response(request, {"detail": str(exc)}, status=422)


def _conflict(api: NinjaAPI, request: HttpRequest, exc: Exception) -> HttpResponse:
    current = exc.current
    state = None
    if isinstance(current, RoundEntry):
        state = current.state
    elif isinstance(current, Round):
        state = current.status
    body = {
        "detail": getattr(exc, "message", None) or str(exc),
        # A round has no version: 0, as for a record that is not there.
        "current_version": getattr(current, "version", 0),
        "current_state": state,
    }
    pending = getattr(exc, "entries", None)  # a round closed over entries
    if pending is not None:
        body["pending"] = [presenters.round_entry_line(e) for e in pending]
    return api.create_response(request, body, status=409)


def install(api: NinjaAPI) -> None:
    handlers = {
        PermissionDenied: _forbidden,
        DjangoValidationError: _invalid,
        ServiceError: _invalid,
        StaleVersion: _conflict,
        InvalidState: _conflict,
        ImportFormatError: _unreadable,
    }
    for exc_class, handler in handlers.items():
        api.add_exception_handler(
            exc_class, lambda request, exc, handler=handler: handler(api, request, exc)
        )
